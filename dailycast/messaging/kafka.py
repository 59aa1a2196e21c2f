"""Apache Kafka adapters: an idempotent aiokafka producer and topic creation.

Topic names get an optional prefix here, at the edge, so the rest of the code (and the DLQ
naming in `deliver`) speaks of the unprefixed names; tests use a prefix per test.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError

from dailycast.messaging.ports import Message, OutgoingMessage
from dailycast.messaging.topics import ALL_TOPICS, dead_letter_topic

log = logging.getLogger(__name__)


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
    """Create the topics and their dead-letter topics with the configured partitions."""
    names = [config.topic(t) for base in topics for t in (base, dead_letter_topic(base))]
    admin = AIOKafkaAdminClient(bootstrap_servers=config.bootstrap_servers)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [NewTopic(n, config.partitions, config.replication_factor) for n in names if n not in existing]
        if missing:
            try:
                await admin.create_topics(missing)
            except TopicAlreadyExistsError:  # another service made them first
                pass
            log.info("created topics %s", [t.name for t in missing])
    finally:
        await admin.close()


async def read_topic(config: KafkaConfig, topic: str, within_s: float = 30.0) -> list[Message]:
    """Every message of the topic, from its start to its end as of now (no consumer group, no commit)."""
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
        return []
    # From the earliest offset (no group: nothing committed), to the ends as they are now.
    consumer = AIOKafkaConsumer(bootstrap_servers=config.bootstrap_servers, group_id=None, enable_auto_commit=False,
                                auto_offset_reset="earliest")
    await consumer.start()
    try:
        consumer.assign(tps)
        ends = await consumer.end_offsets(tps)
        messages: list[Message] = []
        give_up_at = time.monotonic() + within_s
        while [tp for tp in tps if await consumer.position(tp) < ends[tp]]:
            if time.monotonic() > give_up_at:
                raise TimeoutError(f"{name}: not read to its end within {within_s:g} s")
            batches = await consumer.getmany(timeout_ms=500)
            for records in batches.values():
                messages += [Message(topic, r.key or b"", r.value, list(r.headers or []), r.partition, r.offset)
                             for r in records]
        return sorted(messages, key=lambda m: (m.partition, m.offset))
    finally:
        await consumer.stop()
