"""The SentLog port: which podcast attempts the learner has already been emailed about, and which
podcasts were deleted (never emailed about again)."""

from __future__ import annotations

import asyncio
from typing import Protocol

import sqlalchemy as sa

from dailycast.events import utcnow

metadata = sa.MetaData()

notification_sent = sa.Table(
    "notification_sent",
    metadata,
    sa.Column("podcast_id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("attempt", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("sent_at", sa.TIMESTAMP(timezone=True), nullable=False),
)

# A deleted podcast's id: work still in flight for it (a script, audio) completes nobody's podcast.
notification_deleted = sa.Table(
    "notification_deleted",
    metadata,
    sa.Column("podcast_id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("deleted_at", sa.TIMESTAMP(timezone=True), nullable=False),
)


class SentLog(Protocol):
    async def was_sent(self, podcast_id: int, attempt: int) -> bool: ...

    async def record(self, podcast_id: int, attempt: int) -> None:
        """Remember the email as sent; recording the same attempt again is not an error."""
        ...

    async def may_send(self, podcast_id: int, attempt: int) -> bool:
        """Neither sent for this attempt nor deleted: one question, as every email asks it."""
        ...

    async def record_deleted(self, podcast_id: int) -> None:
        """Remember the podcast as deleted and forget its sent emails; repeating it is not an error."""
        ...


def _sent(podcast_id, attempt) -> sa.Exists:
    return sa.exists().where(notification_sent.c.podcast_id == podcast_id, notification_sent.c.attempt == attempt)


# Built once, with their values bound per call.
_WAS_SENT = sa.select(_sent(sa.bindparam("podcast_id"), sa.bindparam("attempt")))
_SENT_OR_DELETED = sa.select(sa.or_(
    _sent(sa.bindparam("podcast_id"), sa.bindparam("attempt")),
    sa.exists().where(notification_deleted.c.podcast_id == sa.bindparam("podcast_id")),
))
_RECORD = sa.insert(notification_sent)


class SqlSentLog:
    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine
        # An email's question and its record are one statement each: run in autocommit, each is
        # atomic without a BEGIN and a ROLLBACK or COMMIT around it, two round trips fewer apiece.
        self._one_statement = engine.execution_options(isolation_level="AUTOCOMMIT")

    async def was_sent(self, podcast_id: int, attempt: int) -> bool:
        return await asyncio.to_thread(self._was_sent, podcast_id, attempt)

    async def record(self, podcast_id: int, attempt: int) -> None:
        await asyncio.to_thread(self._record, podcast_id, attempt)

    async def may_send(self, podcast_id: int, attempt: int) -> bool:
        return await asyncio.to_thread(self._may_send, podcast_id, attempt)

    async def record_deleted(self, podcast_id: int) -> None:
        await asyncio.to_thread(self._record_deleted, podcast_id)

    def _was_sent(self, podcast_id: int, attempt: int) -> bool:
        with self._one_statement.connect() as connection:
            return connection.scalar(_WAS_SENT, {"podcast_id": podcast_id, "attempt": attempt})

    def _may_send(self, podcast_id: int, attempt: int) -> bool:
        with self._one_statement.connect() as connection:
            return not connection.scalar(_SENT_OR_DELETED, {"podcast_id": podcast_id, "attempt": attempt})

    def _record(self, podcast_id: int, attempt: int) -> None:
        row = {"podcast_id": podcast_id, "attempt": attempt, "sent_at": utcnow()}
        try:
            with self._one_statement.connect() as connection:
                connection.execute(_RECORD, row)
        except sa.exc.IntegrityError:
            # The key is already there: a redelivery (or a concurrent worker) recorded it first.
            pass

    def _record_deleted(self, podcast_id: int) -> None:
        try:
            with self.engine.begin() as connection:
                connection.execute(
                    sa.delete(notification_sent).where(notification_sent.c.podcast_id == podcast_id)
                )
                connection.execute(sa.insert(notification_deleted).values(podcast_id=podcast_id, deleted_at=utcnow()))
        except sa.exc.IntegrityError:
            pass  # already recorded (its sent rows went then)

