"""The topics events travel on (declared with each event in `dailycast.events`), and their dead letters."""

from __future__ import annotations

from dailycast.events import EVENT_TYPES, LEARNER_EVENTS, PODCAST_EVENTS, event_type

__all__ = ["ALL_TOPICS", "LEARNER_EVENTS", "PODCAST_EVENTS", "dead_letter_topic", "key_of", "topic_of"]

ALL_TOPICS: tuple[str, ...] = tuple(dict.fromkeys(t.topic for t in EVENT_TYPES.values()))


def dead_letter_topic(topic: str) -> str:
    return f"{topic}.dlq"


def topic_of(event: object) -> str:
    return event_type(event).topic


def key_of(event: object) -> bytes:
    return event_type(event).key(event)
