"""Each podcast's response document, kept in the read model beside its row.

Sending a podcast is mostly JSON work: parsing the row's 16 KB of scripts, questions and tracks,
validating them into PodcastOut and writing them out again cost several times what the framework
itself costs per request, and a page of 15 podcasts fifteen times that. So the read model keeps
what the read sends: after the ORM inserts or updates a DailyPodcast (the API's commands and the
projector write no other way), the row's document is rendered again in the same transaction
(an updated row's in its own UPDATE, a new row's just after its INSERT, once it has its id):
PodcastOut, with the audio linked to the API's own routes and no answers. The answers have a
table of their own (saving one never rewrites the document); reads put them in, as the database
aggregated them, and send the rest as it is stored.

Where the audio store links its objects directly (S3's presigned links expire) responses are
made anew for each read instead, and so are those of rows without a document: written before
documents existed (`fill_missing_documents` renders those at start) or whose rendering failed.
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from sqlalchemy import event, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Mapper, Session, sessionmaker

from dailycast.events import utcnow
from services.api.db import DailyPodcast
from services.api.safe_json import model_json
from services.api.schemas import PodcastOut

log = logging.getLogger(__name__)
_TABLE = DailyPodcast.__table__
# Every column but the document itself and the learner snapshot (deferred: touching them would load them).
_COLUMNS = [a.key for a in sa.inspect(DailyPodcast).column_attrs if a.key not in ("document", "learner_snapshot")]
# PodcastOut's last field, empty in the document; reads put the answers in its place.
_NO_ANSWERS = '"student_answers":{}}'
FILL_BATCH = 200


def audio_route(podcast_id: int, language: str) -> str:
    """Where the API serves a podcast's audio (or redirects to it)."""
    return f"/api/podcasts/{podcast_id}/audio/{language}"


def render(row: DailyPodcast) -> str:
    """The podcast as GET /api/podcasts/{id}/ shows it, without its answers."""
    values = {key: getattr(row, key) for key in _COLUMNS} | {"student_answers": {}}
    shown = PodcastOut.model_validate(values, context=lambda _key, language: audio_route(row.id, language))
    document = model_json(shown).decode()
    if not document.endswith(_NO_ANSWERS):  # PodcastOut's fields moved: with_answers would break it
        raise ValueError(f"a podcast document must end with {_NO_ANSWERS!r}")
    return document


def with_answers(document: bytes, answers: str | None) -> bytes:
    """The stored document (UTF-8) with the podcast's answers, a JSON object (None: no answers)."""
    return document[: -len(b"{}}")] + (answers.encode() if answers else b"{}") + b"}"


def _rendered(row: DailyPodcast) -> str | None:
    try:
        return render(row)
    except Exception:  # never fail the write: without a document, reads render the row themselves
        log.exception("podcast %s: no document (reads will render it)", row.id)
        return None


def _store(row: DailyPodcast) -> sa.Update:
    # updated_at as it is: the column's onupdate would otherwise move it (and the document would lag it).
    return update(_TABLE).where(_TABLE.c.id == row.id).values(document=_rendered(row), updated_at=row.updated_at)


def _keep_inserted_document(mapper: Mapper, connection: Connection, row: DailyPodcast) -> None:
    # A new row has its id (which the audio links need) only once inserted: a Core statement on the
    # flush's own connection is part of the same transaction, and sets off no ORM event again.
    connection.execute(_store(row))


def _render_updated_documents(session: Session, flush_context, instances) -> None:
    # A changed row's document goes into the flush's own UPDATE of the row (one statement for a
    # batch of rows), with the updated_at that the column's onupdate would have given it.
    for row in session.dirty:
        if isinstance(row, DailyPodcast) and session.is_modified(row, include_collections=False):
            row.updated_at = utcnow()
            row.document = _rendered(row)


def keep_documents() -> None:
    """From now on, every insert and update of a DailyPodcast renders its document (idempotent)."""
    if not event.contains(DailyPodcast, "after_insert", _keep_inserted_document):
        event.listen(DailyPodcast, "after_insert", _keep_inserted_document)
    if not event.contains(Session, "before_flush", _render_updated_documents):
        event.listen(Session, "before_flush", _render_updated_documents)


def fill_missing_documents(session_factory: sessionmaker) -> int:
    """Render the documents that rows lack, FILL_BATCH rows a transaction; returns how many."""
    filled, after = 0, 0
    while True:
        with session_factory.begin() as session:
            rows = session.scalars(
                select(DailyPodcast).where(DailyPodcast.document.is_(None), DailyPodcast.id > after)
                .order_by(DailyPodcast.id).limit(FILL_BATCH)
            ).all()
            for row in rows:
                filled += session.execute(_store(row).returning(_TABLE.c.document)).scalar_one() is not None
        if len(rows) < FILL_BATCH:
            return filled
        after = rows[-1].id
