"""A consumer group on Kafka with aiokafka: many messages in flight, committed below the oldest unfinished.

Not faust: an agent with `concurrency=N` runs N copies over one stream, so two events of one
podcast can run at once, and faust commits acknowledged offsets past an unacknowledged one while
a partition has no commit yet (its gap check reads offset 0 as "none"): a worker killed then
loses that message. Here `InFlight` keeps each key's order and the commit below every
unfinished message; a partition taken away in a rebalance gets a moment to finish, then what is
left is cancelled and comes again to its new owner.
"""

from __future__ import annotations

import asyncio
import logging
from functools import partial

from aiokafka import AIOKafkaConsumer, ConsumerRebalanceListener, TopicPartition
from aiokafka.errors import KafkaError

from dailycast.metrics import CONSUMER_LAG
from dailycast.messaging.avro import SchemaSet
from dailycast.messaging.delivery import RetryPolicy, Subscription, deliver_until_done
from dailycast.messaging.envelope import EventPublisher
from dailycast.messaging.inflight import InFlight
from dailycast.messaging.kafka import KafkaConfig
from dailycast.messaging.ports import Message, Producer

log = logging.getLogger(__name__)

COMMIT_EVERY_SECONDS = 0.5
REVOKE_GRACE_SECONDS = 5.0  # within the 10 s session: the group waits for us meanwhile


class KafkaConsumer:
    def __init__(
        self,
        config: KafkaConfig,
        subscription: Subscription,
        schemas: SchemaSet,
        publisher: EventPublisher,
        producer: Producer,
        retry: RetryPolicy = RetryPolicy(),
        concurrency: int = 32,
    ):
        self.config = config
        self.subscription = subscription
        self.concurrency = concurrency
        self._work = partial(deliver_until_done, subscription=subscription, schemas=schemas,
                             publisher=publisher, producer=producer, retry=retry)
        self._committed: dict[TopicPartition, int] = {}

    async def run(self) -> None:
        """Consume until cancelled; unfinished messages are not committed and come again."""
        consumer = await self._start()
        inflight = InFlight(self.concurrency, self._work, ignored=self.subscription.ignores)
        consumer.subscribe([self.config.topic(t) for t in self.subscription.topics],
                           listener=_OnRevoke(partial(self._give_up, consumer, inflight)))
        committer = asyncio.create_task(self._commit_every(consumer, inflight))
        try:
            while True:
                batches = await consumer.getmany(timeout_ms=500, max_records=self.concurrency)
                for tp, records in batches.items():
                    for record in records:
                        if tp not in consumer.assignment():
                            break  # revoked while we waited for a slot: its new owner reads these
                        await inflight.submit(self._message(record))
        finally:
            committer.cancel()
            await asyncio.gather(committer, return_exceptions=True)
            await inflight.close()
            await asyncio.shield(self._stop(consumer, inflight))

    async def _start(self) -> AIOKafkaConsumer:
        while True:
            # A fresh client per attempt: one whose start failed cannot be started again.
            consumer = AIOKafkaConsumer(
                bootstrap_servers=self.config.bootstrap_servers,
                group_id=self.config.topic(self.subscription.group),
                enable_auto_commit=False,
                auto_offset_reset="earliest",
                # A killed worker's partitions go to a live one within seconds, not the default 45 s.
                session_timeout_ms=10_000,
                heartbeat_interval_ms=1_000,
            )
            try:
                await consumer.start()
                return consumer
            except KafkaError as exc:
                await consumer.stop()
                log.warning("%s: cannot join the group yet (%s); retrying", self.subscription.group, exc)
                await asyncio.sleep(2.0)

    async def _stop(self, consumer: AIOKafkaConsumer, inflight: InFlight) -> None:
        try:
            await self.commit(consumer, inflight)
        finally:
            await consumer.stop()

    def _message(self, record) -> Message:
        return Message(self.config.unprefixed(record.topic), record.key or b"", record.value,
                       list(record.headers or []), record.partition, record.offset)

    async def _commit_every(self, consumer: AIOKafkaConsumer, inflight: InFlight) -> None:
        while True:
            await asyncio.sleep(COMMIT_EVERY_SECONDS)
            try:
                await self.commit(consumer, inflight)
            except KafkaError as exc:  # the broker is away or the group is rebalancing: next time
                log.warning("%s: commit failed (%s); retrying", self.subscription.group, exc)

    async def commit(self, consumer: AIOKafkaConsumer, inflight: InFlight, only=None) -> None:
        """Commit each assigned partition up to its oldest unfinished message, if that moved."""
        offsets = {}
        for topic, partition in only if only is not None else inflight.partitions():
            tp = TopicPartition(self.config.topic(topic), partition)
            offset = inflight.committable((topic, partition))
            if offset is not None and tp in consumer.assignment() and self._committed.get(tp) != offset:
                offsets[tp] = offset
        if offsets:
            await consumer.commit(offsets)
            self._committed.update(offsets)
        self._report_lag(consumer)

    def _report_lag(self, consumer: AIOKafkaConsumer) -> None:
        """Each assigned partition's messages past the commit, as far as the last fetch knows its end."""
        for tp in consumer.assignment():
            end, committed = consumer.highwater(tp), self._committed.get(tp)
            if end is not None and committed is not None:
                CONSUMER_LAG.labels(self.subscription.group, tp.topic, str(tp.partition)).set(max(0, end - committed))

    async def _give_up(self, consumer: AIOKafkaConsumer, inflight: InFlight, revoked) -> None:
        """Before partitions go to another consumer: finish (or cancel) their messages and commit."""
        ours = [(self.config.unprefixed(tp.topic), tp.partition) for tp in revoked]
        await inflight.drain(ours, REVOKE_GRACE_SECONDS)
        try:
            await self.commit(consumer, inflight, only=ours)
        except KafkaError as exc:  # what is not committed, the new owner does again
            log.warning("%s: commit on revoke failed (%s)", self.subscription.group, exc)
        inflight.forget(ours)
        for tp in revoked:
            self._committed.pop(tp, None)


class _OnRevoke(ConsumerRebalanceListener):
    """Hands the partitions being taken away to `give_up` before the group moves them."""

    def __init__(self, give_up):
        self._give_up = give_up

    async def on_partitions_revoked(self, revoked) -> None:
        await self._give_up(revoked)

    async def on_partitions_assigned(self, assigned) -> None:
        pass
