"""Retention: podcasts past DAILYCAST_RETENTION_DAYS go with their audio and sent-log rows, in batches, once."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
import sqlalchemy as sa

from dailycast.events import utcnow
from services.api import retention
from services.api.db import DailyPodcast
from services.notifier.sent_log import notification_sent
from system import cli
from system.builder import Adapters
from tests.utils.fakes import FakeSynthesizer, FakeWriter
from tests.utils.system import wait_for


@pytest.fixture
def api(system_on):
    with system_on(Adapters(writer=FakeWriter(), synthesizer=FakeSynthesizer())) as api:
        yield api


def made(api, n: int) -> list[int]:
    ids = [api.create(user_id=2, staff=True, languages=["fr"], output_format="audio").json()["id"] for _ in range(n)]
    for podcast_id in ids:
        assert api.finished(podcast_id, 2)["status"] == "completed"
    return ids


def age(api, ids: list[int], days: int) -> None:
    with api.container.session_factory.begin() as session:
        session.execute(sa.update(DailyPodcast).where(DailyPodcast.id.in_(ids)).values(
            created_at=utcnow() - timedelta(days=days)))


def audio_files(api, podcast_id: int) -> list:
    folder = api.system.settings.data_dir / "audio" / "podcasts" / str(podcast_id)
    try:
        return list(folder.rglob("*.mp3"))
    except FileNotFoundError:  # tts is removing it as we look: not gone yet
        return [folder]


def sent(api, podcast_id: int) -> int:
    with api.container.session_factory() as session:
        return session.scalar(sa.select(sa.func.count()).select_from(notification_sent)
                              .where(notification_sent.c.podcast_id == podcast_id))


def test_old_podcasts_go_with_their_audio_and_sent_log_in_batches_and_once(api, monkeypatch):
    monkeypatch.setattr(retention, "BATCH", 2)  # three batches for five old podcasts
    old, recent = made(api, 5), made(api, 1)
    age(api, old, days=31)
    assert all(audio_files(api, p) for p in old) and wait_for(lambda: all(sent(api, p) for p in old))
    before = utcnow() - timedelta(days=30)
    batches = []
    assert retention.delete_expired(api.container.session_factory, api.container.schemas, before, batches.append) == 5
    assert batches == [2, 2, 1]
    api.container.outbox_wakeup.notify()
    for podcast_id in old:
        assert api.get(f"/api/podcasts/{podcast_id}/", 2).status_code == 404
        wait_for(lambda: not audio_files(api, podcast_id) and not sent(api, podcast_id), what="audio and sent log gone")
    assert api.get(f"/api/podcasts/{recent[0]}/", 2).status_code == 200 and audio_files(api, recent[0])
    assert retention.delete_expired(api.container.session_factory, api.container.schemas, before) == 0


def test_dailycast_cleanup_lists_then_deletes(api, capsys, monkeypatch):
    old = made(api, 2)
    age(api, old, days=40)
    monkeypatch.setenv("DAILYCAST_RETENTION_DAYS", "30")
    assert cli.main(["cleanup", "--dry-run"]) == 0
    listed = capsys.readouterr().out
    assert "would delete 2 podcasts" in listed and f"podcast {old[0]}" in listed
    assert api.get(f"/api/podcasts/{old[0]}/", 2).status_code == 200
    assert cli.main(["cleanup"]) == 0
    assert "deleted 2 podcasts" in capsys.readouterr().out
    assert api.get(f"/api/podcasts/{old[0]}/", 2).status_code == 404
    assert cli.main(["cleanup"]) == 0
    assert "deleted 0 podcasts" in capsys.readouterr().out


def test_the_nightly_run_is_at_its_hour_utc():
    at = datetime(2026, 12, 1, 2, 59, tzinfo=timezone.utc)
    assert retention.next_run(at, 3) == datetime(2026, 12, 1, 3, 0, tzinfo=timezone.utc)
    assert retention.next_run(at.replace(hour=3, minute=0), 3) == datetime(2026, 12, 2, 3, 0, tzinfo=timezone.utc)
