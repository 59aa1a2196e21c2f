"""The composition root: builds the chosen services on the chosen runtime from settings.

`dailycast run` builds all four services in one process (the embedded default); `dailycast
serve NAME` builds one. Each service is made by its own bootstrap's `build`; this module only
decides which, shares the runtime's producer and the database with them, wires their
subscriptions to the runtime's consumers, and runs their tasks.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dailycast import migrations
from dailycast.messaging.avro import default_schemas
from dailycast.messaging.delivery import RetryPolicy
from dailycast.runtimes import EmbeddedRuntime, connect_until_ready, runtime_for
from dailycast.service import Resources, Service, Task
from dailycast.database import database_answers
from dailycast.ops_http import ops_app
from dailycast.settings import CommonSettings
from dailycast.threads import size_thread_pool
from system.registry import SERVICES, bootstrap

if TYPE_CHECKING:  # only for the annotations: a process imports just the services it runs
    from services.notifier.mailer import Mailer
    from services.scriptgen.writers.base import ScriptWriter
    from services.tts.synthesizers.base import Synthesizer


@dataclass(frozen=True)
class Adapters:
    """Adapters to use instead of the ones settings choose (tests inject failing ones)."""

    writer: ScriptWriter | None = None
    synthesizer: Synthesizer | None = None
    mailer: Mailer | None = None

    def overrides(self, service: str) -> dict[str, Any]:
        """The keyword arguments of that service's build function that replace its adapters."""
        given = {"scriptgen": {"writer": self.writer}, "tts": {"synthesizer": self.synthesizer},
                 "notifier": {"mailer": self.mailer}}.get(service, {})
        return {name: adapter for name, adapter in given.items() if adapter is not None}


class System:
    def __init__(
        self, services: Sequence[str] = SERVICES, adapters: Adapters = Adapters(), retry: RetryPolicy = RetryPolicy()
    ):
        self.settings = CommonSettings()
        self.settings.data_dir.mkdir(parents=True, exist_ok=True)
        self.runtime = runtime_for(self.settings)
        self.resources = Resources(default_schemas(), self.runtime.producer, self.settings.resolved_database_url())
        self.schemas = self.resources.schemas
        self.services: dict[str, Service] = {
            name: bootstrap(name).build(self.resources, **adapters.overrides(name)) for name in dict.fromkeys(services)
        }
        if self.resources.uses_database:
            migrations.upgrade(self.resources.database_url)
        self.tasks: list[Task] = []
        for service in self.services.values():
            self.tasks += service.tasks
            for subscription in service.subscriptions:
                consume = self.runtime.consumer(subscription, self.schemas, f"dailycast/{service.name}", retry)
                self.tasks.append(self._after_connect(consume))

    def _after_connect(self, run: Task) -> Task:
        async def after_connect() -> None:
            await self.resources.connected.wait()
            await run()

        after_connect.__name__ = getattr(run, "__qualname__", "task")
        return after_connect

    async def connect(self) -> None:
        consumers = sum(len(service.subscriptions) for service in self.services.values())
        size_thread_pool(self.settings.worker_concurrency * consumers)
        await connect_until_ready(self.runtime, self.resources.connected)

    # -- running
    def app(self):
        """The API's web app with every other task of this process running beside it."""
        web = self.services["api"].web if "api" in self.services else None
        if web is None:
            raise ValueError("only a system with the api service serves HTTP")
        return web([self.connect, *self.tasks], self.close)

    def worker_app(self):
        """A worker process's ops app (/livez, /readyz, /metrics), whose lifetime runs its consumers."""
        return ops_app("+".join(self.services), [self.connect, *self.tasks], self.close, self.readiness_problems)

    async def readiness_problems(self) -> list[str]:
        """Why this process cannot do its work yet, in a few public words each (none: ready)."""
        problems = [] if self.resources.connected.is_set() else ["event log not connected"]
        if self.resources.uses_database and not await asyncio.to_thread(database_answers, self.resources.engine()):
            problems.append("database unavailable")
        return problems

    def idle(self) -> bool:
        """Embedded runtime: nothing left to relay or consume (tests wait for this)."""
        assert isinstance(self.runtime, EmbeddedRuntime), "idle() is known only on the embedded runtime"
        return all(service.idle() for service in self.services.values()) and self.runtime.idle()

    async def close(self) -> None:
        await self.runtime.close()
        self.resources.close()
