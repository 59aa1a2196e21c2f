"""The transactional outbox: events saved with the change that caused them, then relayed."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, sessionmaker

from dailycast.metrics import OUTBOX_BACKLOG
from dailycast.messaging.avro import SchemaSet
from dailycast.messaging.envelope import to_message
from dailycast.messaging.ports import OutgoingMessage, Producer
from dailycast.waits import wait_at_most
from services.api.db import OutboxMessage

log = logging.getLogger(__name__)
SOURCE = "dailycast/api"


def add_to_outbox(session: Session, events: Sequence[object], schemas: SchemaSet, source: str = SOURCE) -> None:
    """Stage events in the caller's transaction: they exist exactly when the change commits."""
    for event in events:
        m = to_message(event, schemas, source)
        session.add(OutboxMessage(topic=m.topic, key=m.key, value=m.value, headers=[[k, v.hex()] for k, v in m.headers]))


class Wakeup:
    """Lets a thread (a request handler) wake a task on the event loop at once."""

    def __init__(self) -> None:
        self._event = asyncio.Event()
        self._loop: asyncio.AbstractEventLoop | None = None

    def bind(self) -> None:
        self._loop = asyncio.get_running_loop()

    def notify(self) -> None:
        if self._loop and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._event.set)

    async def wait(self, timeout: float) -> None:
        await wait_at_most(self._event, timeout)
        self._event.clear()


class OutboxRelay:
    """Sends staged messages in order and removes them once the log has them.

    If the producer fails (the broker is down) the messages stay and are retried, so an accepted
    request is never lost; a crash after sending but before removal sends a message twice, which
    consumers drop by event id.
    """

    def __init__(self, session_factory: sessionmaker, producer: Producer, wakeup: Wakeup, poll_seconds: float = 0.5):
        self.session_factory = session_factory
        self.producer = producer
        self.wakeup = wakeup
        self.poll_seconds = poll_seconds

    async def run(self) -> None:
        self.wakeup.bind()
        while True:
            try:
                sent = await self.relay_once()
                # Nothing was pending, or more may be: the count costs a query per batch sent.
                OUTBOX_BACKLOG.set(await asyncio.to_thread(self.pending_count) if sent else 0)
            except Exception as exc:  # keep relaying once the producer is back
                log.warning("outbox relay: %s", exc)
                sent = 0
                with contextlib.suppress(Exception):  # the database may be what failed
                    OUTBOX_BACKLOG.set(await asyncio.to_thread(self.pending_count))
            if not sent:
                await self.wakeup.wait(self.poll_seconds)

    async def relay_once(self, batch: int = 100) -> int:
        rows = await asyncio.to_thread(self._pending, batch)
        sent = []
        try:
            for row_id, message in rows:
                await self.producer.send(message)
                sent.append(row_id)
        finally:
            if sent:
                await asyncio.to_thread(self._remove, sent)
        return len(sent)

    def _pending(self, batch: int) -> list[tuple[int, OutgoingMessage]]:
        with self.session_factory() as session:
            rows = session.scalars(select(OutboxMessage).order_by(OutboxMessage.id).limit(batch)).all()
            return [
                (r.id, OutgoingMessage(r.topic, r.key, r.value, [(k, bytes.fromhex(v)) for k, v in r.headers]))
                for r in rows
            ]

    def _remove(self, ids: list[int]) -> None:
        with self.session_factory.begin() as session:
            session.execute(delete(OutboxMessage).where(OutboxMessage.id.in_(ids)))

    def pending_count(self) -> int:
        with self.session_factory() as session:
            return session.scalar(select(func.count(OutboxMessage.id)))
