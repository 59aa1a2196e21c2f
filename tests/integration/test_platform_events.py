"""POST /api/platform-events/: the platform's events as JSON, from staff or the platform's service
token, published through the outbox to the learner topic, so the projector applies them exactly as
it applies the events a platform produces to Kafka."""

from __future__ import annotations

import re
import secrets
import uuid
from datetime import datetime, timezone

import pytest

from dailycast import events as ev
from dailycast.messaging.topics import LEARNER_EVENTS
from services.api.db import Course, ProcessedEvent
from services.api.openedx import CHANGED, CREATED, course_id
from services.api.projector import CONSUMER
from tests.utils.factories import DEMO_COURSE, openedx_event
from tests.utils.system import running_system, wait_for

PATH = "/api/platform-events/"
STAFF = 99
TOKEN = secrets.token_urlsafe(32)


@pytest.fixture(scope="module")
def embedded(tmp_path_factory):
    with pytest.MonkeyPatch.context() as monkeypatch:
        data = tmp_path_factory.mktemp("platform-events") / "data"
        with running_system(monkeypatch, data, DAILYCAST_PLATFORM_EVENTS_TOKEN=TOKEN) as api:
            yield api


def new_user_id() -> int:
    return 10**9 + uuid.uuid4().int % 10**9


def learner(user_id: int, **values) -> dict:
    return {"type": "UserUpserted", "user_id": user_id, "email": f"{user_id}@example.com", "name": "Pat",
            "locale": "en-US"} | values


def enrollment(user_id: int, course: int, title: str, enrolled: bool = True, **values) -> dict:
    return {"type": "EnrollmentChanged", "event_id": str(uuid.uuid4()), "user_id": user_id, "course_id": course,
            "course_title": title, "enrolled": enrolled} | values


def post(api, body, headers: dict | None = None):
    return api.client.post(PATH, json=body, headers=api.auth(STAFF, staff=True) if headers is None else headers)


def applied(api, event_id: str) -> bool:
    with api.container.session_factory() as session:
        return session.get(ProcessedEvent, (CONSUMER, event_id)) is not None


def test_a_posted_event_is_on_the_learner_topic_as_a_producers_and_is_applied(api):
    user = new_user_id()
    enrolled = enrollment(user, 77, "Statistics", occurred_at="2026-09-01T11:00:00+02:00")
    accepted = post(api, [learner(user), enrolled])
    assert accepted.status_code == 202, accepted.text
    made, given = accepted.json()["event_ids"]
    assert given == enrolled["event_id"] and uuid.UUID(made).version == 4
    wait_for(lambda: api.courses(user) == ["Statistics"], what="the enrollment applied")

    (message,) = [m for m in api.messages(LEARNER_EVENTS)
                  if m.header("ce_id") == given.encode()]
    assert message.key == str(user).encode()
    headers = dict(message.headers)
    assert re.fullmatch(rb"00-[0-9a-f]{32}-[0-9a-f]{16}-01", headers.pop("traceparent"))
    assert headers == {
        "ce_specversion": b"1.0", "ce_id": given.encode(), "ce_type": b"dailycast.EnrollmentChanged",
        "ce_source": b"dailycast/api/platform-events", "ce_time": b"2026-09-01T09:00:00+00:00",
        "content-type": b"application/avro",
    }
    at = datetime(2026, 9, 1, 9, 0, tzinfo=timezone.utc)
    assert api.system.schemas.decode(message.value) == ev.EnrollmentChanged(given, at, user, 77, "Statistics", True)


def test_posting_an_event_again_changes_nothing(api):
    user = new_user_id()
    enrolled = enrollment(user, 5, "Biology")
    left = enrollment(user, 5, "Biology", enrolled=False)
    assert post(api, [learner(user), enrolled, left]).status_code == 202
    wait_for(lambda: applied(api, left["event_id"]), what="the learner left the course")
    assert post(api, enrolled).json() == {"event_ids": [enrolled["event_id"]]}  # the same event again
    # After the repeat in the learner's partition: once it is applied, the repeat was handled before it.
    assert post(api, enrollment(user, 6, "Chemistry")).status_code == 202
    wait_for(lambda: api.courses(user) == ["Chemistry"], what="the next enrollment applied")


def test_staff_or_the_platform_token_may_post_learners_and_strangers_may_not(embedded):
    user = new_user_id()
    refused = learner(user, event_id=str(uuid.uuid4()))
    as_learner = post(embedded, refused, embedded.auth(1))
    assert as_learner.status_code == 403 and "service token" in as_learner.json()["detail"]
    for headers in ({}, {"Authorization": "Bearer " + TOKEN[:-1]}, {"Authorization": "Bearer " + TOKEN + "x"},
                    {"Authorization": TOKEN}):
        response = post(embedded, refused, headers)
        assert response.status_code == 401 and response.headers["WWW-Authenticate"] == "Bearer", headers
    by_token = learner(user, event_id=str(uuid.uuid4()))
    assert post(embedded, by_token, {"Authorization": f"Bearer {TOKEN}"}).status_code == 202
    by_staff = learner(user, event_id=str(uuid.uuid4()))
    assert post(embedded, by_staff, embedded.auth(STAFF, staff=True)).status_code == 202
    # One key: had the refused event been sent, it would have been applied before these.
    wait_for(lambda: applied(embedded, by_staff["event_id"]), what="the events of the token and of staff")
    assert applied(embedded, by_token["event_id"]) and not applied(embedded, refused["event_id"])


def test_a_bad_batch_is_refused_whole_naming_the_field(embedded):
    user = new_user_id()
    good = learner(user, event_id=str(uuid.uuid4()))
    refused = post(embedded, [good, enrollment(user, 5, "Biology", course_id="5")])
    assert refused.status_code == 422
    assert [e["loc"] for e in refused.json()["detail"]] == [["body", 1, "EnrollmentChanged", "course_id"]]
    unknown = post(embedded, {"type": "PodcastDeleted", "podcast_id": 1})
    assert unknown.status_code == 422 and "PodcastDeleted" in unknown.json()["detail"][0]["msg"]
    assert post(embedded, [learner(user)] * 501).status_code == 422
    marker = learner(user, event_id=str(uuid.uuid4()))
    assert post(embedded, marker).status_code == 202  # the same key: after the refused batch, had it been sent
    wait_for(lambda: applied(embedded, marker["event_id"]), what="the next event applied")
    assert not applied(embedded, good["event_id"])


def test_open_edx_enrollment_events_enrol_and_unenrol(embedded):
    user = new_user_id()
    assert post(embedded, learner(user)).status_code == 202
    created = openedx_event(CREATED, user)
    accepted = post(embedded, created)
    assert accepted.status_code == 202, accepted.text
    wait_for(lambda: embedded.courses(user) == ["Demonstration Course"], what="the Open edX enrollment")
    with embedded.container.session_factory() as session:
        assert session.get(Course, course_id(DEMO_COURSE)).title == "Demonstration Course"

    changed = openedx_event(CHANGED, user, str(uuid.uuid4()), is_active=False)
    assert post(embedded, changed).status_code == 202
    wait_for(lambda: embedded.courses(user) == [], what="the Open edX unenrollment")
    assert post(embedded, created).json() == accepted.json()  # the same Open edX event is the same event
