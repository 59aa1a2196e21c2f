"""The local grader: the kernel's key-point matching, in every language, never failing."""

from __future__ import annotations

import asyncio

from dailycast.grading import AnswerToGrade, Grade, grade_locally


class LocalGrader:
    name = "local"
    model = None

    async def grade(self, item: AnswerToGrade) -> Grade:
        # A thread: Japanese loads its analyser's dictionary on first use.
        return await asyncio.to_thread(grade_locally, item)
