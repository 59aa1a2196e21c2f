"""Many messages in flight in one consumer, with a podcast's events still in order.

A podcast's events share a key (its id) and Kafka keeps a key in one partition, so running each
key's messages one after the other, in the order they were read, keeps a podcast's order while
other keys run beside them. A partition's offset is committed only up to its oldest message still
running: a worker killed with many in flight gets every unfinished one again.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from dailycast.messaging.ports import Message

TopicPartition = tuple[str, int]


class PartitionOffsets:
    """The offsets of one partition read but not finished yet (at most the concurrency limit)."""

    def __init__(self) -> None:
        self._running: set[int] = set()
        self._next = 0

    def read(self, offset: int) -> None:
        self._running.add(offset)
        self._next = offset + 1

    def finished(self, offset: int) -> None:
        self._running.discard(offset)

    def committable(self) -> int:
        """The next offset a restart may begin at: the oldest still running, or past the last one read."""
        return min(self._running, default=self._next)


class InFlight:
    """Runs up to `limit` messages at once; those of one key run one at a time, in submission order.

    `submit` waits while `limit` are running, which is what stops a consumer reading further ahead.
    `finished(tp, offset)` is called after each message that `work` completed, with the offset the
    partition may now be committed at. A message `ignored` says has no work (an event type the
    consumer has no handler for: most of a topic, for most consumers) is finished at once, without
    a task or a slot.
    """

    def __init__(
        self,
        limit: int,
        work: Callable[[Message], Awaitable[None]],
        finished: Callable[[TopicPartition, int], None] = lambda tp, offset: None,
        ignored: Callable[[Message], bool] = lambda message: False,
    ):
        self._slots = asyncio.Semaphore(limit)
        self._work = work
        self._finished = finished
        self._ignored = ignored
        self._offsets: dict[TopicPartition, PartitionOffsets] = {}
        self._last_of_key: dict[tuple[TopicPartition, bytes], asyncio.Task] = {}
        self._tasks: dict[TopicPartition, set[asyncio.Task]] = {}

    async def submit(self, message: Message) -> None:
        tp = (message.topic, message.partition)
        if self._ignored(message):
            offsets = self._offsets.setdefault(tp, PartitionOffsets())
            offsets.read(message.offset)
            offsets.finished(message.offset)
            self._finished(tp, offsets.committable())
            return
        await self._slots.acquire()
        self._offsets.setdefault(tp, PartitionOffsets()).read(message.offset)
        key = (tp, message.key)
        task = asyncio.create_task(self._run(message, self._last_of_key.get(key)))
        self._last_of_key[key] = task
        self._tasks.setdefault(tp, set()).add(task)
        task.add_done_callback(lambda t: self._forget_task(t, tp, key))

    async def _run(self, message: Message, before: asyncio.Task | None) -> None:
        try:
            if before is not None:
                await asyncio.wait([before])  # only that it ended matters, not how
                if before.cancelled():
                    raise asyncio.CancelledError  # its partition was given up: so is this one
            await self._work(message)
        finally:
            self._slots.release()
        tp = (message.topic, message.partition)
        offsets = self._offsets.get(tp)
        if offsets is not None:  # None: the partition was given up meanwhile
            offsets.finished(message.offset)
            self._finished(tp, offsets.committable())

    def _forget_task(self, task: asyncio.Task, tp: TopicPartition, key) -> None:
        self._tasks.get(tp, set()).discard(task)
        if self._last_of_key.get(key) is task:
            del self._last_of_key[key]

    def committable(self, tp: TopicPartition) -> int | None:
        offsets = self._offsets.get(tp)
        return offsets.committable() if offsets else None

    def partitions(self) -> list[TopicPartition]:
        return list(self._offsets)

    async def drain(self, tps: list[TopicPartition], timeout: float) -> None:
        """Let the partitions' running messages finish for up to `timeout` s, then cancel the rest."""
        tasks = {t for tp in tps for t in self._tasks.get(tp, ())}
        if tasks:
            await asyncio.wait(tasks, timeout=timeout)
            await _cancel(tasks)

    def forget(self, tps: list[TopicPartition]) -> None:
        """Drop the bookkeeping of partitions this consumer no longer reads (call after `drain`)."""
        for tp in tps:
            self._offsets.pop(tp, None)
            self._tasks.pop(tp, None)

    async def close(self) -> None:
        """Cancel everything running: unfinished messages stay uncommitted and come again."""
        await _cancel({t for tasks in self._tasks.values() for t in tasks})


async def _cancel(tasks: set[asyncio.Task]) -> None:
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
