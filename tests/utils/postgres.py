"""A fresh PostgreSQL database per test, on the server DATABASE_URL points at (deploy/infra.sh).

    from tests.utils.postgres import fresh_database, postgres_base_url

    def test_something():
        with fresh_database(postgres_base_url()) as url:   # skips without a PostgreSQL DATABASE_URL
            ...

or take the ``postgres_url`` fixture (import it into the test module or a conftest.py).
The databases are made and dropped by dailycast.postgres_admin (the role needs CREATEDB;
deploy/infra.sh's `dailycast` is a superuser).
"""

from __future__ import annotations

import os
from contextlib import AbstractContextManager
from typing import Iterator

import pytest
import sqlalchemy as sa

from dailycast.postgres_admin import temporary_database

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


def fresh_database(base_url: str, prefix: str = "dailycast_test") -> AbstractContextManager[str]:
    """Create an empty, uniquely named database on base_url's server; yield its URL; drop it."""
    return temporary_database(base_url, prefix)


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """URL of a fresh, empty PostgreSQL database, dropped after the test (skips without one)."""
    with fresh_database(postgres_base_url()) as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"], name="database_url")
def each_database_url(request, tmp_path) -> Iterator[str]:
    """An empty database of each kind: a SQLite file, a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'dailycast.db'}"
    else:
        with fresh_database(postgres_base_url()) as url:
            yield url
