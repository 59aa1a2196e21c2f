"""InFlight's bookkeeping: each key in order, a limit, and the offset a partition may commit."""

import asyncio

from dailycast.messaging.inflight import InFlight, PartitionOffsets
from dailycast.messaging.ports import Message


def test_the_committable_offset_is_the_oldest_unfinished_one():
    offsets = PartitionOffsets()
    for n in range(5, 10):
        offsets.read(n)
    offsets.finished(6)
    offsets.finished(7)
    assert offsets.committable() == 5  # 6 and 7 are done, 5 is not: a restart begins at 5
    offsets.finished(5)
    assert offsets.committable() == 8
    offsets.finished(9)
    offsets.finished(8)
    assert offsets.committable() == 10


async def test_no_more_than_the_limit_run_at_once():
    running, most = [0], [0]

    async def work(m: Message):
        running[0] += 1
        most[0] = max(most[0], running[0])
        await asyncio.sleep(0.01)
        running[0] -= 1

    inflight = InFlight(4, work)
    for offset in range(20):
        await inflight.submit(message(str(offset), offset))
    await asyncio.sleep(0.05)
    assert most[0] == 4 and inflight.committable(("t", 0)) == 20


def message(key: str, offset: int, partition: int = 0) -> Message:
    return Message("t", key.encode(), b"", [], partition, offset)


async def test_keys_run_in_order_beside_each_other():
    running, most, order, commits = set(), [0], [], []
    release = asyncio.Event()

    async def work(m: Message):
        running.add(m.offset)
        most[0] = max(most[0], len(running))
        if m.offset == 0:
            await release.wait()  # the first message of key "a" is slow
        order.append((m.key, m.offset))
        running.discard(m.offset)

    inflight = InFlight(3, work, lambda tp, offset: commits.append(offset))
    for offset, key in enumerate("abab"):
        await inflight.submit(message(key, offset))
    await asyncio.sleep(0.05)
    assert order == [(b"b", 1), (b"b", 3)]  # "a" at 2 waits for "a" at 0; "b" passes by
    assert commits == [0, 0]  # 1 and 3 finished, but 0 has not: nothing past it is committed
    release.set()
    await asyncio.sleep(0.05)
    assert order == [(b"b", 1), (b"b", 3), (b"a", 0), (b"a", 2)]
    assert commits[-1] == 4 and most[0] == 2


async def test_a_drained_partition_cancels_what_is_left_and_commits_nothing_of_it():
    started = asyncio.Event()

    async def work(m: Message):
        started.set()
        await asyncio.Event().wait()

    commits = []
    inflight = InFlight(4, work, lambda tp, offset: commits.append(offset))
    await inflight.submit(message("a", 0))
    await inflight.submit(message("a", 1))  # behind it: cancelled with it
    await started.wait()
    await inflight.drain([("t", 0)], timeout=0.05)
    assert commits == [] and inflight.committable(("t", 0)) == 0
    inflight.forget([("t", 0)])
    assert inflight.partitions() == []


async def test_an_ignored_message_takes_no_slot_and_is_finished_at_once():
    gate, worked, finished = asyncio.Event(), [], []

    async def work(m: Message):
        worked.append(m.offset)
        await gate.wait()

    inflight = InFlight(1, work, lambda tp, offset: finished.append(offset), ignored=lambda m: m.key == b"skip")
    await inflight.submit(message("a", 0))
    await asyncio.sleep(0)
    # The one slot is taken; ignored messages do not wait for it, and no work is done for them.
    await asyncio.wait_for(asyncio.gather(*(inflight.submit(message("skip", n)) for n in (1, 2))), 1)
    assert worked == [0] and inflight.committable(("t", 0)) == 0  # 0 is still running
    gate.set()
    await asyncio.sleep(0.01)
    assert inflight.committable(("t", 0)) == 3 and finished[-1] == 3
