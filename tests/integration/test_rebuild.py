"""`dailycast rebuild`, on both runtimes: the read model made again from the topics, row for row.

A day of everything the read model keeps (learners, enrollments and quiz scores from the
platform, podcasts completed, failed, regenerated and deleted, answers saved twice, preferences,
a scheduled podcast), then a rebuild while the read model is intact, then one after it is lost:
each time, every row of every table the projector keeps is as it was.
"""

from __future__ import annotations

import json
import threading

import sqlalchemy as sa

from services.api.db import ProcessedEvent
from services.api.rebuild import TABLES, TOPICS
from system import cli
from system.builder import Adapters
from tests.integration.test_replay import WriterDownFor
from tests.utils.fakes import FakeSynthesizer
from tests.utils.system import wait_for

STAFF = 99


def read_model(api) -> dict[str, list[dict]]:
    """Every row of every rebuilt table, in key order. Left out: when a row was last written
    (the projector writes at its own time), which a podcast's document also holds."""
    rows = {}
    with api.system.resources.engine().connect() as connection:
        for table in TABLES:
            written = [dict(r._mapping) for r in connection.execute(sa.select(table).order_by(*table.primary_key))]
            for row in written:
                row.pop("updated_at" if table.name == "daily_podcast" else "processed_at", None)
                if row.get("document"):
                    row["document"] = {k: v for k, v in json.loads(row["document"]).items() if k != "updated_at"}
            rows[table.name] = written
    return rows


def settled(api) -> None:
    """Every event sent and projected: as many processed as the topics hold (on both runtimes)."""
    wait_for(lambda: api.system.services["api"].relay.pending_count() == 0, what="the outbox sent")

    def projected() -> int:
        with api.system.resources.engine().connect() as connection:
            return connection.scalar(sa.select(sa.func.count()).select_from(ProcessedEvent.__table__))

    def in_topics() -> int:
        return len({m.header("ce_id") for topic in TOPICS for m in api.messages(topic)})

    wait_for(lambda: projected() == in_topics(), what="every event projected")


def test_the_read_model_is_rebuilt_from_the_topics_row_for_row(system_on, capsys):
    writer = WriterDownFor(learner=2)
    with system_on(Adapters(writer=writer, synthesizer=FakeSynthesizer()), DAILYCAST_SCHEDULER_ENABLED=0) as api:
        text = api.create(1, languages=["en"], output_format="text").json()["id"]
        audio = api.create(1, languages=["en", "fr"], output_format="both").json()["id"]
        failed = api.create(2, languages=["fr"], output_format="text").json()["id"]
        gone = api.create(3, languages=["en"], output_format="text").json()["id"]
        for podcast_id, user_id in ((text, 1), (audio, 1), (failed, 2), (gone, 3)):
            api.finished(podcast_id, user_id)
        put = api.client.put
        assert put(f"/api/podcasts/{text}/answers/", json={"answers": {"q1": "first", "q2": "b"}},
                   headers=api.auth(1)).status_code == 200
        assert put(f"/api/podcasts/{text}/answers/", json={"answers": {"q1": "second"}},
                   headers=api.auth(1)).status_code == 200
        assert put(f"/api/podcasts/{text}/rating/", json={"podcast": "up"}, headers=api.auth(1)).status_code == 200
        wait_for(lambda: all(q["score"] is not None for q in api.get(f"/api/podcasts/{text}/progress/").json()["questions"][:2]),
                 what="both answers graded")
        writer.down = False
        again = api.client.post(f"/api/podcasts/{failed}/regenerate/", json={}, headers=api.auth(STAFF, staff=True))
        assert again.status_code == 202 and api.finished(failed, 2)["attempt"] == 2
        assert api.client.delete(f"/api/podcasts/{gone}/", headers=api.auth(3)).status_code == 204
        chosen = {"daily": True, "languages": ["de", "en"], "output_format": "text", "minutes": 3,
                  "delivery_time": "06:15", "time_zone": "Europe/Berlin"}
        assert put("/api/learners/me/preferences", json=chosen, headers=api.auth(3)).status_code == 200
        for _ in range(2):  # the feed's second URL
            assert api.client.post("/api/learners/me/feed/rotate", headers=api.auth(3)).status_code == 200
        feed = api.get("/api/learners/me/feed", 3).json()["url"]
        assert cli.main(["daily", "--date", "2026-12-24", "--user", "3"]) == 0
        settled(api)
        original = read_model(api)
        assert original["podcast_answer"] and original["daily_request"] and original["delivery_preference"]
        assert original["enrollment"] and original["quiz_result"] and original["podcast_rating"]
        assert original["learner_feed"]
        capsys.readouterr()

        assert cli.main(["rebuild"]) == 0  # beside the live read model, then switched over
        assert "rebuilt the read model from" in capsys.readouterr().out
        assert read_model(api) == original

        with api.system.resources.engine().begin() as connection:  # the read model is lost
            for table in reversed(TABLES):
                connection.execute(table.delete())
        assert api.get(f"/api/podcasts/{text}/").status_code == 404
        assert cli.main(["rebuild"]) == 0
        assert read_model(api) == original
        shown = api.get(f"/api/podcasts/{text}/").json()
        assert shown["status"] == "completed" and shown["student_answers"] == {"q1": "second", "q2": "b"}
        assert api.get("/api/learners/me/feed", 3).json()["url"] == feed  # the same URL after a rebuild

        newest = api.create(1, languages=["en"], output_format="text").json()["id"]
        assert newest > max(text, audio, failed, gone)  # no id of the deleted podcast is given again
        api.finished(newest)


def test_podcasts_requested_during_a_rebuild_are_all_in_the_read_model_it_switches_to(system_on, capsys):
    with system_on(Adapters(synthesizer=FakeSynthesizer()), DAILYCAST_SCHEDULER_ENABLED=0) as api:
        before = [api.create(1, languages=["en"], output_format="text").json()["id"] for _ in range(5)]
        settled(api)
        during: list[int] = []

        def request_meanwhile():
            for _ in range(10):
                body = {"user_id": 1, "languages": ["en"], "output_format": "text"}
                made = api.client.post("/api/podcasts/", json=body, headers=api.auth(STAFF, staff=True))
                during.append(made.json()["id"])

        crowd = threading.Thread(target=request_meanwhile)
        crowd.start()
        assert cli.main(["rebuild"]) == 0
        crowd.join()
        assert len(during) == 10
        for podcast_id in before + during:
            assert api.finished(podcast_id)["status"] == "completed"
        settled(api)
        live = read_model(api)
        assert cli.main(["rebuild"]) == 0
        assert read_model(api) == live
