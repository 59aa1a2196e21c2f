"""Reading the DailyPodcast read model: the podcasts a principal sees, their content to check.

Reads for display go through SQLAlchemy Core rather than ORM objects (no identity map, no attribute
instrumentation, no lazy loads), in one statement per read: each podcast's answers come in its own
row, aggregated as a JSON object by the database. The JSON columns are read as text and parsed by
pydantic-core straight into their types. What they return, `PodcastRecord`s, reads like a
DailyPodcast (the same attribute names and types, `student_answers` included) and is not attached
to the session."""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from types import SimpleNamespace

import sqlalchemy as sa
from pydantic import TypeAdapter, ValidationError
from sqlalchemy import func, select
from sqlalchemy.engine import Connection
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session

from dailycast.accuracy import PodcastContent
from dailycast.grading import Grade
from dailycast.speech_length import Speech
from services.api.auth import Principal
from services.api.db import DailyPodcast, JsonOf, PodcastAnswer
from services.api.document_cache import DocumentCache
from services.api.documents import with_answers


def languages_of(row: DailyPodcast) -> list[str]:
    return [row.primary_language] + ([row.secondary_language] if row.secondary_language else [])


def podcast_content(row: DailyPodcast, speech: Speech) -> PodcastContent:
    """What the accuracy check judges; `speech` is the configured provider and pause (a track names its own provider)."""
    return PodcastContent(
        status=row.status,
        languages=languages_of(row),
        output_format=row.output_format,
        courses=row.included_courses,
        scripts=row.scripts,
        questions=row.questions_asked,
        answers=row.student_answers,
        tracks=row.audio_tracks,
        minutes=row.minutes,
        speech=speech,
    )


class PodcastRecord(SimpleNamespace):
    """A daily_podcast row for display: every column as an attribute (the JSON columns typed like the
    ORM's: AudioTrack, Question), and `student_answers`, question id -> answer (with FOR_ANSWERS,
    `grades` too, question id -> Grade or None, as DailyPodcast.grades)."""


class _answers_object(sa.sql.functions.GenericFunction):
    """A podcast's answers as one JSON object, question id -> answer, aggregated by the database."""

    type = sa.Text()
    inherit_cache = True


@compiles(_answers_object, "postgresql")
def _json_object_agg(element, compiler, **kw):
    key = compiler.process(element.clauses.clauses[0], **kw)
    return f"json_object_agg({compiler.process(element.clauses, **kw)} ORDER BY {key})::text"


@compiles(_answers_object, "sqlite")
def _json_group_object(element, compiler, **kw):
    return f"json_group_object({compiler.process(element.clauses, **kw)})"


class _as_json(sa.sql.functions.GenericFunction):
    """A JSON column's value as JSON inside an aggregate (SQLite's json(); PostgreSQL's json is JSON already)."""

    type = sa.JSON()
    inherit_cache = True


@compiles(_as_json, "postgresql")
def _json_itself(element, compiler, **kw):
    return compiler.process(element.clauses, **kw)


@compiles(_as_json, "sqlite")
def _sqlite_json(element, compiler, **kw):
    return f"json({compiler.process(element.clauses, **kw)})"


