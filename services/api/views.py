"""Reading the DailyPodcast read model into API shapes."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dailycast.accuracy import PodcastContent
from dailycast.messaging.records import from_record
from dailycast.scripts import Question
from services.api.auth import Principal
from services.api.db import DailyPodcast

AudioUrl = Callable[[DailyPodcast, dict], str]


def questions_of(row: DailyPodcast) -> list[Question]:
    return [from_record(Question, q) for q in row.questions_asked]


def languages_of(row: DailyPodcast) -> list[str]:
    return [row.primary_language] + ([row.secondary_language] if row.secondary_language else [])


def podcast_out(row: DailyPodcast, audio_url: AudioUrl) -> dict:
    """The podcast as the API shows it; audio-only podcasts keep their script to themselves."""
    shows_script = row.output_format != "audio"
    tracks = {t["language"]: t for t in row.audio_tracks}
    audio = [{**t, "url": audio_url(row, t)} for t in row.audio_tracks]
    primary, secondary = tracks.get(row.primary_language), tracks.get(row.secondary_language or "")
    questions = questions_of(row)
    return {
        "id": row.id,
        "user_id": row.user_id,
        "status": row.status,
        "error_message": row.error_message,
        "for_date": row.for_date,
        "attempt": row.attempt,
        "language": row.language,
        "primary_language": row.primary_language,
        "secondary_language": row.secondary_language,
        "output_format": row.output_format,
        "script_text": row.script_text if shows_script else None,
        "scripts": row.scripts if shows_script else {},
        "audio_file": audio_url(row, primary) if primary else None,
        "audio_file_secondary": audio_url(row, secondary) if secondary else None,
        "duration_seconds": round(primary["duration_seconds"]) if primary else None,
        "duration_seconds_secondary": round(secondary["duration_seconds"]) if secondary else None,
        "audio": audio,
        "llm_provider": row.llm_provider,
        "llm_model": row.llm_model,
        "tts_provider": row.tts_provider,
        "included_courses": row.included_courses,
        "questions_asked": [q.text.get(row.primary_language, "") for q in questions],
        "questions": [
            {"id": q.id, "text": q.text, "times": _question_times(q.id, row.audio_tracks)} for q in questions
        ],
        "student_answers": row.student_answers,
        "created_at": row.created_at,
        "updated_at": row.updated_at,
    }


def _question_times(question_id: str, tracks: list[dict]) -> dict[str, dict]:
    return {
        t["language"]: qt for t in tracks for qt in t["question_times"] if qt["question_id"] == question_id
    }


def podcast_content(row: DailyPodcast) -> PodcastContent:
    return PodcastContent(
        status=row.status,
        languages=languages_of(row),
        output_format=row.output_format,
        courses=row.included_courses,
        scripts=row.scripts,
        questions=questions_of(row),
        answers=row.student_answers,
        audio_durations={t["language"]: t["duration_seconds"] for t in row.audio_tracks},
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
