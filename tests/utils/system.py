"""Running the system inside a test, on either runtime, and talking to it over its HTTP API."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from contextlib import ExitStack, contextmanager
from datetime import date

from fastapi.testclient import TestClient

from dailycast.messaging.delivery import RetryPolicy
from system.builder import Adapters, System
from services.api.auth import issue_token
from services.api.db import Learner
from services.api.learners import learner_context
from tests.utils.infra import Infra
from tests.utils.postgres import fresh_database, postgres_base_url

FINAL = ("completed", "failed")
RUNTIMES = ("embedded", "kafka")


def wait_for(condition: Callable[[], object], timeout: float = 30.0, interval: float = 0.05, what: str = "condition"):
    """Poll until the condition is truthy and return its value; fail after the deadline."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} not met within {timeout} s")
        time.sleep(interval)


class Api:
    """The running system as a client sees it, with a token per user."""

    def __init__(self, client: TestClient, system: System):
        self.client = client
        self.system = system
        self.container = system.services["api"].container

    def auth(self, user_id: int, staff: bool = False) -> dict:
        settings = self.container.settings
        token = issue_token(self.container.jwt_secret, user_id, staff,
                            audience=settings.jwt_audience, issuer=settings.jwt_issuer)
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

    def courses(self, user_id: int) -> list[str] | None:
        """The learner's courses as a podcast request would take them; None for no such learner."""
        with self.container.session_factory() as session:
            learner = session.get(Learner, user_id)
            return None if learner is None else learner_context(session, learner, date.today()).courses

    def messages(self, topic: str) -> list:
        """Every message of the topic, from its start."""

        async def read() -> list:
            return [m async for batch in self.system.runtime.read_topic(topic) for m in batch]

        return self.client.portal.call(read)

    def emails(self) -> list:
        return sorted((self.system.settings.data_dir / "outbox").glob("*.eml"))


@contextmanager
def running_system(monkeypatch, data_dir, adapters: Adapters = Adapters(), runtime: str = "embedded",
                   infra: Infra | None = None, **env):
    """The whole system in this process, on the embedded log or on Kafka and PostgreSQL."""
    with ExitStack() as stack:
        monkeypatch.setenv("DAILYCAST_DATA_DIR", str(data_dir))
        monkeypatch.setenv("DAILYCAST_RUNTIME", runtime)
        if runtime == "kafka":
            assert infra is not None, "the kafka runtime needs the infra fixture"
            monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", infra.kafka_bootstrap_servers)
            monkeypatch.setenv("DATABASE_URL", stack.enter_context(fresh_database(infra.database_url)))
            monkeypatch.setenv("DAILYCAST_TOPIC_PREFIX", f"t{uuid.uuid4().hex[:10]}.")
            monkeypatch.setenv("DAILYCAST_JWT_SECRET", uuid.uuid4().hex)
        else:
            monkeypatch.delenv("DATABASE_URL", raising=False)
        for name, value in env.items():
            monkeypatch.setenv(name, str(value))
        system = System(adapters=adapters, retry=RetryPolicy(attempts=2, first_backoff=0.01))
        with TestClient(system.app()) as client:
            wait_for(lambda: client.get("/healthz").status_code == 200, timeout=60)
            yield Api(client, system)


@contextmanager
def running_on_database(database: str, monkeypatch, data_dir, adapters: Adapters = Adapters()):
    """The embedded runtime with its read model on "sqlite" or on a fresh "postgresql" database."""
    if database == "sqlite":
        with running_system(monkeypatch, data_dir, adapters) as api:
            yield api
    else:
        with fresh_database(postgres_base_url()) as url:
            with running_system(monkeypatch, data_dir, adapters, DATABASE_URL=url) as api:
                yield api
