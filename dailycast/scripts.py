"""A podcast script: what a writer is asked for and what it gives back."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from dailycast.learner import LearnerContext

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


@dataclass(frozen=True)
class WrittenScript:
    """A whole script per language; each question's text appears verbatim in each script."""

    scripts: dict[str, str]
    questions: list[Question]
    writer: str  # "template", "openai", "gemini"
    model: str | None = None
    tokens_used: int | None = None


class WriterError(Exception):
    """A writer could not produce a usable script; the chain tries the next writer.

    `throttled`: the provider said "too many requests" (it may say when to come back:
    `retry_after`, in seconds); asking again later is the answer, not another writer.
    """

    def __init__(self, message: str, throttled: bool = False, retry_after: float | None = None):
        super().__init__(message)
        self.throttled, self.retry_after = throttled, retry_after
