"""The whole podcast flow through the HTTP API, on both runtimes (the `runtime` fixture)."""

import email
import email.policy
from datetime import date, timedelta

import pytest

from dailycast.failure_reasons import failure_reason
from services.api.db import DailyPodcast, Learner
from services.api.learners import learner_context
from system.builder import Adapters
from tests.utils.fakes import FailingSynthesizer, FailingWriter
from tests.utils.system import wait_for


def outbox(api, count: int) -> list[email.message.EmailMessage]:
    """The emails sent, once there are `count` of them."""
    wait_for(lambda: len(api.emails()) >= count, timeout=30)
    return [email.message_from_bytes(p.read_bytes(), policy=email.policy.default) for p in api.emails()]


def test_text_podcast_completes_with_a_script_that_names_the_courses(api):
    created = api.create(languages=["en"], output_format="text")
    assert created.status_code == 202, created.text
    assert created.json()["status"] == "pending"
    podcast = api.finished(created.json()["id"])
    assert podcast["status"] == "completed", podcast["error_message"]
    script = podcast["script_text"]
    assert "Since you study Django Fundamentals, Python Advanced, and Database Design" in script
    assert podcast["scripts"] == {"en": script}
    assert [q["id"] for q in podcast["questions"]] == ["q1", "q2", "q3"]
    assert all(q["text"]["en"] in script for q in podcast["questions"])
    assert podcast["questions_asked"] == [q["text"]["en"] for q in podcast["questions"]]
    assert podcast["audio"] == [] and podcast["audio_file"] is None
    assert podcast["llm_provider"] == "template"
    assert podcast["included_courses"] == ["Django Fundamentals", "Python Advanced", "Database Design"]
    (mail,) = outbox(api, 1)
    assert mail["To"].addresses[0].addr_spec == "aiko@example.com"


def test_bilingual_audio_and_text_podcast(api):
    podcast = api.finished(api.create(user_id=2, languages=["fr", "ja"], output_format="both").json()["id"], 2)
    assert podcast["status"] == "completed", podcast["error_message"]
    assert set(podcast["scripts"]) == {"fr", "ja"}
    assert "Linear Algebra" in podcast["scripts"]["ja"] and "Statistics" in podcast["scripts"]["fr"]
    tracks = {t["language"]: t for t in podcast["audio"]}
    assert set(tracks) == {"fr", "ja"}
    for track in tracks.values():
        assert 120 < track["duration_seconds"] < 720
        times = track["question_times"]
        assert [t["question_id"] for t in times] == ["q1", "q2", "q3"]
        assert all(0 < t["starts_at"] < t["pause_at"] < track["duration_seconds"] for t in times)
    assert podcast["audio_file"] == f"/api/podcasts/{podcast['id']}/audio/fr"
    assert podcast["duration_seconds"] == round(tracks["fr"]["duration_seconds"])
    assert podcast["questions"][0]["times"]["ja"] == tracks["ja"]["question_times"][0]
    audio = api.get(podcast["audio_file_secondary"], 2)
    assert audio.status_code == 200 and audio.headers["content-type"] == "audio/mpeg"
    assert audio.content[:3] == b"ID3" or audio.content[0] == 0xFF
    part = api.get(podcast["audio_file"], 2, headers={"Range": "bytes=100-199"})
    assert part.status_code == 206 and len(part.content) == 100
    assert api.get(podcast["audio_file"], 1).status_code == 404
    assert api.get(podcast["audio_file"], 9, staff=True).status_code == 200


def test_audio_podcast_hides_the_script_but_keeps_the_questions(api):
    podcast = api.finished(api.create(user_id=3, output_format="audio").json()["id"], 3)
    assert podcast["status"] == "completed", podcast["error_message"]
    assert podcast["primary_language"] == "en"  # the learner's locale
    assert podcast["script_text"] is None and podcast["scripts"] == {}
    assert len(podcast["questions"]) == 3 and len(podcast["audio"]) == 1
    # ...but gives it as a transcript to whoever asks for it (a learner who cannot hear it).
    transcript = api.get(f"/api/podcasts/{podcast['id']}/transcript/", 3).json()
    assert set(transcript) == {"podcast_id", "scripts"} and list(transcript["scripts"]) == ["en"]
    assert all(q["text"]["en"] in transcript["scripts"]["en"] for q in podcast["questions"])
    assert api.get(f"/api/podcasts/{podcast['id']}/transcript/", 9, staff=True).status_code == 200
    assert api.get(f"/api/podcasts/{podcast['id']}/transcript/", 1).status_code == 404
    check = api.get(f"/api/podcasts/{podcast['id']}/accuracy-check/", 3).json()
    assert check["content_checks"]["courses_mentioned"]["found"] == ["Introduction to Biology"]
    assert check["issues"] == [] and 0 <= check["accuracy_score"] <= 1


