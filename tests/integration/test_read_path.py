"""The lean read path: views' Core records read like ORM rows, the gate's reads, the pool's sizes.

views.visible_podcast / list_podcasts skip the ORM (services/api/views.py); what clients see must
not change, so each record is compared with the ORM row it stands for, through PodcastOut and
progress, on SQLite and on PostgreSQL (embedded runtime, read model on DATABASE_URL).
"""

from __future__ import annotations

import json
import threading

import anyio
import pytest
import sqlalchemy as sa

from dailycast.database import PoolSettings, make_engine
from dailycast.progress import progress
from services.api import views
from services.api.auth import Principal
from services.api.db import DailyPodcast
from services.api.document_cache import DocumentCache
from services.api.documents import audio_route, fill_missing_documents
from services.api.schemas import PodcastOut
from system.builder import Adapters
from tests.utils.fakes import FakeSynthesizer, FakeWriter
from tests.utils.postgres import postgres_url  # noqa: F401 (a fixture)
from tests.utils.system import running_on_database, running_system


@pytest.fixture(params=["sqlite", "postgresql"])
def api(request, monkeypatch, tmp_path):
    adapters = Adapters(writer=FakeWriter(), synthesizer=FakeSynthesizer())
    with running_on_database(request.param, monkeypatch, tmp_path / "data", adapters) as api:
        yield api


def link(key: str, language: str) -> str:
    return f"https://audio.example/{key}?lang={language}"


def shown(row) -> dict:
    return PodcastOut.model_validate(row, context=link).model_dump(mode="json")


def made(api) -> list[int]:
    """Podcasts of learner 1 in every shape: both with answers, audio-only, text; and one of learner 2."""
    ids = [api.create(languages=["en", "fr"], output_format="both").json()["id"],
           api.create(languages=["en"], output_format="audio").json()["id"],
           api.create(languages=["fr"], output_format="text").json()["id"]]
    other = api.create(user_id=2, languages=["en"], output_format="text").json()["id"]
    for podcast_id in ids:
        assert api.finished(podcast_id)["status"] == "completed"
    assert api.finished(other, 2)["status"] == "completed"
    saved = api.client.put(f"/api/podcasts/{ids[0]}/answers/", json={"answers": {"q1": "one", "q3": "three"}},
                           headers=api.auth(1))
    assert saved.status_code == 200, saved.text
    return ids + [other]


def test_records_read_like_orm_rows(api):
    *mine, other = made(api)
    learner = Principal(1)
    with api.container.session_factory() as session:
        for podcast_id in mine:
            row, record = session.get(DailyPodcast, podcast_id), views.visible_podcast(session, learner, podcast_id)
            assert shown(record) == shown(row)
            assert record.student_answers == row.student_answers
            assert progress(record.questions_asked, record.student_answers, record.primary_language) == progress(
                row.questions_asked, row.student_answers, row.primary_language)
            narrow = views.visible_podcast(session, learner, podcast_id, views.FOR_ANSWERS)  # progress's read
            assert set(vars(narrow)) == {"id", "user_id", "student_answers", *views.FOR_ANSWERS}
            assert (narrow.questions_asked, narrow.student_answers) == (row.questions_asked, row.student_answers)
        assert views.visible_podcast(session, learner, other) is None  # another learner's: as if missing
        assert views.visible_podcast(session, learner, other, views.FOR_ANSWERS) is None
        assert views.visible_podcast(session, Principal(9, is_staff=True), other) is not None
        assert views.visible_podcast(session, learner, 2**31 - 1) is None
        answered = shown(views.visible_podcast(session, learner, mine[0]))
        assert answered["student_answers"] == {"q1": "one", "q3": "three"}


def test_pages_count_and_order_as_before(api):
    *mine, other = made(api)
    newest_first = sorted(mine, reverse=True)
    with api.container.session_factory() as session:
        orm = {r.id: r for r in session.scalars(sa.select(DailyPodcast))}
        pages = [views.list_podcasts(session, Principal(1), None, None, offset, 2) for offset in (0, 2, 4)]
        assert [count for count, _ in pages] == [3, 3, 3]  # counted, known from a short last page, counted
        assert [r.id for _, rows in pages for r in rows] == newest_first
        assert all(shown(r) == shown(orm[r.id]) for _, rows in pages for r in rows)
        staff = Principal(9, is_staff=True)
        assert views.list_podcasts(session, staff, 2, None, 0, 20)[0] == 1
        count, rows = views.list_podcasts(session, staff, None, "completed", 0, 20)
        assert count == 4 and [r.id for r in rows] == sorted(mine + [other], reverse=True)
        assert views.list_podcasts(session, Principal(1), None, "failed", 0, 20) == (0, [])


