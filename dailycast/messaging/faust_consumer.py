"""Consumers on Kafka as faust-streaming agents, one faust app (= consumer group) per subscription.

The agent reads with `noack()` and acknowledges each event only after `deliver` returned, so
faust commits an offset only once its handler has succeeded (or the message was dead-lettered);
a worker killed in between gets the message again. If publishing itself fails (the broker is
gone) the same message is retried until it goes through, keeping the partition's order.
"""

from __future__ import annotations

import asyncio
import logging
import tempfile
from pathlib import Path

import faust

from dailycast.messaging.avro import SchemaSet
from dailycast.messaging.delivery import RetryPolicy, Subscription, deliver
from dailycast.messaging.envelope import EventPublisher
from dailycast.messaging.kafka import KafkaConfig
from dailycast.messaging.ports import Message, Producer

log = logging.getLogger(__name__)


class FaustConsumer:
    def __init__(
        self,
        config: KafkaConfig,
        subscription: Subscription,
        schemas: SchemaSet,
        publisher: EventPublisher,
        producer: Producer,
        retry: RetryPolicy = RetryPolicy(),
        datadir: str | None = None,
    ):
        datadir = Path(datadir or Path(tempfile.gettempdir()) / "dailycast-faust" / config.topic(subscription.group))
        datadir.parent.mkdir(parents=True, exist_ok=True)  # faust makes only the last level
        self.config = config
        self.subscription = subscription
        self.schemas = schemas
        self.publisher = publisher
        self.producer = producer
        self.retry = retry
        self.app = faust.App(
            config.topic(subscription.group),  # the app id is the consumer group
            broker=f"kafka://{config.bootstrap_servers.replace(',', ';')}",
            # faust keeps a folder per app (table state; we have none): under our data dir, not the cwd.
            datadir=datadir,
            value_serializer="raw",
            key_serializer="raw",
            web_enabled=False,
            consumer_auto_offset_reset="earliest",
            broker_commit_every=1,
            broker_commit_interval=0.5,
            topic_partitions=config.partitions,
            topic_allow_declare=True,  # for faust's own assignor topic; ours exist already
            # Stopping does not wait for in-flight events: unacknowledged, they come again.
            stream_wait_empty=False,
            # A killed worker's partitions go to a live one (or its restart) within seconds,
            # not after faust's default 60 s session.
            broker_session_timeout=10.0,
            broker_heartbeat_interval=1.0,
        )
        topics = self.app.topic(*(config.topic(t) for t in subscription.topics), value_type=bytes, key_type=bytes)
        self.app.agent(topics, name=f"{subscription.group}-agent")(self._consume)

    async def _consume(self, stream) -> None:
        async for event in stream.noack().events():
            await self._deliver_until_done(self._message(event.message))
            event.ack()

    def _message(self, m) -> Message:
        headers = list(m.headers.items()) if isinstance(m.headers, dict) else list(m.headers or [])
        return Message(self.config.unprefixed(m.topic), m.key or b"", m.value, headers, m.partition, m.offset)

    async def _deliver_until_done(self, message: Message) -> None:
        backoff = self.retry.first_backoff
        while True:
            try:
                await deliver(message, self.subscription, self.schemas, self.publisher, self.producer, self.retry)
                return
            except Exception as exc:  # only the log itself fails here: wait for it to come back
                log.warning("%s: cannot publish for %s@%d (%s); retrying", self.subscription.group,
                            message.topic, message.offset, exc)
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 5.0)

    async def run(self) -> None:
        """Consume until cancelled."""
        try:
            await self.app.start()
            await asyncio.Event().wait()
        finally:
            # Also when cancelled while starting: a half-started app leaves a consumer thread and
            # tasks behind that keep the event loop from closing.
            await asyncio.shield(self.app.stop())
