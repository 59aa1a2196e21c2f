"""Builds the API from settings: its container, projector, outbox relay, sweeper and web app."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import timedelta
from functools import partial

from sqlalchemy.orm import sessionmaker

from dailycast.messaging.delivery import Subscription
from dailycast.messaging.envelope import EventPublisher
from dailycast.service import Resources, Service
from dailycast.storage import build_audio_store
from services.api.app import create_app
from services.api.container import ApiContainer
from services.api.db import ProcessedEvent
from services.api.demo import demo_events
from services.api.documents import fill_missing_documents, keep_documents
from services.api.outbox import OutboxRelay
from services.api.projector import BATCH_LIMIT, CONSUMER, Projector
from services.api.retention import run_cleanup
from services.api.scheduler import run_scheduler
from services.api.settings import ApiSettings
from services.api.sweeper import sweep_stuck_podcasts

log = logging.getLogger(__name__)
PORTS: tuple[str, ...] = ()  # the database and the audio store are the kernel's, probed once for all


@dataclass
class ApiService(Service):
    """The API's parts that tests and tools reach for: its container and its outbox relay."""

    container: ApiContainer | None = None
    relay: OutboxRelay | None = None


def build(resources: Resources) -> ApiService:
    settings = ApiSettings()
    container = ApiContainer(
        settings=settings,
        session_factory=sessionmaker(resources.engine(), expire_on_commit=False),
        schemas=resources.schemas,
        audio_store=build_audio_store(settings),  # the same choice as tts's, so links point where tts wrote
    )
    relay = OutboxRelay(container.session_factory, resources.producer, container.outbox_wakeup)
    keep_documents()

    async def fill_documents() -> None:
        if filled := await asyncio.to_thread(fill_missing_documents, container.session_factory):
            log.info("rendered the documents of %d podcasts written before documents existed", filled)

    async def relay_when_connected() -> None:
        await resources.connected.wait()
        await relay.run()

    older_than = timedelta(seconds=settings.stuck_after_seconds)
    sweep = partial(
        sweep_stuck_podcasts, container.session_factory, container.schemas, older_than, container.outbox_wakeup.notify
    )
    tasks = [
        relay_when_connected, sweep, fill_documents, partial(_become_ready, container, resources),
        partial(
            run_cleanup, container.session_factory, container.schemas, timedelta(days=settings.retention_days),
            settings.cleanup_hour, container.ready, container.outbox_wakeup.notify,
        ),
    ]
    if settings.scheduler:
        tasks.append(partial(
            run_scheduler, container.session_factory, container.schemas, timedelta(minutes=settings.daily_lead_minutes),
            settings.scheduler_interval_seconds, container.ready, container.outbox_wakeup.notify,
        ))
    return ApiService(
        "api",
        # As many events in flight as the projector applies in one transaction: the fewer commits
        # a podcast's events take, the less each costs the API and PostgreSQL.
        subscriptions=[Subscription(CONSUMER, Projector(container.session_factory, settings.prices()).handlers(),
                                    concurrency=BATCH_LIMIT)],
        tasks=tasks,
        web=partial(create_app, container),
        idle=lambda: relay.pending_count() == 0,
        container=container,
        relay=relay,
    )


async def _become_ready(container: ApiContainer, resources: Resources) -> None:
    """Once connected, publish the demo platform (first start only); ready once it is projected."""
    await resources.connected.wait()
    if container.settings.seed_demo:
        events = demo_events()
        if not _projected(container, events[-1].event_id):
            await EventPublisher(resources.producer, resources.schemas, "platform/demo").publish(events)
        while not _projected(container, events[-1].event_id):
            await asyncio.sleep(0.05)
    container.ready.set()
    log.info("Dailycast is ready")


def _projected(container: ApiContainer, event_id: str) -> bool:
    with container.session_factory() as session:
        return session.get(ProcessedEvent, (CONSUMER, event_id)) is not None
