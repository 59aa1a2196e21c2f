"""Whole databases on a PostgreSQL server: make a fresh, empty one, and drop one.

    from dailycast.postgres_admin import create_database, drop_database, temporary_database

    url = create_database(server_url, "dailycast_rebuild_20261124")   # its URL, e.g. to migrate
    ...
    drop_database(server_url, "dailycast_old")

    with temporary_database(server_url, prefix="dailycast_test") as url:   # tests, benchmarks
        ...

``server_url`` is any SQLAlchemy URL of the server (usually DATABASE_URL, whatever database it
names): CREATE and DROP DATABASE run, outside a transaction (AUTOCOMMIT), on the server's
maintenance database ``postgres``, so the database being dropped may be the one the URL names.
The role needs CREATEDB (deploy/infra.sh's ``dailycast`` is a superuser). Names are plain
PostgreSQL identifiers (lowercase letters, digits, underscores; at most 63 characters), checked
here and quoted as well.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa

MAINTENANCE_DATABASE = "postgres"
_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")


def check_name(name: str) -> str:
    """`name` if it is a plain PostgreSQL identifier, else ValueError."""
    if not _NAME.fullmatch(name):
        raise ValueError(
            f"database name {name!r}: use lowercase letters, digits and underscores, "
            "not a digit first, at most 63 characters"
        )
    return name


def unique_name(prefix: str) -> str:
    """`prefix` plus 12 random hex digits, e.g. dailycast_test_3f2a9c0d41be."""
    return check_name(f"{prefix}_{uuid.uuid4().hex[:12]}")


def _postgres(server_url: str | sa.URL) -> sa.URL:
    url = sa.make_url(server_url)
    if url.get_backend_name() != "postgresql":
        raise ValueError(f"a PostgreSQL server URL is needed, not a {url.get_backend_name()!r} one")
    return url


def database_url(server_url: str | sa.URL, name: str) -> str:
    """The URL of database `name` on `server_url`'s server (same driver, role and password)."""
    return _postgres(server_url).set(database=check_name(name)).render_as_string(hide_password=False)


def _on_server(server_url: str | sa.URL, statement: str, name: str) -> None:
    """Run `statement` ({name} becomes the quoted name) in AUTOCOMMIT on the maintenance database."""
    url = _postgres(server_url).set(database=MAINTENANCE_DATABASE)
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    try:
        quoted = engine.dialect.identifier_preparer.quote_identifier(check_name(name))
        with engine.connect() as connection:
            connection.exec_driver_sql(statement.format(name=quoted))
    finally:
        engine.dispose()


def create_database(server_url: str | sa.URL, name: str) -> str:
    """Create the empty database `name` on the server; return its URL. Fails if it exists."""
    _on_server(server_url, "CREATE DATABASE {name}", name)
    return database_url(server_url, name)


def drop_database(server_url: str | sa.URL, name: str, *, force: bool = False) -> None:
    """Drop database `name` if it exists. force=True (PostgreSQL 13+) first ends its sessions;
    otherwise dropping a database someone is connected to fails."""
    _on_server(server_url, "DROP DATABASE IF EXISTS {name}" + (" WITH (FORCE)" if force else ""), name)


@contextmanager
def temporary_database(server_url: str | sa.URL, prefix: str) -> Iterator[str]:
    """A fresh, empty, uniquely named database (`prefix`_<12 hex digits>); yields its URL, then
    drops it, ending any session left open (an undisposed pool, a stopped system's connections)."""
    name = unique_name(prefix)
    url = create_database(server_url, name)
    try:
        yield url
    finally:
        drop_database(server_url, name, force=True)
