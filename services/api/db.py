"""The API's database: the DailyPodcast read model, learner profiles, the outbox."""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    Time,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from dailycast.events import AudioTrack, utcnow
from dailycast.grading import Grade
from dailycast.learner import LearnerContext
from dailycast.messaging.records import from_record, json_record
from dailycast.scripts import Question


class UtcDateTime(TypeDecorator):
    """Timestamps are UTC and come back timezone-aware, also from SQLite (which drops the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_result_value(self, value, dialect):
        return value.replace(tzinfo=timezone.utc) if value is not None and value.tzinfo is None else value


class JsonOf(TypeDecorator):
    """A JSON column of typed values (dataclasses, lists of them) stored as their plain records.

    The records are those of the events' Avro form, so the stored JSON keeps the events' shape.
    """

    impl = JSON
    cache_ok = True

    def __init__(self, value_type: Any):
        super().__init__()
        self.value_type = value_type  # named as the argument: part of the type's cache key

    def process_bind_param(self, value, dialect):
        return json_record(value)

    def process_result_value(self, value, dialect):
        return from_record(self.value_type, value)


class Base(DeclarativeBase):
    type_annotation_map = {datetime: UtcDateTime(), dict: JSON, list: JSON}


class Learner(Base):
    __tablename__ = "learner"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    email: Mapped[str] = mapped_column(String(254))
    name: Mapped[str] = mapped_column(String(200))
    locale: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    is_staff: Mapped[bool] = mapped_column(Boolean, default=False)


class LearnerFeed(Base):
    """How many times a learner rotated their private feed's URL; no row: never (generation 0)."""

    __tablename__ = "learner_feed"
    user_id: Mapped[int] = mapped_column(ForeignKey("learner.id", ondelete="CASCADE"), primary_key=True)
    generation: Mapped[int] = mapped_column(Integer)


class Course(Base):
    __tablename__ = "course"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    title: Mapped[str] = mapped_column(String(300))


class Enrollment(Base):
    __tablename__ = "enrollment"
    user_id: Mapped[int] = mapped_column(ForeignKey("learner.id", ondelete="CASCADE"), primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("course.id"), primary_key=True)
    enrolled_at: Mapped[datetime] = mapped_column(default=utcnow)


class QuizResult(Base):
    __tablename__ = "quiz_result"
    user_id: Mapped[int] = mapped_column(ForeignKey("learner.id", ondelete="CASCADE"), primary_key=True)
    quiz_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    subject: Mapped[str] = mapped_column(String(300))
    score: Mapped[float] = mapped_column(Float)
    scored_at: Mapped[datetime]


class DeliveryPreference(Base):
    """A learner's delivery preferences (dailycast.preferences); a learner without a row has the
    defaults of their locale."""

    __tablename__ = "delivery_preference"
    user_id: Mapped[int] = mapped_column(ForeignKey("learner.id", ondelete="CASCADE"), primary_key=True)
    daily: Mapped[bool] = mapped_column(Boolean)
    languages: Mapped[list] = mapped_column()  # one or two codes, primary first
    output_format: Mapped[str] = mapped_column(String(10))
    minutes: Mapped[int] = mapped_column(Integer)
    delivery_time: Mapped[time] = mapped_column(Time)  # local, in time_zone
    time_zone: Mapped[str] = mapped_column(String(64))  # IANA
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)  # when they were chosen: the newest choice wins


class DailyRequest(Base):
    """The daily podcast of one learner's local date. The primary key is what makes it one: a
    scheduler (another replica, a restart, a clock that jumped back) asking again fails to insert."""

    __tablename__ = "daily_request"
    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    for_date: Mapped[date] = mapped_column(Date, primary_key=True)
    podcast_id: Mapped[int] = mapped_column(Integer)
    requested_at: Mapped[datetime] = mapped_column(default=utcnow)


class Lease(Base):
    """A named lease: who may act alone (the scheduler of one API replica) until when."""

    __tablename__ = "lease"
    name: Mapped[str] = mapped_column(String(50), primary_key=True)
    holder: Mapped[str] = mapped_column(String(100))
    expires_at: Mapped[datetime]


