"""The ScriptWriter port, and what an LLM writer's one call gives back."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from dailycast.scripts import TokenUsage, WritingRequest, WrittenScript


class ScriptWriter(Protocol):
    name: str

    async def write(self, request: WritingRequest) -> WrittenScript:
        """Write a script per language with 3 questions, or raise WriterError."""
        ...


@dataclass(frozen=True)
class Completion:
    """A model's reply to one structured-output call (the LLM writers' `complete`, which graders use too)."""

    text: str
    model: str  # the version that answered
    usage: TokenUsage | None