def test_a_three_minute_podcast_lasts_three_minutes(api):
    created = api.create(languages=["de"], output_format="audio", minutes=3)
    assert created.status_code == 202 and created.json()["minutes"] == 3
    podcast = api.finished(created.json()["id"])
    assert podcast["status"] == "completed", podcast["error_message"]
    assert podcast["minutes"] == 3
    if podcast["tts_provider"] == "espeak":  # real speech: its length is the one asked, ±10 %
        assert 0.9 * 180 <= podcast["audio"][0]["duration_seconds"] <= 1.1 * 180
    check = api.get(f"/api/podcasts/{podcast['id']}/accuracy-check/").json()
    assert check["content_checks"]["minutes_requested"] == 3
    assert check["issues"] == [], check


def test_the_length_defaults_to_the_learners_preferences(api):
    chosen = {"daily": False, "languages": ["en"], "output_format": "text", "minutes": 10,
              "delivery_time": "07:00", "time_zone": "UTC"}
    assert api.client.put("/api/learners/me/preferences", json=chosen, headers=api.auth(1)).status_code == 200
    assert api.create(output_format="text").json()["minutes"] == 10
    assert api.create(output_format="text", minutes=6).json()["minutes"] == 6


def test_answers_and_progress(api):
    podcast = api.finished(api.create(output_format="text").json()["id"])
    pid, (q1, q2, q3) = podcast["id"], podcast["questions"]
    url = f"/api/podcasts/{pid}/answers/"
    assert api.get(f"/api/podcasts/{pid}/progress/").json()["progress"]["overall_status"] == "not_started"
    saved = api.client.put(url, json={"answers": {"q1": "Models map tables"}}, headers=api.auth(1))
    assert saved.status_code == 200 and saved.json()["progress"]["answered_count"] == 1
    by_text = {q2["text"][podcast["primary_language"]]: "Through migrations", "q3": "The ORM escapes input"}
    assert api.client.put(url, json={"answers": by_text}, headers=api.auth(1)).status_code == 200
    progress = api.get(f"/api/podcasts/{pid}/progress/").json()
    assert progress["progress"].items() >= {
        "questions_count": 3, "answered_count": 3, "completion_percentage": 100.0, "overall_status": "completed"
    }.items()
    assert [q["user_answer"] for q in progress["questions"]] == ["Models map tables", "Through migrations", "The ORM escapes input"]
    bad = api.client.put(url, json={"answers": {"q1": "changed", "q4": "?"}}, headers=api.auth(1))
    assert bad.status_code == 422 and "q4" in bad.text
    assert api.get(url).json()["answers"]["q1"] == "Models map tables"  # nothing half-written
    assert api.client.put(url, json={"answers": {"q1": "x"}}, headers=api.auth(50, staff=True)).status_code == 403


