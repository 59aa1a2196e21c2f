"""A learning platform's producer of Dailycast's platform events, as docs/platform-events.md describes.

It knows Dailycast only by its contract: the Avro schemas in schemas/, the topic, the key and the
headers. No Dailycast code; aiokafka and fastavro (pip install aiokafka fastavro). It sends a learner
(UserUpserted) and their enrollment in a course (EnrollmentChanged), and prints their event ids:

    python examples/platform_producer.py --bootstrap-servers 127.0.0.1:9092 \\
        --user-id 42 --course-id 7 --course-title "Statistics"
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import re
import secrets
import uuid
from datetime import datetime, timezone
from pathlib import Path

import fastavro
from aiokafka import AIOKafkaProducer
from fastavro.schema import fingerprint, to_parsing_canonical_form

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"
TOPIC = "platform.learner-events"


def newest_schema(event_type: str) -> dict:
    """schemas/<event_type in snake case>.v<N>.avsc with the highest N, parsed."""
    stem = re.sub(r"(?<!^)(?=[A-Z])", "_", event_type).lower()
    path = max(SCHEMAS.glob(f"{stem}.v*.avsc"), key=lambda p: int(p.name.split(".v")[1].split(".")[0]))
    return fastavro.parse_schema(json.loads(path.read_text()))


def single_object(schema: dict, record: dict) -> bytes:
    """Avro single-object encoding: C3 01, the schema's 8-byte CRC-64-AVRO fingerprint, the binary body."""
    # fastavro gives the fingerprint's bytes little-endian, the order the encoding wants.
    fingerprint_bytes = bytes.fromhex(fingerprint(to_parsing_canonical_form(schema), "CRC-64-AVRO"))
    body = io.BytesIO()
    fastavro.schemaless_writer(body, schema, record)
    return b"\xc3\x01" + fingerprint_bytes + body.getvalue()


def headers(event_type: str, record: dict) -> list[tuple[str, bytes]]:
    """CloudEvents' Kafka binding, as Dailycast reads it, and a W3C trace context."""
    return [
        ("ce_specversion", b"1.0"),
        ("ce_id", record["event_id"].encode()),
        ("ce_type", f"dailycast.{event_type}".encode()),
        ("ce_source", b"platform/example-producer"),
        ("ce_time", record["occurred_at"].isoformat().encode()),
        ("content-type", b"application/avro"),
        ("traceparent", f"00-{secrets.token_hex(16)}-{secrets.token_hex(8)}-01".encode()),
    ]


async def produce(bootstrap_servers: str, topic: str, events: list[tuple[str, dict]]) -> None:
    # Idempotent (and so acks=all): a retried send is written once. aiokafka's default partitioner
    # is Kafka's murmur2, so a learner's events share a partition with the ones Dailycast writes.
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap_servers, enable_idempotence=True)
    await producer.start()
    try:
        for event_type, record in events:
            value = single_object(newest_schema(event_type), record)
            key = str(record["user_id"]).encode()  # the user id in decimal: a learner's events in order
            await producer.send_and_wait(topic, value, key=key, headers=headers(event_type, record))
    finally:
        await producer.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bootstrap-servers", default="127.0.0.1:9092")
    parser.add_argument("--topic", default=TOPIC)
    parser.add_argument("--user-id", type=int, required=True)
    parser.add_argument("--course-id", type=int, required=True)
    parser.add_argument("--course-title", required=True)
    args = parser.parse_args()
    now = datetime.now(timezone.utc)
    learner = {"event_id": str(uuid.uuid4()), "occurred_at": now, "user_id": args.user_id,
               "email": f"learner{args.user_id}@example.com", "name": "Example Learner", "locale": "en-US",
               "active": True, "is_staff": False}
    enrollment = {"event_id": str(uuid.uuid4()), "occurred_at": now, "user_id": args.user_id,
                  "course_id": args.course_id, "course_title": args.course_title, "enrolled": True}
    events = [("UserUpserted", learner), ("EnrollmentChanged", enrollment)]
    asyncio.run(produce(args.bootstrap_servers, args.topic, events))
    for event_type, record in events:
        print(record["event_id"], event_type)


if __name__ == "__main__":
    main()
