"""The daily scheduler: one podcast per learner per local date, whatever the restarts, replicas and clocks.

The demo learners are Aiko (ja-JP, Asia/Tokyo), Lucas (fr-FR, Europe/Paris) and Sam (en-US,
America/New_York), each daily at 07:00 local time until they choose otherwise.
"""

from __future__ import annotations

import threading
from datetime import date, datetime, timedelta, timezone

import pytest
import sqlalchemy as sa

from dailycast.sentences import heard_in
from services.api.db import DailyPodcast, DailyRequest, Learner, Lease
from services.api.learners import learner_contexts
from services.api.lease import give_back, take_lease
from services.api.scheduler import LEASE, SCHEDULER, due_at, schedule
from services.scriptgen.writers.template import TemplateWriter
from system import cli
from system.builder import Adapters
from tests.utils.fakes import FakeSynthesizer, FakeWriter
from tests.utils.system import running_on_database, running_system, wait_for

LEARNERS = (1, 2, 3)
LEAD = timedelta(hours=1)
# 21:30 UTC on 1 December: 06:30 on the 2nd in Tokyo (due: 07:00 minus the lead), 22:30 on the 1st
# in Paris and 16:30 in New York (their 1st's podcasts are due, until their midnight).
NOW = datetime(2026, 12, 1, 21, 30, tzinfo=timezone.utc)
DUE = {(1, date(2026, 12, 2)), (2, date(2026, 12, 1)), (3, date(2026, 12, 1))}


@pytest.fixture(params=["sqlite", "postgresql"])
def api(request, monkeypatch, tmp_path):
    adapters = Adapters(writer=FakeWriter(), synthesizer=FakeSynthesizer())
    with running_on_database(request.param, monkeypatch, tmp_path / "data", adapters) as api:
        yield api


def scheduled(api) -> list[tuple[int, date]]:
    with api.container.session_factory() as session:
        return sorted(session.execute(
            sa.select(DailyPodcast.user_id, DailyPodcast.for_date).where(DailyPodcast.requested_by == SCHEDULER)
        ).all())


def requested(api, now: datetime = NOW) -> list[int]:
    return schedule(api.container.session_factory, api.container.schemas, due_at(now, LEAD))


def test_each_learner_gets_the_podcast_of_their_local_date_once(api):
    assert len(requested(api)) == 3
    assert set(scheduled(api)) == DUE
    assert requested(api) == []  # again: nothing new
    assert requested(api, NOW - timedelta(minutes=20)) == []  # the clock jumped back, still due
    assert requested(api, NOW + timedelta(hours=2)) == []  # later the same local days
    assert set(scheduled(api)) == DUE
    completed = [api.finished(p["id"], p["user_id"]) for p in api.get("/api/podcasts/", 99, staff=True).json()["results"]]
    assert {(p["user_id"], p["status"]) for p in completed} == {(1, "completed"), (2, "completed"), (3, "completed")}


def test_a_learners_preferences_shape_their_podcast_and_daily_off_means_none(api):
    chosen = {"daily": True, "languages": ["fr", "en"], "output_format": "text", "minutes": 3,
              "delivery_time": "23:00", "time_zone": "Asia/Tokyo"}
    assert api.client.put("/api/learners/me/preferences", json=chosen, headers=api.auth(1)).status_code == 200
    off = {**chosen, "daily": False}
    assert api.client.put("/api/learners/me/preferences", json=off, headers=api.auth(3)).status_code == 200
    requested(api)  # Tokyo's 23:00 minus an hour is not yet at 06:30: Aiko's 2nd is not due
    assert scheduled(api) == [(2, date(2026, 12, 1))]
    requested(api, datetime(2026, 12, 2, 13, 0, tzinfo=timezone.utc))  # 22:00 in Tokyo
    with api.container.session_factory() as session:
        row = session.scalars(sa.select(DailyPodcast).where(DailyPodcast.user_id == 1)).one()
        assert (row.for_date, row.primary_language, row.secondary_language, row.output_format, row.minutes) == (
            date(2026, 12, 2), "fr", "en", "text", 3)
    assert 3 not in {user for user, _ in scheduled(api)}


def test_a_restarted_system_requests_nothing_again(monkeypatch, tmp_path):
    adapters = Adapters(writer=FakeWriter(), synthesizer=FakeSynthesizer())
    with running_system(monkeypatch, tmp_path / "data", adapters) as api:
        assert len(requested(api)) == 3
    with running_system(monkeypatch, tmp_path / "data", adapters) as api:
        assert requested(api) == []
        assert set(scheduled(api)) == DUE


def test_schedulers_at_once_request_each_podcast_once(api):
    """Replicas whose leases overlap (clocks apart): the daily_request key still makes one each."""
    start, made = threading.Barrier(4), []

    def replica():
        start.wait()
        made.extend(requested(api))

    threads = [threading.Thread(target=replica) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert len(made) == 3 and len(set(made)) == 3
    assert set(scheduled(api)) == DUE and len(scheduled(api)) == 3
    with api.container.session_factory() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(DailyRequest)) == 3


