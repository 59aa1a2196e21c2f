"""The learner profile, read from the tables the platform's events keep up to date."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from dailycast.learner import HEARD_DAYS, LearnerContext, QuizScore, ability_level, recent_scores, weak_subjects
from dailycast.sentences import merged
from services.api.db import Course, DailyPodcast, Enrollment, Learner, QuizResult


def learner_context(session: Session, learner: Learner, for_date: date) -> LearnerContext:
    """The snapshot that goes into a PodcastRequested of `for_date`: courses, level, weak subjects,
    scores, and what the learner heard in the days before."""
    return learner_contexts(session, [learner], {learner.id: for_date})[learner.id]


def learner_contexts(
    session: Session, learners: Sequence[Learner], for_dates: Mapping[int, date]
) -> dict[int, LearnerContext]:
    """learner_context of many learners (each for its date), in three queries for all of them (the
    scheduler's batches)."""
    ids = [learner.id for learner in learners]
    courses: dict[int, list[str]] = defaultdict(list)
    for user_id, title in session.execute(
        select(Enrollment.user_id, Course.title)
        .join(Enrollment, Enrollment.course_id == Course.id)
        .where(Enrollment.user_id.in_(ids))
        .order_by(Enrollment.user_id, Enrollment.enrolled_at, Course.id)
    ):
        courses[user_id].append(title)
    scores: dict[int, list[QuizScore]] = defaultdict(list)
    for r in session.scalars(select(QuizResult).where(QuizResult.user_id.in_(ids))):
        scores[r.user_id].append(QuizScore(r.subject, r.score, r.scored_at))
    heard = _recently_heard(session, {learner.id: for_dates[learner.id] for learner in learners})
    return {
        learner.id: LearnerContext(
            user_id=learner.id,
            name=learner.name,
            email=learner.email,
            locale=learner.locale,
            courses=courses[learner.id],
            ability_level=ability_level(scores[learner.id]),
            weak_subjects=weak_subjects(scores[learner.id]),
            recent_scores=recent_scores(scores[learner.id]),
            recently_heard=heard.get(learner.id, []),
        )
        for learner in learners
    }


def _recently_heard(session: Session, for_dates: Mapping[int, date]) -> dict[int, list[str]]:
    """Each learner's fingerprints of the primary scripts of the HEARD_DAYS before its date, newest
    first: read from the podcasts' `heard` (fingerprinting the scripts here cost 9 ms a learner)."""
    if not for_dates:
        return {}
    heard: dict[int, list[list[str]]] = defaultdict(list)
    earliest, latest = min(for_dates.values()) - timedelta(days=HEARD_DAYS), max(for_dates.values())
    for user_id, day, prints in session.execute(
        select(DailyPodcast.user_id, DailyPodcast.for_date, DailyPodcast.heard)
        .where(
            DailyPodcast.user_id.in_(list(for_dates)),
            DailyPodcast.for_date >= earliest,
            DailyPodcast.for_date < latest,
            DailyPodcast.heard.is_not(None),
        )
        .order_by(DailyPodcast.user_id, DailyPodcast.for_date.desc(), DailyPodcast.id.desc())
    ):
        if for_dates[user_id] - timedelta(days=HEARD_DAYS) <= day < for_dates[user_id]:
            heard[user_id].append(prints.split())
    return {user_id: merged(prints) for user_id, prints in heard.items()}
