"""Which topic each event goes to, and its key (so one podcast's events stay in order)."""

from __future__ import annotations

from dailycast import events as ev

TOPICS: dict[type, str] = {
    ev.PodcastRequested: "podcast.requested",
    ev.ScriptReady: "podcast.script-ready",
    ev.AudioReady: "podcast.audio-ready",
    ev.PodcastCompleted: "podcast.completed",
    ev.PodcastFailed: "podcast.failed",
    ev.PodcastDeleted: "podcast.deleted",
    ev.UserUpserted: "platform.user-upserted",
    ev.EnrollmentChanged: "platform.enrollment-changed",
    ev.QuizScored: "platform.quiz-scored",
}

ALL_TOPICS: tuple[str, ...] = tuple(TOPICS.values())


def dead_letter_topic(topic: str) -> str:
    return f"{topic}.dlq"


def topic_of(event: object) -> str:
    return TOPICS[type(event)]


def key_of(event: object) -> bytes:
    """Podcast events are keyed by podcast, platform events by user."""
    podcast_id = getattr(event, "podcast_id", None)
    key = podcast_id if podcast_id is not None else getattr(event, "user_id")
    return str(key).encode()
