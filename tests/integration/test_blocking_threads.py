"""A worker's handlers get a thread each for their blocking calls (database, files, SDKs).

asyncio's default pool has CPUs + 4 threads (6 on two cores): with 32 messages in flight, each
waiting on the database in `asyncio.to_thread`, a consumer would run six at a time.
"""

from __future__ import annotations

import asyncio
import threading

from system.builder import System


async def test_every_message_in_flight_can_block_in_a_thread_at_once(monkeypatch, tmp_path):
    monkeypatch.setenv("DAILYCAST_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("DAILYCAST_RUNTIME", "embedded")
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("DAILYCAST_WORKER_CONCURRENCY", "10")
    system = System(("scriptgen", "notifier"))  # two consumers: 20 messages in flight
    try:
        await system.connect()
        all_in = threading.Barrier(20, timeout=10)  # broken unless 20 threads wait at once
        await asyncio.gather(*(asyncio.to_thread(all_in.wait) for _ in range(20)))
    finally:
        await system.close()
