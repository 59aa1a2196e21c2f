"""Events as messages: Avro body plus CloudEvents (Kafka binding) headers and a traceparent."""

from __future__ import annotations

import secrets
from collections.abc import Sequence

from dailycast.messaging.avro import SchemaSet
from dailycast.messaging.ports import OutgoingMessage, Producer
from dailycast.messaging.topics import key_of, topic_of

CE_TYPE_PREFIX = "dailycast."


def new_traceparent() -> str:
    return f"00-{secrets.token_hex(16)}-{secrets.token_hex(8)}-01"


def child_traceparent(parent: str | None) -> str:
    """Same trace, new span: a handler's output belongs to the trace of its input."""
    if not parent or parent.count("-") != 3:
        return new_traceparent()
    version, trace_id, _, flags = parent.split("-")
    return f"{version}-{trace_id}-{secrets.token_hex(8)}-{flags}"


def to_message(
    event: object, schemas: SchemaSet, source: str, traceparent: str | None = None
) -> OutgoingMessage:
    headers = [
        ("ce_specversion", b"1.0"),
        ("ce_id", event.event_id.encode()),
        ("ce_type", (CE_TYPE_PREFIX + type(event).__name__).encode()),
        ("ce_source", source.encode()),
        ("ce_time", event.occurred_at.isoformat().encode()),
        ("content-type", b"application/avro"),
        ("traceparent", (traceparent or new_traceparent()).encode()),
    ]
    return OutgoingMessage(topic_of(event), key_of(event), schemas.encode(event), headers)


class EventPublisher:
    """Encodes events and hands them to the producer, in order."""

    def __init__(self, producer: Producer, schemas: SchemaSet, source: str):
        self.producer = producer
        self.schemas = schemas
        self.source = source

    async def publish(self, events: Sequence[object], traceparent: str | None = None) -> None:
        for event in events:
            message = to_message(event, self.schemas, self.source, child_traceparent(traceparent))
            await self.producer.send(message)
