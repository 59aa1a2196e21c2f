"""What the API does to podcasts: request, answer, delete. Each is one transaction."""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from dailycast import events as ev
from dailycast.learner import LearnerContext
from dailycast.messaging.avro import SchemaSet
from dailycast.languages import language_of_locale
from dailycast.preferences import local_today
from dailycast.progress import resolve_answers
from services.api.auth import Principal
from services.api.db import DailyPodcast, DeliveryPreference, IdempotencyKey, Learner, PodcastAnswer, RequestSlot
from services.api.learners import learner_context
from services.api.outbox import add_to_outbox
from services.api.preferences import stored_or_default

# How long an Idempotency-Key is remembered (a client retries within minutes, not days).
IDEMPOTENCY_KEY_TTL = timedelta(hours=24)
# A request that lost a race (a slot or a key another request took first) is tried again; each
# loss means another request committed, so a few tries always settle it.
_REQUEST_TRIES = 20


class NotFound(Exception):
    pass


class Forbidden(Exception):
    pass


class InvalidInput(ValueError):
    """Input the schema allowed but the data does not: names the offending field (and where it is)."""

    def __init__(self, field: str, message: str, location: str = "body"):
        super().__init__(message)
        self.field = field
        self.location = location


class RateLimited(Exception):
    """The learner used up today's on-demand requests; the count starts again at UTC midnight."""

    def __init__(self, limit: int, resets_at: datetime, now: datetime):
        super().__init__(
            f"daily limit reached: {limit} podcast requests per learner per UTC day; "
            f"the next one is possible at {resets_at.isoformat().replace('+00:00', 'Z')}"
        )
        self.limit = limit
        self.resets_at = resets_at
        self.retry_after_seconds = max(1, math.ceil((resets_at - now).total_seconds()))


@dataclass(frozen=True)
class Idempotency:
    """A POST's Idempotency-Key and its request's fingerprint (see `fingerprint`)."""

    key: str
    fingerprint: str


@dataclass(frozen=True)
class Accepted:
    """A request's answer: the podcast's id and the 202's body (for a retry, the first one's)."""

    podcast_id: int
    response: dict
    replayed: bool = False


