"""The API's database: the DailyPodcast read model, learner profiles, the outbox."""

from __future__ import annotations

from datetime import date, datetime, timezone
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
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from dailycast.events import AudioTrack, utcnow
from dailycast.messaging.records import from_record, to_record
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
        return to_record(value)

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


class DailyPodcast(Base):
    """The seed's table, plus per-language scripts and audio, question times, and attempts."""

    __tablename__ = "daily_podcast"
    __table_args__ = (
        Index("idx_user_date", "user_id", "created_at"),
        Index("idx_status_date", "status", "created_at"),
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
    script_text: Mapped[str | None] = mapped_column(Text)
    audio_file: Mapped[str | None] = mapped_column(String(300))
    audio_file_secondary: Mapped[str | None] = mapped_column(String(300))
    duration_seconds: Mapped[int | None] = mapped_column(Integer)
    duration_seconds_secondary: Mapped[int | None] = mapped_column(Integer)
    llm_provider: Mapped[str | None] = mapped_column(String(20))
    llm_model: Mapped[str | None] = mapped_column(String(80))
    tokens_used: Mapped[int | None] = mapped_column(Integer)
    tts_provider: Mapped[str | None] = mapped_column(String(20))
    included_courses: Mapped[list] = mapped_column(default=list)
    questions_asked: Mapped[list[Question]] = mapped_column(JsonOf(list[Question]), default=list)
    student_answers: Mapped[dict] = mapped_column(default=dict)  # question id -> answer
    # New: every language's script and audio track (with each question's time in the audio).
    scripts: Mapped[dict] = mapped_column(default=dict)  # language -> text
    audio_tracks: Mapped[list[AudioTrack]] = mapped_column(JsonOf(list[AudioTrack]), default=list)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class OutboxMessage(Base):
    """Messages written with the change that caused them; the relay sends them to the log."""

    __tablename__ = "outbox_message"
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

