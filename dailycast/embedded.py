"""The embedded default: every service in one process on SQLite and the in-process log."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import timedelta

from fastapi import FastAPI
from sqlalchemy import select

from dailycast.messaging.avro import default_schemas
from dailycast.messaging.delivery import RetryPolicy, Subscription
from dailycast.messaging.embedded_log import EmbeddedLog
from dailycast.messaging.embedded_runtime import EmbeddedConsumer
from dailycast.messaging.envelope import EventPublisher
from services.api import bootstrap as api
from services.api.app import create_app
from services.api.db import Base, Learner, make_engine
from services.api.demo import demo_events
from services.api.outbox import OutboxRelay
from services.api.sweeper import sweep_stuck_podcasts
from services.api.settings import ApiSettings
from services.notifier import bootstrap as notifier
from services.notifier.mailer import Mailer
from services.notifier.sent_log import metadata as notifier_metadata
from services.notifier.settings import NotifierSettings
from services.scriptgen import bootstrap as scriptgen
from services.scriptgen.settings import ScriptgenSettings
from services.scriptgen.writers.base import ScriptWriter
from services.tts import bootstrap as tts
from services.tts.settings import TtsSettings
from services.tts.synthesizers.base import Synthesizer

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Adapters:
    """Adapters to use instead of the ones settings choose (tests inject failing ones)."""

    writer: ScriptWriter | None = None
    synthesizer: Synthesizer | None = None
    mailer: Mailer | None = None


class EmbeddedSystem:
    def __init__(self, adapters: Adapters = Adapters(), retry: RetryPolicy = RetryPolicy()):
        self.settings = ApiSettings()
        self.settings.data_dir.mkdir(parents=True, exist_ok=True)
        self.schemas = default_schemas()
        self.log = EmbeddedLog(self.settings.event_log_path, self.settings.partitions)
        self.engine = make_engine(self.settings.resolved_database_url())
        Base.metadata.create_all(self.engine)
        notifier_metadata.create_all(self.engine)
        self.container = api.build_container(self.settings, self.engine, self.schemas)
        services = [
            (api.projector_subscription(self.container), "api"),
            (scriptgen.subscription(ScriptgenSettings(), adapters.writer), "scriptgen"),
            (tts.subscription(TtsSettings(), adapters.synthesizer), "tts"),
            (notifier.subscription(NotifierSettings(), self.engine, adapters.mailer), "notifier"),
        ]
        self.consumers = [self._consumer(sub, source, retry) for sub, source in services]
        self.relay = OutboxRelay(self.container.session_factory, self.log, self.container.outbox_wakeup)

    def _consumer(self, subscription: Subscription, source: str, retry: RetryPolicy) -> EmbeddedConsumer:
        publisher = EventPublisher(self.log, self.schemas, f"dailycast/{source}")
        return EmbeddedConsumer(self.log, subscription, self.schemas, publisher, retry)

    def app(self) -> FastAPI:
        background = [self.relay.run, *(c.run for c in self.consumers), self.become_ready, self.sweep]
        return create_app(self.container, background)

    async def sweep(self) -> None:
        c = self.container
        older_than = timedelta(seconds=self.settings.stuck_after_seconds)
        await sweep_stuck_podcasts(c.session_factory, c.schemas, older_than, c.outbox_wakeup.notify)

    async def become_ready(self) -> None:
        """Publish the demo platform on first start, then report ready once it is projected."""
        if self.settings.seed_demo and not self._learners():
            await EventPublisher(self.log, self.schemas, "platform/demo").publish(demo_events())
        projector = self.consumers[0]
        while projector.lag():
            await asyncio.sleep(0.05)
        self.container.ready.set()
        log.info("Dailycast is ready")

    def _learners(self) -> list[int]:
        with self.container.session_factory() as session:
            return list(session.scalars(select(Learner.id)))

    def idle(self) -> bool:
        """Nothing left to relay or consume (tests wait for this)."""
        return self.relay.pending_count() == 0 and all(c.lag() == 0 for c in self.consumers)

    def close(self) -> None:
        self.log.close()
        self.engine.dispose()
