"""The consumers of both runtimes: many messages in flight, each key in order, commits below the
oldest unfinished message, redelivery after a stop, and dead letters."""

import asyncio
import random
import uuid
from collections import Counter

import pytest
from aiokafka import AIOKafkaConsumer
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.errors import GroupCoordinatorNotAvailableError

from dailycast import events as ev
from dailycast.messaging.avro import default_schemas
from dailycast.messaging.delivery import RetryPolicy, Subscription
from dailycast.messaging.embedded_log import EmbeddedLog
from dailycast.messaging.embedded_runtime import EmbeddedConsumer
from dailycast.messaging.envelope import EventPublisher
from dailycast.messaging.kafka import KafkaConfig, KafkaProducer, ensure_topics
from dailycast.messaging.kafka_consumer import KafkaConsumer
from dailycast.messaging.ports import OutgoingMessage
from dailycast.messaging.topics import PODCAST_EVENTS, dead_letter_topic

SCHEMAS = default_schemas()
RETRY = RetryPolicy(3, 0.01)
GROUP = "g"


class EmbeddedBed:
    def __init__(self, tmp_path):
        self.log = EmbeddedLog(tmp_path / "events.db", default_partitions=3)
        self.producer = self.log

    def consumer(self, sub, concurrency):
        publisher = EventPublisher(self.log, SCHEMAS, "test")
        return EmbeddedConsumer(self.log, sub, SCHEMAS, publisher, RETRY, concurrency)

    async def committed(self) -> dict[int, int]:
        return {p: self.log.committed(GROUP, PODCAST_EVENTS, p) for p in range(3)}

    async def written(self, topic: str = PODCAST_EVENTS) -> list:
        return [m for p in range(3) for m in self.log.fetch(topic, p, 0, 10_000)]

    async def close(self):
        self.log.close()


class KafkaBed:
    def __init__(self, infra):
        self.config = KafkaConfig(infra.kafka_bootstrap_servers, topic_prefix=f"t{uuid.uuid4().hex[:10]}.")
        self.producer = KafkaProducer(self.config)

    async def start(self):
        await ensure_topics(self.config)
        await self.producer.start()

    def consumer(self, sub, concurrency):
        publisher = EventPublisher(self.producer, SCHEMAS, "test")
        return KafkaConsumer(self.config, sub, SCHEMAS, publisher, self.producer, RETRY, concurrency)

    async def committed(self) -> dict[int, int]:
        admin = AIOKafkaAdminClient(bootstrap_servers=self.config.bootstrap_servers)
        await admin.start()
        try:
            offsets = await admin.list_consumer_group_offsets(self.config.topic(GROUP))
        except GroupCoordinatorNotAvailableError:  # a fresh broker: no group has committed yet
            offsets = {}
        finally:
            await admin.close()
        found = {tp.partition: o.offset for tp, o in offsets.items() if tp.topic == self.config.topic(PODCAST_EVENTS)}
        return {p: max(found.get(p, 0), 0) for p in range(3)}

    async def written(self, topic: str = PODCAST_EVENTS) -> list:
        consumer = AIOKafkaConsumer(self.config.topic(topic), bootstrap_servers=self.config.bootstrap_servers,
                                    auto_offset_reset="earliest", enable_auto_commit=False)
        await consumer.start()
        try:
            batches = await consumer.getmany(timeout_ms=3000)
            return [m for records in batches.values() for m in records]
        finally:
            await consumer.stop()

    async def close(self):
        await self.producer.stop()


@pytest.fixture(params=["embedded", "kafka"])
async def bed(request, tmp_path):
    if request.param == "embedded":
        bed = EmbeddedBed(tmp_path)
    else:
        bed = KafkaBed(request.getfixturevalue("infra"))
        await bed.start()
    yield bed
    await bed.close()


def deleted(podcast_id: int) -> ev.PodcastDeleted:
    return ev.PodcastDeleted(ev.new_event_id(), ev.utcnow(), podcast_id)


async def until(condition, timeout: float = 30.0, what: str = "the condition") -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not await condition():
        assert asyncio.get_running_loop().time() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.05)


async def stop(task):
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)


async def test_many_messages_run_at_once_and_each_keys_messages_in_order(bed):
    events = [deleted(n % 20) for n in range(200)]
    await EventPublisher(bed.producer, SCHEMAS, "test").publish(events)
    running, most, seen = Counter(), [0], {}

    async def handle(event):
        running[event.podcast_id] += 1
        assert running[event.podcast_id] == 1, "two events of one podcast at once"
        most[0] = max(most[0], sum(running.values()))
        await asyncio.sleep(random.uniform(0.005, 0.05))  # later events may finish first
        seen.setdefault(event.podcast_id, []).append(event.event_id)
        running[event.podcast_id] -= 1
        return []

    task = asyncio.create_task(bed.consumer(Subscription(GROUP, {ev.PodcastDeleted: handle}), 16).run())

    async def all_committed():
        return sum((await bed.committed()).values()) == len(events)

    await until(all_committed, what="every offset committed")
    await stop(task)
    written = {}
    for message in await bed.written():
        event = SCHEMAS.decode(message.value)
        written.setdefault(event.podcast_id, []).append(event.event_id)
    assert seen == written  # each podcast's events once, in the order they were written
    assert 8 <= most[0] <= 16  # many at once, never more than the setting