def test_one_replica_holds_the_lease_until_it_gives_it_back_or_it_expires(api):
    factory, minute = api.container.session_factory, timedelta(minutes=1)
    assert take_lease(factory, "test", "a", minute)
    assert not take_lease(factory, "test", "b", minute)
    assert take_lease(factory, "test", "a", minute)  # renewed
    give_back(factory, "test", "a")
    assert take_lease(factory, "test", "b", minute)
    assert not take_lease(factory, "test", "a", minute)
    with factory.begin() as session:  # b stopped renewing long ago
        session.execute(sa.update(Lease).values(expires_at=NOW - minute))
    assert take_lease(factory, "test", "a", minute)


def test_the_api_runs_the_scheduler_on_both_runtimes(system_on):
    settings = {"DAILYCAST_SCHEDULER": "true", "DAILYCAST_SCHEDULER_INTERVAL_SECONDS": "0.2",
                "DAILYCAST_DAILY_LEAD_MINUTES": str(24 * 60)}  # every learner's next podcast is due now
    with system_on(Adapters(writer=FakeWriter(), synthesizer=FakeSynthesizer()), **settings) as api:
        wait_for(lambda: {user for user, _ in scheduled(api)} == set(LEARNERS), timeout=30, what="three daily podcasts")
        for user in LEARNERS:
            listed = wait_for(lambda: api.get("/api/podcasts/", user).json()["results"], timeout=30)
            assert api.finished(listed[0]["id"], user)["status"] == "completed"
        first, renewals = scheduled(api), set()

        def renewed_twice() -> bool:
            with api.container.session_factory() as session:
                renewals.add(session.scalar(sa.select(Lease.expires_at).where(Lease.name == LEASE)))
            return len(renewals) >= 3

        wait_for(renewed_twice, timeout=10, what="more rounds of the scheduler")
        assert scheduled(api) == first  # more rounds, no more podcasts


def test_dailycast_daily_lists_then_requests_then_has_nothing_left(api, capsys):
    assert cli.main(["daily", "--date", "2026-12-24", "--dry-run"]) == 0
    listed = capsys.readouterr().out
    assert "would request 3 daily podcasts for 2026-12-24" in listed and "learner 1: 2026-12-24 ja both" in listed
    assert scheduled(api) == []
    assert cli.main(["daily", "--date", "2026-12-24"]) == 0
    assert "requested 3 daily podcasts" in capsys.readouterr().out
    assert cli.main(["daily", "--date", "2026-12-24"]) == 0
    assert "requested 0 daily podcasts" in capsys.readouterr().out
    assert cli.main(["daily", "--date", "2026-12-25", "--user", "2"]) == 0
    assert scheduled(api) == [(1, date(2026, 12, 24)), (2, date(2026, 12, 24)), (2, date(2026, 12, 25)),
                              (3, date(2026, 12, 24))]
    with pytest.raises(SystemExit):
        cli.main(["daily", "--date", "24/12/2026"])


def test_each_request_carries_what_the_learner_heard_in_the_7_days_before(monkeypatch, tmp_path):
    adapters = Adapters(writer=TemplateWriter(), synthesizer=FakeSynthesizer())
    with running_on_database("sqlite", monkeypatch, tmp_path / "data", adapters) as api:

        def podcasts_of(now: datetime) -> dict[int, DailyPodcast]:
            ids = requested(api, now)
            for podcast_id in ids:
                with api.container.session_factory() as session:
                    user_id = session.get(DailyPodcast, podcast_id).user_id
                api.finished(podcast_id, user_id)
            with api.container.session_factory() as session:
                rows = session.scalars(sa.select(DailyPodcast).where(DailyPodcast.id.in_(ids))).all()
                for row in rows:
                    session.refresh(row, ["learner_snapshot"])
                    session.expunge(row)
                return {row.user_id: row for row in rows}

        first = podcasts_of(NOW)
        assert all(row.learner_snapshot.recently_heard == [] for row in first.values())
        second = podcasts_of(NOW + timedelta(days=1))
        for user_id, row in second.items():
            assert row.learner_snapshot.recently_heard == heard_in([first[user_id].script_text])
        # A week after the second day the first is 8 days back: heard no more.
        third = podcasts_of(NOW + timedelta(days=8))
        for user_id, row in third.items():
            assert row.learner_snapshot.recently_heard == heard_in([second[user_id].script_text])


def test_the_snapshots_of_a_batch_take_the_same_queries_as_one(api):
    requested(api)  # each learner has a podcast, so each has something that could be heard
    statements: list[str] = []

    def count(conn, cursor, statement, *args) -> None:
        statements.append(statement)

    on = {1: date(2026, 12, 3), 2: date(2026, 12, 2), 3: date(2026, 12, 2)}
    with api.container.session_factory() as session:
        learners = session.scalars(sa.select(Learner).where(Learner.id.in_(on))).all()
        # The session's own connection, not the engine: the projector's thread shares the engine.
        connection = session.connection()
        sa.event.listen(connection, "before_cursor_execute", count)
        try:
            learner_contexts(session, learners[:1], on)
            one, statements[:] = len(statements), []
            learner_contexts(session, learners, on)
        finally:
            sa.event.remove(connection, "before_cursor_execute", count)
    assert len(statements) == one == 5  # courses, scores, scripts heard, answers to revisit, thumbs: none per learner
