"""The learner profile, read from the tables the platform's events keep up to date."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from dailycast.learner import LearnerContext, QuizScore, ability_level, recent_scores, weak_subjects
from services.api.db import Course, Enrollment, Learner, QuizResult


def learner_context(session: Session, learner: Learner) -> LearnerContext:
    """The snapshot that goes into a PodcastRequested: courses, level, weak subjects, scores."""
    courses = session.scalars(
        select(Course.title)
        .join(Enrollment, Enrollment.course_id == Course.id)
        .where(Enrollment.user_id == learner.id)
        .order_by(Enrollment.enrolled_at, Course.id)
    ).all()
    results = session.scalars(select(QuizResult).where(QuizResult.user_id == learner.id)).all()
    scores = [QuizScore(r.subject, r.score, r.scored_at) for r in results]
    return LearnerContext(
        user_id=learner.id,
        name=learner.name,
        email=learner.email,
        locale=learner.locale,
        courses=list(courses),
        ability_level=ability_level(scores),
        weak_subjects=weak_subjects(scores),
        recent_scores=recent_scores(scores),
    )
