"""Threads for the blocking calls that handlers make with `asyncio.to_thread` (database, files, SDKs).

asyncio's default pool holds min(32, CPUs + 4) threads: six on two cores. A consumer with 32
messages in flight, each waiting on the database in a thread, would then run six at a time; so
a process gets a thread for every message it may have in flight, and a few for its other tasks.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

SPARE_THREADS = 8  # the outbox relay, the sweeper, the scheduler, probes


def size_thread_pool(messages_in_flight: int) -> None:
    """Give the running loop's `asyncio.to_thread` a pool as large as the work it may be handed.

    Threads start only when needed, so an idle process keeps few."""
    pool = ThreadPoolExecutor(messages_in_flight + SPARE_THREADS, thread_name_prefix="blocking")
    asyncio.get_running_loop().set_default_executor(pool)
