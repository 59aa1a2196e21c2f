"""The projector: keeps the read model (podcasts and learner profiles) up to date from events.

Each event is applied in a transaction together with a row in processed_event, so a
redelivered event is seen and skipped. Events of an older attempt than the podcast's are
ignored: a regenerated podcast only shows its newest attempt.
"""

from __future__ import annotations

import asyncio

from sqlalchemy import delete, select, text, tuple_
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, sessionmaker

from dailycast import events as ev
from dailycast.costs import Prices
from dailycast.grading import Grade
from dailycast.metrics import PODCASTS_COMPLETED, PODCASTS_FAILED, PODCASTS_REQUESTED, Tally, count
from dailycast.sentences import fingerprints
from services.api.db import (
    Course, DailyPodcast, DailyRequest, Enrollment, Learner, PodcastAnswer, PodcastCost, ProcessedEvent, QuizResult,
)
from services.api.feeds import record_generation
from services.api.podcast_costs import record_cost
from services.api.preferences import save_preferences
from services.api.ratings import save_ratings
from services.api.scheduler import SCHEDULER
from services.api.schemas import PreferencesIn

CONSUMER = "api-projector"
BATCH_LIMIT = 500  # events a transaction at most
FINAL = ("completed", "failed")


def _podcast(session: Session, event) -> DailyPodcast | None:
    row = session.get(DailyPodcast, event.podcast_id)
    return row if row is not None and row.attempt == event.attempt else None


def project_requested(session: Session, e: ev.PodcastRequested) -> None:
    # The API wrote the row (or its new attempt) with the request; this recreates it when the
    # model is rebuilt from the topics.
    row = session.get(DailyPodcast, e.podcast_id)
    if row is not None and e.attempt > row.attempt:
        row.start_attempt(e.attempt, e.learner)
    if row is None:
        session.add(
            DailyPodcast(
                id=e.podcast_id, user_id=e.learner.user_id, requested_by=e.requested_by, for_date=e.for_date,
                attempt=e.attempt, status="pending", language=e.languages[0], primary_language=e.languages[0],
                secondary_language=(e.languages[1:] or [None])[0], output_format=e.output_format,
                minutes=e.minutes, included_courses=e.learner.courses, learner_snapshot=e.learner, created_at=e.occurred_at,
            )
        )
        if session.get_bind().dialect.name == "postgresql":  # SQLite's counter follows the insert itself
            move_ids_past(session.connection(), e.podcast_id)
    if _scheduled(e) and session.get(DailyRequest, (e.learner.user_id, e.for_date)) is None:
        # The scheduler's own record of it (written with the request), kept by a rebuild too.
        session.add(DailyRequest(user_id=e.learner.user_id, for_date=e.for_date, podcast_id=e.podcast_id,
                                 requested_at=e.occurred_at))


def _scheduled(event) -> bool:
    return isinstance(event, ev.PodcastRequested) and event.requested_by == SCHEDULER and event.attempt == 1


def move_ids_past(connection: Connection, podcast_id: int) -> None:
    """New podcasts get ids after this one, even once it is deleted again: never its id.

    SQLite's AUTOINCREMENT counter follows the explicit ids inserted, but a rebuild (which
    inserts the podcasts left, not those deleted) must move it; PostgreSQL's sequence follows none.
    """
    if connection.dialect.name == "postgresql":
        connection.execute(
            text(
                "SELECT setval(pg_get_serial_sequence('daily_podcast', 'id'), :id) WHERE :id > coalesce("
                "pg_sequence_last_value(CAST(pg_get_serial_sequence('daily_podcast', 'id') AS regclass)), 0)"
            ),
            {"id": podcast_id},
        )
        return
    moved = connection.execute(
        text("UPDATE sqlite_sequence SET seq = max(seq, :id) WHERE name = 'daily_podcast'"), {"id": podcast_id}
    )
    if moved.rowcount == 0:
        connection.execute(text("INSERT INTO sqlite_sequence (name, seq) VALUES ('daily_podcast', :id)"), {"id": podcast_id})


