"""Runs subscriptions against the embedded log: a reader per topic partition, many messages in flight."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from functools import partial

from dailycast.metrics import CONSUMER_LAG
from dailycast.messaging.avro import SchemaSet
from dailycast.messaging.delivery import RetryPolicy, Subscription, deliver_until_done
from dailycast.messaging.embedded_log import EmbeddedLog
from dailycast.messaging.envelope import EventPublisher
from dailycast.messaging.inflight import InFlight, TopicPartition

log = logging.getLogger(__name__)


class EmbeddedConsumer:
    """A consumer group on the embedded log; commits a partition up to its oldest unfinished message."""

    def __init__(
        self,
        log_: EmbeddedLog,
        subscription: Subscription,
        schemas: SchemaSet,
        publisher: EventPublisher,
        retry: RetryPolicy = RetryPolicy(),
        concurrency: int = 32,
        idle_poll_seconds: float = 0.5,
        batch_size: int = 50,
    ):
        self.log = log_
        self.subscription = subscription
        self.concurrency = concurrency
        self.idle_poll_seconds = idle_poll_seconds
        self.batch_size = batch_size
        self._commits: dict[TopicPartition, int] = {}  # what this consumer last committed
        self._work = partial(deliver_until_done, subscription=subscription, schemas=schemas,
                             publisher=publisher, producer=log_, retry=retry)

    async def run(self) -> None:
        """Consume every partition of every subscribed topic until cancelled."""
        inflight = InFlight(self.concurrency, self._work, self._commit, self.subscription.ignores)
        readers = [
            self._read(inflight, topic, partition)
            for topic in self.subscription.topics
            for partition in range(self.log.partitions(topic))
        ]
        try:
            await asyncio.gather(*readers)
        finally:
            await inflight.close()

    async def _read(self, inflight: InFlight, topic: str, partition: int) -> None:
        tp = (topic, partition)
        position = self._commits[tp] = self.log.committed(self.subscription.group, topic, partition)
        # Counted when Prometheus asks, not at every commit: two queries of the log.
        labels = (self.subscription.group, topic, str(partition))
        CONSUMER_LAG.labels(*labels).set_function(partial(self._partition_lag, topic, partition))
        try:
            await self._read_from(inflight, tp, position)
        finally:
            with contextlib.suppress(KeyError):  # another consumer of these labels removed it first
                CONSUMER_LAG.remove(*labels)  # its log may be closed next

    async def _read_from(self, inflight: InFlight, tp: TopicPartition, position: int) -> None:
        topic, partition = tp
        while True:
            stored = self.log.committed(self.subscription.group, topic, partition)
            if stored != self._commits[tp]:  # moved by someone else: an operator's replay
                position = self._commits[tp] = stored
            seen = self.log.appended
            batch = self.log.fetch(topic, partition, position, self.batch_size)
            if not batch:
                await self.log.wait_for_append(seen, self.idle_poll_seconds)
                continue
            for message in batch:
                await inflight.submit(message)
            position = batch[-1].offset + 1

    def _commit(self, tp: TopicPartition, offset: int) -> None:
        self._commits[tp] = offset
        self.log.commit(self.subscription.group, *tp, offset)

    def _partition_lag(self, topic: str, partition: int) -> int:
        return self.log.end_offset(topic, partition) - self.log.committed(self.subscription.group, topic, partition)

    def lag(self) -> int:
        return sum(self.log.lag(self.subscription.group, t) for t in self.subscription.topics)
