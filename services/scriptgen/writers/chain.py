"""The writer fallback chain: itself a ScriptWriter made of ScriptWriters."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping, Sequence

from dailycast.scripts import WriterError, WritingRequest, WrittenScript
from services.scriptgen.script_checks import script_problems
from services.scriptgen.writers.base import ScriptWriter

log = logging.getLogger(__name__)


class WriterChain:
    """Asks each writer in turn; the first valid script wins. Each step is bounded in time."""

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
        failures = []
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
            problems = script_problems(script, request)
            if not problems:
                return script
            failures.append(f"{writer.name}: {'; '.join(problems)}")
            log.warning("writer %s gave an unusable script: %s", writer.name, problems)
        raise WriterError(" | ".join(failures))
