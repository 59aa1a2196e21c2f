"""Apache Kafka adapters: an idempotent aiokafka producer and topic creation.

Topic names get an optional prefix here, at the edge, so the rest of the code (and the DLQ
naming in `deliver`) speaks of the unprefixed names; tests use a prefix per test.
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError

from dailycast.messaging.ports import Message, OutgoingMessage, Positions
from dailycast.messaging.topics import ALL_TOPICS, dead_letter_topic

log = logging.getLogger(__name__)


KEPT_FOR_GOOD = {"retention.ms": "-1"}


@dataclass(frozen=True)
class KafkaConfig:
    bootstrap_servers: str
    topic_prefix: str = ""
    partitions: int = 3
    replication_factor: int = 1

    def topic(self, name: str) -> str:
        return self.topic_prefix + name

    def unprefixed(self, name: str) -> str:
        return name.removeprefix(self.topic_prefix)


class KafkaProducer:
    """The Producer port on Kafka: idempotent (acks=all), so a retried send is written once."""

    def __init__(self, config: KafkaConfig, request_timeout_ms: int = 10_000):
        self.config = config
        self.request_timeout_ms = request_timeout_ms
        self._producer: AIOKafkaProducer | None = None

    async def start(self) -> None:
        # A fresh client per attempt: one whose start failed cannot be started again.
        producer = AIOKafkaProducer(
            bootstrap_servers=self.config.bootstrap_servers,
            enable_idempotence=True,
            request_timeout_ms=self.request_timeout_ms,
        )
        try:
            await producer.start()
        except Exception:
            await producer.stop()
            raise
        self._producer = producer

    async def stop(self) -> None:
        if self._producer is not None:
            await self._producer.stop()

    async def send(self, message: OutgoingMessage) -> None:
        if self._producer is None:
            raise ConnectionError("the Kafka producer is not connected yet")
        await self._producer.send_and_wait(
            self.config.topic(message.topic), message.value, key=message.key, headers=list(message.headers)
        )


async def ensure_topics(config: KafkaConfig, topics: Iterable[str] = ALL_TOPICS) -> None:
    """Create the topics and their dead-letter topics with the configured partitions, kept for good
    (`retention.ms=-1`): the read model is rebuilt from them (`dailycast rebuild`), and the broker's
    default would drop a week's events and with them their podcasts and learners."""
    names = [config.topic(t) for base in topics for t in (base, dead_letter_topic(base))]
    admin = AIOKafkaAdminClient(bootstrap_servers=config.bootstrap_servers)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [NewTopic(n, config.partitions, config.replication_factor, topic_configs=KEPT_FOR_GOOD)
                   for n in names if n not in existing]
        if missing:
            try:
                await admin.create_topics(missing)
            except TopicAlreadyExistsError:  # another service made them first
                pass
            log.info("created topics %s", [t.name for t in missing])
    finally:
        await admin.close()


async def read_topic(
    config: KafkaConfig, topic: str, start: Positions | None = None, idle_s: float = 30.0
) -> AsyncIterator[list[Message]]:
    """The topic's messages in batches, from `start` (default: the earliest offsets) to the ends as
    of the call, in no group (nothing committed). TimeoutError if no message comes for `idle_s`."""
    name = config.topic(topic)
    admin = AIOKafkaAdminClient(bootstrap_servers=config.bootstrap_servers)
    await admin.start()
    try:
        described = await admin.describe_topics([name])
    finally:
        await admin.close()
    tps = [TopicPartition(name, p["partition"]) for d in described if d.get("error_code", 0) == 0
           for p in d.get("partitions", [])]
    if not tps:
        return
    consumer = AIOKafkaConsumer(bootstrap_servers=config.bootstrap_servers, group_id=None, enable_auto_commit=False,
                                auto_offset_reset="earliest")
    await consumer.start()
    try:
        consumer.assign(tps)
        for tp in tps:
            if start and tp.partition in start:
                consumer.seek(tp, start[tp.partition])
        ends = await consumer.end_offsets(tps)
        for tp in sorted(tps, key=lambda tp: tp.partition):  # partition after partition, as the embedded log
            give_up_at = time.monotonic() + idle_s
            while await consumer.position(tp) < ends[tp]:
                if time.monotonic() > give_up_at:
                    raise TimeoutError(f"{name}: nothing read for {idle_s:g} s before its end")
                records = (await consumer.getmany(tp, timeout_ms=500)).get(tp, [])
                batch = [Message(topic, r.key or b"", r.value, list(r.headers or []), r.partition, r.offset)
                         for r in records if r.offset < ends[tp]]
                if batch:
                    give_up_at = time.monotonic() + idle_s
                    yield batch
    finally:
        await consumer.stop()
