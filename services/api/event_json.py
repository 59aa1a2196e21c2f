"""An event's JSON form, derived from its Avro schema: a pydantic model with the schema's fields.

The Avro schema stays the one contract, so JSON carries what a Kafka producer would encode: each
Avro type as its JSON counterpart (a long is a JSON integer within 64 bits, a timestamp RFC 3339
text with its offset), the schema's defaults, its docs as descriptions. Text is also the API's
`Text` (valid Unicode, no NUL), which every database can keep. An Avro type not mapped here fails
when the model is made, so a schema that needs one cannot go unnoticed.
"""

from __future__ import annotations

from datetime import time
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, Field, StrictBool, StrictFloat, create_model

from services.api.schemas import JSON_INTEGER, NO_NUL, Instant, Text

_INTEGERS = {"long": 64, "int": 32}
# By Avro type, or by logical type where the schema names one.
_JSON_TYPES: dict[str, Any] = {
    **{name: Annotated[int, Field(ge=-(2 ** (bits - 1)), le=2 ** (bits - 1) - 1), JSON_INTEGER]
       for name, bits in _INTEGERS.items()},
    "double": Annotated[StrictFloat, Field(allow_inf_nan=False)],  # JSON has no NaN
    "boolean": StrictBool,
    "string": Annotated[Text, Field(json_schema_extra={"pattern": NO_NUL})],
    "timestamp-micros": Instant,
    # A time of day (Avro's has no zone): HH:MM or HH:MM:SS.
    "time-millis": Annotated[
        str, Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$"), AfterValidator(time.fromisoformat)
    ],
}
# Every event's id: the schemas say UUID, and the projector keeps ids of 36 characters. Either
# case is one id, kept in lower case.
EventId = Annotated[
    str, Field(pattern=r"^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$"), AfterValidator(str.lower)
]


def _json_type(avro: Any) -> Any:
    if isinstance(avro, dict) and avro.get("type") == "array":
        return list[_json_type(avro["items"])]
    name = avro.get("logicalType", avro.get("type")) if isinstance(avro, dict) else avro
    if not isinstance(name, str) or name not in _JSON_TYPES:  # a union is a list
        raise ValueError(f"no JSON form for the Avro type {avro!r}")
    return _JSON_TYPES[name]


def json_model(schema: dict, base: type[BaseModel], optional: frozenset[str] = frozenset()) -> type[BaseModel]:
    """`<Name>In`: a `type` naming the event, then the record's fields; those in `optional` may be left out (None)."""
    name = schema["name"].rsplit(".", 1)[-1]
    fields: dict[str, Any] = {"type": (Literal[name], Field(description="the event's name, as in its Avro schema"))}
    for f in schema["fields"]:
        annotation = EventId if f["name"] == "event_id" else _json_type(f["type"])
        default = None if f["name"] in optional else f.get("default", ...)
        fields[f["name"]] = (annotation | None if default is None else annotation,
                             Field(default, description=f.get("doc")))
    return create_model(f"{name}In", __base__=base, __doc__=schema.get("doc"), **fields)
