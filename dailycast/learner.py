"""What we know about a learner when their podcast is requested, and how it is derived."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

ABILITY_LEVELS = ("beginner", "intermediate", "advanced")
# A subject whose average score is below this is a weak subject.
WEAK_SUBJECT_THRESHOLD = 0.6
RECENT_SCORES = 5
# recently_heard covers the podcasts of this many days before the request's date.
HEARD_DAYS = 7


@dataclass(frozen=True)
class QuizScore:
    subject: str
    score: float  # 0..1
    scored_at: datetime | None = None


@dataclass(frozen=True)
class Revisit:
    """A question of a recent podcast whose answer left out key points or was weak: to come back to."""

    question: str
    missed: list[str]  # the key points the answer left out
    score: float  # the answer's grade, 0..1
    language: str  # of the question and its key points


@dataclass(frozen=True)
class LearnerContext:
    """A snapshot of the learner, taken when the podcast is requested."""

    user_id: int
    name: str
    email: str
    locale: str
    courses: list[str] = field(default_factory=list)
    ability_level: str = "beginner"
    weak_subjects: list[str] = field(default_factory=list)
    recent_scores: list[QuizScore] = field(default_factory=list)
    # Fingerprints of the sentences the learner heard in the HEARD_DAYS before the podcast's date
    # (dailycast.sentences), newest first: writers avoid them.
    recently_heard: list[str] = field(default_factory=list)
    # From the learner's graded answers and thumbs (PodcastRequested v3; none in older events).
    revisit: list[Revisit] = field(default_factory=list)  # newest first
    liked_topics: list[str] = field(default_factory=list)  # courses and subjects: chosen more
    disliked_topics: list[str] = field(default_factory=list)  # chosen less


def ability_level(scores: list[QuizScore]) -> str:
    """Beginner below 60 % average, advanced from 85 %, intermediate between."""
    if not scores:
        return "beginner"
    average = sum(s.score for s in scores) / len(scores)
    if average >= 0.85:
        return "advanced"
    if average >= 0.6:
        return "intermediate"
    return "beginner"


def weak_subjects(scores: list[QuizScore]) -> list[str]:
    """Subjects whose average score is under the threshold, weakest first."""
    by_subject: dict[str, list[float]] = defaultdict(list)
    for s in scores:
        by_subject[s.subject].append(s.score)
    averages = {subject: sum(v) / len(v) for subject, v in by_subject.items()}
    weak = [s for s, avg in averages.items() if avg < WEAK_SUBJECT_THRESHOLD]
    return sorted(weak, key=lambda s: (averages[s], s))


def recent_scores(scores: list[QuizScore], limit: int = RECENT_SCORES) -> list[QuizScore]:
    """The latest scores, newest first."""
    dated = sorted(scores, key=lambda s: s.scored_at or datetime.min, reverse=True)
    return dated[:limit]


# A thumb for a topic counts 1; one for a whole podcast counts this much for each of its topics.
PODCAST_THUMB_WEIGHT = 0.5
# Thumbs of the podcasts of this many days before the request's date are taken into account.
RATING_DAYS = 30


def topic_leanings(thumbs: Iterable[tuple[str, str, float]]) -> tuple[list[str], list[str]]:
    """(liked, disliked) topics from (topic, "up" | "down", weight) thumbs: those with more weight
    up than down, and the reverse; the strongest first."""
    balance: dict[str, float] = defaultdict(float)
    for topic, thumb, weight in thumbs:
        balance[topic] += weight if thumb == "up" else -weight
    liked = sorted((t for t, b in balance.items() if b > 0), key=lambda t: (-balance[t], t))
    disliked = sorted((t for t, b in balance.items() if b < 0), key=lambda t: (balance[t], t))
    return liked, disliked