def test_an_answer_is_graded_against_its_key_points_and_progress_shows_the_feedback(api):
    podcast = api.finished(api.create(languages=["fr"], output_format="text").json()["id"])
    pid = podcast["id"]
    with api.container.session_factory() as session:  # not in the podcast: the learner sees them with the grade
        key_points = session.get(DailyPodcast, pid).questions_asked[0].key_points
    first, *others = key_points
    put = api.client.put(f"/api/podcasts/{pid}/answers/", json={"answers": {"q1": f"Je dirais : {first}."}},
                         headers=api.auth(1))
    assert put.status_code == 200

    def graded():
        shown = api.get(f"/api/podcasts/{pid}/progress/").json()
        return shown if shown["questions"][0]["feedback"] else None

    shown = wait_for(graded, what="the answer's grade")
    question = shown["questions"][0]
    assert question["key_points"] == key_points and question["key_points_covered"] == [first]
    assert question["score"] == round(1 / len(key_points), 2) == shown["progress"]["score"]
    assert (others[0] in question["feedback"]) if others else question["feedback"]
    assert question["feedback"] != failure_reason("scriptgen", "fr")  # in French, from the local grader
    assert shown["questions"][1]["feedback"] is None and shown["questions"][1]["score"] is None
    # Answered again: the old grade goes at once, and the new answer's comes.
    every = " ".join(key_points)
    api.client.put(f"/api/podcasts/{pid}/answers/", json={"answers": {"q1": every}}, headers=api.auth(1))
    assert api.get(f"/api/podcasts/{pid}/progress/").json()["questions"][0]["score"] in (None, 1.0)
    wait_for(lambda: api.get(f"/api/podcasts/{pid}/progress/").json()["questions"][0]["score"] == 1.0,
             what="the new answer's grade")


def _next_snapshot(api, podcast: dict, user_id: int = 1):
    """The learner snapshot a podcast of the day after this one's would be requested with."""
    with api.container.session_factory() as session:
        learner = session.get(Learner, user_id)
        return learner_context(session, learner, date.fromisoformat(podcast["for_date"]) + timedelta(days=1))


def test_the_next_days_snapshot_comes_back_to_missed_key_points(api):
    podcast = api.finished(api.create(languages=["en"], output_format="text").json()["id"])
    pid, q2 = podcast["id"], podcast["questions"][1]
    api.client.put(f"/api/podcasts/{pid}/answers/", json={"answers": {"q2": "I am not sure."}}, headers=api.auth(1))
    wait_for(lambda: api.get(f"/api/podcasts/{pid}/progress/").json()["questions"][1]["score"] is not None,
             what="the answer's grade")
    with api.container.session_factory() as session:
        key_points = session.get(DailyPodcast, pid).questions_asked[1].key_points
    (revisit,) = _next_snapshot(api, podcast).revisit
    assert (revisit.question, revisit.missed, revisit.score, revisit.language) == (q2["text"]["en"], key_points, 0.0, "en")


def test_thumbs_for_a_podcast_and_its_topics_are_kept_and_lean_the_next_snapshot(api):
    podcast = api.finished(api.create(languages=["en"], output_format="text").json()["id"])
    url = f"/api/podcasts/{podcast['id']}/rating/"
    given = api.client.put(url, json={"podcast": "up", "topics": {"Python Advanced": "down"}}, headers=api.auth(1))
    assert given.status_code == 200, given.text
    assert given.json() == {"podcast_id": podcast["id"], "podcast": "up", "topics": {"Python Advanced": "down"},
                            "rateable_topics": ["Django Fundamentals", "Python Advanced", "Database Design"]}
    for body in ({"topics": {"Cooking": "up"}}, {"podcast": "sideways"}, {}, {"podcast": "up", "colour": "red"}):
        refused = api.client.put(url, json=body, headers=api.auth(1))
        assert refused.status_code == 422, (body, refused.text)
    assert api.client.put(url, json={"podcast": "down"}, headers=api.auth(50, staff=True)).status_code == 403
    assert api.client.put(url, json={"podcast": "down"}, headers=api.auth(2)).status_code == 404
    assert api.get(url, 9, staff=True).json()["podcast"] == "up"  # staff read; nothing refused was kept
    snapshot = _next_snapshot(api, podcast)
    # The podcast's thumb counts half for each of its courses; Python's own thumb down outweighs it.
    assert snapshot.liked_topics == ["Database Design", "Django Fundamentals"]
    assert snapshot.disliked_topics == ["Python Advanced"]
    taken_back = api.client.put(url, json={"podcast": "none", "topics": {"Python Advanced": "none"}}, headers=api.auth(1))
    assert taken_back.json()["podcast"] is None and taken_back.json()["topics"] == {}
    assert _next_snapshot(api, podcast).liked_topics == []


