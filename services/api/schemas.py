"""The API's request and response bodies."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from dailycast.events import QuestionTime
from dailycast.progress import ProgressQuestion, ProgressSummary
from dailycast.scripts import Question

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


# PodcastOut's validation context: (audio key, language) -> the url clients fetch that audio at.
AudioLink = Callable[[str, str], str]


# An AudioTrack as clients see it: a url instead of the store's key, no synthesizer.
# (Comments, not docstrings: those would become descriptions in the OpenAPI schema.)
class AudioOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    language: str
    url: str = Field(validation_alias="audio_key")  # read from the track's key, made a link below
    duration_seconds: float
    voice: str
    question_times: list[QuestionTime]

    @field_validator("url")
    @classmethod
    def _link(cls, key: str, info: ValidationInfo) -> str:
        return info.context(key, info.data["language"])


class QuestionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    text: dict[str, str]
    times: dict[str, QuestionTime] = Field(default_factory=dict, description="language -> time in its audio")


# A DailyPodcast row as the API shows it; validate it with an AudioLink as context.
class PodcastOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

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
    # The seed's four columns, which the projector fills from the tracks (their keys become links).
    audio_file: str | None
    audio_file_secondary: str | None
    duration_seconds: int | None
    duration_seconds_secondary: int | None
    audio: list[AudioOut] = Field(validation_alias="audio_tracks")
    llm_provider: str | None
    llm_model: str | None
    tts_provider: str | None
    included_courses: list[str]
    questions_asked: list[str]
    questions: list[QuestionOut] = Field(validation_alias="questions_asked")
    student_answers: dict[str, str]
    created_at: datetime
    updated_at: datetime

    @field_validator("audio_file", "audio_file_secondary")
    @classmethod
    def _link(cls, key: str | None, info: ValidationInfo) -> str | None:
        language = info.data["primary_language" if info.field_name == "audio_file" else "secondary_language"]
        return info.context(key, language) if key else None

    @field_validator("questions_asked", mode="before")
    @classmethod
    def _primary_texts(cls, questions: list[Question], info: ValidationInfo) -> list[str]:
        # The seed's questions_asked: just the texts, in the primary language.
        return [q.text.get(info.data["primary_language"], "") for q in questions]

    @model_validator(mode="after")
    def _shaped_for_clients(self) -> PodcastOut:
        if self.output_format == "audio":  # audio-only podcasts keep their script to themselves
            self.script_text, self.scripts = None, {}
        for q in self.questions:  # each track holds its questions' times; show them by question too
            q.times = {a.language: t for a in self.audio for t in a.question_times if t.question_id == q.id}
        return self


class PodcastPage(BaseModel):
    count: int
    next: str | None
    previous: str | None
    results: list[PodcastOut]


class ProgressOut(BaseModel):
    podcast_id: int
    progress: ProgressSummary
    questions: list[ProgressQuestion]


class AnswersOut(BaseModel):
    podcast_id: int
    answers: dict[str, str]
    progress: ProgressSummary
