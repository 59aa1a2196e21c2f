"""Reading and saving a learner's delivery preferences (the read model's delivery_preference)."""

from __future__ import annotations

from dataclasses import asdict

from sqlalchemy.orm import Session

from dailycast.preferences import DeliveryPreferences, default_preferences
from services.api.db import DeliveryPreference, Learner


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


def save_preferences(
    session: Session, user_id: int, preferences: DeliveryPreferences, commit: bool = True
) -> DeliveryPreferences:
    """Replace the learner's preferences (and commit, unless the caller's transaction goes on)."""
    _learner(session, user_id)
    session.merge(DeliveryPreference(user_id=user_id, **asdict(preferences)))
    if commit:
        session.commit()
    return preferences
