"""The read model's database: the engine every service that keeps state shares, and its probe."""

from __future__ import annotations

import asyncio
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from dailycast import migrations
from dailycast.folders import folder_problem
from dailycast.probes import Probe, ProbeFailed


def make_engine(url: str) -> Engine:
    """An engine for SQLite (WAL, foreign keys) or PostgreSQL; connects only when first used."""
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @sa.event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):
            # WAL lets readers go on while the projector writes.
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

        return engine
    return sa.create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)


_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


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
