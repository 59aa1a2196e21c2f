"""Open edX's enrollment events (openedx-events' CourseEnrollmentData, as a CloudEvent in JSON)
become EnrollmentChanged."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from pydantic import TypeAdapter, ValidationError

from dailycast import events as ev
from services.api.openedx import CHANGED, CREATED, course_id
from services.api.platform_events import PlatformEventsIn
from tests.utils.factories import DEMO_COURSE, openedx_event

BODY = TypeAdapter(PlatformEventsIn)


def converted(body: dict) -> ev.EnrollmentChanged:
    (event,) = [e.event() for e in BODY.validate_python(body)]
    return event


def test_an_enrollment_created_is_an_enrollment_in_the_course():
    event = converted(openedx_event())
    assert event == ev.EnrollmentChanged(
        event_id=event.event_id, occurred_at=datetime(2026, 9, 1, 9, 0, tzinfo=timezone.utc), user_id=42,
        course_id=course_id(DEMO_COURSE), course_title="Demonstration Course", enrolled=True,
    )


def test_an_enrollment_changed_to_inactive_leaves_the_course():
    assert converted(openedx_event(CHANGED, is_active=False)).enrolled is False
    assert converted(openedx_event(CHANGED, mode="verified")).enrolled is True


def test_the_same_open_edx_event_is_the_same_event():
    # So a repost (or Open edX's own redelivery) is dropped by its id, as any repeated event is.
    first, again = converted(openedx_event()), converted(openedx_event())
    assert first.event_id == again.event_id
    assert converted(openedx_event(event_id="c3a4f1b7-2b5e-11ef-9a8e-0242ac120002")).event_id != first.event_id


def test_a_course_key_is_always_the_same_63_bit_course_id():
    # Pinned: changing the mapping would move every Open edX learner to courses of new ids.
    assert course_id(DEMO_COURSE) == 4161840785685240736
    keys = [f"course-v1:edX+DemoX+{n}" for n in range(1000)]
    ids = {course_id(k) for k in keys}
    assert len(ids) == len(keys) and all(0 <= n < 2**63 for n in ids)


def test_without_a_time_the_enrollment_counts_from_its_creation_date_read_as_utc():
    body = openedx_event(creation_date="2026-08-30 12:34:56")  # Open edX's naive UTC text
    del body["time"]
    assert converted(body).occurred_at == datetime(2026, 8, 30, 12, 34, 56, tzinfo=timezone.utc)


def test_a_course_without_a_display_name_is_titled_by_its_key():
    body = openedx_event()
    del body["data"]["enrollment"]["course"]["display_name"]
    assert converted(body).course_title == DEMO_COURSE


@pytest.mark.parametrize(("path", "value"), [
    (("user", "id"), "42"),
    (("user", "id"), 0),
    (("course", "course_key"), ""),
    (("is_active",), "yes"),
])
def test_a_bad_value_is_named_by_its_path(path, value):
    body = openedx_event()
    where = body["data"]["enrollment"]
    for step in path[:-1]:
        where = where[step]
    where[path[-1]] = value
    with pytest.raises(ValidationError) as caught:
        BODY.validate_python(body)
    (error,) = caught.value.errors()
    assert error["loc"][-len(path) - 2:] == ("data", "enrollment", *path)


def test_other_open_edx_events_are_not_taken():
    with pytest.raises(ValidationError):
        BODY.validate_python(openedx_event("org.openedx.learning.course.unenrollment.completed.v1"))
