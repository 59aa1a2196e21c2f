"""The two runtimes a service runs on: the same consumers and producer port, different logs."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Protocol

from dailycast.messaging.avro import SchemaSet
from dailycast.messaging.delivery import RetryPolicy, Subscription
from dailycast.messaging.embedded_log import EmbeddedLog
from dailycast.messaging.embedded_runtime import EmbeddedConsumer
from dailycast.messaging.envelope import EventPublisher
from dailycast.messaging.faust_consumer import FaustConsumer
from dailycast.messaging.kafka import KafkaConfig, KafkaProducer, ensure_topics
from dailycast.messaging.ports import Producer
from dailycast.settings import CommonSettings

log = logging.getLogger(__name__)

Task = Callable[[], Awaitable[None]]


class Runtime(Protocol):
    producer: Producer

    def consumer(self, subscription: Subscription, schemas: SchemaSet, source: str, retry: RetryPolicy) -> Task:
        """A coroutine function that consumes the subscription until cancelled."""
        ...

    async def connect(self) -> None:
        """Get the log ready (topics exist, producer connected); retried by the caller."""
        ...

    async def close(self) -> None: ...


class EmbeddedRuntime:
    """The in-process log in one SQLite file."""

    def __init__(self, settings: CommonSettings):
        self.log = EmbeddedLog(settings.event_log_path, settings.partitions)
        self.producer = self.log
        self.consumers: list[EmbeddedConsumer] = []

    def consumer(self, subscription, schemas, source, retry) -> Task:
        publisher = EventPublisher(self.log, schemas, source)
        consumer = EmbeddedConsumer(self.log, subscription, schemas, publisher, retry)
        self.consumers.append(consumer)
        return consumer.run

    async def connect(self) -> None:
        pass

    async def close(self) -> None:
        self.log.close()

    def idle(self) -> bool:
        return all(c.lag() == 0 for c in self.consumers)


class KafkaRuntime:
    """Apache Kafka: an idempotent aiokafka producer and faust agents."""

    def __init__(self, settings: CommonSettings):
        self.config = KafkaConfig(settings.kafka_bootstrap_servers, settings.topic_prefix, settings.partitions)
        self.producer = KafkaProducer(self.config)
        self.faust_dir = settings.data_dir / "faust"

    def consumer(self, subscription, schemas, source, retry) -> Task:
        publisher = EventPublisher(self.producer, schemas, source)
        datadir = str(self.faust_dir / self.config.topic(subscription.group))
        return FaustConsumer(self.config, subscription, schemas, publisher, self.producer, retry, datadir).run

    async def connect(self) -> None:
        await ensure_topics(self.config)
        await self.producer.start()

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
