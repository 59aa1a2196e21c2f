"""Turn event dataclasses into plain records (for Avro) and back."""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import datetime
from functools import cache
from typing import Any


def to_record(obj: Any) -> Any:
    """A dataclass (possibly nested) as dicts, lists and scalars."""
    if dataclasses.is_dataclass(obj):
        return {f.name: to_record(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, list):
        return [to_record(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_record(v) for k, v in obj.items()}
    return obj


@cache
def _field_types(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_record(cls: Any, data: Any) -> Any:
    """Build `cls` (a dataclass, list[...] or optional of one) from a plain record."""
    if data is None:
        return None
    origin = typing.get_origin(cls)
    if origin in (types.UnionType, typing.Union):
        inner = [a for a in typing.get_args(cls) if a is not type(None)]
        return from_record(inner[0], data) if len(inner) == 1 else data
    if origin is list:
        (item,) = typing.get_args(cls)
        return [from_record(item, x) for x in data]
    if dataclasses.is_dataclass(cls):
        hints = _field_types(cls)
        known = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: from_record(hints[k], v) for k, v in data.items() if k in known})
    if cls is datetime and isinstance(data, str):  # a JSON record (json_record) keeps times as ISO text
        return datetime.fromisoformat(data)
    return data


def json_record(obj: Any) -> Any:
    """`to_record`, with times as ISO 8601 text: a record JSON can hold (`from_record` reads it back)."""
    record = to_record(obj)
    return _times_as_text(record)


def _times_as_text(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, list):
        return [_times_as_text(x) for x in value]
    if isinstance(value, dict):
        return {k: _times_as_text(v) for k, v in value.items()}
    return value
