"""A podcast id is never given twice, on SQLite and on PostgreSQL, so nothing keyed by it mixes two podcasts."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
import sqlalchemy as sa

from dailycast import events as ev
from dailycast.database import make_engine
from dailycast.migrations import head_revision, upgrade
from services.api.db import DailyPodcast, OutboxMessage
from services.api.projector import Projector
from system.builder import Adapters
from tests.utils.factories import learner, podcast_requested
from tests.utils.fakes import FakeSynthesizer
from tests.utils.postgres import each_database_url  # noqa: F401 (fixture)
from tests.utils.system import wait_for


def test_a_deleted_podcasts_id_goes_to_nobody_else(system_on):
    """The reported case: learner 2's podcast got learner 1's deleted id, its audio and no email."""
    speech = FakeSynthesizer()
    with system_on(Adapters(synthesizer=speech)) as api:
        first = api.finished(api.create(user_id=1, output_format="audio", languages=["en"]).json()["id"], 1)
        assert first["status"] == "completed"
        wait_for(lambda: len(api.emails()) == 1, what="the first email")
        assert api.client.delete(f"/api/podcasts/{first['id']}/", headers=api.auth(1)).status_code == 204

        created = api.create(user_id=2, output_format="audio", languages=["en"])
        assert created.status_code == 202
        assert created.json()["id"] > first["id"]
        second = api.finished(created.json()["id"], 2)
        assert second["status"] == "completed" and second["script_text"] is None
        assert len(speech.calls) == 2  # its own audio, not the deleted podcast's
        wait_for(lambda: len(api.emails()) == 2, what="the second learner's email")
        assert api.get(second["audio_file"], 2).status_code == 200


def test_a_rebuilt_read_model_gives_ids_after_the_replayed_ones(system_on):
    """The projector recreates podcasts with their ids (a rebuild); new ones must come after them."""
    with system_on() as api:
        projector = Projector(api.container.session_factory, api.container.settings.prices())
        projector.apply(podcast_requested(podcast_id=40, learner=learner(user_id=1)))
        projector.apply(ev.PodcastDeleted(ev.new_event_id(), ev.utcnow(), 40))
        projector.apply(podcast_requested(podcast_id=30, learner=learner(user_id=1)))

        created = api.create(user_id=1, output_format="text")
        assert created.status_code == 202, created.text
        assert created.json()["id"] > 40


def _podcast(podcast_id: int, answers: dict) -> dict:
    now = datetime(2026, 11, 24, 6, 30, tzinfo=timezone.utc)
    return dict(id=podcast_id, user_id=1, requested_by=1, for_date=date(2026, 11, 24), attempt=1, status="completed",
                language="en", primary_language="en", output_format="text", included_courses=[],
                questions_asked=[], student_answers=answers, scripts={}, audio_tracks=[],
                created_at=now, updated_at=now)


def test_migration_keeps_the_data_moves_the_answers_and_never_reuses_ids(database_url):
    upgrade(database_url, "0001")
    engine = make_engine(database_url)
    try:
        podcast = sa.Table("daily_podcast", sa.MetaData(), autoload_with=engine)
        outbox = sa.Table("outbox_message", sa.MetaData(), autoload_with=engine)
        sent = sa.Table("notification_sent", sa.MetaData(), autoload_with=engine)
        with engine.begin() as connection:
            connection.execute(sa.insert(podcast), [
                _podcast(1, {"q1": "Models map tables", "q2": "Through migrations"}),
                _podcast(2, {}),
                _podcast(3, {"q1": "gone with its podcast"}),
            ])
            connection.execute(sa.delete(podcast).where(podcast.c.id == 3))
            connection.execute(sa.insert(sent).values(podcast_id=5, attempt=1, sent_at=datetime.now(timezone.utc)))
            connection.execute(sa.insert(outbox).values(topic="t", key=b"k", value=b"v", headers=[],
                                                        created_at=datetime.now(timezone.utc)))
        if database_url.startswith("postgresql"):  # as the sequence stands after podcast 5 was made and deleted
            with engine.begin() as connection:
                connection.execute(sa.text("SELECT setval(pg_get_serial_sequence('daily_podcast', 'id'), 3)"))
    finally:
        engine.dispose()

    upgrade(database_url)

    engine = make_engine(database_url)
    try:
        sessions = sa.orm.sessionmaker(engine, expire_on_commit=False)
        with sessions() as session:
            kept = {row.id: row.student_answers for row in session.scalars(sa.select(DailyPodcast))}
            assert kept == {1: {"q1": "Models map tables", "q2": "Through migrations"}, 2: {}}
            assert [m.topic for m in session.scalars(sa.select(OutboxMessage))] == ["t"]
        with sessions.begin() as session:  # podcast 5 was emailed, then deleted: its id is not given again
            new = DailyPodcast(**{k: v for k, v in _podcast(0, {"q3": "new"}).items() if k != "id"})
            session.add(new)
        assert new.id > 5
        with sessions.begin() as session:
            session.delete(session.get(DailyPodcast, new.id))
        with sessions.begin() as session:
            newer = DailyPodcast(**{k: v for k, v in _podcast(0, {}).items() if k != "id"})
            session.add(newer)
        assert newer.id > new.id
        with engine.connect() as connection:
            assert connection.execute(sa.text("SELECT count(*) FROM podcast_answer")).scalar() == 2
    finally:
        engine.dispose()
    assert head_revision() != "0001"
