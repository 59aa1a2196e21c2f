"""An event log in one SQLite file with Kafka's semantics, for the embedded runtime.

Topics have partitions; a message goes to the partition of its key, so one key's messages keep
their order; each consumer group commits its own offset per partition; delivery is at least
once (a message is redelivered until its group commits past it), and any group can be moved back
to an earlier offset to replay.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import threading
import time
import zlib
from pathlib import Path

from dailycast.messaging.ports import Message, OutgoingMessage
from dailycast.waits import wait_at_most

_SCHEMA = """
CREATE TABLE IF NOT EXISTS topics (name TEXT PRIMARY KEY, partitions INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS messages (
    topic TEXT NOT NULL, partition INTEGER NOT NULL, offset INTEGER NOT NULL,
    key BLOB, value BLOB NOT NULL, headers TEXT NOT NULL, timestamp_ms INTEGER NOT NULL,
    PRIMARY KEY (topic, partition, offset)
);
CREATE TABLE IF NOT EXISTS committed_offsets (
    group_id TEXT NOT NULL, topic TEXT NOT NULL, partition INTEGER NOT NULL,
    next_offset INTEGER NOT NULL, PRIMARY KEY (group_id, topic, partition)
);
"""


def partition_for(key: bytes, partitions: int) -> int:
    return zlib.crc32(key) % partitions


class EmbeddedLog:
    """The log itself: append, fetch, commit. Thread-safe; waiters are woken on append."""

    def __init__(self, path: Path, default_partitions: int = 3):
        self.default_partitions = default_partitions
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA busy_timeout=10000")
        self._db.executescript(_SCHEMA)
        self._lock = threading.Lock()
        self._waiters: set[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = set()
        self.appended = 0  # counts appends in this process, so a waiter never misses one

    def close(self) -> None:
        self._db.close()

    # -- topics
    def partitions(self, topic: str) -> int:
        with self._lock:
            return self._partitions(topic)

    def _partitions(self, topic: str) -> int:
        row = self._db.execute("SELECT partitions FROM topics WHERE name=?", (topic,)).fetchone()
        if row:
            return row[0]
        self._db.execute(
            "INSERT OR IGNORE INTO topics VALUES (?, ?)", (topic, self.default_partitions)
        )
        return self._partitions(topic)

    def topics(self) -> list[str]:
        with self._lock:
            return [r[0] for r in self._db.execute("SELECT name FROM topics ORDER BY name")]

    # -- producing
    def append(self, message: OutgoingMessage) -> tuple[int, int]:
        """Store the message at the end of its key's partition; returns (partition, offset)."""
        with self._lock:
            partition = partition_for(message.key, self._partitions(message.topic))
            self._db.execute("BEGIN IMMEDIATE")
            try:
                (offset,) = self._db.execute(
                    "SELECT COALESCE(MAX(offset) + 1, 0) FROM messages WHERE topic=? AND partition=?",
                    (message.topic, partition),
                ).fetchone()
                self._db.execute(
                    "INSERT INTO messages VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (message.topic, partition, offset, message.key, message.value,
                     _headers_to_json(message.headers), int(time.time() * 1000)),
                )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        self.appended += 1
        self._wake()
        return partition, offset

    async def send(self, message: OutgoingMessage) -> None:
        self.append(message)

    # -- consuming
    def fetch(self, topic: str, partition: int, offset: int, limit: int = 100) -> list[Message]:
        with self._lock:
            rows = self._db.execute(
                "SELECT offset, key, value, headers FROM messages "
                "WHERE topic=? AND partition=? AND offset>=? ORDER BY offset LIMIT ?",
                (topic, partition, offset, limit),
            ).fetchall()
        return [
            Message(topic, key, value, _headers_from_json(headers), partition, off)
            for off, key, value, headers in rows
        ]

    def committed(self, group: str, topic: str, partition: int) -> int:
        with self._lock:
            row = self._db.execute(
                "SELECT next_offset FROM committed_offsets WHERE group_id=? AND topic=? AND partition=?",
                (group, topic, partition),
            ).fetchone()
        return row[0] if row else 0

    def commit(self, group: str, topic: str, partition: int, next_offset: int) -> None:
        with self._lock:
            self._db.execute(
                "INSERT INTO committed_offsets VALUES (?, ?, ?, ?) ON CONFLICT (group_id, topic, partition) "
                "DO UPDATE SET next_offset=excluded.next_offset",
                (group, topic, partition, next_offset),
            )

    def end_offset(self, topic: str, partition: int) -> int:
        with self._lock:
            (end,) = self._db.execute(
                "SELECT COALESCE(MAX(offset) + 1, 0) FROM messages WHERE topic=? AND partition=?",
                (topic, partition),
            ).fetchone()
        return end

    def lag(self, group: str, topic: str) -> int:
        """Messages of the topic the group has not committed yet."""
        return sum(
            self.end_offset(topic, p) - self.committed(group, topic, p)
            for p in range(self.partitions(topic))
        )

    # -- waking consumers
    async def wait_for_append(self, seen: int, timeout: float) -> None:
        """Return once appends passed `seen` (in this process), or after the timeout.

        The timeout also picks up messages appended by other processes (such as a replay).
        """
        event = asyncio.Event()
        waiter = (asyncio.get_running_loop(), event)
        self._waiters.add(waiter)
        try:
            if self.appended == seen:
                await wait_at_most(event, timeout)
        finally:
            self._waiters.discard(waiter)

    def _wake(self) -> None:
        for loop, event in list(self._waiters):
            if not loop.is_closed():
                loop.call_soon_threadsafe(event.set)


def _headers_to_json(headers: list[tuple[str, bytes]]) -> str:
    return json.dumps([[k, v.hex()] for k, v in headers])


def _headers_from_json(text: str) -> list[tuple[str, bytes]]:
    return [(k, bytes.fromhex(v)) for k, v in json.loads(text)]
