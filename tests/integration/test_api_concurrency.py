"""1,000 concurrent clients on the reads: every answer is 200, none waits out a pool timeout.

The app runs under uvicorn on a real socket (tests/utils/served.py) with its default settings, on
SQLite and on PostgreSQL. Sync routes and dependencies share one thread pool (40 threads); a
session that holds a database connection while it waits for a thread, while every thread waits
for a connection, starved both pools until SQLAlchemy's 30 s pool timeout answered 500.
"""

from __future__ import annotations

import asyncio
import collections
import time

import httpx
import pytest

from system.builder import Adapters
from tests.utils.fakes import FakeSynthesizer, FakeWriter
from tests.utils.postgres import fresh_database, postgres_base_url
from tests.utils.served import served_system, wait_completed

CLIENTS = 1000
PODCASTS = 3
USER = 1
REQUEST_TIMEOUT_S = 25.0  # far beyond what a request needs here; the old starvation took 30 s
WHOLE_RUN_S = 45.0


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request):
    if request.param == "sqlite":
        yield None
    else:
        with fresh_database(postgres_base_url()) as url:
            yield url


@pytest.fixture
def served(monkeypatch, tmp_path, database_url):
    adapters = Adapters(writer=FakeWriter(), synthesizer=FakeSynthesizer())
    with served_system(monkeypatch, tmp_path / "data", adapters, database_url) as served:
        yield served


def _podcasts(served, n: int) -> list[int]:
    headers = served.auth(USER)
    ids = []
    for _ in range(n):
        created = httpx.post(f"{served.base_url}/api/podcasts/", headers=headers, trust_env=False, timeout=10,
                             json={"languages": ["en", "fr"], "output_format": "both"})
        assert created.status_code == 202, created.text
        ids.append(created.json()["id"])
    for podcast_id in ids:
        wait_completed(served, podcast_id, USER)
    return ids


def _paths(podcast_ids: list[int]) -> list[str]:
    """GET one, the list, progress and answers, round robin over the podcasts."""
    kinds = ("/api/podcasts/{}/", "/api/podcasts/", "/api/podcasts/{}/progress/", "/api/podcasts/{}/answers/")
    return [kinds[n % 4].format(podcast_ids[n // 4 % len(podcast_ids)]) for n in range(CLIENTS)]


async def _fire(base_url: str, headers: dict, paths: list[str]) -> list[int | str | httpx.Response]:
    limits = httpx.Limits(max_connections=CLIENTS, max_keepalive_connections=CLIENTS)
    async with httpx.AsyncClient(base_url=base_url, headers=headers, limits=limits, timeout=REQUEST_TIMEOUT_S,
                                 trust_env=False) as client:
        start = asyncio.Event()

        async def one(path: str) -> httpx.Response | str:
            await start.wait()  # every client is ready before the first request goes out
            try:
                return await client.get(path)
            except httpx.HTTPError as exc:
                return type(exc).__name__

        tasks = [asyncio.create_task(one(p)) for p in paths]
        await asyncio.sleep(0)
        start.set()
        return await asyncio.gather(*tasks)


def _status(answer: httpx.Response | str) -> int | str:
    return answer if isinstance(answer, str) else answer.status_code


def test_a_thousand_concurrent_reads_all_succeed(served):
    ids = _podcasts(served, PODCASTS)
    began = time.monotonic()
    answers = asyncio.run(asyncio.wait_for(_fire(served.base_url, served.auth(USER), _paths(ids)), WHOLE_RUN_S))
    took = time.monotonic() - began

    counts = collections.Counter(_status(a) for a in answers)
    assert counts == {200: CLIENTS}, f"{dict(counts)} in {took:.1f} s"


@pytest.fixture
def saturated(monkeypatch, tmp_path):
    """One request at the database at a time, and a wait for it far shorter than 1,000 requests take."""
    adapters = Adapters(writer=FakeWriter(), synthesizer=FakeSynthesizer())
    settings = {"DAILYCAST_WORKER_THREADS": "1", "DAILYCAST_DB_QUEUE_SECONDS": "0.05"}
    with served_system(monkeypatch, tmp_path / "data", adapters, **settings) as served:
        yield served


def test_a_saturated_database_answers_503_with_retry_after_never_500(saturated):
    ids = _podcasts(saturated, 1)
    answers = asyncio.run(asyncio.wait_for(_fire(saturated.base_url, saturated.auth(USER), _paths(ids)), WHOLE_RUN_S))

    counts = collections.Counter(_status(a) for a in answers)
    assert set(counts) == {200, 503}, dict(counts)  # some got through, the others were told to come back
    busy = next(a for a in answers if _status(a) == 503)
    assert busy.headers["Retry-After"] == "1"
    assert busy.json() == {"detail": "The database is busy; try again shortly."}
