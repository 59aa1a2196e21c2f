"""The read model's database: the engine every service that keeps state shares, and its probe."""

from __future__ import annotations

import asyncio
import logging
import time
from pathlib import Path

import sqlalchemy as sa
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import Engine
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from dailycast import migrations
from dailycast.folders import folder_problem
from dailycast.probes import Probe, ProbeFailed

log = logging.getLogger(__name__)


class PoolSettings(BaseSettings):
    """How many threads run the API's blocking work, and the connections they and the background
    tasks may hold. At most `worker_threads` requests hold a session at once (the others wait in
    the event loop, services/api/deps.py's get_session) and the pool has a connection for each, so
    no thread ever waits for a connection that a request waiting for a thread holds."""

    model_config = SettingsConfigDict(env_prefix="DAILYCAST_", extra="ignore")

    worker_threads: int = Field(
        40, ge=1, le=1000,
        description="threads that run the API's sync routes and dependencies (anyio's thread pool; 40 is its default); "
        "also how many requests may use the database at once",
    )
    db_pool_size: int | None = Field(
        None, ge=1, description="database connections kept open per process; default: DAILYCAST_WORKER_THREADS"
    )
    db_max_overflow: int = Field(
        10, ge=0, description="connections beyond the pool size, for the background tasks (projector, relay, sweeper)"
    )
    db_pool_timeout: float = Field(
        30.0, gt=0, description="seconds a thread waits for a free connection; then the request answers 503"
    )
    db_read_slots: int = Field(
        4, ge=1, le=1000,
        description="reads the API runs at once on PostgreSQL's async connections (one connection each); "
        "the others wait their turn in the event loop",
    )
    db_queue_seconds: float = Field(
        30.0, gt=0,
        description="seconds a request may wait (holding no thread) for its turn at the database; "
        "then 503 with Retry-After",
    )

    @property
    def pool_size(self) -> int:
        return self.db_pool_size or self.worker_threads

    @property
    def request_slots(self) -> int:
        """How many requests may hold a session at once: one per thread, and never more than the pool keeps."""
        return min(self.worker_threads, self.pool_size)


def make_engine(url: str, pool: PoolSettings | None = None) -> Engine:
    """An engine for SQLite (WAL, foreign keys) or PostgreSQL; connects only when first used.

    Both keep `pool.pool_size` connections (+ `db_max_overflow`): at least one per worker thread,
    so the API's requests, at most one per thread at the database, never wait for a connection."""
    pool = pool or PoolSettings()
    sizes = {"pool_size": pool.pool_size, "max_overflow": pool.db_max_overflow, "pool_timeout": pool.db_pool_timeout}
    if url.startswith("sqlite"):
        in_memory = sa.make_url(url).database in (None, "", ":memory:")  # one connection's database: its own pool
        engine = sa.create_engine(
            url, connect_args={"check_same_thread": False, "timeout": 30}, **({} if in_memory else sizes)
        )

        @sa.event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):
            # WAL lets readers go on while the projector writes.
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

        return engine
    engine = sa.create_engine(url, **sizes)
    _ping_idle_connections(engine)
    return engine


# A connection back from use this recently is taken to be alive: the pool's pre_ping, a round trip
# before every transaction, was a good part of a worker's database time. One idle for longer is
# pinged first, since the server may have closed it meanwhile (a restart, an idle timeout). One that
# dies in use fails its transaction, which its caller retries (consumers retry their handlers), and
# the pool then drops every connection made before.
IDLE_PING_SECONDS = 1.0


def _ping_idle_connections(engine: Engine) -> None:
    @sa.event.listens_for(engine, "checkin")
    def _returned(_dbapi_connection, record) -> None:
        record.info["returned_at"] = time.monotonic()

    @sa.event.listens_for(engine, "checkout")
    def _ping_if_idle(dbapi_connection, record, _proxy) -> None:
        returned_at = record.info.get("returned_at")  # None: just connected
        if returned_at is None or time.monotonic() - returned_at < IDLE_PING_SECONDS:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except engine.dialect.loaded_dbapi.Error as error:
            raise sa.exc.DisconnectionError(f"an idle connection was gone: {error}") from error  # the pool connects anew


def make_async_engine(engine: Engine, pool: PoolSettings | None = None) -> AsyncEngine | None:
    """The same database through psycopg's async connections, for reads that run in the event loop
    rather than in a worker thread; None for SQLite, whose reads are quicker done synchronously."""
    if engine.dialect.name == "sqlite":
        return None
    pool = pool or PoolSettings()
    # No pre-ping (a round trip as long as the read itself): a connection the server dropped fails
    # its read, which invalidates the whole pool, and the caller reads once more (DatabaseGate.read).
    # Autocommit: no BEGIN and ROLLBACK round trips, and under READ COMMITTED each statement sees
    # a snapshot of its own anyway. So it is for reads only.
    return create_async_engine(
        engine.url.set(drivername="postgresql+psycopg_async"), isolation_level="AUTOCOMMIT",
        pool_size=pool.db_read_slots, max_overflow=0, pool_timeout=pool.db_pool_timeout,
    )


_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


def database_answers(engine: Engine) -> bool:
    """Whether the database answers a trivial query; why not goes to the log, never to a caller."""
    try:
        with engine.connect() as connection:
            connection.execute(sa.text("SELECT 1"))
        return True
    except Exception:
        log.warning("the database does not answer", exc_info=True)
        return False


def database_probe(database_url: str) -> Probe:
    """The database and its schema revision; migrates nothing, creates no file."""
    url = sa.make_url(database_url)
    backend = url.get_backend_name()
    return Probe(
        "database",
        _NAMES.get(backend, backend),
        url.render_as_string(hide_password=True),
        lambda: asyncio.to_thread(_schema_note, url),
    )


def _schema_note(url: sa.URL) -> str:
    if url.get_backend_name() == "sqlite" and url.database and not Path(url.database).exists():
        problem = folder_problem(Path(url.database).parent)
        if problem:
            raise PermissionError(problem)
        return "not created yet (made and migrated at start)"
    connect_args = {"timeout": 5} if url.get_backend_name() == "sqlite" else {"connect_timeout": 5}
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool, connect_args=connect_args)
    try:
        with engine.connect() as connection:
            connection.execute(sa.text("SELECT 1"))
    finally:
        engine.dispose()
    full_url = url.render_as_string(hide_password=False)
    revision, head = migrations.current_revision(full_url), migrations.head_revision()
    if revision is None:
        return f"not migrated yet (start migrates it to {head})"
    if revision == head:
        return f"at revision {revision} (newest)"
    if not migrations.knows_revision(revision):
        raise ProbeFailed(f"at revision {revision}, which this code does not know (newer code ran on it?)")
    return f"at revision {revision} (start upgrades it to {head})"
