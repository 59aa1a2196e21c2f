"""boto3 clients for Polly and S3, and the rule that says whether AWS is configured."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from botocore.client import BaseClient

REGION_VARIABLES = ("DAILYCAST_AWS_REGION", "AWS_REGION", "AWS_DEFAULT_REGION")
# Credentials boto3 would find from the environment alone (keys, a profile, web identity, ECS).
CREDENTIAL_VARIABLES = (
    "AWS_ACCESS_KEY_ID",
    "AWS_PROFILE",
    "AWS_WEB_IDENTITY_TOKEN_FILE",
    "AWS_CONTAINER_CREDENTIALS_FULL_URI",
    "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
)


def aws_configured(env: Mapping[str, str]) -> bool:
    """AWS counts as configured when the environment names a region and a credential source.

    Read from the environment only: asking boto3's credential chain could reach the EC2
    metadata service, and a laptop with a stray ~/.aws must not switch providers silently.
    """
    return _any_set(env, REGION_VARIABLES) and _any_set(env, CREDENTIAL_VARIABLES)


def aws_client(
    service: str,
    region: str | None,
    endpoint_url: str | None = None,
    max_pool_connections: int = 10,
    **config,
) -> BaseClient:
    """A thread-safe boto3 client; `endpoint_url` points it elsewhere (moto in tests)."""
    # Imported here: a process that never talks to AWS does not load boto3.
    import boto3
    from botocore.config import Config

    settings = Config(
        region_name=region,
        max_pool_connections=max_pool_connections,
        connect_timeout=5,
        read_timeout=60,
        retries={"mode": "standard", "max_attempts": 4},  # retries throttling and 5xx
        **config,
    )
    # A session per client: boto3's default session must not be shared between threads.
    return boto3.session.Session().client(service, endpoint_url=endpoint_url or None, config=settings)


def s3_client(region: str | None, endpoint_url: str | None = None) -> BaseClient:
    # Path-style addressing works with any endpoint (moto, MinIO, an IP address).
    addressing = {"addressing_style": "path"} if endpoint_url else {}
    return aws_client("s3", region, endpoint_url, signature_version="s3v4", s3=addressing)


def _any_set(env: Mapping[str, str], names: tuple[str, ...]) -> bool:
    return any(env.get(name, "").strip() for name in names)
