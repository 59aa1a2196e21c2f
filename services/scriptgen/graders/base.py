"""The AnswerGrader port."""

from __future__ import annotations

from typing import Protocol

from dailycast.grading import AnswerToGrade, Grade


class AnswerGrader(Protocol):
    name: str  # openai | gemini | local
    model: str | None

    async def grade(self, item: AnswerToGrade) -> Grade:
        """The answer's grade, or raise (the chain goes on to the next grader)."""
        ...
