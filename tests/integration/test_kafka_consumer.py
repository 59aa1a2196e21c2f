"""faust agents on a real broker: commit after success, redelivery, dead letters, key order."""

import asyncio
import uuid

import pytest
from aiokafka import AIOKafkaConsumer
from aiokafka.admin import AIOKafkaAdminClient

from dailycast import events as ev
from dailycast.messaging.avro import default_schemas
from dailycast.messaging.delivery import RetryPolicy, Subscription
from dailycast.messaging.envelope import EventPublisher
from dailycast.messaging.faust_consumer import FaustConsumer
from dailycast.messaging.kafka import KafkaConfig, KafkaProducer, ensure_topics
from dailycast.messaging.ports import OutgoingMessage
from dailycast.messaging.topics import PODCAST_EVENTS, dead_letter_topic

SCHEMAS = default_schemas()


@pytest.fixture
async def kafka(infra):
    config = KafkaConfig(infra.kafka_bootstrap_servers, topic_prefix=f"t{uuid.uuid4().hex[:10]}.", partitions=3)
    await ensure_topics(config)
    producer = KafkaProducer(config)
    await producer.start()
    yield config, producer
    await producer.stop()


def deleted(podcast_id: int) -> ev.PodcastDeleted:
    return ev.PodcastDeleted(ev.new_event_id(), ev.utcnow(), podcast_id)


async def until(condition, timeout: float = 30.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "timed out"
        await asyncio.sleep(0.05)


async def consume(config, producer, handler, group="g", attempts=3):
    publisher = EventPublisher(producer, SCHEMAS, "test")
    sub = Subscription(group, {ev.PodcastDeleted: handler})
    consumer = FaustConsumer(config, sub, SCHEMAS, publisher, producer, RetryPolicy(attempts, 0.01))
    return asyncio.create_task(consumer.run())


async def stop(task):
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)


async def committed(config, group="g") -> int:
    admin = AIOKafkaAdminClient(bootstrap_servers=config.bootstrap_servers)
    await admin.start()
    try:
        offsets = await admin.list_consumer_group_offsets(config.topic(group))
    finally:
        await admin.close()
    return sum(o.offset for tp, o in offsets.items() if tp.topic == config.topic(PODCAST_EVENTS))


async def read_all(config, topic):
    consumer = AIOKafkaConsumer(config.topic(topic), bootstrap_servers=config.bootstrap_servers,
                                auto_offset_reset="earliest", enable_auto_commit=False)
    await consumer.start()
    try:
        batches = await consumer.getmany(timeout_ms=3000)
        return [m for records in batches.values() for m in records]
    finally:
        await consumer.stop()


async def test_per_key_order_and_commit_after_success(kafka):
    config, producer = kafka
    publisher = EventPublisher(producer, SCHEMAS, "test")
    await publisher.publish([deleted(n % 3) for n in range(30)])
    seen: dict[int, list[str]] = {}
    sent_order: dict[int, list[str]] = {}

    async def handle(event):
        seen.setdefault(event.podcast_id, []).append(event.event_id)
        return []

    task = await consume(config, producer, handle)
    await until(lambda: sum(map(len, seen.values())) == 30)
    for message in await read_all(config, PODCAST_EVENTS):
        event = SCHEMAS.decode(message.value)
        sent_order.setdefault(event.podcast_id, []).append(event.event_id)
    assert seen == sent_order  # every key's events in the order they were written
    deadline = asyncio.get_running_loop().time() + 15
    while await committed(config) < 30:
        assert asyncio.get_running_loop().time() < deadline
        await asyncio.sleep(0.2)
    await stop(task)


async def test_a_message_whose_handler_never_finished_is_delivered_again(kafka):
    config, producer = kafka
    await EventPublisher(producer, SCHEMAS, "test").publish([deleted(1)])
    started = asyncio.Event()

    async def hang(event):
        started.set()
        await asyncio.Event().wait()

    task = await consume(config, producer, hang)
    await asyncio.wait_for(started.wait(), 30)
    await asyncio.sleep(1.5)  # several commit intervals pass
    assert await committed(config) == 0
    await stop(task)

    seen = []

    async def handle(event):
        seen.append(event.podcast_id)
        return []

    task = await consume(config, producer, handle)
    await until(lambda: seen == [1])
    await stop(task)


async def test_poison_and_failing_messages_go_to_the_dead_letter_topic(kafka):
    config, producer = kafka
    publisher = EventPublisher(producer, SCHEMAS, "test")
    await publisher.publish([deleted(1)])
    await producer.send(OutgoingMessage(PODCAST_EVENTS, b"1", b"not avro"))
    await publisher.publish([deleted(1)])
    handled = []

    async def handle(event):
        handled.append(event.event_id)
        if len(handled) <= 3:  # the first event fails every attempt
            raise RuntimeError("cannot handle this one")
        return []

    task = await consume(config, producer, handle)
    await until(lambda: len(handled) == 4)
    await stop(task)
    dead = await read_all(config, dead_letter_topic(PODCAST_EVENTS))
    kinds = sorted(dict(m.headers)["dlq_error_type"] for m in dead)
    assert kinds == [b"RuntimeError", b"UndecodableMessage"]
    failing = next(m for m in dead if dict(m.headers)["dlq_error_type"] == b"RuntimeError")
    assert b"cannot handle this one" in dict(failing.headers)["dlq_error"]
