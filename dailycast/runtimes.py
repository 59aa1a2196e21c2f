"""The two runtimes a service runs on: the same consumers and producer port, different logs."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import AsyncIterator
from contextlib import closing
from pathlib import Path
from typing import Protocol

from dailycast.folders import folder_problem
from dailycast.messaging.avro import SchemaSet
from dailycast.messaging.delivery import RetryPolicy, Subscription
from dailycast.messaging.embedded_log import EmbeddedLog
from dailycast.messaging.embedded_runtime import EmbeddedConsumer
from dailycast.messaging.envelope import EventPublisher
from dailycast.messaging.ports import Message, Positions, Producer
from dailycast.messaging.topics import ALL_TOPICS, dead_letter_topic
from dailycast.probes import Probe
from dailycast.service import Task
from dailycast.settings import CommonSettings

log = logging.getLogger(__name__)


class Runtime(Protocol):
    producer: Producer

    def consumer(self, subscription: Subscription, schemas: SchemaSet, source: str, retry: RetryPolicy) -> Task:
        """A coroutine function that consumes the subscription until cancelled."""
        ...

    async def connect(self) -> None:
        """Get the log ready (topics exist, producer connected); retried by the caller."""
        ...

    def read_topic(self, topic: str, start: Positions | None = None) -> AsyncIterator[list[Message]]:
        """The topic's messages, in batches, partition after partition, from `start` (each
        partition's next offset; default: its beginning) to its end as of the call."""
        ...

    async def close(self) -> None: ...


class EmbeddedRuntime:
    """The in-process log in one SQLite file."""

    def __init__(self, settings: CommonSettings):
        self.log = EmbeddedLog(settings.event_log_path, settings.partitions)
        self.producer = self.log
        self.concurrency = settings.worker_concurrency
        self.consumers: list[EmbeddedConsumer] = []

    def consumer(self, subscription, schemas, source, retry) -> Task:
        publisher = EventPublisher(self.log, schemas, source)
        consumer = EmbeddedConsumer(self.log, subscription, schemas, publisher, retry,
                                    subscription.concurrency or self.concurrency)
        self.consumers.append(consumer)
        return consumer.run

    async def connect(self) -> None:
        pass

    async def read_topic(self, topic: str, start: Positions | None = None) -> AsyncIterator[list[Message]]:
        for partition in range(self.log.partitions(topic)):
            offset, end = (start or {}).get(partition, 0), self.log.end_offset(topic, partition)
            while offset < end and (batch := self.log.fetch(topic, partition, offset, min(500, end - offset))):
                yield batch
                offset = batch[-1].offset + 1

    async def close(self) -> None:
        self.log.close()

    def idle(self) -> bool:
        return all(c.lag() == 0 for c in self.consumers)


class KafkaRuntime:
    """Apache Kafka: an idempotent aiokafka producer and an aiokafka consumer group per subscription."""

    def __init__(self, settings: CommonSettings):
        # Imported here: the embedded runtime does not load aiokafka.
        from dailycast.messaging.kafka import KafkaConfig, KafkaProducer

        self.config = KafkaConfig(settings.kafka_bootstrap_servers, settings.topic_prefix, settings.partitions)
        self.producer = KafkaProducer(self.config)
        self.concurrency = settings.worker_concurrency

    def consumer(self, subscription, schemas, source, retry) -> Task:
        from dailycast.messaging.kafka_consumer import KafkaConsumer

        publisher = EventPublisher(self.producer, schemas, source)
        return KafkaConsumer(self.config, subscription, schemas, publisher, self.producer, retry,
                             subscription.concurrency or self.concurrency).run

    async def connect(self) -> None:
        from dailycast.messaging.kafka import ensure_topics

        await ensure_topics(self.config)
        await self.producer.start()

    async def read_topic(self, topic: str, start: Positions | None = None) -> AsyncIterator[list[Message]]:
        from dailycast.messaging.kafka import read_topic

        async for batch in read_topic(self.config, topic, start):
            yield batch

    async def close(self) -> None:
        await self.producer.stop()


def runtime_for(settings: CommonSettings) -> Runtime:
    return EmbeddedRuntime(settings) if settings.runtime == "embedded" else KafkaRuntime(settings)


async def connect_until_ready(runtime: Runtime, connected: asyncio.Event, retry_seconds: float = 2.0) -> None:
    """Connect, retrying while the log is unreachable (a broker still starting, or down)."""
    while True:
        try:
            await runtime.connect()
            connected.set()
            return
        except Exception as exc:
            log.warning("event log not reachable yet (%s); retrying in %.0f s", exc, retry_seconds)
            await asyncio.sleep(retry_seconds)


def event_log_probe(settings: CommonSettings) -> Probe:
    """The log the settings choose; its check opens nothing for writing and makes no topic."""
    if settings.runtime == "embedded":
        path = settings.event_log_path.resolve()
        return Probe("event log", "embedded log", str(path), lambda: asyncio.to_thread(_embedded_log_note, path))
    prefix = f", topic prefix {settings.topic_prefix!r}" if settings.topic_prefix else ""
    return Probe("event log", "kafka", f"{settings.kafka_bootstrap_servers}{prefix}", lambda: _kafka_note(settings))


def _embedded_log_note(path: Path) -> str:
    if not path.exists():
        problem = folder_problem(path.parent)
        if problem:
            raise PermissionError(problem)
        return "not created yet (made at start)"
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=2)) as db:
        topics = db.execute("SELECT count(*) FROM topics").fetchone()[0]
        messages = db.execute("SELECT count(*) FROM messages").fetchone()[0]
    return f"{topics} topics, {messages} messages"


async def _kafka_note(settings: CommonSettings) -> str:
    from aiokafka.admin import AIOKafkaAdminClient

    admin = AIOKafkaAdminClient(bootstrap_servers=settings.kafka_bootstrap_servers, request_timeout_ms=5000)
    try:
        await admin.start()
        existing = set(await admin.list_topics())
    finally:
        await admin.close()
    wanted = [settings.topic_prefix + t for base in ALL_TOPICS for t in (base, dead_letter_topic(base))]
    present = sum(t in existing for t in wanted)
    return f"{present} of {len(wanted)} topics exist" + ("" if present == len(wanted) else " (made at start)")