async def test_an_offset_is_committed_only_below_the_oldest_unfinished_message(bed):
    publisher = EventPublisher(bed.producer, SCHEMAS, "test")
    await publisher.publish([deleted(1000)])  # first in its partition, and it never finishes
    await publisher.publish([deleted(n) for n in range(60)])
    stuck = asyncio.Event()
    done = []

    async def hang_on_the_first(event):
        if event.podcast_id == 1000:
            stuck.set()
            await asyncio.Event().wait()
        done.append(event.podcast_id)
        return []

    task = asyncio.create_task(bed.consumer(Subscription(GROUP, {ev.PodcastDeleted: hang_on_the_first}), 8).run())
    await asyncio.wait_for(stuck.wait(), 30)
    written = await bed.written()
    stuck_partition = next(m.partition for m in written if SCHEMAS.decode(m.value).podcast_id == 1000)
    counts = Counter(m.partition for m in written)

    async def others_committed():
        committed = await bed.committed()
        return all(committed[p] == counts[p] for p in counts if p != stuck_partition)

    await until(others_committed, what="the other partitions committed")
    await asyncio.sleep(1.5)  # several commit intervals
    assert (await bed.committed())[stuck_partition] == 0
    assert len(done) == 60  # its partition's later messages ran meanwhile
    await stop(task)

    again = []

    async def handle(event):
        again.append(event.podcast_id)
        return []

    task = asyncio.create_task(bed.consumer(Subscription(GROUP, {ev.PodcastDeleted: handle}), 8).run())

    async def all_committed():
        return sum((await bed.committed()).values()) == len(written)

    await until(all_committed, what="every offset committed after the restart")
    await stop(task)
    # The unfinished message came again, with the rest of its partition; no other partition did.
    assert set(again) == {1000} | {SCHEMAS.decode(m.value).podcast_id for m in written if m.partition == stuck_partition}


async def test_poison_and_failing_messages_go_to_the_dead_letter_topic(bed):
    publisher = EventPublisher(bed.producer, SCHEMAS, "test")
    await publisher.publish([deleted(1)])
    await bed.producer.send(OutgoingMessage(PODCAST_EVENTS, b"1", b"not avro"))
    await publisher.publish([deleted(1)])
    handled = []

    async def handle(event):
        handled.append(event.event_id)
        if len(handled) <= RETRY.attempts:  # the first event fails every attempt
            raise RuntimeError("cannot handle this one")
        return []

    task = asyncio.create_task(bed.consumer(Subscription(GROUP, {ev.PodcastDeleted: handle}), 8).run())

    async def all_committed():
        return sum((await bed.committed()).values()) == 3

    await until(all_committed, what="every offset committed")
    await stop(task)
    assert len(handled) == RETRY.attempts + 1  # retried, then the next of its key went on
    dead = await bed.written(dead_letter_topic(PODCAST_EVENTS))
    kinds = sorted(dict(m.headers)["dlq_error_type"] for m in dead)
    assert kinds == [b"RuntimeError", b"UndecodableMessage"]
    failing = next(m for m in dead if dict(m.headers)["dlq_error_type"] == b"RuntimeError")
    assert b"cannot handle this one" in dict(failing.headers)["dlq_error"]
    assert dict(failing.headers)["dlq_attempts"] == str(RETRY.attempts).encode()


async def test_a_consumer_drops_event_types_it_does_not_handle_without_decoding_them(bed):
    """Told by the ce_type header: a body that would not even decode is not dead-lettered for it."""
    publisher = EventPublisher(bed.producer, SCHEMAS, "test")
    await bed.producer.send(OutgoingMessage(PODCAST_EVENTS, b"1", b"not avro", [("ce_type", b"dailycast.ScriptReady")]))
    await publisher.publish([deleted(1)])
    handled = []

    async def handle(event):
        handled.append(event.podcast_id)
        return []

    task = asyncio.create_task(bed.consumer(Subscription(GROUP, {ev.PodcastDeleted: handle}), 8).run())

    async def all_committed():
        return sum((await bed.committed()).values()) == 2

    await until(all_committed, what="both offsets committed")
    await stop(task)
    assert handled == [1]
    assert await bed.written(dead_letter_topic(PODCAST_EVENTS)) == []
