"""The statuses each operation may answer besides its success, as OpenAPI `responses=` of the routes.

Every error body is JSON with a `detail`: a sentence (ErrorOut), or for 422 a list of the fields at
fault (ValidationErrorOut; also for a body over DAILYCAST_MAX_BODY_BYTES, which body_limit.py
answers with 422 at `loc: ["body"]`, not 413). List here only what a route can actually return.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict


class ErrorOut(BaseModel):
    detail: str


class FieldError(BaseModel):
    model_config = ConfigDict(extra="allow")  # pydantic adds `input` and `ctx`

    loc: list[str | int]
    msg: str
    type: str


class ValidationErrorOut(BaseModel):
    detail: list[FieldError]


class RateLimitedOut(BaseModel):
    detail: str
    limit: int
    resets_at: datetime


class HealthOut(BaseModel):
    status: str


class ReadinessOut(BaseModel):
    status: str  # "ready" or "not ready"
    problems: list[str] = []


Responses = dict[int | str, dict[str, Any]]


def _header(description: str, **schema: Any) -> dict[str, Any]:
    return {"description": description, "schema": {"type": "string", **schema}}


RETRY_AFTER = {"Retry-After": _header("seconds to wait before trying again", pattern=r"^[0-9]+$")}

UNAUTHORIZED: Responses = {401: {
    "model": ErrorOut, "description": "no bearer token, or one that is not valid (signature, expiry, aud, iss)",
    "headers": {"WWW-Authenticate": _header("`Bearer`")},
}}
FORBIDDEN: Responses = {403: {"model": ErrorOut, "description": "the token's user may not do this"}}
NOT_FOUND: Responses = {404: {"model": ErrorOut, "description": "no such podcast, or not yours"}}
NO_LEARNER: Responses = {404: {"model": ErrorOut, "description": "no such learner"}}
# FastAPI's answer to a body it cannot even decode (bytes that are not UTF-8 under application/json).
UNREADABLE_BODY: Responses = {400: {"model": ErrorOut, "description": "the body could not be parsed"}}
INVALID: Responses = {422: {"model": ValidationErrorOut, "description": "a parameter or the body is not valid"}}
INVALID_BODY: Responses = {422: {
    "model": ValidationErrorOut,
    "description": "a parameter or the body is not valid, or the body is larger than DAILYCAST_MAX_BODY_BYTES",
}, **UNREADABLE_BODY}
RATE_LIMITED: Responses = {429: {
    "model": RateLimitedOut, "description": "today's requests are used up (DAILYCAST_DAILY_REQUEST_LIMIT)",
    "headers": RETRY_AFTER,
}}
DATABASE_BUSY: Responses = {503: {
    "model": ErrorOut, "headers": RETRY_AFTER,
    "description": "the database is saturated: no connection in time; see Retry-After",
}}

# Every /api/ operation: a token, and a database that may be too busy to answer in time.
API: Responses = {**UNAUTHORIZED, **DATABASE_BUSY}

AUDIO_MEDIA_TYPE = "audio/mpeg"
_MP3 = {AUDIO_MEDIA_TYPE: {"schema": {"type": "string", "format": "binary"}}}
AUDIO: Responses = {
    200: {"description": "the whole MP3", "content": _MP3,
          "headers": {"Accept-Ranges": _header("`bytes`")}},
    206: {"description": "the byte ranges asked for in `Range`", "content": _MP3,
          "headers": {"Content-Range": _header("`bytes start-end/size`")}},
    307: {"description": "the file is in S3: a presigned URL to it",
          "headers": {"Location": _header("the presigned URL", format="uri")}},
    400: {"description": "a `Range` header that is not `bytes=start-end[, ...]`",
          "content": {"text/plain": {"schema": {"type": "string"}}}},
    416: {"description": "a `Range` outside the file", "content": {"text/plain": {"schema": {"type": "string"}}},
          "headers": {"Content-Range": _header("`bytes */size`")}},
}
# The request header the audio route reads through Starlette's FileResponse (not a route parameter).
TRANSCRIPT: Responses = {200: {"description": "WebVTT: a cue per sentence", "content": {"text/vtt": {"schema": {"type": "string"}}}}}
CHAPTERS: Responses = {200: {"description": "Podcasting 2.0 JSON chapters",
                             "content": {"application/json+chapters": {"schema": {"type": "object"}}}}}
NO_FEED: Responses = {404: {"model": ErrorOut, "description": "no such feed (an unknown learner, or a token rotated "
                                                             "away), or not a podcast of its learner"}}
FEED: Responses = {200: {"description": "RSS 2.0 with the iTunes and Podcasting 2.0 namespaces",
                         "content": {"application/rss+xml": {"schema": {"type": "string"}}}}, **NO_FEED}

RANGE_HEADER = {"parameters": [{
    "name": "Range", "in": "header", "required": False, "schema": {"type": "string"},
    "description": "`bytes=start-end`: part of the file (206)",
}]}