def project_script(session: Session, e: ev.ScriptReady) -> None:
    row = _podcast(session, e)
    if row is None:
        return
    row.scripts = {s.language: s.text for s in e.scripts}
    row.script_text = row.scripts.get(row.primary_language)
    row.heard = " ".join(fingerprints(row.script_text)) if row.script_text else None
    row.questions_asked = e.questions
    row.included_courses = e.courses
    row.llm_provider, row.llm_model, row.tokens_used = e.writer, e.model, e.tokens_used
    if row.status not in FINAL:
        # A text podcast is done with its script: its PodcastCompleted, right behind, changes nothing
        # more, so the row (and its document) is written once, not twice.
        row.status = "completed" if e.output_format == "text" else "generating"


def project_audio(session: Session, e: ev.AudioReady) -> None:
    row = _podcast(session, e)
    if row is None:
        return
    row.audio_tracks = e.tracks
    by_language = {t.language: t for t in e.tracks}
    primary, secondary = by_language.get(row.primary_language), by_language.get(row.secondary_language or "")
    row.audio_file = primary.audio_key if primary else None
    row.duration_seconds = round(primary.duration_seconds) if primary else None
    row.audio_file_secondary = secondary.audio_key if secondary else None
    row.duration_seconds_secondary = round(secondary.duration_seconds) if secondary else None
    row.tts_provider = e.tracks[0].synthesizer if e.tracks else None
    if row.status not in FINAL:  # every language is spoken: done, as the PodcastCompleted behind it says
        row.status, row.error_message = "completed", None


def project_completed(session: Session, e: ev.PodcastCompleted) -> None:
    row = _podcast(session, e)
    if row is not None and row.status not in FINAL:  # mostly completed already, by its script or audio
        row.status, row.error_message = "completed", None


def project_failed(session: Session, e: ev.PodcastFailed) -> None:
    row = _podcast(session, e)
    if row is not None and row.status != "completed":
        row.status, row.error_message = "failed", e.reason


def project_answers(session: Session, e: ev.AnswersSaved) -> None:
    # Answers saved before AnswerSubmitted, in the topics still: a rebuild has only these.
    row = _podcast(session, e)
    if row is not None:
        for given in e.answers:
            _keep_answer(row, given.question_id, given.answer, e.occurred_at)


def project_submitted(session: Session, e: ev.AnswerSubmitted) -> None:
    row = _podcast(session, e)
    if row is not None:
        _keep_answer(row, e.question_id, e.answer, e.occurred_at)


def _keep_answer(row: DailyPodcast, question_id: str, text: str, answered_at) -> None:
    """The API saved it already; a rebuild from the topics has only the event. An answer saved
    later (a newer event still on its way) is kept; a newer answer's grade is yet to come."""
    answer = next((a for a in row.answers if a.question_id == question_id), None)
    if answer is None:
        row.answers.append(PodcastAnswer(question_id=question_id, answer=text, answered_at=answered_at))
    elif answer.answered_at < answered_at:
        answer.answer, answer.answered_at, answer.grade, answer.graded_at = text, answered_at, None, None


def project_graded(session: Session, e: ev.AnswerGraded) -> None:
    # Only the grade of the answer as it stands counts (an answer saved again since waits for its
    # own), and of two grades of it the newer (a regrade); a redelivery changes nothing.
    row = _podcast(session, e)
    answer = next((a for a in row.answers if a.question_id == e.question_id), None) if row else None
    if answer is None or answer.answered_at != e.answered_at:
        return
    if answer.graded_at is None or answer.graded_at < e.occurred_at:
        answer.grade, answer.graded_at = Grade(e.key_points_covered, e.score, e.feedback), e.occurred_at


