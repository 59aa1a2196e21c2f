"""Reading and saving a learner's delivery preferences (the read model's delivery_preference)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime

from sqlalchemy.orm import Session

from dailycast.events import DeliveryPreferencesChanged, new_event_id, utcnow
from dailycast.messaging.avro import SchemaSet
from dailycast.preferences import DeliveryPreferences, default_preferences
from services.api.db import DeliveryPreference, Learner
from services.api.outbox import add_to_outbox


class UnknownLearner(LookupError):
    pass


def _learner(session: Session, user_id: int) -> Learner:
    learner = session.get(Learner, user_id)
    if learner is None:
        raise UnknownLearner(user_id)
    return learner


def stored_or_default(row: DeliveryPreference | None, locale: str) -> DeliveryPreferences:
    if row is None:
        return default_preferences(locale)
    return DeliveryPreferences(
        daily=row.daily, languages=list(row.languages), output_format=row.output_format, minutes=row.minutes,
        delivery_time=row.delivery_time, time_zone=row.time_zone,
    )


def preferences_of(session: Session, user_id: int) -> DeliveryPreferences:
    """The learner's preferences: as saved, or their locale's defaults. UnknownLearner if there is none."""
    learner = _learner(session, user_id)
    return stored_or_default(session.get(DeliveryPreference, user_id), learner.locale)


def save_preferences(session: Session, user_id: int, preferences: DeliveryPreferences, at: datetime) -> None:
    """Replace the learner's preferences with those chosen at `at`, in the caller's transaction.

    Chosen earlier than the stored ones (an event applied after a newer save): nothing changes.
    """
    _learner(session, user_id)
    stored = session.get(DeliveryPreference, user_id)
    if stored is None or stored.updated_at <= at:
        session.merge(DeliveryPreference(user_id=user_id, **asdict(preferences), updated_at=at))


def change_preferences(
    session: Session, schemas: SchemaSet, user_id: int, preferences: DeliveryPreferences
) -> DeliveryPreferences:
    """The API's save (the learner's or staff's): stored at once, and in the topics as a
    DeliveryPreferencesChanged of the same time (one transaction), so a rebuilt read model has it."""
    now = utcnow()
    save_preferences(session, user_id, preferences, now)
    changed = DeliveryPreferencesChanged(new_event_id(), now, user_id, **asdict(preferences))
    add_to_outbox(session, [changed], schemas)
    session.commit()
    return preferences
