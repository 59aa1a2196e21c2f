"""moto's server on 127.0.0.1: S3 and Polly over real HTTP for the real boto3, never AWS.

Import the fixtures into a test module: `from tests.utils.moto_server import moto, moto_server`.
The server lives for the session; `moto` gives one test fake credentials, an AWS config that
reads no file of the developer's, and AWS_ENDPOINT_URL pointing at moto, so even a client made
without an endpoint_url talks to moto. Clients from `Moto.client` (shared: register no hooks on
them) also refuse any other host.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from functools import cache

import pytest
from moto.server import ThreadedMotoServer

from dailycast.aws import aws_client, s3_client

REGION = "us-east-1"
_CLEARED = (
    "AWS_PROFILE",
    "AWS_DEFAULT_PROFILE",
    "AWS_SESSION_TOKEN",
    "AWS_SECURITY_TOKEN",
    "AWS_WEB_IDENTITY_TOKEN_FILE",
    "AWS_ROLE_ARN",
    "AWS_CONTAINER_CREDENTIALS_FULL_URI",
    "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
    "AWS_REGION",
    "DAILYCAST_AWS_REGION",
    "AWS_ENDPOINT_URL_S3",
    "AWS_ENDPOINT_URL_POLLY",
)


@dataclass(frozen=True)
class Moto:
    endpoint_url: str
    region: str = REGION

    def client(self, service: str):
        """A boto3 client of moto's server that raises if asked to send anywhere else."""
        return _client(service, self.region, self.endpoint_url)

    def bucket(self) -> str:
        """A new, empty, private bucket of its own for the test."""
        name = f"dailycast-test-{uuid.uuid4().hex[:12]}"
        self.client("s3").create_bucket(Bucket=name)
        return name


@cache  # a client takes 0.1 s to build; moto's fake credentials are the same in every test
def _client(service: str, region: str, endpoint_url: str):
    if service == "s3":
        client = s3_client(region, endpoint_url)
    else:
        client = aws_client(service, region, endpoint_url)

    def local_only(request, **_):
        if not request.url.startswith(endpoint_url):
            raise AssertionError(f"a test client tried to reach {request.url}")

    client.meta.events.register("before-send", local_only)
    return client


@pytest.fixture(scope="session")
def moto_server() -> str:
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def moto(moto_server, monkeypatch, tmp_path) -> Moto:
    """moto's endpoint, with this test's environment set up for it (undone after the test)."""
    for name in _CLEARED:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", REGION)
    monkeypatch.setenv("AWS_ENDPOINT_URL", moto_server)
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-aws-credentials"))
    return Moto(moto_server)
