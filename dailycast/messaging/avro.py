"""Avro single-object encoding of events, with every schema version in the ``schemas`` package.

A message is the marker C3 01, the 8-byte CRC-64-AVRO fingerprint of the writer's schema
(little-endian), then the Avro binary body. Readers find the writer's schema by fingerprint among
the versioned files and resolve it to the newest version of that event's schema, so no registry
server is needed and old messages stay readable.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable

import fastavro
from fastavro.schema import fingerprint, to_parsing_canonical_form

from dailycast.events import EVENT_TYPES
from dailycast.messaging.records import from_record, to_record

# The folder of *.avsc files: the top-level package `schemas`, which ships them in the wheel.
SCHEMA_DIR: Traversable = files("schemas")
MARKER = b"\xc3\x01"
_FILE_NAME = re.compile(r"^(?P<stem>[a-z_]+)\.v(?P<version>\d+)\.avsc$")


class UndecodableMessage(Exception):
    """The bytes are not an event this code base can read."""


@dataclass(frozen=True)
class SchemaVersion:
    event_type: str
    version: int
    path: Traversable
    parsed: dict
    fingerprint: bytes


def _load(path: Traversable) -> SchemaVersion:
    match = _FILE_NAME.match(path.name)
    if not match:
        raise ValueError(f"schema file name must be <event>.v<N>.avsc: {path.name}")
    parsed = fastavro.parse_schema(json.loads(path.read_text()))
    canonical = to_parsing_canonical_form(parsed)
    return SchemaVersion(
        event_type=parsed["name"].rsplit(".", 1)[-1],
        version=int(match["version"]),
        path=path,
        parsed=parsed,
        fingerprint=bytes.fromhex(fingerprint(canonical, "CRC-64-AVRO")),
    )


class SchemaSet:
    """Every version of every event schema, found in one folder."""

    def __init__(self, folder: Traversable = SCHEMA_DIR):
        avsc = sorted((p for p in folder.iterdir() if p.name.endswith(".avsc")), key=lambda p: p.name)
        versions = [_load(p) for p in avsc]
        self.by_fingerprint = {v.fingerprint: v for v in versions}
        self.latest: dict[str, SchemaVersion] = {}
        for v in sorted(versions, key=lambda v: v.version):
            self.latest[v.event_type] = v

    def encode(self, event: object) -> bytes:
        schema = self.latest[type(event).__name__]
        body = io.BytesIO()
        fastavro.schemaless_writer(body, schema.parsed, to_record(event))
        return MARKER + schema.fingerprint + body.getvalue()

    def decode(self, data: bytes) -> object:
        if len(data) < 10 or data[:2] != MARKER:
            raise UndecodableMessage("not Avro single-object encoded (no C3 01 marker)")
        writer = self.by_fingerprint.get(data[2:10])
        if writer is None:
            raise UndecodableMessage(f"unknown schema fingerprint {data[2:10].hex()}")
        reader = self.latest[writer.event_type]
        try:
            record = fastavro.schemaless_reader(io.BytesIO(data[10:]), writer.parsed, reader.parsed)
        except Exception as exc:  # fastavro raises several types for corrupt bodies
            raise UndecodableMessage(f"corrupt {writer.event_type} body: {exc}") from exc
        return from_record(EVENT_TYPES[writer.event_type].cls, record)

    def event_type_of(self, data: bytes) -> str | None:
        writer = self.by_fingerprint.get(data[2:10]) if data[:2] == MARKER else None
        return writer.event_type if writer else None


@cache
def default_schemas() -> SchemaSet:
    return SchemaSet()