def project_rated(session: Session, e: ev.PodcastRated) -> None:
    row = session.get(DailyPodcast, e.podcast_id)
    if row is not None:  # else deleted since (a rebuild meets it too)
        save_ratings(session, row, e.ratings, e.occurred_at)


def project_deleted(session: Session, e: ev.PodcastDeleted) -> None:
    session.execute(delete(DailyPodcast).where(DailyPodcast.id == e.podcast_id))


def project_user(session: Session, e: ev.UserUpserted) -> None:
    session.merge(Learner(id=e.user_id, email=e.email, name=e.name, locale=e.locale, active=e.active, is_staff=e.is_staff))


def project_enrollment(session: Session, e: ev.EnrollmentChanged) -> None:
    if session.get(Learner, e.user_id) is None:
        raise LookupError(f"enrollment for unknown learner {e.user_id}")  # retried, then dead-lettered
    session.merge(Course(id=e.course_id, title=e.course_title))
    enrollment = session.get(Enrollment, (e.user_id, e.course_id))
    if e.enrolled and enrollment is None:
        session.add(Enrollment(user_id=e.user_id, course_id=e.course_id, enrolled_at=e.occurred_at))
    elif not e.enrolled and enrollment is not None:
        session.delete(enrollment)


def project_quiz(session: Session, e: ev.QuizScored) -> None:
    if session.get(Learner, e.user_id) is None:
        raise LookupError(f"quiz score for unknown learner {e.user_id}")
    session.merge(QuizResult(user_id=e.user_id, quiz_id=e.quiz_id, subject=e.subject, score=e.score, scored_at=e.scored_at))


def project_preferences(session: Session, e: ev.DeliveryPreferencesChanged) -> None:
    # The API's own rules: a value it would answer 422 to makes the event fail (and be dead-lettered).
    checked = PreferencesIn(
        daily=e.daily, languages=e.languages, output_format=e.output_format, minutes=e.minutes,
        delivery_time=e.delivery_time.strftime("%H:%M"), time_zone=e.time_zone,
    )
    save_preferences(session, e.user_id, checked.preferences(), e.occurred_at)  # unknown learner: retried


def project_feed_rotated(session: Session, e: ev.FeedRotated) -> None:
    # The API recorded it already; a rebuild from the topics has only this.
    record_generation(session, e.user_id, e.generation)


PROJECTIONS = {
    ev.PodcastRequested: project_requested,
    ev.ScriptReady: project_script,
    ev.AudioReady: project_audio,
    ev.PodcastCompleted: project_completed,
    ev.PodcastFailed: project_failed,
    ev.PodcastDeleted: project_deleted,
    ev.AnswersSaved: project_answers,
    ev.AnswerSubmitted: project_submitted,
    ev.AnswerGraded: project_graded,
    ev.PodcastRated: project_rated,
    ev.UserUpserted: project_user,
    ev.EnrollmentChanged: project_enrollment,
    ev.QuizScored: project_quiz,
    ev.DeliveryPreferencesChanged: project_preferences,
    ev.FeedRotated: project_feed_rotated,
}


def tally(session: Session, event) -> list[Tally]:
    """What an applied event adds to the podcasts' counters (counted once the batch is committed):
    requested, completed, failed."""
    if isinstance(event, ev.PodcastRequested):
        return [(PODCASTS_REQUESTED, (event.output_format,), 1)]
    if isinstance(event, ev.PodcastCompleted):
        row = session.get(DailyPodcast, event.podcast_id)
        return [(PODCASTS_COMPLETED, (event.output_format, (row and row.llm_provider) or "unknown"), 1)]
    if isinstance(event, ev.PodcastFailed):
        row = session.get(DailyPodcast, event.podcast_id)
        return [(PODCASTS_FAILED, ((row and row.output_format) or "unknown", event.step), 1)]
    return []


