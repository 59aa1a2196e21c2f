"""The PostgreSQL engine pings a pooled connection only after it sat idle, and then finds a dead one.

    bash deploy/infra.sh up && eval "$(bash deploy/infra.sh env)"
    .venv/bin/pytest -q tests/integration/test_engine_pings.py
"""

from __future__ import annotations

import time

import sqlalchemy as sa

from dailycast import database
from dailycast.database import make_engine
from tests.utils.postgres import postgres_url  # noqa: F401 (a fixture)


def counted_pings(engine: sa.Engine, monkeypatch) -> list[int]:
    pings = []
    ping = engine.dialect.do_ping

    def counting(dbapi_connection):
        pings.append(1)
        return ping(dbapi_connection)

    monkeypatch.setattr(engine.dialect, "do_ping", counting)
    return pings


def backend_pid(engine: sa.Engine) -> int:
    with engine.connect() as connection:
        return connection.execute(sa.text("SELECT pg_backend_pid()")).scalar_one()


def test_a_connection_in_steady_use_is_not_pinged(postgres_url, monkeypatch):
    engine = make_engine(postgres_url)
    pings = counted_pings(engine, monkeypatch)
    try:
        first = backend_pid(engine)
        assert [backend_pid(engine) for _ in range(20)] == [first] * 20  # the same pooled connection
        assert pings == []
    finally:
        engine.dispose()


def test_an_idle_connection_is_pinged_and_replaced_when_the_server_closed_it(postgres_url, monkeypatch):
    monkeypatch.setattr(database, "IDLE_PING_SECONDS", 0.2)
    engine = make_engine(postgres_url)
    pings = counted_pings(engine, monkeypatch)
    admin = sa.create_engine(postgres_url, poolclass=sa.pool.NullPool)
    try:
        first = backend_pid(engine)
        with admin.connect() as connection:
            assert connection.execute(sa.text("SELECT pg_terminate_backend(:pid)"), {"pid": first}).scalar_one()
        time.sleep(0.3)
        second = backend_pid(engine)  # no error: the ping found it dead, the pool connected anew
        assert second != first and len(pings) == 1
        time.sleep(0.3)
        assert backend_pid(engine) == second and len(pings) == 2  # alive: pinged, kept
    finally:
        admin.dispose()
        engine.dispose()