def test_the_gate_reads_in_the_event_loop_synchronously_on_sqlite_and_on_async_connections_otherwise(api):
    gate = api.client.app.state.database_gate
    podcast_id = made(api)[0]

    def read(connection, principal):
        return threading.get_ident(), connection.dialect.is_async, views.visible_podcast(connection, principal, podcast_id).id

    async def in_loop():
        try:
            return threading.get_ident(), await gate.read(read, Principal(1))
        finally:  # its connections belong to this event loop, not to the app's
            if gate.async_engine is not None:
                await gate.async_engine.dispose()

    loop_thread, (read_thread, on_async_driver, read_id) = anyio.run(in_loop)
    assert read_id == podcast_id
    assert read_thread == loop_thread  # no worker thread on either database
    assert on_async_driver is (gate.engine.dialect.name != "sqlite")


def test_postgresql_reads_take_turns_in_their_own_slots(postgres_url, monkeypatch, tmp_path):
    """DAILYCAST_DB_READ_SLOTS reads at once (each on a connection of the async pool), whatever
    the sessions' slot count: the rest wait in the event loop."""
    adapters = Adapters(writer=FakeWriter(), synthesizer=FakeSynthesizer())
    with running_system(monkeypatch, tmp_path / "data", adapters, DATABASE_URL=postgres_url,
                        DAILYCAST_DB_READ_SLOTS="3") as api:
        gate = api.client.app.state.database_gate
        assert (gate.slots, gate.read_slots, gate.async_engine.pool.size()) == (40, 3, 3)
        running, most = 0, 0

        def read(connection):
            nonlocal running, most
            running += 1
            most = max(most, running)
            connection.execute(sa.text("SELECT pg_sleep(0.05)"))  # awaits the server: others may start
            running -= 1

        async def many():
            try:
                async with anyio.create_task_group() as tasks:
                    for _ in range(12):
                        tasks.start_soon(gate.read, read)
            finally:  # its connections belong to this event loop, not to the app's
                await gate.async_engine.dispose()

        anyio.run(many)
        assert most == 3


