"""A podcast script: what a writer is asked for and what it gives back."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from dailycast.learner import LearnerContext
from dailycast.speech_length import DEFAULT_MINUTES, Speech

QUESTIONS_PER_PODCAST = 3


@dataclass(frozen=True)
class Question:
    """One question the podcast asks; its text in every language of the podcast."""

    id: str  # "q1", "q2", "q3"
    text: dict[str, str]  # language -> question as spoken in that language's script
    key_points: list[str] = field(default_factory=list)  # what a good answer mentions


@dataclass(frozen=True)
class WritingRequest:
    podcast_id: int
    for_date: date
    languages: list[str]  # primary first
    learner: LearnerContext
    minutes: int = DEFAULT_MINUTES  # the audio's length asked for (PodcastRequested.minutes)
    speech: Speech = Speech()  # who will speak it, and the pause after each question

    def units_for(self, language: str) -> int:
        """Reading units that, spoken with the pauses, last the minutes asked for."""
        return self.speech.units_for(language, self.minutes, QUESTIONS_PER_PODCAST)

    def audio_minutes(self, text: str, language: str) -> float:
        """How long the script in `language` will last, spoken, its questions' pauses included."""
        return self.speech.minutes(text, language, QUESTIONS_PER_PODCAST)


@dataclass(frozen=True)
class TokenUsage:
    """The tokens a model call was billed, as its provider counted them: priced apart."""

    input_tokens: int  # the prompt
    output_tokens: int  # the answer, a thinking model's thoughts included

    @property
    def total(self) -> int:
        return self.input_tokens + self.output_tokens


@dataclass(frozen=True)
class WrittenScript:
    """A whole script per language; each question's text appears verbatim in each script."""

    scripts: dict[str, str]
    questions: list[Question]
    writer: str  # "template", "openai", "gemini"
    model: str | None = None
    usage: TokenUsage | None = None  # None: no model was called (the template)

    @property
    def tokens_used(self) -> int | None:
        return self.usage.total if self.usage else None


class WriterError(Exception):
    """A writer could not produce a usable script; the chain tries the next writer.

    `throttled`: the provider said "too many requests" (it may say when to come back:
    `retry_after`, in seconds); asking again later is the answer, not another writer.
    """

    def __init__(self, message: str, throttled: bool = False, retry_after: float | None = None):
        super().__init__(message)
        self.throttled, self.retry_after = throttled, retry_after
