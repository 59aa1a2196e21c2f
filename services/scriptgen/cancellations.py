"""The Cancellations port: podcasts deleted before their script was written, so none is written.

scriptgen hears of deletions in a consumer group of its own: in its requests' group, a deletion
would wait behind the very requests it cancels.
"""

from __future__ import annotations

import asyncio
from typing import Protocol

import sqlalchemy as sa

from dailycast.events import utcnow

metadata = sa.MetaData()

script_cancelled = sa.Table(
    "script_cancelled",
    metadata,
    sa.Column("podcast_id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("cancelled_at", sa.TIMESTAMP(timezone=True), nullable=False),
)


class Cancellations(Protocol):
    async def cancel(self, podcast_id: int) -> None:
        """Remember the podcast as deleted; repeating it is not an error."""
        ...

    async def is_cancelled(self, podcast_id: int) -> bool: ...


class SqlCancellations:
    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    async def cancel(self, podcast_id: int) -> None:
        await asyncio.to_thread(self._cancel, podcast_id)

    async def is_cancelled(self, podcast_id: int) -> bool:
        return await asyncio.to_thread(self._is_cancelled, podcast_id)

    def _cancel(self, podcast_id: int) -> None:
        try:
            with self.engine.begin() as connection:
                connection.execute(sa.insert(script_cancelled).values(podcast_id=podcast_id, cancelled_at=utcnow()))
        except sa.exc.IntegrityError:
            pass  # a redelivered deletion: already recorded

    def _is_cancelled(self, podcast_id: int) -> bool:
        with self.engine.connect() as connection:
            return connection.scalar(sa.select(sa.exists().where(script_cancelled.c.podcast_id == podcast_id)))
