"""Reading the DailyPodcast read model: the podcasts a principal sees, their content to check."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dailycast.accuracy import PodcastContent
from services.api.auth import Principal
from services.api.db import DailyPodcast


def languages_of(row: DailyPodcast) -> list[str]:
    return [row.primary_language] + ([row.secondary_language] if row.secondary_language else [])


def podcast_content(row: DailyPodcast) -> PodcastContent:
    return PodcastContent(
        status=row.status,
        languages=languages_of(row),
        output_format=row.output_format,
        courses=row.included_courses,
        scripts=row.scripts,
        questions=row.questions_asked,
        answers=row.student_answers,
        tracks=row.audio_tracks,
    )


def list_podcasts(
    session: Session, principal: Principal, user_id: int | None, status: str | None, offset: int, limit: int
) -> tuple[int, list[DailyPodcast]]:
    """Learners see their own podcasts; staff see everyone's, or one user's. Newest first."""
    query = select(DailyPodcast)
    if not principal.is_staff:
        query = query.where(DailyPodcast.user_id == principal.user_id)
    elif user_id is not None:
        query = query.where(DailyPodcast.user_id == user_id)
    if status:
        query = query.where(DailyPodcast.status == status)
    count = session.scalar(select(func.count()).select_from(query.subquery()))
    rows = session.scalars(
        query.order_by(DailyPodcast.created_at.desc(), DailyPodcast.id.desc()).offset(offset).limit(limit)
    ).all()
    return count, list(rows)
