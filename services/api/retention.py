"""Retention: podcasts older than `DAILYCAST_RETENTION_DAYS` are deleted, as a learner's delete is.

Each goes with a PodcastDeleted event in the same transaction (services/api/podcasts.py), so tts
removes its audio and the notifier its sent-log rows, as for any delete. A batch of podcasts a
transaction; run again, it finds nothing left to delete. The API runs it every night (at
`DAILYCAST_CLEANUP_HOUR` UTC, and once at start) on the replica holding its lease;
`dailycast cleanup` runs it on demand.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import uuid
from collections.abc import Callable
from datetime import datetime, time, timedelta, timezone

from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from dailycast import events as ev
from dailycast.messaging.avro import SchemaSet
from services.api.db import DailyPodcast
from services.api.lease import give_back, take_lease
from services.api.podcasts import stage_deletion

log = logging.getLogger(__name__)
LEASE = "retention-cleanup"
BATCH = 200


def _expired(before: datetime):
    return DailyPodcast.created_at < before


def expired_count(session_factory: sessionmaker, before: datetime) -> int:
    with session_factory() as session:
        return session.scalar(select(func.count()).select_from(DailyPodcast).where(_expired(before)))


def expired_ids(session_factory: sessionmaker, before: datetime) -> list[int]:
    with session_factory() as session:
        return list(session.scalars(select(DailyPodcast.id).where(_expired(before)).order_by(DailyPodcast.id)))


def delete_expired(
    session_factory: sessionmaker, schemas: SchemaSet, before: datetime,
    progress: Callable[[int], None] = lambda deleted: None,
) -> int:
    """Delete every podcast created before `before`, BATCH a transaction; how many were deleted."""
    deleted = 0
    while True:
        with session_factory.begin() as session:
            rows = session.scalars(
                select(DailyPodcast).where(_expired(before)).order_by(DailyPodcast.id).limit(BATCH)
            ).all()
            for row in rows:
                stage_deletion(session, schemas, row)
        deleted += len(rows)
        progress(len(rows))
        if len(rows) < BATCH:
            return deleted


def next_run(now: datetime, hour: int) -> datetime:
    """The next `hour`:00 UTC after `now`."""
    today = datetime.combine(now.date(), time(hour), timezone.utc)
    return today if today > now else today + timedelta(days=1)


async def run_cleanup(
    session_factory: sessionmaker, schemas: SchemaSet, retention: timedelta, hour: int,
    ready: asyncio.Event, wake: Callable[[], None],
) -> None:
    """Once at start, then every night at `hour` UTC: on the replica that takes the lease, delete
    what is past retention."""
    holder = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
    await ready.wait()
    try:
        while True:
            if await asyncio.to_thread(take_lease, session_factory, LEASE, holder, timedelta(hours=1)):
                now = ev.utcnow()
                deleted = await asyncio.to_thread(delete_expired, session_factory, schemas, now - retention)
                if deleted:
                    log.info("deleted %d podcasts older than %s", deleted, retention)
                    wake()
            now = ev.utcnow()
            await asyncio.sleep((next_run(now, hour) - now).total_seconds())
    finally:
        give_back(session_factory, LEASE, holder)
