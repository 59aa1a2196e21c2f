"""Each learner's private podcast feed: its secret URL, rotating it, and what it lists.

The URL's token is an HMAC of the learner's id and feed generation under a key derived from the
API's JWT secret, so nothing secret is stored: a rebuild of the read model from the topics gets
the generation back from the FeedRotated events and with it the same URL, and a rotation makes
every older URL fail. Podcast apps have no sign-in: the token authorises that learner's feed and
the audio, transcripts and chapters of their own podcasts, nothing else.
"""

from __future__ import annotations

import hashlib
import hmac

from sqlalchemy import select
from sqlalchemy.orm import Session

from dailycast.events import AudioTrack, FeedRotated, new_event_id, utcnow
from dailycast.messaging.avro import SchemaSet
from services.api.db import DailyPodcast, Learner, LearnerFeed
from services.api.outbox import add_to_outbox

TOKEN_CHARS = 32  # 128 bits of the HMAC
FEED_ITEMS = 100  # newest podcasts listed


class UnknownFeed(Exception):
    """No such learner, or a token that is not their current one."""


def feed_token(secret: str, user_id: int, generation: int) -> str:
    key = hmac.new(secret.encode(), b"dailycast podcast feed", hashlib.sha256).digest()  # not the JWTs' key itself
    return hmac.new(key, f"{user_id}:{generation}".encode(), hashlib.sha256).hexdigest()[:TOKEN_CHARS]


def generation_of(session: Session, user_id: int) -> int:
    row = session.get(LearnerFeed, user_id)
    return row.generation if row is not None else 0


def current_token(session: Session, secret: str, user_id: int) -> str:
    if session.get(Learner, user_id) is None:
        raise UnknownFeed(user_id)
    return feed_token(secret, user_id, generation_of(session, user_id))


def rotate_feed(session: Session, schemas: SchemaSet, secret: str, user_id: int) -> str:
    """A new token for the learner (the old one stops working), stored and published as
    FeedRotated in one transaction, so a rebuilt read model keeps it."""
    if session.get(Learner, user_id) is None:
        raise UnknownFeed(user_id)
    generation = generation_of(session, user_id) + 1
    record_generation(session, user_id, generation)
    add_to_outbox(session, [FeedRotated(new_event_id(), utcnow(), user_id, generation)], schemas)
    session.commit()
    return feed_token(secret, user_id, generation)


def record_generation(session: Session, user_id: int, generation: int) -> None:
    """The newest generation wins: an event applied again, or late, changes nothing."""
    row = session.get(LearnerFeed, user_id)
    if row is None:
        session.add(LearnerFeed(user_id=user_id, generation=generation))
    elif row.generation < generation:
        row.generation = generation


def feed_learner(session: Session, secret: str, user_id: int, token: str) -> Learner:
    learner = session.get(Learner, user_id)
    if learner is None or not hmac.compare_digest(token, feed_token(secret, user_id, generation_of(session, user_id))):
        raise UnknownFeed(user_id)
    return learner


def feed_podcasts(session: Session, user_id: int) -> list[DailyPodcast]:
    """The learner's podcasts that have audio, newest first."""
    return list(session.scalars(
        select(DailyPodcast)
        .where(DailyPodcast.user_id == user_id, DailyPodcast.status == "completed",
               DailyPodcast.output_format != "text")
        .order_by(DailyPodcast.created_at.desc(), DailyPodcast.id.desc())
        .limit(FEED_ITEMS)
    ))


def feed_track(session: Session, user_id: int, podcast_id: int, language: str) -> AudioTrack:
    """One track of one of the learner's podcasts; UnknownFeed for anyone else's."""
    row = session.get(DailyPodcast, podcast_id)
    track = next((t for t in row.audio_tracks if t.language == language), None) if row is not None else None
    if row is None or row.user_id != user_id or track is None:
        raise UnknownFeed(user_id)
    return track
