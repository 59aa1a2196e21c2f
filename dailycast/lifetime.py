"""Running a process's tasks for as long as its web server lives (the API's app, a worker's ops app)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager

log = logging.getLogger(__name__)
SHUTDOWN_SECONDS = 10.0

Task = Callable[[], Awaitable[None]]


@asynccontextmanager
async def tasks_running(tasks: Sequence[Task]) -> AsyncIterator[None]:
    """Start the tasks; on exit cancel them and wait, at most SHUTDOWN_SECONDS, for them to stop."""
    running = [asyncio.create_task(run(), name=getattr(run, "__name__", "task")) for run in tasks]
    for task in running:
        task.add_done_callback(_log_crash)
    try:
        yield
    finally:
        for task in running:
            task.cancel()
        # Bounded: a task that does not stop must not keep the process from shutting down.
        stuck = (await asyncio.wait(running, timeout=SHUTDOWN_SECONDS))[1] if running else set()
        if stuck:
            log.error("tasks still running %.0f s after shutdown began: %s", SHUTDOWN_SECONDS,
                      sorted(t.get_name() for t in stuck))


def _log_crash(task: asyncio.Task) -> None:
    if not task.cancelled() and task.exception():
        log.error("background task %s stopped", task.get_name(), exc_info=task.exception())
