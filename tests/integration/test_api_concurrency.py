"""1,000 concurrent clients on the reads: every answer is 200, none waits out a pool timeout.

The app runs under uvicorn on a real socket (tests/utils/served.py) with its default settings, on
SQLite and on PostgreSQL. The clients run in a process of their own: in the test's process they
shared the GIL with the server, and httpx's pool of 1,000 connections (quadratic work per response)
starved the server's thread, so the clients timed out on answers the server had long sent. Sync routes and dependencies share one thread pool (40 threads); a
session that holds a database connection while it waits for a thread, while every thread waits
for a connection, starved both pools until SQLAlchemy's 30 s pool timeout answered 500.
"""

from __future__ import annotations

import asyncio
import collections
import json
import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

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


READS = ("/api/podcasts/{}/", "/api/podcasts/", "/api/podcasts/{}/progress/", "/api/podcasts/{}/answers/")


def _paths(podcast_ids: list[int], kinds: tuple[str, ...] = READS) -> list[str]:
    """GET one, the list, progress and answers (or `kinds`), round robin over the podcasts."""
    return [kinds[n % len(kinds)].format(podcast_ids[n // len(kinds) % len(podcast_ids)]) for n in range(CLIENTS)]


@dataclass(frozen=True)
class Answer:
    """What one client got: a status code, or the name of the error that stopped it."""

    status: int | str
    headers: dict[str, str] = field(default_factory=dict)
    body: str = ""


async def _fire(base_url: str, headers: dict, paths: list[str]) -> list[Answer]:
    limits = httpx.Limits(max_connections=CLIENTS, max_keepalive_connections=CLIENTS)
    async with httpx.AsyncClient(base_url=base_url, headers=headers, limits=limits, timeout=REQUEST_TIMEOUT_S,
                                 trust_env=False) as client:
        start = asyncio.Event()

        async def one(path: str) -> Answer:
            await start.wait()  # every client is ready before the first request goes out
            try:
                response = await client.get(path)
            except httpx.HTTPError as exc:
                return Answer(type(exc).__name__)
            return Answer(response.status_code, dict(response.headers), response.text)

        tasks = [asyncio.create_task(one(p)) for p in paths]
        await asyncio.sleep(0)
        start.set()
        return await asyncio.gather(*tasks)


def _clients(base_url: str, headers: dict, paths: list[str]) -> list[Answer]:
    return asyncio.run(asyncio.wait_for(_fire(base_url, headers, paths), WHOLE_RUN_S))


def _fired(base_url: str, headers: dict, paths: list[str]) -> list[Answer]:
    """Every path requested at once by its own client, from another process."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as clients:
        return clients.submit(_clients, base_url, headers, paths).result(timeout=WHOLE_RUN_S + 30)


def test_a_thousand_concurrent_reads_all_succeed(served):
    ids = _podcasts(served, PODCASTS)
    began = time.monotonic()
    answers = _fired(served.base_url, served.auth(USER), _paths(ids))
    took = time.monotonic() - began

    counts = collections.Counter(a.status for a in answers)
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
    # On SQLite the reads never queue (they run in the event loop, services/api/deps.py); the
    # accuracy check works in a thread, holding one of the slots.
    answers = _fired(saturated.base_url, saturated.auth(USER), _paths(ids, READS + ("/api/podcasts/{}/accuracy-check/",)))

    counts = collections.Counter(a.status for a in answers)
    assert set(counts) == {200, 503}, dict(counts)  # some got through, the others were told to come back
    busy = next(a for a in answers if a.status == 503)
    assert busy.headers["retry-after"] == "1"
    assert json.loads(busy.body) == {"detail": "The database is busy; try again shortly."}