class DailyPodcast(Base):
    """The seed's table, plus per-language scripts and audio, question times, and attempts."""

    __tablename__ = "daily_podcast"
    __table_args__ = (
        Index("idx_user_date", "user_id", "created_at"),
        Index("idx_status_date", "status", "created_at"),
        # Ids are never given twice: audio keys, the tts manifest and the notifier's sent log are
        # keyed by them. SQLite's AUTOINCREMENT never reuses a deleted row's id (PostgreSQL's
        # sequence never does; the projector moves it past ids it recreates, see projector.py).
        {"sqlite_autoincrement": True},
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(BigInteger, index=False)
    requested_by: Mapped[int] = mapped_column(BigInteger)
    for_date: Mapped[date] = mapped_column(Date)
    attempt: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(20), default="pending")
    error_message: Mapped[str | None] = mapped_column(Text)
    # The seed's columns: primary language's script and audio, secondary's audio.
    language: Mapped[str] = mapped_column(String(5))
    primary_language: Mapped[str] = mapped_column(String(5))
    secondary_language: Mapped[str | None] = mapped_column(String(5))
    output_format: Mapped[str] = mapped_column(String(10))
    minutes: Mapped[int] = mapped_column(Integer, server_default="6")  # the audio's length asked for: 3, 6 or 10
    script_text: Mapped[str | None] = mapped_column(Text)
    # The fingerprints of script_text's sentences (dailycast.sentences), space-separated, made as
    # the script is projected: the next week's requests read these, not the scripts.
    heard: Mapped[str | None] = mapped_column(Text, deferred=True)
    audio_file: Mapped[str | None] = mapped_column(String(300))
    audio_file_secondary: Mapped[str | None] = mapped_column(String(300))
    duration_seconds: Mapped[int | None] = mapped_column(Integer)
    duration_seconds_secondary: Mapped[int | None] = mapped_column(Integer)
    llm_provider: Mapped[str | None] = mapped_column(String(20))
    llm_model: Mapped[str | None] = mapped_column(String(80))
    tokens_used: Mapped[int | None] = mapped_column(Integer)
    tts_provider: Mapped[str | None] = mapped_column(String(20))
    included_courses: Mapped[list] = mapped_column(default=list)
    # The learner as this attempt was requested for: a regeneration may ask for the same again.
    learner_snapshot: Mapped[LearnerContext | None] = mapped_column(JsonOf(LearnerContext), deferred=True)
    questions_asked: Mapped[list[Question]] = mapped_column(JsonOf(list[Question]), default=list)
    # The student's answers, one row per question (podcast_answer), so saving one is atomic.
    answers: Mapped[list[PodcastAnswer]] = relationship(
        lazy="selectin", cascade="all, delete-orphan", passive_deletes=True, order_by="PodcastAnswer.question_id"
    )
    # New: every language's script and audio track (with each question's time in the audio).
    scripts: Mapped[dict] = mapped_column(default=dict)  # language -> text
    audio_tracks: Mapped[list[AudioTrack]] = mapped_column(JsonOf(list[AudioTrack]), default=list)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # The podcast as reads send it, without answers: kept by services/api/documents.py, never set by hand.
    document: Mapped[str | None] = mapped_column(Text, deferred=True)

    def start_attempt(self, attempt: int, learner: LearnerContext) -> None:
        """Pending again as a new attempt, for this learner: the older attempt's script, audio and
        answers are gone (its events still on their way are ignored, being of an older attempt)."""
        self.attempt, self.status, self.error_message = attempt, "pending", None
        self.learner_snapshot, self.included_courses = learner, learner.courses
        self.script_text = self.heard = self.audio_file = self.audio_file_secondary = None
        self.duration_seconds = self.duration_seconds_secondary = self.tokens_used = None
        self.llm_provider = self.llm_model = self.tts_provider = None
        self.questions_asked, self.scripts, self.audio_tracks, self.answers = [], {}, [], []

    @property
    def student_answers(self) -> dict[str, str]:
        """The seed's field: question id -> answer (saved through services/api/podcasts.py)."""
        return {a.question_id: a.answer for a in self.answers}

    @student_answers.setter
    def student_answers(self, answers: dict[str, str]) -> None:
        # For building a new row (tests, tools); the API saves answers one question at a time.
        self.answers = [PodcastAnswer(question_id=q, answer=a) for q, a in answers.items()]

    @property
    def grades(self) -> dict[str, Grade | None]:
        """Each answer's grade by question id (None: not graded yet)."""
        return {a.question_id: a.grade for a in self.answers}


