"""How the processes log: plain text (the default), or with DAILYCAST_LOG_FORMAT=json one JSON
object a line, for a log pipeline to index.

Each record carries the trace id and the podcast id of the event being handled when it was
written (`handling` sets them for a handler's run, in context variables, so concurrent messages
keep their own): a podcast's lines can be found across all four services.
"""

from __future__ import annotations

import contextvars
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from pythonjsonlogger.json import JsonFormatter

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_trace_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("trace_id", default=None)
_podcast_id: contextvars.ContextVar[int | None] = contextvars.ContextVar("podcast_id", default=None)


@contextmanager
def handling(event: object, traceparent: str | None) -> Iterator[None]:
    """Within the block, log records name this event's podcast and trace (W3C traceparent's trace id)."""
    parts = (traceparent or "").split("-")
    trace = _trace_id.set(parts[1] if len(parts) == 4 else None)
    podcast = _podcast_id.set(getattr(event, "podcast_id", None))
    try:
        yield
    finally:
        _trace_id.reset(trace)
        _podcast_id.reset(podcast)


class _Context(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.trace_id, record.podcast_id = _trace_id.get(), _podcast_id.get()
        return True


def configure_logging(level: str, log_format: str, stream: IO[str] | None = None, force: bool = False) -> None:
    """The root logger's one handler, on stderr (or `stream`); every other logger propagates to it.

    As `logging.basicConfig`: a root logger that has handlers already (a host that configured
    logging, a test run) is left alone unless `force`."""
    root = logging.getLogger()
    if root.handlers and not force:
        return
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.addFilter(_Context())
    if log_format == "json":
        handler.setFormatter(JsonFormatter(
            "%(asctime)s %(levelname)s %(name)s %(message)s %(trace_id)s %(podcast_id)s",
            rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
        ))
    else:
        handler.setFormatter(logging.Formatter(TEXT_FORMAT))
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
