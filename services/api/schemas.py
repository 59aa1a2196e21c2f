"""The API's request and response bodies."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Language = Literal["en", "ja", "es", "fr", "de", "it", "pt", "ru", "ko"]
OutputFormat = Literal["text", "audio", "both"]
MAX_ANSWER_CHARS = 5000


class PodcastCreate(BaseModel):
    """Either `primary_language` (+ optional `secondary_language`), as in the seed, or `languages`."""

    model_config = ConfigDict(extra="forbid")

    user_id: int | None = Field(None, description="whose podcast; default: yourself (only staff may name another)")
    primary_language: Language | None = Field(None, description="default: the learner's locale")
    secondary_language: Language | None = None
    languages: list[Language] | None = Field(None, min_length=1, max_length=2, description="primary first")
    output_format: OutputFormat = "both"

    @field_validator("languages")
    @classmethod
    def _distinct(cls, value: list[str] | None) -> list[str] | None:
        if value and len(set(value)) != len(value):
            raise ValueError("the same language twice")
        return value

    @model_validator(mode="after")
    def _one_way_to_say_languages(self) -> "PodcastCreate":
        if self.languages and (self.primary_language or self.secondary_language):
            raise ValueError("languages: give either languages or primary_language/secondary_language")
        if self.secondary_language and not self.primary_language:
            raise ValueError("primary_language: required with secondary_language")
        if self.secondary_language and self.secondary_language == self.primary_language:
            raise ValueError("secondary_language: must differ from primary_language")
        return self

    def requested_languages(self) -> list[str] | None:
        if self.languages:
            return list(self.languages)
        if self.primary_language:
            return [self.primary_language] + ([self.secondary_language] if self.secondary_language else [])
        return None


class AnswersIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    answers: dict[str, str] = Field(
        ..., description="answers keyed by question id (q1..q3) or by the question's text", max_length=3
    )

    @field_validator("answers")
    @classmethod
    def _short_enough(cls, value: dict[str, str]) -> dict[str, str]:
        long = [k for k, v in value.items() if len(v) > MAX_ANSWER_CHARS]
        if long:
            raise ValueError(f"answers longer than {MAX_ANSWER_CHARS} characters: {long}")
        return value


class QuestionTimeOut(BaseModel):
    question_id: str
    starts_at: float
    pause_at: float


class AudioOut(BaseModel):
    language: str
    url: str
    duration_seconds: float
    voice: str
    question_times: list[QuestionTimeOut]


class QuestionOut(BaseModel):
    id: str
    text: dict[str, str]
    times: dict[str, QuestionTimeOut] = Field(default_factory=dict, description="language -> time in its audio")


class PodcastOut(BaseModel):
    id: int
    user_id: int
    status: Literal["pending", "generating", "completed", "failed"]
    error_message: str | None
    for_date: date
    attempt: int
    language: str
    primary_language: str
    secondary_language: str | None
    output_format: OutputFormat
    script_text: str | None = Field(description="the primary language's script; null for audio-only")
    scripts: dict[str, str] = Field(description="every language's script; empty for audio-only")
    audio_file: str | None
    audio_file_secondary: str | None
    duration_seconds: int | None
    duration_seconds_secondary: int | None
    audio: list[AudioOut]
    llm_provider: str | None
    llm_model: str | None
    tts_provider: str | None
    included_courses: list[str]
    questions_asked: list[str]
    questions: list[QuestionOut]
    student_answers: dict[str, str]
    created_at: datetime
    updated_at: datetime


class PodcastPage(BaseModel):
    count: int
    next: str | None
    previous: str | None
    results: list[PodcastOut]


class ProgressSummary(BaseModel):
    questions_count: int
    answered_count: int
    completion_percentage: float
    overall_status: Literal["not_started", "in_progress", "completed"]


class ProgressQuestion(BaseModel):
    index: int
    id: str
    question: str
    user_answer: str
    answered: bool
    status: Literal["answered", "unanswered"]


class ProgressOut(BaseModel):
    podcast_id: int
    progress: ProgressSummary
    questions: list[ProgressQuestion]


class AnswersOut(BaseModel):
    podcast_id: int
    answers: dict[str, str]
    progress: ProgressSummary
