"""Thumbs up or down for a podcast and its topics: saved by the learner, kept as PodcastRated."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from dailycast import events as ev
from dailycast.messaging.avro import SchemaSet
from services.api.auth import Principal
from services.api.db import DailyPodcast, PodcastRating
from services.api.outbox import add_to_outbox
from services.api.podcasts import Forbidden, InvalidInput


def podcast_topics(row: DailyPodcast) -> list[str]:
    """What a podcast is about, each once: its courses, and the weak subjects it was made for."""
    weak = row.learner_snapshot.weak_subjects if row.learner_snapshot else []
    return list(dict.fromkeys([*row.included_courses, *weak]))


def save_ratings(session: Session, row: DailyPodcast, ratings: list[ev.Rating], at: datetime) -> None:
    """The thumbs given at `at`, in the caller's transaction; a topic rated later keeps its newer thumb."""
    for rating in ratings:
        stored = session.get(PodcastRating, (row.id, rating.topic))
        if stored is not None and stored.rated_at > at:
            continue
        if rating.thumb == "none":
            if stored is not None:
                session.delete(stored)
        elif stored is None:
            session.add(PodcastRating(podcast_id=row.id, topic=rating.topic, user_id=row.user_id,
                                      thumb=rating.thumb, rated_at=at))
        else:
            stored.thumb, stored.rated_at = rating.thumb, at


def rate_podcast(session: Session, schemas: SchemaSet, row: DailyPodcast, principal: Principal,
                 ratings: list[ev.Rating]) -> dict[str, str]:
    """The learner's thumbs, stored at once and in the topics as PodcastRated (one transaction).
    Only the learner rates their podcast; a topic must be one of the podcast's."""
    if principal.user_id != row.user_id:
        raise Forbidden("only the learner rates their podcast")
    topics = podcast_topics(row)
    if unknown := [r.topic for r in ratings if r.topic != ev.WHOLE_PODCAST and r.topic not in topics]:
        raise InvalidInput("topics", f"the podcast is not about {', '.join(map(repr, unknown))}; "
                                     f"its topics are {', '.join(map(repr, topics)) or 'none'}")
    now = ev.utcnow()
    save_ratings(session, row, ratings, now)
    add_to_outbox(session, [ev.PodcastRated(ev.new_event_id(), now, row.id, row.user_id, ratings)], schemas)
    session.commit()
    return thumbs_of(session, row.id)


def thumbs_of(session: Session, podcast_id: int) -> dict[str, str]:
    """topic -> up | down, the podcast's own thumb under WHOLE_PODCAST."""
    return dict(session.execute(select(PodcastRating.topic, PodcastRating.thumb)
                                .where(PodcastRating.podcast_id == podcast_id)).all())
