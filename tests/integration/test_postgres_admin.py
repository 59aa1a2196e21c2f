"""dailycast.postgres_admin against a real PostgreSQL server: create, drop, and temporary databases.

    bash deploy/infra.sh up && eval "$(bash deploy/infra.sh env)"
    .venv/bin/pytest -q tests/integration/test_postgres_admin.py

Without a postgresql DATABASE_URL every test is skipped, and the reason says so.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from dailycast.postgres_admin import create_database, drop_database, temporary_database, unique_name
from tests.utils.postgres import postgres_base_url


@pytest.fixture
def server() -> str:
    return postgres_base_url()  # skips without PostgreSQL


def exists(server_url: str, name: str) -> bool:
    engine = sa.create_engine(server_url, poolclass=sa.pool.NullPool)
    try:
        with engine.connect() as connection:
            found = connection.execute(sa.text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name})
            return found.first() is not None
    finally:
        engine.dispose()


def tables(url: str) -> list[str]:
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        with engine.connect() as connection:
            return sa.inspect(connection).get_table_names()
    finally:
        engine.dispose()


@pytest.fixture
def name(server):
    """A unique name, and no database left behind by a failing test."""
    name = unique_name("dailycast_test_kernel")
    yield name
    drop_database(server, name, force=True)


def test_create_makes_an_empty_database_and_returns_its_url(server, name):
    url = create_database(server, name)
    assert exists(server, name)
    assert sa.make_url(url).database == name
    assert tables(url) == []


def test_create_refuses_an_existing_database(server, name):
    create_database(server, name)
    with pytest.raises(sa.exc.ProgrammingError, match="already exists"):
        create_database(server, name)


def test_drop_removes_it_and_a_missing_one_is_no_error(server, name):
    create_database(server, name)
    drop_database(server, name)
    assert not exists(server, name)
    drop_database(server, name)


def test_drop_works_from_a_url_naming_the_database_itself(server, name):
    url = create_database(server, name)
    drop_database(url, name)  # it runs on the maintenance database, not on the one it drops
    assert not exists(server, name)


def test_drop_without_force_refuses_a_database_in_use_and_force_ends_its_sessions(server, name):
    url = create_database(server, name)
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    connection = engine.connect()
    try:
        connection.exec_driver_sql("SELECT 1")
        with pytest.raises(sa.exc.OperationalError, match="being accessed by other users"):
            drop_database(server, name)
        assert exists(server, name)
        drop_database(server, name, force=True)
        assert not exists(server, name)
    finally:
        connection.invalidate()  # the server ended it: no rollback on close
        engine.dispose()


def test_temporary_database_is_dropped_afterwards_even_on_error_and_with_a_session_left_open(server):
    engine = connection = None
    try:
        with pytest.raises(RuntimeError, match="the test failed"):
            with temporary_database(server, "dailycast_test_kernel") as url:
                name = sa.make_url(url).database
                assert name.startswith("dailycast_test_kernel_") and exists(server, name)
                engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
                connection = engine.connect()  # a session nobody closes
                connection.exec_driver_sql("CREATE TABLE t (x int)")
                raise RuntimeError("the test failed")
        assert not exists(server, name)
    finally:
        if connection is not None:
            connection.invalidate()
            engine.dispose()


def test_bad_names_never_reach_the_server(server):
    with pytest.raises(ValueError):
        create_database(server, 'x"; DROP DATABASE postgres; --')