_PODCAST = DailyPodcast.__table__
# The JSON columns are read as their text and parsed by pydantic-core straight into their types,
# one pass each (json.loads and then validating the objects costs about twice as much, and
# JsonOf's from_record, which walks every record in Python, about 8x).
_JSON = {
    c.name: TypeAdapter(c.type.value_type if isinstance(c.type, JsonOf) else c.type.python_type)
    for c in _PODCAST.c if isinstance(c.type, (JsonOf, sa.JSON))
}
_ANSWERS = TypeAdapter(dict[str, str])
_GRADES = TypeAdapter(dict[str, Grade | None])
_READ_AS = {c.name: sa.cast(c, sa.Text).label(c.name) if c.name in _JSON else c for c in _PODCAST.c}
# Each podcast comes with its answers in the same row: one statement, one round trip to the server.
_ANSWERS_OF = (
    select(_answers_object(PodcastAnswer.question_id, PodcastAnswer.answer))
    .where(PodcastAnswer.podcast_id == _PODCAST.c.id).scalar_subquery().label("student_answers")
)
# Each answer's grade (or null), question id -> grade, in the same row.
_GRADES_OF = (
    select(_answers_object(PodcastAnswer.question_id, _as_json(PodcastAnswer.grade)))
    .where(PodcastAnswer.podcast_id == _PODCAST.c.id).scalar_subquery().label("grades")
)
# What progress and answers need: not the scripts and tracks, most of a podcast's bytes.
FOR_ANSWERS = ("primary_language", "questions_asked", "grades")
DOCUMENT = ("document",)  # the podcast as its stored document (services/api/documents.py)
# Instead of the document, whether the row has one and PostgreSQL's version of the row (a new one
# with every update): what a DocumentCache is asked for.
_VERSION = sa.literal_column(f"{_PODCAST.name}.xmin::text").label("version")
_EXTRA = {"version": _VERSION, "has_document": _PODCAST.c.document.is_not(None).label("has_document"), "grades": _GRADES_OF}
VERSIONED = ("version", "has_document")
_DOCUMENTS_BY_ID = select(_PODCAST.c.id, _VERSION, _PODCAST.c.document).where(
    _PODCAST.c.id.in_(sa.bindparam("ids", expanding=True)), _PODCAST.c.document.is_not(None))


def _columns(only: tuple[str, ...] | None) -> list:
    """Every column but the document, or the id, the owner and `only` those; and the answers."""
    if only is None:
        return [column for name, column in _READ_AS.items() if name != "document"] + [_ANSWERS_OF]
    return [_READ_AS["id"], _READ_AS["user_id"], *(_EXTRA.get(name, _READ_AS.get(name)) for name in only), _ANSWERS_OF]


_COLUMNS = _columns(None)


@cache
def _one_query(only: tuple[str, ...] | None) -> sa.Select:
    """One podcast, by id in a bind parameter, as `_columns(only)`."""
    # Statements are built once (building one costs about as much as running it on SQLite).
    return select(*_columns(only)).where(_PODCAST.c.id == sa.bindparam("podcast_id"))


_ORDER = (_PODCAST.c.created_at.desc(), _PODCAST.c.id.desc())


@cache
def _page_query(by_user: bool, by_status: bool, only: tuple[str, ...] | None = None) -> tuple[sa.Select, sa.Select]:
    """(a page of podcasts as `_columns(only)`, and their count) filtered by user and/or status,
    as given in bind parameters."""
    where = []
    if by_user:
        where.append(_PODCAST.c.user_id == sa.bindparam("user_id"))
    if by_status:
        where.append(_PODCAST.c.status == sa.bindparam("status"))
    page = select(*_columns(only)).where(*where).order_by(*_ORDER).offset(sa.bindparam("offset")).limit(sa.bindparam("limit"))
    return page, select(func.count()).select_from(_PODCAST).where(*where)


def _parsed(adapter: TypeAdapter, text: str):
    try:
        return adapter.validate_json(text)
    except ValidationError:
        # pydantic-core refuses JSON that escapes a lone surrogate, which a SQLite row may hold
        # (written before text was checked); the json module reads it, and responses clean it.
        return adapter.validate_python(json.loads(text))


def _record(row: sa.Row) -> PodcastRecord:
    values = row._asdict()
    for name, adapter in _JSON.items():
        if name in values:
            values[name] = _parsed(adapter, values[name])
    # No answers: NULL, as aggregates of no rows are. By question id, as they were saved.
    answers = values["student_answers"]
    values["student_answers"] = dict(sorted(_parsed(_ANSWERS, answers).items())) if answers else {}
    if "grades" in values:
        values["grades"] = _parsed(_GRADES, values["grades"]) if values["grades"] else {}
    return PodcastRecord(**values)


