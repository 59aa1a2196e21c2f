"""Running the embedded system inside a test, and talking to it over its HTTP API."""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import contextmanager

from fastapi.testclient import TestClient

from dailycast.embedded import Adapters, EmbeddedSystem
from dailycast.messaging.delivery import RetryPolicy
from services.api.auth import issue_token

FINAL = ("completed", "failed")


def wait_for(condition: Callable[[], object], timeout: float = 30.0, interval: float = 0.05):
    """Poll until the condition is truthy; fail after the deadline."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        time.sleep(interval)


class Api:
    """The running system as a client sees it, with a token per user."""

    def __init__(self, client: TestClient, system: EmbeddedSystem):
        self.client = client
        self.system = system

    def auth(self, user_id: int, staff: bool = False) -> dict:
        token = issue_token(self.system.container.jwt_secret, user_id, staff)
        return {"Authorization": f"Bearer {token}"}

    def create(self, user_id: int = 1, staff: bool = False, **body):
        return self.client.post("/api/podcasts/", json=body, headers=self.auth(user_id, staff))

    def get(self, path: str, user_id: int = 1, staff: bool = False, **kwargs):
        return self.client.get(path, headers={**self.auth(user_id, staff), **kwargs.pop("headers", {})}, **kwargs)

    def finished(self, podcast_id: int, user_id: int = 1, timeout: float = 60.0) -> dict:
        def final():
            body = self.get(f"/api/podcasts/{podcast_id}/", user_id).json()
            return body if body["status"] in FINAL else None

        return wait_for(final, timeout)

    def settle(self, timeout: float = 30.0) -> None:
        wait_for(self.system.idle, timeout)


@contextmanager
def running_system(monkeypatch, data_dir, adapters: Adapters = Adapters(), **env):
    monkeypatch.setenv("DAILYCAST_DATA_DIR", str(data_dir))
    for name, value in env.items():
        monkeypatch.setenv(name, str(value))
    system = EmbeddedSystem(adapters, retry=RetryPolicy(attempts=2, first_backoff=0.01))
    try:
        with TestClient(system.app()) as client:
            wait_for(lambda: client.get("/healthz").status_code == 200)
            yield Api(client, system)
    finally:
        system.close()
