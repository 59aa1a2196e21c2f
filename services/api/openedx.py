"""Open edX's enrollment events as EnrollmentChanged: an adapter, with no I/O.

Open edX's LMS emits `org.openedx.learning.course.enrollment.created.v1` and `...changed.v1`
(openedx-events' COURSE_ENROLLMENT_CREATED and _CHANGED), whose one datum `enrollment` is a
CourseEnrollmentData: {user: {id, is_active, pii: {username, email, name}}, course: {course_key,
display_name, start, end}, mode, is_active, creation_date, created_by}. Posted as a CloudEvent in
JSON (structured mode: `id`, `type`, `source`, `time`, `data`), it is read for what an enrollment
needs; every other attribute and field is left alone, as Open edX may add more.

Course ids: Dailycast's are 64-bit integers, Open edX's course keys text
("course-v1:edX+DemoX+Demo_Course", one per course run). A key's id is the first 8 bytes of its
SHA-256 as a big-endian integer, shifted right a bit: 0 to 2^63-1, the same on every replica and
after every restart, with nothing to configure. Two of n keys share an id with a chance of about
n^2 / 2^64 (one in 1.8 billion for 100,000 course runs); docs/platform-events.md says more.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, Field, StrictBool

from dailycast import events as ev
from services.api.schemas import NO_NUL, Text, UserId

CREATED = "org.openedx.learning.course.enrollment.created.v1"
CHANGED = "org.openedx.learning.course.enrollment.changed.v1"


def course_id(course_key: str) -> int:
    """The course id of an Open edX course key: a 63-bit hash of it, always the same."""
    return int.from_bytes(hashlib.sha256(course_key.encode()).digest()[:8], "big") >> 1


def _utc_unless_said(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


# ISO 8601 text. Open edX keeps UTC, and some of its serializers leave the offset out.
OpenEdxTime = Annotated[str, AfterValidator(_utc_unless_said), Field(json_schema_extra={"format": "date-time"})]
OpenEdxText = Annotated[Text, Field(json_schema_extra={"pattern": NO_NUL})]


class OpenEdxUser(BaseModel):
    id: UserId


class OpenEdxCourse(BaseModel):
    course_key: Annotated[OpenEdxText, Field(min_length=1, max_length=255)]
    display_name: OpenEdxText = ""


class OpenEdxEnrollment(BaseModel):
    user: OpenEdxUser
    course: OpenEdxCourse
    is_active: StrictBool
    creation_date: OpenEdxTime


class OpenEdxEnrollmentData(BaseModel):
    enrollment: OpenEdxEnrollment


class OpenEdxEnrollmentIn(BaseModel):
    """Open edX: a learner enrolled in a course run, or their enrollment changed (a CloudEvent in JSON)."""

    type: Literal[CREATED, CHANGED] = Field(description="the CloudEvent's type")
    id: Annotated[OpenEdxText, Field(min_length=1, max_length=255, description="the CloudEvent's id")]
    time: OpenEdxTime | None = Field(None, description="when it happened; default: the enrollment's creation_date")
    data: OpenEdxEnrollmentData

    def event(self) -> ev.EnrollmentChanged:
        """Its EnrollmentChanged; the same Open edX event (a retry, a redelivery) is always the same one."""
        enrollment = self.data.enrollment
        return ev.EnrollmentChanged(
            event_id=ev.derived_event_id(self.id, "EnrollmentChanged", "openedx"),
            occurred_at=self.time or enrollment.creation_date,
            user_id=enrollment.user.id,
            course_id=course_id(enrollment.course.course_key),
            course_title=enrollment.course.display_name or enrollment.course.course_key,
            enrolled=enrollment.is_active,
        )
