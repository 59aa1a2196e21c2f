"""Waiting for an asyncio event, at most so long."""

from __future__ import annotations

import asyncio


async def wait_at_most(event: asyncio.Event, timeout: float) -> bool:
    """True once the event is set, False after `timeout` seconds.

    Not `asyncio.wait_for`: on Python 3.11 it loses a cancel that comes just as the event is set,
    and the cancelled task then runs on (a consumer that never stops).
    """
    try:
        async with asyncio.timeout(timeout):
            await event.wait()
        return True
    except TimeoutError:
        return False