def visible_podcast(
    db: Session | Connection, principal: Principal, podcast_id: int, only: tuple[str, ...] | None = None
) -> PodcastRecord | None:
    """The podcast, if the principal may see it (another learner's is None, like a missing one);
    with `only`, a record of just those columns (and id, user_id, student_answers)."""
    row = db.execute(_one_query(only), {"podcast_id": podcast_id}).one_or_none()
    if row is None or not principal.may_see(row.user_id):
        return None
    return _record(row)


def _page(
    db: Session | Connection, principal: Principal, user_id: int | None, status: str | None, offset: int, limit: int,
    only: tuple[str, ...] | None,
) -> tuple[int, Sequence[sa.Row]]:
    only_user = principal.user_id if not principal.is_staff else user_id
    page, count_query = _page_query(only_user is not None, bool(status), only)
    values = {"user_id": only_user, "status": status, "offset": offset, "limit": limit}
    rows = db.execute(page, values).all()
    if rows and len(rows) < limit:  # the last page: the count is known without counting
        return offset + len(rows), rows
    return db.execute(count_query, values).scalar_one(), rows


def list_podcasts(
    db: Session | Connection, principal: Principal, user_id: int | None, status: str | None, offset: int, limit: int
) -> tuple[int, list[PodcastRecord]]:
    """Learners see their own podcasts; staff see everyone's, or one user's. Newest first."""
    count, rows = _page(db, principal, user_id, status, offset, limit, None)
    return count, [_record(row) for row in rows]


def visible_document(
    db: Session | Connection, principal: Principal, podcast_id: int, cache: DocumentCache | None = None
) -> bytes | PodcastRecord | None:
    """The podcast's JSON as stored (UTF-8), with its answers; its record if it has no document;
    None if the principal may not see it (as visible_podcast). With a cache (PostgreSQL), the
    document comes from it when it holds the row's version."""
    row = db.execute(_one_query(_document_columns(cache)), {"podcast_id": podcast_id}).one_or_none()
    if row is None or not principal.may_see(row.user_id):
        return None
    return _shown(db, [row], cache)[0]


def list_documents(
    db: Session | Connection, principal: Principal, user_id: int | None, status: str | None, offset: int, limit: int,
    cache: DocumentCache | None = None,
) -> tuple[int, list[bytes | PodcastRecord]]:
    """list_podcasts, each podcast as visible_document has it."""
    count, rows = _page(db, principal, user_id, status, offset, limit, _document_columns(cache))
    return count, _shown(db, rows, cache)


def _document_columns(cache: DocumentCache | None) -> tuple[str, ...]:
    return DOCUMENT if cache is None else VERSIONED


def _shown(db: Session | Connection, rows: Sequence[sa.Row], cache: DocumentCache | None) -> list[bytes | PodcastRecord]:
    """Each row's document with its answers, or (for rows without one) its record, read again whole."""
    documents = _documents(db, rows, cache)
    missing = [row.id for row in rows if row.id not in documents]
    records = {}
    if missing:
        records = {r.id: _record(r) for r in db.execute(select(*_COLUMNS).where(_PODCAST.c.id.in_(missing)))}
    return [with_answers(documents[row.id], row.student_answers) if row.id in documents else records[row.id]
            for row in rows if row.id in documents or row.id in records]


def _documents(db: Session | Connection, rows: Sequence[sa.Row], cache: DocumentCache | None) -> dict[int, bytes]:
    """The rows' stored documents by podcast id: read with the rows, or else from the cache where it
    holds the row's version and from the database where it does not (then kept)."""
    if cache is None:
        return {row.id: row.document.encode() for row in rows if row.document is not None}
    found, wanted = {}, []
    for row in rows:
        if row.has_document:
            document = cache.get((row.id, row.version))
            if document is None:
                wanted.append(row.id)
            else:
                found[row.id] = document
    if wanted:
        for row in db.execute(_DOCUMENTS_BY_ID, {"ids": wanted}):
            found[row.id] = document = row.document.encode()
            cache.put((row.id, row.version), document)
    return found