class Projector:
    """Applies each event once, in the same transaction that records it as processed.

    Events handled at the same time (the consumer runs many at once) wait in a queue and are
    applied together, in one transaction per batch: one commit for many events is what lets the
    read model keep up. If a batch fails, each of its events is applied alone, so only the bad
    one fails (and is retried, then dead-lettered). Events of one podcast never share a batch:
    the consumer hands over a podcast's next event only once its previous one was applied.
    """

    def __init__(
        self, session_factory: sessionmaker, prices: Prices, batch_limit: int = BATCH_LIMIT, counted: bool = True
    ):
        """`prices`: what the attempts' costs are estimated at (services/api/podcast_costs.py)."""
        self.session_factory = session_factory
        self.prices = prices
        self.batch_limit = batch_limit
        self.counted = counted  # a rebuild applies old events again: it adds nothing to the podcast counters
        self._waiting: list[tuple[object, asyncio.Future]] = []
        self._writer: asyncio.Task | None = None

    async def handle(self, event) -> list:
        applied = asyncio.get_running_loop().create_future()
        self._waiting.append((event, applied))
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._write_batches())
        await applied
        return []

    async def _write_batches(self) -> None:
        while self._waiting:
            batch, self._waiting = self._waiting[: self.batch_limit], self._waiting[self.batch_limit :]
            errors = await asyncio.to_thread(self.apply_all, [event for event, _ in batch])
            for (_, applied), error in zip(batch, errors):
                if applied.done():  # its handler was cancelled meanwhile
                    continue
                if error is None:
                    applied.set_result(None)
                else:
                    applied.set_exception(error)

    def apply_all(self, events: list) -> list[Exception | None]:
        """Apply the events in one transaction; if that fails, each in its own. Returns each one's error."""
        try:
            with self.session_factory.begin() as session:
                tallies = self._apply_batch(session, events)
            if self.counted:  # once committed: a batch applied again one by one counts once
                count(tallies)
            return [None] * len(events)
        except Exception as exc:
            if len(events) == 1:
                return [exc]
        return [self.apply_all([event])[0] for event in events]

    def apply(self, event) -> None:
        """One event at once, its error raised."""
        (error,) = self.apply_all([event])
        if error is not None:
            raise error

    def _apply_batch(self, session: Session, events: list) -> list[Tally]:
        """Apply the events not applied before; what the counters get for them (podcasts, costs)."""
        # Two queries for the whole batch (which events are done, which podcasts they touch), a
        # third for the costs of its scripts and audio, and one flush at commit: a statement per
        # event instead of several.
        event_ids = [e.event_id for e in events]
        done = set(session.scalars(select(ProcessedEvent.event_id).where(
            ProcessedEvent.consumer == CONSUMER, ProcessedEvent.event_id.in_(event_ids))))
        podcast_ids = {e.podcast_id for e in events if hasattr(e, "podcast_id")}
        # Into the session's identity map, where each projection's get finds them; `loaded` holds
        # them until the batch is applied, as the map keeps only weak references.
        loaded = session.scalars(select(DailyPodcast).where(DailyPodcast.id.in_(podcast_ids))).all()
        if scheduled := {(e.learner.user_id, e.for_date) for e in events if _scheduled(e)}:
            loaded += session.scalars(select(DailyRequest).where(
                tuple_(DailyRequest.user_id, DailyRequest.for_date).in_(scheduled))).all()
        if costed := {e.podcast_id for e in events if isinstance(e, (ev.ScriptReady, ev.AudioReady))}:
            loaded += session.scalars(select(PodcastCost).where(PodcastCost.podcast_id.in_(costed))).all()
        tallies = []
        with session.no_autoflush:
            for event in events:
                if event.event_id in done:
                    continue
                PROJECTIONS[type(event)](session, event)
                session.add(ProcessedEvent(consumer=CONSUMER, event_id=event.event_id))
                done.add(event.event_id)
                tallies += tally(session, event) + record_cost(session, event, self.prices)
        return tallies

    def handlers(self) -> dict:
        return {event_type: self.handle for event_type in PROJECTIONS}
