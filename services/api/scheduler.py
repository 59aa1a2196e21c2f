"""The daily scheduler: each active learner's podcast of each local date, requested once, ahead of time.

A learner's podcast of a local date is due from `DAILYCAST_DAILY_LEAD_MINUTES` before their
delivery time until that local day ends (dailycast.preferences.due_dates), so it is ready on
time, and a scheduler that was down still requests today's. What makes it once is a row in
daily_request, keyed by (learner, date) and written in the podcast's own transaction: a restart,
a second replica or a clock that jumped back fails to insert it again and requests nothing. The
API runs the scheduler on every replica; a lease in the database (services/api/lease.py) lets one
act at a time. `dailycast daily` runs the same requests on demand.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from dailycast import events as ev
from dailycast.messaging.avro import SchemaSet
from dailycast.preferences import DeliveryPreferences, due_dates, local_today
from services.api.db import DailyPodcast, DailyRequest, DeliveryPreference, Learner
from services.api.learners import learner_contexts
from services.api.outbox import add_to_outbox
from services.api.lease import give_back, take_lease
from services.api.podcasts import new_podcast, podcast_values, requested_event
from services.api.preferences import stored_or_default

log = logging.getLogger(__name__)
SCHEDULER = 0  # requested_by of a scheduled podcast: no user asked for it
LEASE = "daily-scheduler"
BATCH = 1000  # learners read, and podcasts requested, per transaction


@dataclass(frozen=True)
class Due:
    """A daily podcast to request: whose, for which of their local dates, made how."""

    user_id: int
    for_date: date
    preferences: DeliveryPreferences


def _learners(user_id: int | None):
    query = (
        select(Learner, DeliveryPreference)
        .outerjoin(DeliveryPreference, DeliveryPreference.user_id == Learner.id)
        .where(Learner.active.is_(True), Learner.is_staff.is_(False))
    )
    return query.where(Learner.id == user_id) if user_id is not None else query


def learner_count(session_factory: sessionmaker, user_id: int | None = None) -> int:
    """How many learners the scheduler looks at (the progress bar's total)."""
    with session_factory() as session:
        return session.scalar(select(func.count()).select_from(_learners(user_id).subquery()))


DatesOf = Callable[[DeliveryPreferences], list[date]]


def due_at(now: datetime, lead: timedelta) -> DatesOf:
    """The scheduler's rule: the dates due at `now` (dailycast.preferences.due_dates)."""
    return lambda chosen: due_dates(chosen, now, lead)


def on_date(day: date | None, now: datetime) -> DatesOf:
    """`dailycast daily`'s: that date, or each learner's local today; none for learners with daily off."""
    return lambda chosen: ([day or local_today(chosen, now)] if chosen.daily else [])


def due_batches(
    session_factory: sessionmaker, dates_of: DatesOf, user_id: int | None = None
) -> Iterator[tuple[int, list[Due]]]:
    """(learners looked at, their podcasts of `dates_of` not requested yet), a batch of learners at a time."""
    after = 0
    while True:
        with session_factory() as session:
            rows = session.execute(_learners(user_id).where(Learner.id > after).order_by(Learner.id).limit(BATCH)).all()
            wanted = []
            for learner, stored in rows:
                chosen = stored_or_default(stored, learner.locale)
                wanted += [Due(learner.id, day, chosen) for day in dates_of(chosen)]
            requested = _requested(session, wanted)
        yield len(rows), [due for due in wanted if (due.user_id, due.for_date) not in requested]
        if len(rows) < BATCH:
            return
        after = rows[-1][0].id


def _requested(session: Session, wanted: list[Due]) -> set[tuple[int, date]]:
    if not wanted:
        return set()
    rows = session.execute(
        select(DailyRequest.user_id, DailyRequest.for_date).where(
            DailyRequest.user_id.in_({due.user_id for due in wanted}),
            DailyRequest.for_date.in_({due.for_date for due in wanted}),
        )
    )
    return {(user_id, day) for user_id, day in rows}


def _request(session: Session, schemas: SchemaSet, due: Due) -> int:
    learner = session.get(Learner, due.user_id)
    row = new_podcast(
        session, schemas, learner, SCHEDULER, due.preferences.languages, due.preferences.output_format, due.for_date,
        minutes=due.preferences.minutes,
    )
    session.add(DailyRequest(user_id=due.user_id, for_date=due.for_date, podcast_id=row.id, requested_at=row.created_at))
    session.flush()  # another scheduler's request of the same (learner, date) fails here
    return row.id


def _request_all(session: Session, schemas: SchemaSet, batch: list[Due]) -> list[int]:
    """The batch's podcasts, their PodcastRequested and their daily_request rows, a multi-row insert
    each (one by one through the ORM, a batch cost 7 times as much). A pending podcast gets its
    response document at its first projected event (services/api/documents.py)."""
    learners = session.scalars(select(Learner).where(Learner.id.in_({due.user_id for due in batch}))).all()
    contexts = learner_contexts(session, learners, {due.user_id: due.for_date for due in batch})
    batch = [due for due in batch if due.user_id in contexts]  # a learner gone meanwhile gets none
    made = [(due, contexts[due.user_id], due.preferences) for due in batch]
    now = ev.utcnow()
    ids = session.scalars(
        insert(DailyPodcast).returning(DailyPodcast.id, sort_by_parameter_order=True),
        [podcast_values(context, SCHEDULER, wants.languages, wants.output_format, due.for_date, now, minutes=wants.minutes)
         for due, context, wants in made],
    ).all()
    add_to_outbox(session, [requested_event(podcast_id, context, SCHEDULER, wants.languages, wants.output_format,
                                            due.for_date, occurred_at=now, minutes=wants.minutes)
                            for podcast_id, (due, context, wants) in zip(ids, made)], schemas)
    if ids:  # another scheduler's request of the same (learner, date) fails here
        session.execute(insert(DailyRequest), [{"user_id": due.user_id, "for_date": due.for_date, "podcast_id": podcast_id, "requested_at": now}
                                               for podcast_id, due in zip(ids, batch)])
    return list(ids)


def request_batch(session_factory: sessionmaker, schemas: SchemaSet, batch: list[Due]) -> list[int]:
    """Request the batch's podcasts in one transaction; if another scheduler requested one of them
    meanwhile, each on its own, skipping those already requested. Their podcast ids."""
    try:
        with session_factory.begin() as session:
            return _request_all(session, schemas, batch)
    except IntegrityError:
        made = []
        for due in batch:
            try:
                with session_factory.begin() as session:
                    made.append(_request(session, schemas, due))
            except IntegrityError:
                pass
        return made


def schedule(
    session_factory: sessionmaker, schemas: SchemaSet, dates_of: DatesOf, user_id: int | None = None,
    progress: Callable[[int], None] = lambda learners: None,
) -> list[int]:
    """Request every daily podcast of `dates_of` not requested yet; the new podcasts' ids."""
    made = []
    for looked_at, batch in due_batches(session_factory, dates_of, user_id):
        if batch:
            made += request_batch(session_factory, schemas, batch)
        progress(looked_at)
    return made


async def run_scheduler(
    session_factory: sessionmaker, schemas: SchemaSet, lead: timedelta, every_seconds: float,
    ready: asyncio.Event, wake: Callable[[], None],
) -> None:
    """The API's scheduler: every `every_seconds`, if this replica holds the lease, request what is due."""
    holder = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
    ttl = timedelta(seconds=every_seconds * 3)  # a holder that misses two rounds loses it
    await ready.wait()  # the learners are projected
    try:
        while True:
            if await asyncio.to_thread(take_lease, session_factory, LEASE, holder, ttl):
                made = await asyncio.to_thread(schedule, session_factory, schemas, due_at(ev.utcnow(), lead))
                if made:
                    log.info("requested %d daily podcasts", len(made))
                    wake()
            await asyncio.sleep(every_seconds)
    finally:
        give_back(session_factory, LEASE, holder)  # quick, and the loop is stopping anyway
