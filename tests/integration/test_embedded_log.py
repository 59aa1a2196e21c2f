"""The embedded log keeps Kafka's semantics: per-key order, groups, commits, replay, DLQ."""

import asyncio

import pytest

from dailycast import events as ev
from dailycast.messaging.avro import default_schemas
from dailycast.messaging.delivery import RetryPolicy, Subscription
from dailycast.messaging.embedded_log import EmbeddedLog, partition_for
from dailycast.messaging.embedded_runtime import EmbeddedConsumer
from dailycast.messaging.envelope import EventPublisher
from dailycast.messaging.ports import OutgoingMessage
from dailycast.messaging.topics import PODCAST_EVENTS, dead_letter_topic


@pytest.fixture
def log(tmp_path):
    log = EmbeddedLog(tmp_path / "events.db", default_partitions=3)
    yield log
    log.close()


def deleted(podcast_id: int) -> ev.PodcastDeleted:
    return ev.PodcastDeleted(ev.new_event_id(), ev.utcnow(), podcast_id)


def test_a_keys_messages_stay_in_order_in_one_partition(log):
    for n in range(20):
        log.append(OutgoingMessage("t", str(n % 4).encode(), f"{n}".encode()))
    for key in map(str, range(4)):
        partition = partition_for(key.encode(), 3)
        values = [int(m.value) for m in log.fetch("t", partition, 0) if m.key == key.encode()]
        assert values == sorted(values) and len(values) == 5


def test_groups_commit_independently_and_offsets_survive_reopen(log, tmp_path):
    log.append(OutgoingMessage("t", b"k", b"v"))
    partition = partition_for(b"k", 3)
    log.commit("a", "t", partition, 1)
    assert log.lag("a", "t") == 0 and log.lag("b", "t") == 1
    reopened = EmbeddedLog(tmp_path / "events.db")
    assert reopened.committed("a", "t", partition) == 1 and reopened.partitions("t") == 3
    reopened.close()


def test_headers_round_trip(log):
    log.append(OutgoingMessage("t", b"k", b"v", [("ce_id", b"\x00\xff"), ("x", b"")]))
    (message,) = log.fetch("t", partition_for(b"k", 3), 0)
    assert message.headers == [("ce_id", b"\x00\xff"), ("x", b"")]


async def run_until(consumer: EmbeddedConsumer, done, timeout: float = 5.0) -> None:
    task = asyncio.create_task(consumer.run())
    try:
        deadline = asyncio.get_running_loop().time() + timeout
        while not done():
            assert asyncio.get_running_loop().time() < deadline, "timed out"
            await asyncio.sleep(0.01)
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)


async def test_consumer_delivers_commits_and_replays(log):
    schemas = default_schemas()
    publisher = EventPublisher(log, schemas, "test")
    seen: list[int] = []

    async def handle(event):
        seen.append(event.podcast_id)
        return []

    await publisher.publish([deleted(n) for n in range(10)])
    consumer = EmbeddedConsumer(log, Subscription("g", {ev.PodcastDeleted: handle}), schemas, publisher)
    await run_until(consumer, lambda: consumer.lag() == 0)
    assert sorted(seen) == list(range(10))
    for p in range(3):  # an operator's replay: move the group back to the start
        log.commit("g", PODCAST_EVENTS, p, 0)
    await run_until(consumer, lambda: len(seen) == 20)
    assert sorted(seen) == sorted(list(range(10)) * 2)


async def test_failing_and_undecodable_messages_go_to_the_dead_letter_topic(log):
    schemas = default_schemas()
    publisher = EventPublisher(log, schemas, "test")
    attempts: list[int] = []

    async def handle(event):
        attempts.append(event.podcast_id)
        if event.podcast_id == 1:
            raise RuntimeError("cannot handle 1")
        return []

    await publisher.publish([deleted(1)])
    log.append(OutgoingMessage(PODCAST_EVENTS, b"2", b"not avro"))
    await publisher.publish([deleted(3)])
    sub = Subscription("g", {ev.PodcastDeleted: handle})
    consumer = EmbeddedConsumer(log, sub, schemas, publisher, RetryPolicy(attempts=3, first_backoff=0.001))
    await run_until(consumer, lambda: consumer.lag() == 0)
    assert attempts.count(1) == 3 and 3 in attempts  # retried, then the worker went on
    dead = [m for p in range(3) for m in log.fetch(dead_letter_topic(PODCAST_EVENTS), p, 0)]
    errors = sorted(m.header("dlq_error_type").decode() for m in dead)
    assert errors == ["RuntimeError", "UndecodableMessage"]
    failing = next(m for m in dead if m.header("dlq_error_type") == b"RuntimeError")
    assert b"cannot handle 1" in failing.header("dlq_error") and failing.header("dlq_attempts") == b"3"
    assert failing.header("ce_type") == b"dailycast.PodcastDeleted"


async def test_handler_outputs_carry_the_inputs_trace(log):
    schemas = default_schemas()
    publisher = EventPublisher(log, schemas, "test")

    async def handle(event):
        return [ev.PodcastDeleted(ev.derived_event_id(event.event_id, "x"), ev.utcnow(), event.podcast_id + 100)]

    await publisher.publish([deleted(1)], traceparent="00-" + "a" * 32 + "-" + "b" * 16 + "-01")
    consumer = EmbeddedConsumer(log, Subscription("g", {ev.PodcastDeleted: handle}), schemas, publisher)

    def outputs():
        return [m for m in log.fetch(PODCAST_EVENTS, partition_for(b"101", 3), 0) if m.key == b"101"]

    await run_until(consumer, outputs)
    (out,) = outputs()
    assert out.header("traceparent").decode().split("-")[1] == "a" * 32