def fingerprint(request: dict) -> str:
    """The same request gives the same fingerprint, whatever the order of its fields."""
    return hashlib.sha256(json.dumps(request, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


def get_visible_podcast(session: Session, principal: Principal, podcast_id: int) -> DailyPodcast:
    """Someone else's podcast looks exactly like a missing one (404), so ids reveal nothing."""
    row = session.get(DailyPodcast, podcast_id)
    if row is None or not principal.may_see(row.user_id):
        raise NotFound(podcast_id)
    return row


def request_podcast(
    session: Session,
    schemas: SchemaSet,
    principal: Principal,
    user_id: int | None,
    languages: list[str] | None,
    output_format: str,
    for_date: date | None,
    *,
    render: Callable[[DailyPodcast], dict],
    minutes: int | None = None,
    daily_limit: int = 0,
    idempotency: Idempotency | None = None,
) -> Accepted:
    """Store a pending podcast and its PodcastRequested together; generation runs on events.

    `for_date` None: the learner's local today; `minutes` None: their preferences' length. `render` makes the 202's body. A learner asking for
    themself gets `daily_limit` requests per UTC day (0: no limit; staff are not limited); each
    takes a numbered slot of the day in the same transaction, so two requests at the limit cannot
    both pass. With an Idempotency-Key, the key is
    stored with the first request's body and answer: a retry gets that answer, and makes nothing.
    """
    for tries_left in reversed(range(_REQUEST_TRIES)):
        try:
            return _request_once(
                session, schemas, principal, user_id, languages, output_format, for_date, minutes, render,
                daily_limit, idempotency,
            )
        except IntegrityError:
            session.rollback()  # another request took the slot or the key first: look again
            if not tries_left:
                raise
    raise AssertionError("unreachable")


def _request_once(
    session: Session,
    schemas: SchemaSet,
    principal: Principal,
    user_id: int | None,
    languages: list[str] | None,
    output_format: str,
    for_date: date | None,
    minutes: int | None,
    render: Callable[[DailyPodcast], dict],
    daily_limit: int,
    idempotency: Idempotency | None,
) -> Accepted:
    now = ev.utcnow()
    if idempotency is not None:
        replay = _earlier_answer(session, principal, idempotency, now)
        if replay is not None:
            return replay
    target = principal.user_id if user_id is None else user_id
    if target != principal.user_id and not principal.is_staff:
        raise Forbidden("only staff may create podcasts for other learners")
    learner = session.get(Learner, target)
    if learner is None or not learner.active:
        raise InvalidInput("user_id", f"no active learner with id {target}")
    slot = _free_slot(session, principal, daily_limit, now) if daily_limit and not principal.is_staff else None
    preferences = stored_or_default(session.get(DeliveryPreference, learner.id), learner.locale)
    row = new_podcast(
        session, schemas, learner, principal.user_id, languages or [language_of_locale(learner.locale)], output_format,
        for_date or local_today(preferences, now), minutes=minutes or preferences.minutes,
    )
    if slot is not None:
        slot.podcast_id = row.id
        session.add(slot)
    session.flush()  # a slot taken meanwhile fails here (and request_podcast tries again)
    response = render(row)
    if idempotency is not None:
        session.add(
            IdempotencyKey(
                principal_id=principal.user_id, key=idempotency.key, fingerprint=idempotency.fingerprint,
                podcast_id=row.id, status_code=202, response=response, created_at=now,
            )
        )
    session.commit()  # a key taken meanwhile fails here (and request_podcast tries again)
    return Accepted(row.id, response)


def new_podcast(
    session: Session, schemas: SchemaSet, learner: Learner, requested_by: int, languages: list[str], output_format: str,
    for_date: date, *, minutes: int,
) -> DailyPodcast:
    """A pending podcast and its PodcastRequested (in the outbox), in the session's transaction."""
    context, now = learner_context(session, learner, for_date), ev.utcnow()
    row = DailyPodcast(**podcast_values(context, requested_by, languages, output_format, for_date, now, minutes=minutes))
    session.add(row)
    session.flush()  # the id is the event's key
    add_to_outbox(session, [requested_event(row.id, context, requested_by, languages, output_format, for_date,
                                            occurred_at=now, minutes=minutes)], schemas)
    return row


def podcast_values(
    context: LearnerContext, requested_by: int, languages: list[str], output_format: str, for_date: date,
    created_at: datetime, *, minutes: int,
) -> dict:
    """A new, pending podcast's columns; created when its PodcastRequested occurred (a rebuild has only that)."""
    return dict(
        created_at=created_at,
        user_id=context.user_id,
        requested_by=requested_by,
        for_date=for_date,
        attempt=1,
        status="pending",
        language=languages[0],
        primary_language=languages[0],
        secondary_language=languages[1] if len(languages) > 1 else None,
        output_format=output_format,
        minutes=minutes,
        included_courses=context.courses,
        learner_snapshot=context,
    )


def requested_event(
    podcast_id: int, context: LearnerContext, requested_by: int, languages: list[str], output_format: str,
    for_date: date, attempt: int = 1, occurred_at: datetime | None = None, *, minutes: int,
) -> ev.PodcastRequested:
    """A podcast attempt's PodcastRequested, the learner's snapshot in it."""
    return ev.PodcastRequested(
        event_id=ev.new_event_id(),
        occurred_at=occurred_at or ev.utcnow(),
        podcast_id=podcast_id,
        attempt=attempt,
        for_date=for_date,
        languages=languages,
        output_format=output_format,
        learner=context,
        requested_by=requested_by,
        minutes=minutes,
    )


def _earlier_answer(session: Session, principal: Principal, idempotency: Idempotency, now: datetime) -> Accepted | None:
    """The stored answer to this key, or None; the same key with another body is refused."""
    session.execute(  # keys past their time are forgotten (and so the table stays small)
        delete(IdempotencyKey).where(
            IdempotencyKey.principal_id == principal.user_id, IdempotencyKey.created_at < now - IDEMPOTENCY_KEY_TTL
        )
    )
    stored = session.get(IdempotencyKey, (principal.user_id, idempotency.key))
    if stored is None:
        return None
    if stored.fingerprint != idempotency.fingerprint:
        session.rollback()
        raise InvalidInput(
            "Idempotency-Key",
            "this Idempotency-Key was used for a request with another body; use a new key for a new request",
            location="header",
        )
    session.commit()
    return Accepted(stored.podcast_id, stored.response, replayed=True)


def _free_slot(session: Session, principal: Principal, limit: int, now: datetime) -> RequestSlot:
    """The learner's next request slot of this UTC day, or RateLimited when all are taken."""
    today = now.date()
    session.execute(delete(RequestSlot).where(RequestSlot.user_id == principal.user_id, RequestSlot.day < today))
    used = session.scalar(
        select(func.count()).select_from(RequestSlot).where(
            RequestSlot.user_id == principal.user_id, RequestSlot.day == today
        )
    )
    if used >= limit:
        session.rollback()
        raise RateLimited(limit, datetime.combine(today + timedelta(days=1), time(), timezone.utc), now)
    return RequestSlot(user_id=principal.user_id, day=today, slot=used + 1, created_at=now)


def save_answers(
    session: Session, schemas: SchemaSet, row: DailyPodcast, principal: Principal, submitted: dict[str, str],
    written_at: datetime | None = None,
) -> DailyPodcast:
    """Merge the answers into the podcast's; only its owner answers.

    Each answer is its own row, written by an upsert: saving one question never rewrites another,
    so two saves at once (two tabs, two questions) both stay; an answer saved again loses its old
    grade. An AnswerSubmitted per answer stored goes out in the same transaction: scriptgen grades
    it, and the topics hold the answers too, so a rebuilt read model has them.
    An answer is dated when it was written (`written_at`, for answers queued offline; never later
    than now): one older than the stored answer to its question is not saved, so a queue sent late
    never overwrites a newer answer, and sending it again changes nothing. The event has the same
    date, and the projector keeps the newest by it too (a rebuild agrees).
    """
    if principal.user_id != row.user_id:
        raise Forbidden("only the learner answers their podcast's questions")
    try:
        answers = resolve_answers(row.questions_asked, submitted)
    except ValueError as exc:
        raise InvalidInput("answers", str(exc)) from exc
    if answers:
        answered_at = min(written_at, ev.utcnow()) if written_at else ev.utcnow()
        dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
        upsert = dialect.insert(PodcastAnswer).values(
            [{"podcast_id": row.id, "question_id": q, "answer": a, "answered_at": answered_at} for q, a in answers.items()]
        )
        upsert = upsert.on_conflict_do_update(
            index_elements=[PodcastAnswer.podcast_id, PodcastAnswer.question_id],
            set_={"answer": upsert.excluded.answer, "answered_at": upsert.excluded.answered_at,
                  "grade": None, "graded_at": None},
            where=PodcastAnswer.answered_at <= upsert.excluded.answered_at,
        ).returning(PodcastAnswer.question_id)
        try:
            stored = set(session.scalars(upsert))  # not those older than the answer already there
            add_to_outbox(session, _submitted(row, {q: a for q, a in answers.items() if q in stored}, answered_at),
                          schemas)
            session.commit()
        except IntegrityError as exc:  # the podcast was deleted meanwhile
            session.rollback()
            raise NotFound(row.id) from exc
    session.expire(row, ["answers"])  # read back: the answers as stored, others' included
    return row


def _submitted(row: DailyPodcast, answers: dict[str, str], now: datetime) -> list[ev.AnswerSubmitted]:
    """An answer each, with its question and key points in the podcast's language: what grading needs."""
    questions, language = {q.id: q for q in row.questions_asked}, row.primary_language
    return [
        ev.AnswerSubmitted(ev.new_event_id(), now, row.id, row.attempt, question_id, answer,
                           questions[question_id].text.get(language, ""), questions[question_id].key_points, language)
        for question_id, answer in answers.items()
    ]


def regenerate_podcast(
    session: Session, schemas: SchemaSet, principal: Principal, podcast_id: int, fresh_learner: bool
) -> DailyPodcast:
    """Staff only: the podcast's next attempt, requested again for the learner as they were (their
    stored snapshot) or, with `fresh_learner`, as they are now. One transaction; the row is locked
    meanwhile, so two regenerations at once make two attempts, not one twice."""
    if not principal.is_staff:
        raise Forbidden("only staff may regenerate podcasts")
    row = session.get(DailyPodcast, podcast_id, with_for_update=True)
    if row is None:
        raise NotFound(podcast_id)
    context = row.learner_snapshot
    if fresh_learner or context is None:
        learner = session.get(Learner, row.user_id)
        if learner is None or not learner.active:
            raise InvalidInput("fresh_learner", f"learner {row.user_id} is no longer active: regenerate from the snapshot")
        context = learner_context(session, learner, row.for_date)
    row.start_attempt(row.attempt + 1, context)
    languages = [row.primary_language, *([row.secondary_language] if row.secondary_language else [])]
    add_to_outbox(session, [requested_event(row.id, context, principal.user_id, languages, row.output_format,
                                            row.for_date, attempt=row.attempt, minutes=row.minutes)], schemas)
    session.commit()
    return row


def stage_deletion(session: Session, schemas: SchemaSet, row: DailyPodcast) -> None:
    """Delete the podcast and stage its PodcastDeleted, in the session's transaction: on that event
    tts removes its audio and the notifier its sent-log rows."""
    deleted = ev.PodcastDeleted(event_id=ev.new_event_id(), occurred_at=ev.utcnow(), podcast_id=row.id)
    session.delete(row)
    add_to_outbox(session, [deleted], schemas)


def delete_podcast(session: Session, schemas: SchemaSet, row: DailyPodcast) -> None:
    """Remove the podcast (one transaction)."""
    stage_deletion(session, schemas, row)
    session.commit()
