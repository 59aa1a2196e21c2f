"""A fresh PostgreSQL database per test, on the server DATABASE_URL points at (deploy/infra.sh).

    from tests.utils.postgres import fresh_database, postgres_base_url

    def test_something():
        with fresh_database(postgres_base_url()) as url:   # skips without a PostgreSQL DATABASE_URL
            ...

or take the ``postgres_url`` fixture (import it into the test module or a conftest.py).
The role needs CREATEDB (deploy/infra.sh's `dailycast` is a superuser).
"""

from __future__ import annotations

import os
import uuid
from contextlib import contextmanager
from typing import Iterator

import pytest
import sqlalchemy as sa

SKIP_REASON = (
    "needs PostgreSQL: run `bash deploy/infra.sh up` and `eval \"$(bash deploy/infra.sh env)\"` "
    "so DATABASE_URL is a postgresql+psycopg:// URL"
)


def postgres_base_url() -> str:
    """DATABASE_URL if it names a PostgreSQL server, else skip the calling test."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgresql"):
        pytest.skip(SKIP_REASON + (f" (it is {sa.make_url(url).get_backend_name()!r})" if url else " (it is unset)"))
    return url


@contextmanager
def fresh_database(base_url: str, prefix: str = "dailycast_test") -> Iterator[str]:
    """Create an empty, uniquely named database on base_url's server; yield its URL; drop it."""
    base = sa.make_url(base_url)
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    # CREATE/DROP DATABASE cannot run in a transaction; connect to the maintenance database.
    server = sa.create_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    try:
        with server.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
        try:
            yield base.set(database=name).render_as_string(hide_password=False)
        finally:
            with server.connect() as connection:
                # FORCE (PostgreSQL 13+) ends sessions a test left open, e.g. an undisposed pool.
                connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        server.dispose()


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """URL of a fresh, empty PostgreSQL database, dropped after the test (skips without one)."""
    with fresh_database(postgres_base_url()) as url:
        yield url
