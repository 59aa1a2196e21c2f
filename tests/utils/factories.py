"""Test data: learners, requests and events with fresh ids."""

from __future__ import annotations

from datetime import date, datetime, timezone

from dailycast import events as ev
from dailycast.learner import LearnerContext, QuizScore
from bench.instant import instant_script
from services.api.openedx import CREATED
from dailycast.scripts import Question, WritingRequest, WrittenScript


def learner(**overrides) -> LearnerContext:
    values = dict(
        user_id=1,
        name="Aiko",
        email="aiko@example.com",
        locale="ja-JP",
        courses=["Django Fundamentals", "Python Advanced"],
        ability_level="intermediate",
        weak_subjects=["Database Design"],
        recent_scores=[QuizScore("Database Design", 0.52, datetime(2026, 11, 1, tzinfo=timezone.utc))],
    )
    return LearnerContext(**{**values, **overrides})


def podcast_requested(podcast_id: int = 7, languages=("en",), output_format: str = "both", **overrides) -> ev.PodcastRequested:
    values = dict(
        event_id=ev.new_event_id(),
        occurred_at=ev.utcnow(),
        podcast_id=podcast_id,
        attempt=1,
        for_date=date(2026, 11, 24),
        languages=list(languages),
        output_format=output_format,
        learner=learner(),
        requested_by=1,
    )
    return ev.PodcastRequested(**{**values, **overrides})


def questions(languages=("en",)) -> list[Question]:
    return [
        Question(f"q{n}", {lang: f"Question number {n} in {lang}?" for lang in languages}, [f"point {n}"])
        for n in (1, 2, 3)
    ]


def written_script(request: WritingRequest, writer: str = "fake", minutes: float | None = None) -> WrittenScript:
    """A valid script in every language: names the courses, asks the questions, as long as asked."""
    return instant_script(request, writer, minutes)


DEMO_COURSE = "course-v1:edX+DemoX+Demo_Course"  # Open edX's demonstration course


def openedx_event(type_: str = CREATED, user_id: int = 42, event_id: str = "b2f3e0a6-2b5e-11ef-9a8e-0242ac120002",
                  **enrollment) -> dict:
    """An enrollment event as Open edX's LMS publishes it, a CloudEvent in JSON: every field, most of
    which Dailycast leaves alone."""
    return {
        "specversion": "1.0", "id": event_id, "type": type_,
        "source": "openedx/lms/web", "sourcehost": "lms.example.com", "minorversion": 0,
        "time": "2026-09-01T09:00:00.000000+00:00", "datacontenttype": "application/json",
        "data": {"enrollment": {
            "user": {"id": user_id, "is_active": True,
                     "pii": {"username": "aiko", "email": "aiko@example.com", "name": "Aiko Tanaka"}},
            "course": {"course_key": DEMO_COURSE, "display_name": "Demonstration Course",
                       "start": "2026-01-01T00:00:00+00:00", "end": None},
            "mode": "audit", "is_active": True, "creation_date": "2026-08-30T12:34:56+00:00", "created_by": None,
        } | enrollment},
    }
