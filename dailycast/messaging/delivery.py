"""Handing one consumed message to its handler: decode, retry, publish, or dead-letter.

Both runtimes call `deliver_until_done` for every message and commit an offset only once every
message before it has returned, so a crash before that means the message comes again
(at-least-once); handlers are idempotent.
"""

from __future__ import annotations

import asyncio
import logging
import traceback
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import cached_property

from dailycast.events import utcnow
from dailycast.logs import handling
from dailycast.metrics import DEAD_LETTERS
from dailycast.messaging.avro import SchemaSet, UndecodableMessage
from dailycast.messaging.envelope import CE_TYPE_PREFIX, EventPublisher
from dailycast.messaging.ports import Message, OutgoingMessage, Producer
from dailycast.events import EVENT_TYPES
from dailycast.messaging.topics import dead_letter_topic

log = logging.getLogger(__name__)

Handler = Callable[[object], Awaitable[list]]


@dataclass(frozen=True)
class Subscription:
    """A consumer group and the handler for each event type it reads; `concurrency`, messages in
    flight at once, if not DAILYCAST_WORKER_CONCURRENCY."""

    group: str
    handlers: dict[type, Handler]
    concurrency: int | None = None

    @property
    def topics(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(EVENT_TYPES[t.__name__].topic for t in self.handlers))

    def ignores(self, message: Message) -> bool:
        """The message names (in its ce_type header) an event type this subscription has no handler for.

        Told from the header alone: decoding a ScriptReady, a whole script in every language, only
        to drop it is most of what a consumer that does not want it would spend.
        """
        ce_type = message.header("ce_type")
        if ce_type is not None and ce_type not in self._handled_ce_types:
            return True
        # A dead letter sent back (dailycast dlq redrive) is for the group that gave up on it only.
        redriven_for = message.header(REDRIVE_FOR)
        return redriven_for is not None and redriven_for != self.group.encode()

    @cached_property
    def _handled_ce_types(self) -> frozenset[bytes]:
        return frozenset((CE_TYPE_PREFIX + t.__name__).encode() for t in self.handlers)


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 3
    first_backoff: float = 0.2


async def deliver(
    message: Message,
    subscription: Subscription,
    schemas: SchemaSet,
    publisher: EventPublisher,
    producer: Producer,
    retry: RetryPolicy = RetryPolicy(),
) -> None:
    """Run the message's handler and publish what it returns; never raises for a bad message."""
    if subscription.ignores(message):
        return
    try:
        event = schemas.decode(message.value)
    except UndecodableMessage as exc:
        await dead_letter(producer, message, subscription.group, exc, attempts=0)
        return
    handler = subscription.handlers.get(type(event))
    if handler is None:
        return
    traceparent = (message.header("traceparent") or b"").decode() or None
    for attempt in range(1, retry.attempts + 1):
        try:
            with handling(event, traceparent):
                emitted = await handler(event)
            break
        except Exception as exc:
            log.warning("%s failed on %s (attempt %d): %s", subscription.group, message.topic, attempt, exc)
            if attempt == retry.attempts:
                await dead_letter(producer, message, subscription.group, exc, attempts=attempt)
                return
            await asyncio.sleep(retry.first_backoff * 2 ** (attempt - 1))
    await publisher.publish(emitted, traceparent=traceparent)


async def deliver_until_done(
    message: Message,
    subscription: Subscription,
    schemas: SchemaSet,
    publisher: EventPublisher,
    producer: Producer,
    retry: RetryPolicy = RetryPolicy(),
) -> None:
    """`deliver`, again and again while the log itself refuses what it publishes (a broker down)."""
    backoff = retry.first_backoff
    while True:
        try:
            await deliver(message, subscription, schemas, publisher, producer, retry)
            return
        except Exception as exc:
            log.warning("%s: cannot publish for %s@%d (%s); retrying", subscription.group,
                        message.topic, message.offset, exc)
            await asyncio.sleep(backoff)
            backoff = min(backoff * 2, 5.0)


REDRIVE_FOR = "dlq_redrive_for"


async def dead_letter(
    producer: Producer, message: Message, group: str, error: Exception, attempts: int
) -> None:
    log.error("dead-lettering %s[%d]@%d for %s: %s", message.topic, message.partition, message.offset, group, error)
    headers = list(message.headers) + [
        ("dlq_error_type", type(error).__name__.encode()),
        ("dlq_error", str(error).encode()[:2000]),
        ("dlq_traceback", "".join(traceback.format_exception(error)).encode()[-4000:]),
        ("dlq_group", group.encode()),
        ("dlq_source", f"{message.topic}/{message.partition}/{message.offset}".encode()),
        ("dlq_attempts", str(attempts).encode()),
        ("dlq_failed_at", utcnow().isoformat().encode()),
    ]
    await producer.send(OutgoingMessage(dead_letter_topic(message.topic), message.key, message.value, headers))
    DEAD_LETTERS.labels(group, message.topic).inc()
