"""The learner profile, read from the tables the platform's events keep up to date."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from dailycast.learner import LearnerContext, QuizScore, ability_level, recent_scores, weak_subjects
from services.api.db import Course, Enrollment, Learner, QuizResult


def learner_context(session: Session, learner: Learner) -> LearnerContext:
    """The snapshot that goes into a PodcastRequested: courses, level, weak subjects, scores."""
    return learner_contexts(session, [learner])[learner.id]


def learner_contexts(session: Session, learners: Sequence[Learner]) -> dict[int, LearnerContext]:
    """learner_context of many learners, in two queries for all of them (the scheduler's batches)."""
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
        )
        for learner in learners
    }
