"""At-least-once delivery: every event delivered a second time changes nothing."""

from sqlalchemy import select

from system.builder import Adapters
from dailycast.messaging.topics import ALL_TOPICS
from services.api.db import Course, DailyPodcast, Enrollment, Learner, PodcastCost, QuizResult
from tests.utils.fakes import FakeSynthesizer
from tests.utils.system import running_system, wait_for


def snapshot(api) -> dict:
    """Everything the handlers change: read model, sent mail, stored audio."""
    with api.container.session_factory() as session:
        tables = {
            model.__name__: sorted(
                (tuple(getattr(row, c.key) for c in model.__table__.columns) for row in session.scalars(select(model))),
                key=repr,
            )
            for model in (DailyPodcast, PodcastCost, Learner, Course, Enrollment, QuizResult)
        }
    data = api.system.settings.data_dir
    files = {str(p.relative_to(data)): p.stat().st_mtime_ns for p in data.rglob("*") if p.suffix in (".eml", ".mp3", ".json")}
    return {"tables": tables, "files": files}


def replay_everything(api) -> int:
    """Move every consumer group back to offset 0 of every topic, as an operator's replay does."""
    log = api.system.runtime.log
    groups = [c.subscription.group for c in api.system.runtime.consumers]
    replayed = 0
    for topic in ALL_TOPICS:
        for partition in range(log.partitions(topic)):
            for group in groups:
                replayed += log.committed(group, topic, partition)
                log.commit(group, topic, partition, 0)
    return replayed


def test_every_event_delivered_twice_changes_nothing(monkeypatch, tmp_path):
    synthesizer = FakeSynthesizer()
    with running_system(monkeypatch, tmp_path, Adapters(synthesizer=synthesizer)) as api:
        ids = [
            api.create(output_format=fmt, languages=langs).json()["id"]
            for fmt, langs in (("text", ["en"]), ("audio", ["ja"]), ("both", ["es", "de"]))
        ]
        assert all(api.finished(pid)["status"] == "completed" for pid in ids)
        api.client.put(f"/api/podcasts/{ids[0]}/answers/", json={"answers": {"q1": "mine"}}, headers=api.auth(1))
        wait_for(api.system.idle)
        before, calls = snapshot(api), len(synthesizer.calls)
        assert len([f for f in before["files"] if f.endswith(".eml")]) == 3
        assert len(before["tables"]["PodcastCost"]) == 3  # an attempt each, recorded once

        assert replay_everything(api) > 20
        wait_for(api.system.idle)

        assert snapshot(api) == before
        assert len(synthesizer.calls) == calls == 3
        assert all(api.system.runtime.log.end_offset(f"{t}.dlq", 0) == 0 for t in ALL_TOPICS)
