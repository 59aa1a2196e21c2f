"""The demo platform: three learners who differ in level, weak subjects and scores.

Published as platform events on the embedded runtime's first start, so they reach the read
model the way a real platform's learners do. Event ids are fixed, so publishing twice is harmless.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

from dailycast import events as ev

_NS = uuid.UUID("0b7f3c52-7c2a-4a0e-9d0e-2c6b3f1d9a10")
_START = datetime(2026, 9, 1, 9, 0, tzinfo=timezone.utc)

LEARNERS = [
    # id, name, email, locale, courses, quiz scores (subject, score)
    (1, "Aiko Tanaka", "aiko@example.com", "ja-JP",
     ["Django Fundamentals", "Python Advanced", "Database Design"],
     [("Database Design", 0.45), ("Python Advanced", 0.82), ("Django Fundamentals", 0.74), ("Database Design", 0.55)]),
    (2, "Lucas Martin", "lucas@example.com", "fr-FR",
     ["Linear Algebra", "Statistics"],
     [("Linear Algebra", 0.93), ("Statistics", 0.88), ("Linear Algebra", 0.91)]),
    (3, "Sam Rivera", "sam@example.com", "en-US",
     ["Introduction to Biology"],
     [("Cell Biology", 0.42), ("Genetics", 0.51), ("Cell Biology", 0.38)]),
]
_COURSE_IDS = {"Django Fundamentals": 5, "Python Advanced": 12, "Database Design": 8,
               "Linear Algebra": 21, "Statistics": 22, "Introduction to Biology": 31}


def _id(*parts: object) -> str:
    return str(uuid.uuid5(_NS, ":".join(map(str, parts))))


def demo_events() -> list:
    events: list = []
    for user_id, name, email, locale, courses, scores in LEARNERS:
        events.append(ev.UserUpserted(_id("user", user_id), _START, user_id, email, name, locale))
        for n, title in enumerate(courses):
            at = _START + timedelta(days=n)
            events.append(ev.EnrollmentChanged(_id("enroll", user_id, title), at, user_id, _COURSE_IDS[title], title, True))
        for n, (subject, score) in enumerate(scores):
            at = _START + timedelta(days=10 + n)
            events.append(ev.QuizScored(_id("quiz", user_id, n), at, user_id, 100 * user_id + n, subject, score, at))
    return events


DEMO_USER_IDS = [learner[0] for learner in LEARNERS]
