"""The learner profile, read from the tables the platform's events keep up to date."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from dailycast.events import WHOLE_PODCAST
from dailycast.grading import revisits
from dailycast.learner import (
    HEARD_DAYS, PODCAST_THUMB_WEIGHT, RATING_DAYS, LearnerContext, QuizScore, Revisit, ability_level, recent_scores,
    topic_leanings, weak_subjects,
)
from dailycast.sentences import merged
from services.api.db import Course, DailyPodcast, Enrollment, Learner, PodcastAnswer, PodcastRating, QuizResult


def learner_context(session: Session, learner: Learner, for_date: date) -> LearnerContext:
    """The snapshot that goes into a PodcastRequested of `for_date`: courses, level, weak subjects,
    scores, and from the days before what the learner heard, the answers to come back to, and the
    topics they thumbed up or down."""
    return learner_contexts(session, [learner], {learner.id: for_date})[learner.id]


def learner_contexts(
    session: Session, learners: Sequence[Learner], for_dates: Mapping[int, date]
) -> dict[int, LearnerContext]:
    """learner_context of many learners (each for its date), in five queries for all of them (the
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
    dates = {learner.id: for_dates[learner.id] for learner in learners}
    heard, revisit, leanings = _recently_heard(session, dates), _to_revisit(session, dates), _leanings(session, dates)
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
            revisit=revisit.get(learner.id, []),
            liked_topics=leanings.get(learner.id, ([], []))[0],
            disliked_topics=leanings.get(learner.id, ([], []))[1],
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


def _to_revisit(session: Session, for_dates: Mapping[int, date]) -> dict[int, list[Revisit]]:
    """Each learner's graded answers of the HEARD_DAYS before its date that missed key points or
    were weak, newest first."""
    if not for_dates:
        return {}
    graded: dict[int, list] = defaultdict(list)
    earliest, latest = min(for_dates.values()) - timedelta(days=HEARD_DAYS), max(for_dates.values())
    for user_id, day, questions, language, question_id, grade in session.execute(
        select(DailyPodcast.user_id, DailyPodcast.for_date, DailyPodcast.questions_asked, DailyPodcast.primary_language,
               PodcastAnswer.question_id, PodcastAnswer.grade)
        .join(PodcastAnswer, PodcastAnswer.podcast_id == DailyPodcast.id)
        .where(DailyPodcast.user_id.in_(list(for_dates)), DailyPodcast.for_date >= earliest,
               DailyPodcast.for_date < latest, PodcastAnswer.grade.is_not(None))
        .order_by(DailyPodcast.user_id, DailyPodcast.for_date.desc(), DailyPodcast.id.desc(), PodcastAnswer.question_id)
    ):
        question = next((q for q in questions if q.id == question_id), None)
        if question is not None and for_dates[user_id] - timedelta(days=HEARD_DAYS) <= day < for_dates[user_id]:
            graded[user_id].append((question.text.get(language, ""), question.key_points, grade, language))
    return {user_id: revisits(answers) for user_id, answers in graded.items()}


def _leanings(session: Session, for_dates: Mapping[int, date]) -> dict[int, tuple[list[str], list[str]]]:
    """Each learner's (liked, disliked) topics from the thumbs on its podcasts of the RATING_DAYS
    before its date: a podcast's own thumb counts for each of its courses."""
    if not for_dates:
        return {}
    thumbs: dict[int, list[tuple[str, str, float]]] = defaultdict(list)
    earliest, latest = min(for_dates.values()) - timedelta(days=RATING_DAYS), max(for_dates.values())
    for user_id, day, courses, topic, thumb in session.execute(
        select(DailyPodcast.user_id, DailyPodcast.for_date, DailyPodcast.included_courses, PodcastRating.topic,
               PodcastRating.thumb)
        .join(PodcastRating, PodcastRating.podcast_id == DailyPodcast.id)
        .where(DailyPodcast.user_id.in_(list(for_dates)), DailyPodcast.for_date >= earliest,
               DailyPodcast.for_date <= latest)
    ):
        if for_dates[user_id] - timedelta(days=RATING_DAYS) <= day <= for_dates[user_id]:
            if topic == WHOLE_PODCAST:
                thumbs[user_id] += [(course, thumb, PODCAST_THUMB_WEIGHT) for course in courses]
            else:
                thumbs[user_id].append((topic, thumb, 1.0))
    return {user_id: topic_leanings(given) for user_id, given in thumbs.items()}
