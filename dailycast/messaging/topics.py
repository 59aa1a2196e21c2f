"""Which topic each event goes to, and its key.

All of a podcast's events share one topic, keyed by podcast id, so they stay in the order they
were made: the projector never sees PodcastCompleted before the ScriptReady or AudioReady that
came first. Platform events share another, keyed by user id, so an enrollment never overtakes
the learner it belongs to. Consumers skip the event types they have no handler for.
"""

from __future__ import annotations

from dailycast import events as ev

PODCAST_EVENTS = "dailycast.podcast-events"
LEARNER_EVENTS = "platform.learner-events"

TOPICS: dict[type, str] = {
    ev.PodcastRequested: PODCAST_EVENTS,
    ev.ScriptReady: PODCAST_EVENTS,
    ev.AudioReady: PODCAST_EVENTS,
    ev.PodcastCompleted: PODCAST_EVENTS,
    ev.PodcastFailed: PODCAST_EVENTS,
    ev.PodcastDeleted: PODCAST_EVENTS,
    ev.UserUpserted: LEARNER_EVENTS,
    ev.EnrollmentChanged: LEARNER_EVENTS,
    ev.QuizScored: LEARNER_EVENTS,
}

ALL_TOPICS: tuple[str, ...] = (PODCAST_EVENTS, LEARNER_EVENTS)


def dead_letter_topic(topic: str) -> str:
    return f"{topic}.dlq"


def topic_of(event: object) -> str:
    return TOPICS[type(event)]


def key_of(event: object) -> bytes:
    """Podcast events are keyed by podcast, platform events by user."""
    podcast_id = getattr(event, "podcast_id", None)
    key = podcast_id if podcast_id is not None else getattr(event, "user_id")
    return str(key).encode()
