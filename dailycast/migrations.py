"""The database schema's history: Alembic migrations in the ``migrations`` package, for SQLite and PostgreSQL.

Every runtime calls ``upgrade(url)`` before it touches the database, instead of ``create_all``:

    from dailycast.migrations import upgrade
    upgrade(settings.resolved_database_url())

``upgrade`` is idempotent (at head it does nothing) and safe to call from several processes at
once (the migration environment serialises them: an advisory lock on PostgreSQL, a file lock next
to a SQLite database) and from several threads (a lock here: Alembic's context is process-global).

From the command line (repo root): ``alembic upgrade head`` with DATABASE_URL set, see alembic.ini.
"""

from __future__ import annotations

import threading
from importlib.resources import files
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

# The top-level package `migrations` (env.py, versions/), shipped in the wheel.
# Alembic needs a real folder (it lists versions/, runs env.py by path): files() is one for any pip install.
MIGRATIONS_DIR = files("migrations")

_lock = threading.Lock()


def alembic_config(database_url: str | None = None) -> Config:
    """An Alembic config for the migrations folder, independent of the working directory."""
    if not isinstance(MIGRATIONS_DIR, Path) or not (MIGRATIONS_DIR / "env.py").is_file():
        raise RuntimeError(f"no migrations folder with env.py at {MIGRATIONS_DIR} (installed zipped?)")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if database_url is not None:
        # In attributes, not in the ini options: a URL-encoded password's '%' would break those.
        config.attributes["url"] = str(database_url)
    return config


def _engine(database_url: str) -> sa.Engine:
    url = str(database_url)
    connect_args = {"timeout": 30} if url.startswith("sqlite") else {}
    return sa.create_engine(url, poolclass=sa.pool.NullPool, connect_args=connect_args)


def upgrade(database_url: str, revision: str = "head") -> None:
    """Bring the database's schema up to ``revision`` (default: the newest). No-op when there."""
    config = alembic_config(database_url)
    engine = _engine(database_url)
    try:
        with _lock, engine.connect() as connection:
            config.attributes["connection"] = connection
            # A database made by create_all before migrations existed is stamped as the baseline
            # first (env.py, under the migration lock), then upgraded from there.
            config.attributes["adopt_unversioned"] = True
            command.upgrade(config, revision)
    finally:
        engine.dispose()


def current_revision(database_url: str) -> str | None:
    """The revision the database is at, or None if it was never migrated."""
    engine = _engine(database_url)
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    finally:
        engine.dispose()


def head_revision() -> str | None:
    """The newest revision in the migrations folder (what ``upgrade`` brings a database to)."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def knows_revision(revision: str) -> bool:
    """Whether the migrations folder has this revision (a database may have been run by newer code)."""
    try:
        ScriptDirectory.from_config(alembic_config()).get_revision(revision)
    except Exception:  # Alembic raises several types for an unknown revision
        return False
    return True
