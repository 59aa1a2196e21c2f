"""dailycast/logs.py: JSON lines that name the podcast and trace being handled, or plain text."""

from __future__ import annotations

import asyncio
import io
import json
import logging

import pytest

from dailycast.logs import configure_logging, handling
from tests.utils.factories import podcast_requested

TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"


@pytest.fixture
def restore_root_logger():
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:], root.level = handlers, level


def test_json_lines_name_the_handled_podcast_and_its_trace(restore_root_logger):
    out = io.StringIO()
    configure_logging("info", "json", stream=out, force=True)
    log = logging.getLogger("dailycast.test")
    with handling(podcast_requested(podcast_id=42), TRACEPARENT):
        log.warning("writing %s", "the script")
    log.info("between events")
    first, second = (json.loads(line) for line in out.getvalue().splitlines())
    assert first | {"time": None} == {"time": None, "level": "WARNING", "logger": "dailycast.test",
                                      "message": "writing the script", "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736",
                                      "podcast_id": 42}
    assert (second["podcast_id"], second["trace_id"], second["level"]) == (None, None, "INFO")


async def test_concurrent_handlers_keep_their_own_podcast(restore_root_logger):
    out = io.StringIO()
    configure_logging("info", "json", stream=out, force=True)

    async def handle(podcast_id: int) -> None:
        with handling(podcast_requested(podcast_id=podcast_id), None):
            await asyncio.sleep(0.01 * (3 - podcast_id))  # they interleave
            logging.getLogger("dailycast.test").info("done %d", podcast_id)

    await asyncio.gather(*(handle(n) for n in (1, 2, 3)))
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert {(line["message"], line["podcast_id"]) for line in lines} == {("done 1", 1), ("done 2", 2), ("done 3", 3)}


def test_a_root_logger_configured_already_is_left_alone(restore_root_logger):
    out = io.StringIO()
    configure_logging("info", "json", stream=out, force=True)
    configure_logging("info", "text", stream=io.StringIO())  # a second configuration changes nothing
    logging.getLogger("dailycast.test").info("still JSON")
    assert json.loads(out.getvalue())["message"] == "still JSON"


def test_text_stays_the_default_shape(restore_root_logger):
    out = io.StringIO()
    configure_logging("warning", "text", stream=out, force=True)
    logging.getLogger("dailycast.test").info("not shown")
    logging.getLogger("dailycast.test").error("shown")
    assert out.getvalue().endswith(" ERROR dailycast.test: shown\n") and "not shown" not in out.getvalue()
