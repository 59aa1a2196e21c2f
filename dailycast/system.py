"""The composition root: builds the chosen services on the chosen runtime from settings.

`dailycast run` builds all four services in one process (the embedded default); `dailycast
serve NAME` builds one. Every service is made by its own bootstrap; this module only decides
which, wires them to the runtime, and runs them.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from fastapi import FastAPI

from dailycast import migrations
from dailycast.messaging.avro import default_schemas
from dailycast.messaging.delivery import RetryPolicy, Subscription
from dailycast.messaging.envelope import EventPublisher
from dailycast.runtimes import EmbeddedRuntime, Task, connect_until_ready, runtime_for
from services.api import bootstrap as api
from services.api.app import create_app
from services.api.db import ProcessedEvent, make_engine
from services.api.demo import demo_events
from services.api.outbox import OutboxRelay
from services.api.projector import CONSUMER as PROJECTOR
from services.api.settings import ApiSettings
from services.api.sweeper import sweep_stuck_podcasts
from services.notifier import bootstrap as notifier
from services.notifier.mailer import Mailer
from services.notifier.settings import NotifierSettings
from services.scriptgen import bootstrap as scriptgen
from services.scriptgen.settings import ScriptgenSettings
from services.scriptgen.writers.base import ScriptWriter
from services.tts import bootstrap as tts
from services.tts.settings import TtsSettings
from services.tts.synthesizers.base import Synthesizer

log = logging.getLogger(__name__)

SERVICES = ("api", "scriptgen", "tts", "notifier")


@dataclass(frozen=True)
class Adapters:
    """Adapters to use instead of the ones settings choose (tests inject failing ones)."""

    writer: ScriptWriter | None = None
    synthesizer: Synthesizer | None = None
    mailer: Mailer | None = None


class System:
    def __init__(
        self, services: Sequence[str] = SERVICES, adapters: Adapters = Adapters(), retry: RetryPolicy = RetryPolicy()
    ):
        unknown = set(services) - set(SERVICES)
        if unknown:
            raise ValueError(f"no such service: {', '.join(sorted(unknown))} (choose from {', '.join(SERVICES)})")
        self.services = tuple(services)
        self.settings = ApiSettings() if "api" in services else NotifierSettings()
        self.settings.data_dir.mkdir(parents=True, exist_ok=True)
        self.schemas = default_schemas()
        self.runtime = runtime_for(self.settings)
        self.connected = asyncio.Event()
        self.engine = None
        if {"api", "notifier"} & set(services):
            url = self.settings.resolved_database_url()
            migrations.upgrade(url)
            self.engine = make_engine(url)
        self.tasks: list[Task] = []
        self.container = api.build_container(self.settings, self.engine, self.schemas) if "api" in services else None
        if self.container:
            self.relay = OutboxRelay(self.container.session_factory, self.runtime.producer, self.container.outbox_wakeup)
            self._consume(api.projector_subscription(self.container), "api", retry)
            self.tasks += [self._after_connect(self.relay.run), self.sweep, self.become_ready]
        if "scriptgen" in services:
            self._consume(scriptgen.subscription(ScriptgenSettings(), adapters.writer), "scriptgen", retry)
        if "tts" in services:
            self._consume(tts.subscription(TtsSettings(), adapters.synthesizer), "tts", retry)
        if "notifier" in services:
            self._consume(notifier.subscription(NotifierSettings(), self.engine, adapters.mailer), "notifier", retry)

    def _consume(self, subscription: Subscription, source: str, retry: RetryPolicy) -> None:
        run = self.runtime.consumer(subscription, self.schemas, f"dailycast/{source}", retry)
        self.tasks.append(self._after_connect(run))

    def _after_connect(self, run: Task) -> Task:
        async def after_connect() -> None:
            await self.connected.wait()
            await run()

        after_connect.__name__ = getattr(run, "__qualname__", "task")
        return after_connect

    async def connect(self) -> None:
        await connect_until_ready(self.runtime, self.connected)

    # -- the API's own background work
    async def sweep(self) -> None:
        c = self.container
        older_than = timedelta(seconds=self.settings.stuck_after_seconds)
        await sweep_stuck_podcasts(c.session_factory, c.schemas, older_than, c.outbox_wakeup.notify)

    async def become_ready(self) -> None:
        """Once connected, publish the demo platform (first start only); ready once it is projected."""
        await self.connected.wait()
        if self.settings.seed_demo:
            events = demo_events()
            if not self._projected(events[-1].event_id):
                await EventPublisher(self.runtime.producer, self.schemas, "platform/demo").publish(events)
            while not self._projected(events[-1].event_id):
                await asyncio.sleep(0.05)
        self.container.ready.set()
        log.info("Dailycast is ready")

    def _projected(self, event_id: str) -> bool:
        with self.container.session_factory() as session:
            return session.get(ProcessedEvent, (PROJECTOR, event_id)) is not None

    # -- running
    def app(self) -> FastAPI:
        """The API with every other task of this process running beside it."""
        return create_app(self.container, [self.connect, *self.tasks], on_shutdown=self.close)

    async def run_workers(self, stop: asyncio.Event) -> None:
        """Run the consumers (no HTTP) until `stop` is set."""
        running = [asyncio.create_task(t()) for t in (self.connect, *self.tasks)]
        try:
            await stop.wait()
        finally:
            for task in running:
                task.cancel()
            await asyncio.gather(*running, return_exceptions=True)

    def idle(self) -> bool:
        """Embedded runtime: nothing left to relay or consume (tests wait for this)."""
        assert isinstance(self.runtime, EmbeddedRuntime), "idle() is known only on the embedded runtime"
        return (self.container is None or self.relay.pending_count() == 0) and self.runtime.idle()

    async def close(self) -> None:
        await self.runtime.close()
        if self.engine is not None:
            self.engine.dispose()
