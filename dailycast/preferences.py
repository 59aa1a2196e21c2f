"""A learner's delivery preferences, their defaults, and when their daily podcast is due.

Plain functions, no I/O: the API stores the preferences and its scheduler asks `due_dates`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from babel.core import Locale, UnknownLocaleError, get_global

from dailycast.languages import language_of_locale
from dailycast.speech_length import DEFAULT_MINUTES, LENGTHS_MINUTES  # noqa: F401 (the lengths one may choose)

FORMATS = ("text", "audio", "both")
DEFAULT_DELIVERY_TIME = time(7, 0)
# CLDR lists several zones for these territories, alphabetically: the one most of their people
# live in (the default territories of our nine languages, and the largest other ones).
MAIN_ZONES = {
    "US": "America/New_York", "BR": "America/Sao_Paulo", "RU": "Europe/Moscow", "ES": "Europe/Madrid",
    "PT": "Europe/Lisbon", "CA": "America/Toronto", "MX": "America/Mexico_City", "AU": "Australia/Sydney",
    "AR": "America/Argentina/Buenos_Aires", "CL": "America/Santiago", "DE": "Europe/Berlin",
}


@dataclass(frozen=True)
class DeliveryPreferences:
    daily: bool = True
    languages: list[str] = field(default_factory=lambda: ["en"])  # one or two, primary first
    output_format: str = "both"
    minutes: int = DEFAULT_MINUTES  # one of LENGTHS_MINUTES
    delivery_time: time = DEFAULT_DELIVERY_TIME  # local time at which the podcast should be ready
    time_zone: str = "UTC"  # IANA


def _territory(locale: str) -> str | None:
    try:
        parsed = Locale.parse(locale.replace("-", "_"))
    except (ValueError, TypeError, UnknownLocaleError):
        return None
    if parsed.territory:
        return parsed.territory
    likely = get_global("likely_subtags").get(parsed.language)  # "ja" -> "ja_Jpan_JP"
    return likely.rsplit("_", 1)[-1] if likely else None


def zone_of_locale(locale: str) -> str:
    """The locale's territory's time zone (its main one where it has several); UTC if unknown."""
    territory = _territory(locale)
    if territory is None:
        return "UTC"
    zones = get_global("territory_zones").get(territory, [])
    if len(zones) == 1:
        return zones[0]
    return MAIN_ZONES.get(territory, "UTC")


def default_preferences(locale: str) -> DeliveryPreferences:
    """Daily, in the locale's language, text and audio, 6 minutes, ready at 07:00 local time."""
    return DeliveryPreferences(languages=[language_of_locale(locale)], time_zone=zone_of_locale(locale))


def local_today(preferences: DeliveryPreferences, now: datetime) -> date:
    """The learner's local date at `now` (aware)."""
    return now.astimezone(ZoneInfo(preferences.time_zone)).date()


def due_dates(preferences: DeliveryPreferences, now: datetime, lead: timedelta) -> list[date]:
    """The learner's local dates whose podcast should be requested by `now` (aware): from `lead`
    before its delivery time until that local day ends, so a scheduler that was down still
    requests today's. At most two: today's, and tomorrow's when the lead reaches past midnight."""
    if not preferences.daily:
        return []
    zone = ZoneInfo(preferences.time_zone)
    today = now.astimezone(zone).date()
    due = []
    for day in (today, today + timedelta(days=1)):
        ready_at = datetime.combine(day, preferences.delivery_time, zone)
        day_ends = datetime.combine(day + timedelta(days=1), time(), zone)
        if ready_at - lead <= now < day_ends:
            due.append(day)
    return due
