"""The writer fallback chain: itself a ScriptWriter made of ScriptWriters."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping, Sequence

from dailycast.scripts import WriterError, WritingRequest, WrittenScript
from services.scriptgen.script_checks import content_problems, length_problems
from services.scriptgen.writers.base import ScriptWriter

log = logging.getLogger(__name__)


class WriterChain:
    """Asks each writer in turn; the first valid script wins. Each step is bounded in time.

    A script good in all but its length is kept: when no writer gives one of the right length,
    the first of these is used (a podcast a little long or short beats none; the accuracy check
    reports its audio's length)."""

    name = "chain"

    def __init__(
        self,
        writers: Sequence[ScriptWriter],
        step_timeout_seconds: float = 30.0,
        timeouts: Mapping[str, float] | None = None,
    ):
        """timeouts: a bound per writer name, for writers whose own retries need longer than the default."""
        if not writers:
            raise ValueError("a writer chain needs at least one writer")
        self.writers = list(writers)
        self.step_timeout_seconds = step_timeout_seconds
        self.timeouts = dict(timeouts or {})

    def timeout_of(self, writer: ScriptWriter) -> float:
        return self.timeouts.get(writer.name, self.step_timeout_seconds)

    async def write(self, request: WritingRequest) -> WrittenScript:
        failures, misfit = [], None
        for writer in self.writers:
            try:
                script = await asyncio.wait_for(writer.write(request), self.timeout_of(writer))
            except (WriterError, TimeoutError) as exc:
                failures.append(f"{writer.name}: {exc or 'timed out'}")
                continue
            except Exception as exc:  # a broken writer must not stop the chain
                log.exception("writer %s crashed", writer.name)
                failures.append(f"{writer.name}: {type(exc).__name__}: {exc}")
                continue
            problems = content_problems(script, request)
            misfits = length_problems(script, request)
            if not problems and not misfits:
                return script
            if not problems and misfit is None:
                misfit = script
            failures.append(f"{writer.name}: {'; '.join(problems + misfits)}")
            log.warning("writer %s gave an unusable script: %s", writer.name, problems + misfits)
        if misfit is not None:
            log.warning("no script of the right length; %s's is used: %s", misfit.writer, " | ".join(failures))
            return misfit
        raise WriterError(" | ".join(failures))
