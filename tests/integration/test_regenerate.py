"""Staff regenerate a podcast: its next attempt, for the learner as they were or as they are now.

The student sees the newest attempt, and gets one email per attempt.
"""

from __future__ import annotations

import email
import email.policy

from services.api.db import Course, Enrollment
from tests.utils.system import running_system, wait_for

STAFF = 99


def enrol(api, user_id: int, title: str) -> None:
    """The platform enrolled the learner in a new course (as its EnrollmentChanged would)."""
    with api.container.session_factory.begin() as session:
        session.add(Course(id=777, title=title))
        session.flush()
        session.add(Enrollment(user_id=user_id, course_id=777))


def regenerate(api, podcast_id: int, staff: bool = True, **body):
    return api.client.post(f"/api/podcasts/{podcast_id}/regenerate/", json=body or None,
                           headers=api.auth(STAFF if staff else 1, staff=staff))


def message_ids(api) -> list[str]:
    return sorted(email.message_from_bytes(p.read_bytes(), policy=email.policy.default)["Message-ID"]
                  for p in api.emails())


def test_a_regenerated_podcast_is_its_next_attempt_with_an_email_each(monkeypatch, tmp_path):
    with running_system(monkeypatch, tmp_path / "data") as api:
        first = api.create(1, languages=["en", "fr"], output_format="text").json()
        done = api.finished(first["id"])
        assert (done["status"], done["attempt"]) == ("completed", 1)
        wait_for(lambda: len(api.emails()) == 1, what="the first email")

        again = regenerate(api, first["id"])
        assert again.status_code == 202, again.text
        assert (again.json()["attempt"], again.json()["status"], again.json()["script_text"]) == (2, "pending", None)
        newest = api.finished(first["id"])
        assert (newest["status"], newest["attempt"], newest["secondary_language"]) == ("completed", 2, "fr")
        wait_for(lambda: len(api.emails()) == 2, what="the second email")
        assert message_ids(api) == [f"<podcast-{first['id']}-1@dailycast>", f"<podcast-{first['id']}-2@dailycast>"]
        listed = api.get("/api/podcasts/").json()["results"]
        assert [(p["id"], p["attempt"]) for p in listed] == [(first["id"], 2)]  # one podcast, its newest attempt


def test_the_stored_learner_or_a_fresh_one(monkeypatch, tmp_path):
    with running_system(monkeypatch, tmp_path / "data") as api:
        podcast = api.create(1, languages=["en"], output_format="text").json()
        courses = api.finished(podcast["id"])["included_courses"]
        enrol(api, 1, "Marine Biology")

        assert regenerate(api, podcast["id"]).status_code == 202
        assert api.finished(podcast["id"])["included_courses"] == courses  # as they were

        assert regenerate(api, podcast["id"], fresh_learner=True).status_code == 202
        fresh = api.finished(podcast["id"])
        assert fresh["attempt"] == 3 and fresh["included_courses"] == [*courses, "Marine Biology"]
        assert "Marine Biology" in fresh["script_text"]


def test_only_staff_regenerate_and_only_podcasts_that_exist(monkeypatch, tmp_path):
    with running_system(monkeypatch, tmp_path / "data") as api:
        podcast = api.create(1, languages=["en"], output_format="text").json()
        assert regenerate(api, podcast["id"], staff=False).status_code == 403
        assert regenerate(api, 999_999).status_code == 404
        assert regenerate(api, podcast["id"], fresh_learner="yes please").status_code == 422
        assert api.get(f"/api/podcasts/{podcast['id']}/").json()["attempt"] == 1