def test_a_read_survives_the_server_dropping_its_connections(postgres_url, monkeypatch, tmp_path):
    """Reads skip the pre-ping round trip: a connection the server closed fails once, and the read
    is made again on a new one instead of answering 500."""
    adapters = Adapters(writer=FakeWriter(), synthesizer=FakeSynthesizer())
    with running_system(monkeypatch, tmp_path / "data", adapters, DATABASE_URL=postgres_url) as api:
        podcast_id = made(api)[0]
        assert api.get(f"/api/podcasts/{podcast_id}/").status_code == 200  # the pool now holds a connection
        database = sa.make_url(postgres_url).database
        admin = sa.create_engine(postgres_url.replace(f"/{database}", "/postgres"), poolclass=sa.pool.NullPool)
        with admin.connect() as connection:
            dropped = connection.execute(sa.text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = :database AND pid <> pg_backend_pid()"), {"database": database}).scalar_one()
        admin.dispose()
        assert dropped >= 1
        for path in (f"/api/podcasts/{podcast_id}/", f"/api/podcasts/{podcast_id}/progress/", "/api/podcasts/"):
            answer = api.get(path)
            assert answer.status_code == 200, (path, answer.text)


def test_the_pool_keeps_a_connection_per_worker_thread(tmp_path, monkeypatch):
    monkeypatch.delenv("DAILYCAST_WORKER_THREADS", raising=False)
    monkeypatch.delenv("DAILYCAST_DB_POOL_SIZE", raising=False)
    engine = make_engine(f"sqlite:///{tmp_path / 'pool.db'}")
    assert (engine.pool.size(), engine.pool._max_overflow, engine.pool.timeout()) == (40, 10, 30.0)
    engine.dispose()
    monkeypatch.setenv("DAILYCAST_WORKER_THREADS", "8")
    assert make_engine(f"sqlite:///{tmp_path / 'pool.db'}").pool.size() == 8
    assert PoolSettings(worker_threads=8, db_pool_size=4).request_slots == 4  # never more than the pool keeps
    assert make_engine("sqlite://").connect().exec_driver_sql("select 1").scalar() == 1  # in memory: its own pool


def as_the_api_renders_it(row) -> dict:
    """The model path: what GET one sends for this row with the local store's links."""
    return PodcastOut.model_validate(row, context=lambda _key, language: audio_route(row.id, language)).model_dump(
        mode="json")


def test_stored_documents_read_as_the_rows_they_stand_for(api):
    """Each podcast's document (kept by the ORM's writes) with its answers is what rendering the row
    gives: after every projected event and answer, in every shape; and a page of them too."""
    *mine, other = made(api)
    learner = Principal(1)
    with api.container.session_factory() as session:
        for podcast_id in mine:
            document = views.visible_document(session, learner, podcast_id)
            assert isinstance(document, bytes), "the row has no document"
            assert json.loads(document) == as_the_api_renders_it(session.get(DailyPodcast, podcast_id))
        assert views.visible_document(session, learner, other) is None
        count, page = views.list_documents(session, learner, None, None, 0, 20)
        assert count == 3 and all(isinstance(d, bytes) for d in page)
        assert [json.loads(d) for d in page] == [as_the_api_renders_it(session.get(DailyPodcast, p))
                                                 for p in sorted(mine, reverse=True)]
    listed = api.get("/api/podcasts/").json()
    assert [p["id"] for p in listed["results"]] == sorted(mine, reverse=True) and listed["count"] == 3
    assert listed["results"][-1]["student_answers"] == {"q1": "one", "q3": "three"}
    assert api.get(f"/api/podcasts/{mine[0]}/").json() == listed["results"][-1]


def test_rows_without_a_document_are_rendered_by_reads_until_it_is_filled_in(api):
    *mine, _ = made(api)
    before = {p: api.get(f"/api/podcasts/{p}/").json() for p in mine}
    page = api.get("/api/podcasts/").json()
    with api.container.session_factory.begin() as session:  # as a row written before documents existed
        session.execute(sa.update(DailyPodcast).where(DailyPodcast.id.in_(mine[:2])).values(document=None, updated_at=DailyPodcast.updated_at))
    assert {p: api.get(f"/api/podcasts/{p}/").json() for p in mine} == before
    assert api.get("/api/podcasts/").json() == page
    assert fill_missing_documents(api.container.session_factory) == 2
    assert fill_missing_documents(api.container.session_factory) == 0
    with api.container.session_factory() as session:
        assert all(isinstance(views.visible_document(session, Principal(1), p), bytes) for p in mine)
    assert api.get("/api/podcasts/").json() == page


def test_postgresql_documents_come_from_the_cache_while_their_row_is_unchanged(postgres_url, monkeypatch, tmp_path):
    """The cache answers for a row version it holds; any update of the row (here another writer's,
    behind this process's back) gives it a new version, and the read fetches the new document."""
    adapters = Adapters(writer=FakeWriter(), synthesizer=FakeSynthesizer())
    with running_system(monkeypatch, tmp_path / "data", adapters, DATABASE_URL=postgres_url) as api:
        *mine, _ = made(api)
        cache = api.container.document_cache
        assert cache is not None
        page = api.get("/api/podcasts/").json()
        assert api.get("/api/podcasts/").json() == page  # from the cache now
        with api.container.session_factory() as session:
            version = session.execute(sa.text("SELECT xmin::text FROM daily_podcast WHERE id = :id"),
                                      {"id": mine[1]}).scalar_one()
        cached = cache.get((mine[1], version))
        assert json.loads(cached)["id"] == mine[1]
        cache.put((mine[1], version), cached.replace(b'"completed"', b'"cached"', 1))
        assert api.get(f"/api/podcasts/{mine[1]}/").json()["status"] == "cached"  # it was asked
        with api.container.session_factory.begin() as session:  # not through the ORM: no new rendering
            session.execute(sa.text("UPDATE daily_podcast SET document = replace(document, "
                                    "'\"completed\"', '\"failed\"') WHERE id = :id"), {"id": mine[1]})
        assert api.get(f"/api/podcasts/{mine[1]}/").json()["status"] == "failed"
        assert [p["status"] for p in api.get("/api/podcasts/").json()["results"]] == ["completed", "failed", "completed"]
        assert api.get("/api/podcasts/").json()["results"][2]["student_answers"] == {"q1": "one", "q3": "three"}


def test_the_document_cache_keeps_the_most_recently_used_within_its_bytes():
    cache = DocumentCache(max_bytes=10)
    cache.put((1, "a"), b"12345")
    cache.put((2, "a"), b"12345")
    assert cache.get((1, "a")) == b"12345"  # now the most recent
    cache.put((3, "a"), b"123")
    assert (cache.get((1, "a")), cache.get((2, "a")), cache.get((3, "a"))) == (b"12345", None, b"123")
    cache.put((4, "a"), b"12345678901")  # larger than the whole cache: not kept
    assert cache.get((4, "a")) is None and len(cache) == 2
