"""Rebuilding the read model from the topics (`dailycast rebuild`).

The projector's tables are built again beside the live ones, in a schema of their own (in
PostgreSQL a schema, in SQLite a database file attached to the live one), by the projector's own
code reading every event from the start of the topics. Then one transaction holds the live
projector off, applies what came meanwhile, and replaces the live tables' rows with the rebuilt
ones: readers see the old read model until that commit and the rebuilt one after it. The API's
own bookkeeping (the outbox, request limits, idempotency keys, leases) is not made from events and
stays as it is.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker

from dailycast.costs import Prices
from dailycast.database import make_engine
from dailycast.events import LEARNER_EVENTS, PODCAST_EVENTS
from dailycast.messaging.avro import SchemaSet, UndecodableMessage
from dailycast.messaging.delivery import Subscription
from dailycast.messaging.ports import Message, Positions
from services.api.db import (
    Base, Course, DailyPodcast, DailyRequest, DeliveryPreference, Enrollment, Learner, LearnerFeed, PodcastAnswer,
    PodcastCost, PodcastRating, ProcessedEvent, QuizResult,
)
from services.api.projector import BATCH_LIMIT, CONSUMER, PROJECTIONS, Projector, move_ids_past

log = logging.getLogger(__name__)

SIDE = "dailycast_rebuild"  # the rebuilt tables' schema (SQLite: the attached file's name)
# Learners first: an enrollment needs its learner; a podcast's events need nothing of the other topic.
TOPICS = (LEARNER_EVENTS, PODCAST_EVENTS)
# Parents before children (the order rows are copied in; deleted in the reverse).
TABLES = [t.__table__ for t in (Learner, Course, Enrollment, QuizResult, DeliveryPreference, LearnerFeed, DailyPodcast,
                                PodcastAnswer, PodcastRating, DailyRequest, PodcastCost, ProcessedEvent)]
CATCH_UP_ROUNDS = 5


@dataclass
class Rebuilt:
    applied: int = 0  # events applied (repeats included: the projector skips them)
    ignored: int = 0  # messages the projector has no handler for, or redriven for another group
    failed: dict[str, str] = field(default_factory=dict)  # event id (or topic@offset) -> why
    rows: dict[str, int] = field(default_factory=dict)  # table -> rows in the rebuilt read model
    highest_podcast_id: int = 0
    positions: dict[str, Positions] = field(default_factory=lambda: {t: {} for t in TOPICS})


ReadTopic = Callable[[str, Positions], AsyncIterator[list[Message]]]


class Rebuild:
    """One rebuild of the read model in the database at `database_url`, from `read_topic`."""

    def __init__(self, database_url: str, schemas: SchemaSet, read_topic: ReadTopic, prices: Prices,
                 progress: Callable[[int], object] = lambda n: None):
        """`prices`: what the attempts' costs are estimated at again (today's, not those of when they were made)."""
        self.engine = make_engine(database_url)
        self.side_file = _side_file(self.engine)
        if self.side_file is not None:
            self.side_file.unlink(missing_ok=True)
            _attach(self.engine, self.side_file)
        self.side = self.engine.execution_options(schema_translate_map={None: SIDE})
        self.projector = Projector(sessionmaker(self.side, expire_on_commit=False), prices, counted=False)
        self.schemas, self.read_topic, self.progress = schemas, read_topic, progress
        self.subscription = Subscription(CONSUMER, dict.fromkeys(PROJECTIONS, self.projector.handle))
        self.done = Rebuilt()

    async def run(self) -> Rebuilt:
        """Build, catch up, switch over; the side tables go whatever happens."""
        try:
            self._create_side_tables()
            await self._read_all()
            for _ in range(CATCH_UP_ROUNDS):
                await self._read_all()  # what came while reading, applied outside the switch's lock
                try:
                    await self._switch()
                    return self.done
                except _LastEventFailed as exc:
                    log.warning("an event that came during the switch failed (%s); trying again", exc.__cause__)
            raise RuntimeError(f"events kept failing as the read model was switched over ({CATCH_UP_ROUNDS} tries)")
        finally:
            self._drop_side_tables()
            self.engine.dispose()
            if self.side_file is not None:
                self.side_file.unlink(missing_ok=True)

    def _create_side_tables(self) -> None:
        self._drop_side_tables()  # a rebuild that died half-way left its tables
        with self.side.begin() as connection:
            if connection.dialect.name == "postgresql":
                connection.execute(sa.text(f"CREATE SCHEMA {SIDE}"))
            Base.metadata.create_all(connection, tables=TABLES)

    def _drop_side_tables(self) -> None:
        if self.side_file is None:  # SQLite's side tables go with their file
            with self.engine.begin() as connection:
                connection.execute(sa.text(f"DROP SCHEMA IF EXISTS {SIDE} CASCADE"))

    async def _read_all(self) -> None:
        """Apply every message after the positions read so far, BATCH_LIMIT events a transaction."""
        async for events in self._events():
            errors = self.projector.apply_all(events)
            for event, error in zip(events, errors):
                if error is not None:
                    self.done.failed[event.event_id] = f"{type(error).__name__}: {error}"
            self.done.applied += len(events)
            self.progress(len(events))

    async def _events(self) -> AsyncIterator[list]:
        """The new messages as events, in batches where no podcast or learner appears twice: the
        projector applies a batch at once, and a key's second event must see its first applied."""
        batch, keys = [], set()
        for topic in TOPICS:
            positions = self.done.positions[topic]
            async for messages in self.read_topic(topic, dict(positions)):
                for message in messages:
                    positions[message.partition] = message.offset + 1
                    event = self._event(message)
                    if event is None:
                        continue
                    key = (topic, message.key)
                    if key in keys or len(batch) >= BATCH_LIMIT:
                        yield batch
                        batch, keys = [], set()
                    batch.append(event)
                    keys.add(key)
                    self.done.highest_podcast_id = max(self.done.highest_podcast_id, getattr(event, "podcast_id", 0))
        if batch:
            yield batch

    def _event(self, message: Message) -> object | None:
        if self.subscription.ignores(message):
            self.done.ignored += 1
            return None
        try:
            event = self.schemas.decode(message.value)
        except UndecodableMessage as exc:  # dead-lettered when it came: it never made the read model
            self.done.failed[f"{message.topic}@{message.partition}:{message.offset}"] = str(exc)
            return None
        if type(event) not in PROJECTIONS:
            self.done.ignored += 1
            return None
        return event

    async def _switch(self) -> None:
        """In one transaction: hold writers off, apply the last events, put the rebuilt rows in
        place. _LastEventFailed if one of those last events fails (the next round applies it alone)."""
        # On the side's connection the tables' own names are the rebuilt ones; the live ones are
        # named with their schema.
        with self.side.begin() as connection:
            schema, metadata = connection.dialect.default_schema_name, sa.MetaData()
            live = {table.name: table.to_metadata(metadata, schema=schema) for table in TABLES}
            if connection.dialect.name == "postgresql":  # readers go on; the projector and the API's writes wait
                names = ", ".join(f'{schema}."{table.name}"' for table in TABLES)
                connection.execute(sa.text(f"LOCK TABLE {names} IN EXCLUSIVE MODE"))
            for table in reversed(TABLES):  # in SQLite, the first delete is what holds other writers off
                connection.execute(live[table.name].delete())
            await self._last_events(connection)
            for table in TABLES:
                into = live[table.name]
                connection.execute(into.insert().from_select(table.columns.keys(), sa.select(*table.columns)))
                self.done.rows[table.name] = connection.scalar(sa.select(sa.func.count()).select_from(into))
            move_ids_past(connection, self.done.highest_podcast_id)

    async def _last_events(self, connection: Connection) -> None:
        with Session(connection) as session:
            async for events in self._events():
                try:
                    self.projector._apply_batch(session, events)
                    session.flush()
                except Exception as exc:
                    raise _LastEventFailed from exc
                self.done.applied += len(events)
                self.progress(len(events))


class _LastEventFailed(Exception):
    pass


def _side_file(engine: Engine) -> Path | None:
    """SQLite's side database: a file beside the live one."""
    if engine.dialect.name != "sqlite":
        return None
    live = engine.url.database
    if not live or live == ":memory:":
        raise ValueError("rebuild needs a database file, not an in-memory database")
    return Path(live).with_name(Path(live).name + ".rebuild")


def _attach(engine: Engine, side_file: Path) -> None:
    @sa.event.listens_for(engine, "connect")
    def attach(dbapi_connection, _record):
        dbapi_connection.execute(f"ATTACH DATABASE '{side_file}' AS {SIDE}")