@pytest.mark.parametrize(
    "body, field",
    [
        ({"languages": ["xx"]}, "languages"),
        ({"primary_language": "zz"}, "primary_language"),
        ({"languages": ["en", "ja", "fr"]}, "languages"),
        ({"languages": ["en", "en"]}, "languages"),
        ({"primary_language": "en", "secondary_language": "en"}, "secondary_language"),
        ({"output_format": "video"}, "output_format"),
        ({"user_id": 999}, "user_id"),
        ({"colour": "red"}, "colour"),
        ({"minutes": 7}, "minutes"),
        ({"minutes": "6"}, "minutes"),
    ],
)
def test_bad_requests_name_the_field_and_change_nothing(api, body, field):
    response = api.create(staff=True, **body)
    assert response.status_code == 422
    assert field in response.text
    assert api.get("/api/podcasts/", staff=True).json()["count"] == 0


def test_malformed_json_and_oversized_bodies(api):
    headers = {**api.auth(1), "content-type": "application/json"}
    malformed = api.client.post("/api/podcasts/", content=b'{"languages": [', headers=headers)
    assert malformed.status_code == 422 and "JSON" in malformed.text
    huge = api.client.post("/api/podcasts/", content=b'{"x": "' + b"a" * 70_000 + b'"}', headers=headers)
    assert huge.status_code == 422 and "body" in huge.text
    assert api.get("/api/podcasts/", staff=True).json()["count"] == 0


def test_access_rules(api):
    pid = api.create(output_format="text").json()["id"]
    assert api.client.get("/api/podcasts/").status_code == 401
    assert api.client.get("/api/podcasts/", headers={"Authorization": "Bearer nope"}).status_code == 401
    assert api.client.post("/api/podcasts/", json={"user_id": 2}, headers=api.auth(1)).status_code == 403
    for path in ("", "progress/", "answers/", "accuracy-check/", "audio/en"):
        assert api.get(f"/api/podcasts/{pid}/{path}", 2).status_code == 404, path
    assert api.client.delete(f"/api/podcasts/{pid}/", headers=api.auth(2)).status_code == 404
    assert api.get("/api/podcasts/", 2).json()["count"] == 0
    assert api.get(f"/api/podcasts/{pid}/", 2, staff=True).status_code == 200


def test_staff_create_for_anyone_and_filter_by_learner(api):
    for user in (1, 2, 2):
        assert api.client.post(
            "/api/podcasts/", json={"user_id": user, "output_format": "text"}, headers=api.auth(50, staff=True)
        ).status_code == 202
    listing = api.get("/api/podcasts/?user_id=2", 50, staff=True).json()
    assert listing["count"] == 2 and {p["user_id"] for p in listing["results"]} == {2}
    page = api.get("/api/podcasts/?page_size=1&page=2", 50, staff=True).json()
    assert page["count"] == 3 and len(page["results"]) == 1 and page["previous"] and page["next"]


def test_delete_removes_the_podcast_and_its_audio(api):
    podcast = api.finished(api.create(output_format="audio", languages=["ko"]).json()["id"])
    folder = api.system.settings.audio_dir / "podcasts" / str(podcast["id"])
    assert any(folder.rglob("*.mp3"))
    assert api.client.delete(f"/api/podcasts/{podcast['id']}/", headers=api.auth(1)).status_code == 204
    assert api.get(f"/api/podcasts/{podcast['id']}/").status_code == 404
    wait_for(lambda: not folder.exists(), timeout=30)


def test_failing_writer_fails_the_podcast_readably(system_on):
    writer = FailingWriter()
    with system_on(Adapters(writer=writer)) as api:
        podcast = api.finished(api.create(output_format="both").json()["id"])
        assert podcast["status"] == "failed" and podcast["error_message"] == failure_reason("scriptgen", "ja")  # learner 1 is ja-JP
        (mail,) = outbox(api, 1)
        assert writer.calls == 1


def test_failing_synthesizer_fails_the_podcast_readably(system_on):
    with system_on(Adapters(synthesizer=FailingSynthesizer())) as api:
        podcast = api.finished(api.create(output_format="audio").json()["id"])
        assert podcast["status"] == "failed" and podcast["error_message"] == failure_reason("tts", "ja")
        assert podcast["audio"] == []
