"""What the API does to podcasts: request, answer, delete. Each is one transaction."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from dailycast import events as ev
from dailycast.languages import SUPPORTED_LANGUAGES
from dailycast.messaging.avro import SchemaSet
from dailycast.progress import resolve_answers
from services.api.auth import Principal
from services.api.db import DailyPodcast, Learner
from services.api.learners import learner_context
from services.api.outbox import add_to_outbox


class NotFound(Exception):
    pass


class Forbidden(Exception):
    pass


class InvalidInput(ValueError):
    """Input the schema allowed but the data does not: names the offending field."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def get_visible_podcast(session: Session, principal: Principal, podcast_id: int) -> DailyPodcast:
    """Someone else's podcast looks exactly like a missing one (404), so ids reveal nothing."""
    row = session.get(DailyPodcast, podcast_id)
    if row is None or not principal.may_see(row.user_id):
        raise NotFound(podcast_id)
    return row


def _default_language(locale: str) -> str:
    language = locale.replace("_", "-").split("-")[0].lower()
    return language if language in SUPPORTED_LANGUAGES else "en"


def request_podcast(
    session: Session,
    schemas: SchemaSet,
    principal: Principal,
    user_id: int | None,
    languages: list[str] | None,
    output_format: str,
    for_date: date,
) -> DailyPodcast:
    """Store a pending podcast and its PodcastRequested together; generation runs on events."""
    target = principal.user_id if user_id is None else user_id
    if target != principal.user_id and not principal.is_staff:
        raise Forbidden("only staff may create podcasts for other learners")
    learner = session.get(Learner, target)
    if learner is None or not learner.active:
        raise InvalidInput("user_id", f"no active learner with id {target}")
    languages = languages or [_default_language(learner.locale)]
    row = DailyPodcast(
        user_id=target,
        requested_by=principal.user_id,
        for_date=for_date,
        attempt=1,
        status="pending",
        language=languages[0],
        primary_language=languages[0],
        secondary_language=languages[1] if len(languages) > 1 else None,
        output_format=output_format,
    )
    session.add(row)
    session.flush()  # the id is the event's key
    context = learner_context(session, learner)
    row.included_courses = context.courses
    requested = ev.PodcastRequested(
        event_id=ev.new_event_id(),
        occurred_at=ev.utcnow(),
        podcast_id=row.id,
        attempt=row.attempt,
        for_date=for_date,
        languages=languages,
        output_format=output_format,
        learner=context,
        requested_by=principal.user_id,
    )
    add_to_outbox(session, [requested], schemas)
    session.commit()
    return row


def save_answers(session: Session, row: DailyPodcast, principal: Principal, submitted: dict[str, str]) -> DailyPodcast:
    """Merge the answers into the podcast's; only its owner answers."""
    if principal.user_id != row.user_id:
        raise Forbidden("only the learner answers their podcast's questions")
    try:
        answers = resolve_answers(row.questions_asked, submitted)
    except ValueError as exc:
        raise InvalidInput("answers", str(exc)) from exc
    row.student_answers = {**row.student_answers, **answers}
    session.commit()
    return row


def delete_podcast(session: Session, schemas: SchemaSet, row: DailyPodcast) -> None:
    """Remove the podcast; its audio is removed by tts on the PodcastDeleted event."""
    deleted = ev.PodcastDeleted(event_id=ev.new_event_id(), occurred_at=ev.utcnow(), podcast_id=row.id)
    session.delete(row)
    add_to_outbox(session, [deleted], schemas)
    session.commit()
