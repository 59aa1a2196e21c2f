"""Runs subscriptions against the embedded log: one task per topic partition per group."""

from __future__ import annotations

import asyncio
import logging

from dailycast.messaging.avro import SchemaSet
from dailycast.messaging.delivery import RetryPolicy, Subscription, deliver
from dailycast.messaging.embedded_log import EmbeddedLog
from dailycast.messaging.envelope import EventPublisher

log = logging.getLogger(__name__)


class EmbeddedConsumer:
    """A consumer group on the embedded log; commits each offset after its handler succeeds."""

    def __init__(
        self,
        log_: EmbeddedLog,
        subscription: Subscription,
        schemas: SchemaSet,
        publisher: EventPublisher,
        retry: RetryPolicy = RetryPolicy(),
        idle_poll_seconds: float = 0.5,
        batch_size: int = 50,
    ):
        self.log = log_
        self.subscription = subscription
        self.schemas = schemas
        self.publisher = publisher
        self.retry = retry
        self.idle_poll_seconds = idle_poll_seconds
        self.batch_size = batch_size

    async def run(self) -> None:
        """Consume every partition of every subscribed topic until cancelled."""
        loops = [
            self._consume(topic, partition)
            for topic in self.subscription.topics
            for partition in range(self.log.partitions(topic))
        ]
        await asyncio.gather(*loops)

    async def _consume(self, topic: str, partition: int) -> None:
        group = self.subscription.group
        while True:
            seen = self.log.appended
            batch = self.log.fetch(topic, partition, self.log.committed(group, topic, partition), self.batch_size)
            if not batch:
                await self.log.wait_for_append(seen, self.idle_poll_seconds)
                continue
            for message in batch:
                await deliver(message, self.subscription, self.schemas, self.publisher, self.log, self.retry)
                self.log.commit(group, topic, partition, message.offset + 1)

    def lag(self) -> int:
        return sum(self.log.lag(self.subscription.group, t) for t in self.subscription.topics)
