"""Alembic environment: one schema history for SQLite (embedded) and PostgreSQL (distributed).

The database comes from, in order: a connection in ``config.attributes["connection"]`` (what
``dailycast.migrations.upgrade`` passes), ``config.attributes["url"]``, ``alembic -x url=...``,
the ``DATABASE_URL`` environment variable, ``sqlalchemy.url`` in the config.

Running migrations is serialised, so several services starting at once may all call
``upgrade head``: the first one migrates, the others wait and then find nothing to do.
PostgreSQL: a transaction-level advisory lock, and the whole upgrade is one transaction (DDL is
transactional there). SQLite: an exclusive ``flock`` on ``<database file>.migrate-lock``.

With ``config.attributes["adopt_unversioned"]`` (set by ``upgrade``), a database that create_all
made before migrations existed is first stamped as the baseline revision, under the same lock.
"""

from __future__ import annotations

import os
import zlib
from contextlib import contextmanager, nullcontext
from logging.config import fileConfig
from typing import Iterator

import sqlalchemy as sa
from alembic import context
from alembic.script import ScriptDirectory


config = context.config

# Only the command line configures logging from alembic.ini; a service calling
# dailycast.migrations.upgrade() passes no file and keeps its own logging.
if config.config_file_name is not None and not config.attributes.get("connection"):
    fileConfig(config.config_file_name, disable_existing_loggers=False)



def target_metadata() -> list[sa.MetaData]:
    """Every table the services own, for `alembic revision --autogenerate` and `alembic check`.

    Imported only then: a service that migrates at start must not load the other services' code.
    A model change without a migration makes tests/integration/test_migrations.py fail.
    """
    from dailycast.messaging.dead_letters import metadata as dead_letter_metadata
    from dailycast.quotas import metadata as quota_metadata
    from services.api.db import Base
    from services.notifier.sent_log import metadata as notifier_metadata
    from services.scriptgen.cancellations import metadata as scriptgen_metadata

    return [Base.metadata, notifier_metadata, quota_metadata, dead_letter_metadata, scriptgen_metadata]

# Key of the PostgreSQL advisory lock taken while migrating (advisory locks are per database).
ADVISORY_LOCK_KEY = zlib.crc32(b"dailycast.migrations")

# The first revision and the tables it makes: what create_all made before migrations existed.
BASELINE = "0001"
BASELINE_TABLES = frozenset(
    {"learner", "course", "enrollment", "quiz_result", "daily_podcast", "outbox_message",
     "processed_event", "notification_sent"}
)


def render_item(type_: str, obj, autogen_context):
    """Render our own column types as plain SQLAlchemy ones, so no migration imports our code."""
    from services.api.db import UtcDateTime

    if type_ == "type" and isinstance(obj, UtcDateTime):
        return "sa.DateTime(timezone=True)"
    return False  # alembic's default rendering


def _url() -> str:
    url = (
        config.attributes.get("url")
        or context.get_x_argument(as_dictionary=True).get("url")
        or os.environ.get("DATABASE_URL")
        or config.get_main_option("sqlalchemy.url")
    )
    if not url:
        raise RuntimeError("no database: pass -x url=... or set DATABASE_URL")
    return str(url)


def _options(dialect_name: str) -> dict:
    return {
        # From the alembic command line only (autogenerate, check); upgrades need no models.
        "target_metadata": target_metadata() if config.cmd_opts is not None else None,
        "compare_type": True,
        # SQLite cannot ALTER most things; batch mode copies the table instead.
        "render_as_batch": dialect_name == "sqlite",
        "render_item": render_item,
    }


@contextmanager
def _file_lock(connection: sa.Connection) -> Iterator[None]:
    """SQLite: hold an exclusive flock next to the database file until the migration committed."""
    database = connection.engine.url.database if connection.dialect.name == "sqlite" else None
    if not database or database == ":memory:" or database.startswith("file:"):
        yield
        return
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock, repeated calls are still fine
        yield
        return
    with open(f"{database}.migrate-lock", "a") as lock_file:
        fcntl.flock(lock_file, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock_file, fcntl.LOCK_UN)


def _advisory_lock(connection: sa.Connection) -> None:
    """PostgreSQL: wait for other migrators; the lock is released when this transaction ends."""
    if connection.dialect.name == "postgresql":
        connection.execute(sa.select(sa.func.pg_advisory_xact_lock(ADVISORY_LOCK_KEY)))


def _adopt_unversioned(connection: sa.Connection) -> None:
    """A database create_all made before migrations existed has the baseline's tables and no
    version: record it as at the baseline, so the upgrade continues from there instead of failing
    on "table already exists". Only when the caller asks (dailycast.migrations.upgrade does)."""
    migration_context = context.get_context()
    if migration_context.get_current_revision() is not None:
        return
    if BASELINE_TABLES <= set(sa.inspect(connection).get_table_names()):
        migration_context.stamp(ScriptDirectory.from_config(config), BASELINE)


def _run(connection: sa.Connection) -> None:
    # Order matters: the SQLite lock is released only after the commit (another process must see
    # the new version), PostgreSQL's advisory lock is taken inside the transaction it lasts for.
    # A connection already in a transaction is the caller's to commit (alembic's cookbook).
    with _file_lock(connection):
        owned = None if connection.in_transaction() else connection.begin()
        with owned if owned is not None else nullcontext():
            _advisory_lock(connection)
            context.configure(connection=connection, **_options(connection.dialect.name))
            if config.attributes.get("adopt_unversioned"):
                _adopt_unversioned(connection)
            with context.begin_transaction():
                context.run_migrations()


def run_migrations_offline() -> None:
    """`alembic upgrade head --sql`: print the SQL instead of running it."""
    url = sa.make_url(_url())
    context.configure(
        url=url,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
        **_options(url.get_backend_name()),
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = _url()
    connect_args = {"timeout": 30} if url.startswith("sqlite") else {}
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool, connect_args=connect_args)
    try:
        with engine.connect() as connection:
            _run(connection)
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