class PodcastCost(Base):
    """What one attempt of a podcast used and is estimated to cost (services/api/podcast_costs.py).

    Apart from the podcast's row, and kept when it is deleted or made again: it was spent. No
    learner's data: a podcast id, its date and counts. Estimates are whole micro-dollars (USD 1e-6,
    dailycast/costs.py), at the prices of when the event was recorded; None where unknown."""

    __tablename__ = "podcast_cost"
    __table_args__ = (Index("idx_cost_date", "for_date"),)
    podcast_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    attempt: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    for_date: Mapped[date] = mapped_column(Date)
    llm_provider: Mapped[str | None] = mapped_column(String(20))
    llm_model: Mapped[str | None] = mapped_column(String(80))
    input_tokens: Mapped[int | None] = mapped_column(Integer)
    output_tokens: Mapped[int | None] = mapped_column(Integer)
    script_cost_micro_usd: Mapped[int | None] = mapped_column(Integer)
    tts_provider: Mapped[str | None] = mapped_column(String(20))
    speech_characters: Mapped[int | None] = mapped_column(Integer)  # billed, every track and request
    speech_cost_micro_usd: Mapped[int | None] = mapped_column(Integer)

    @property
    def estimated_cost_micro_usd(self) -> int:
        """What is known of the script's and the speech's."""
        return (self.script_cost_micro_usd or 0) + (self.speech_cost_micro_usd or 0)


class PodcastAnswer(Base):
    """One answer to one question of a podcast; saved by an upsert, so concurrent saves keep both."""

    __tablename__ = "podcast_answer"
    podcast_id: Mapped[int] = mapped_column(ForeignKey("daily_podcast.id", ondelete="CASCADE"), primary_key=True)
    question_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    answer: Mapped[str] = mapped_column(Text)
    answered_at: Mapped[datetime] = mapped_column(default=utcnow)  # the answer's version
    # The grade of this version of the answer (AnswerGraded), None until it is graded; saving the
    # answer again clears it.
    grade: Mapped[Grade | None] = mapped_column(JsonOf(Grade))
    graded_at: Mapped[datetime | None]


class PodcastRating(Base):
    """A learner's thumb up or down for their podcast (topic WHOLE_PODCAST, "") or one of its topics
    (a course or subject it is about), from PodcastRated; a thumb taken back is no row."""

    __tablename__ = "podcast_rating"
    __table_args__ = (Index("idx_rating_user", "user_id"),)
    podcast_id: Mapped[int] = mapped_column(ForeignKey("daily_podcast.id", ondelete="CASCADE"), primary_key=True)
    topic: Mapped[str] = mapped_column(String(300), primary_key=True)
    user_id: Mapped[int] = mapped_column(BigInteger)
    thumb: Mapped[str] = mapped_column(String(4))  # up | down
    rated_at: Mapped[datetime] = mapped_column(default=utcnow)  # the newest rating wins


class RequestSlot(Base):
    """A learner's on-demand requests of one UTC day, numbered 1..limit: the primary key makes two
    concurrent requests at the limit fight for the same slot, and only one gets it."""

    __tablename__ = "request_slot"
    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    slot: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    podcast_id: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class IdempotencyKey(Base):
    """A POST's Idempotency-Key, per principal, with the request's fingerprint and the first answer."""

    __tablename__ = "idempotency_key"
    principal_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64))  # sha256 of the request body, as validated
    podcast_id: Mapped[int] = mapped_column(Integer)
    status_code: Mapped[int] = mapped_column(Integer)
    response: Mapped[dict] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class OutboxMessage(Base):
    """Messages written with the change that caused them; the relay sends them to the log."""

    __tablename__ = "outbox_message"
    # Never reused either: the relay deletes what it sent by id, which must not be a newer message's.
    __table_args__ = {"sqlite_autoincrement": True}
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    topic: Mapped[str] = mapped_column(String(200))
    key: Mapped[bytes] = mapped_column(LargeBinary)
    value: Mapped[bytes] = mapped_column(LargeBinary)
    headers: Mapped[list] = mapped_column()  # [[name, hex value]]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ProcessedEvent(Base):
    """Events the projector has applied, so a redelivery is recognised and skipped."""

    __tablename__ = "processed_event"
    consumer: Mapped[str] = mapped_column(String(100), primary_key=True)
    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    processed_at: Mapped[datetime] = mapped_column(default=utcnow)

