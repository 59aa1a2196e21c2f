"""JSON a client can always be sent, whatever a string or a float holds.

Requests with text that is not valid Unicode are refused (`schemas.Text`), but a 422 echoes the
input, and a string stored before that check (or written by hand) must not turn a read into a 500:
lone surrogates become U+FFFD and non-finite floats (`NaN` in a request body) their names.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from fastapi import Request, status
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from pydantic_core import PydanticSerializationError

# In a Python str every surrogate is a lone one: a JSON pair like "\ud83d\ude00" decodes to one character.
_SURROGATE = re.compile("[\ud800-\udfff]")


def first_surrogate(text: str) -> int | None:
    """Where the first lone surrogate is (text that cannot be encoded as UTF-8), or None."""
    found = _SURROGATE.search(text)
    return found.start() if found else None


def client_safe(value: Any) -> Any:
    """The value with lone surrogates replaced by U+FFFD and non-finite floats by their names."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, dict):
        return {client_safe(k): client_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [client_safe(v) for v in value]
    return value


class SafeJSONResponse(JSONResponse):
    """The API's JSON responses built from plain data (dicts, lists)."""

    def render(self, content: Any) -> bytes:
        return super().render(client_safe(content))


def model_json(model: BaseModel) -> bytes:
    """The model's JSON, written by pydantic-core in one pass. Text that is not valid UTF-8 makes
    pydantic refuse; only then is it cleaned."""
    try:
        return model.__pydantic_serializer__.to_json(model)
    except PydanticSerializationError:
        return json.dumps(client_safe(model.model_dump(mode="json")), ensure_ascii=False, separators=(",", ":")).encode()


class ModelResponse(JSONResponse):
    """A response model's own JSON (`model_json`). FastAPI would validate the model again, walk it
    with jsonable_encoder and then serialize it, several times the cost for a podcast's 16 KB."""

    def render(self, content: BaseModel) -> bytes:
        return model_json(content)


class RawJSONResponse(JSONResponse):
    """JSON already written (stored podcast documents joined into a page)."""

    def render(self, content: str | bytes) -> bytes:
        return content.encode() if isinstance(content, str) else content


async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    """FastAPI's 422, with the echoed input and location made safe to send."""
    detail = client_safe(jsonable_encoder(exc.errors()))
    return JSONResponse({"detail": detail}, status_code=status.HTTP_422_UNPROCESSABLE_CONTENT)
