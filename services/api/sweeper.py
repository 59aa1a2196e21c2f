"""Nothing stays pending forever: podcasts stuck past a deadline are failed, with a notice."""

from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from dailycast import events as ev
from dailycast.failure_reasons import failure_reason
from dailycast.languages import language_of_locale
from dailycast.messaging.avro import SchemaSet
from services.api.db import DailyPodcast, Learner
from services.api.outbox import add_to_outbox


def fail_stuck_podcasts(session_factory: sessionmaker, schemas: SchemaSet, older_than: timedelta) -> int:
    """Fail podcasts pending or generating since before the cutoff; returns how many."""
    cutoff = ev.utcnow() - older_than
    with session_factory.begin() as session:
        rows = session.scalars(
            select(DailyPodcast).where(
                DailyPodcast.status.in_(("pending", "generating")), DailyPodcast.updated_at < cutoff
            )
        ).all()
        for row in rows:
            failed = _timed_out(row, session.get(Learner, row.user_id))
            row.status, row.error_message = "failed", failed.reason
            add_to_outbox(session, [failed], schemas)
        return len(rows)


def _timed_out(row: DailyPodcast, learner: Learner | None) -> ev.PodcastFailed:
    recipient = ev.Recipient(
        row.user_id, learner.name if learner else "", learner.email if learner else "", learner.locale if learner else "en"
    )
    return ev.PodcastFailed(
        event_id=str(uuid.uuid5(uuid.NAMESPACE_URL, f"dailycast:timeout:{row.id}:{row.attempt}")),
        occurred_at=ev.utcnow(),
        podcast_id=row.id,
        attempt=row.attempt,
        step="timeout",
        reason=failure_reason("timeout", language_of_locale(recipient.locale)),
        detail=f"still {row.status} after the deadline",
        recipient=recipient,
    )


async def sweep_stuck_podcasts(
    session_factory: sessionmaker, schemas: SchemaSet, older_than: timedelta, wake, every_seconds: float = 30.0
) -> None:
    while True:
        if await asyncio.to_thread(fail_stuck_podcasts, session_factory, schemas, older_than):
            wake()
        await asyncio.sleep(every_seconds)
