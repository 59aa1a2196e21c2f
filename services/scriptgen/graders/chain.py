"""The grader chain: OpenAI, then Gemini (each when configured), then the local grader."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping, Sequence

from dailycast.grading import AnswerToGrade, Grade
from services.scriptgen.graders.base import AnswerGrader
from services.scriptgen.graders.local import LocalGrader

log = logging.getLogger(__name__)


class GraderChain:
    """Asks each grader in turn, each bounded in time; the local grader, last, always answers."""

    def __init__(self, graders: Sequence[AnswerGrader], timeouts: Mapping[str, float] | None = None,
                 step_timeout_seconds: float = 30.0):
        self.graders = [*graders, LocalGrader()]
        self.timeouts = dict(timeouts or {})
        self.step_timeout_seconds = step_timeout_seconds

    async def grade(self, item: AnswerToGrade) -> tuple[AnswerGrader, Grade]:
        """The grade and the grader that gave it."""
        for grader in self.graders[:-1]:
            try:
                timeout = self.timeouts.get(grader.name, self.step_timeout_seconds)
                return grader, await asyncio.wait_for(grader.grade(item), timeout)
            except Exception as exc:  # a failure, a timeout or an unusable reply: the next grader
                log.warning("grader %s failed: %s: %s", grader.name, type(exc).__name__, exc)
        local = self.graders[-1]
        return local, await local.grade(item)
