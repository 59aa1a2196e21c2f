"""Delivery preferences: defaults from the locale, and when a daily podcast is due."""

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from dailycast.preferences import DeliveryPreferences, default_preferences, due_dates, zone_of_locale

UTC = timezone.utc
LEAD = timedelta(hours=1)


@pytest.mark.parametrize("locale, zone", [
    ("ja-JP", "Asia/Tokyo"), ("ja", "Asia/Tokyo"), ("en-US", "America/New_York"), ("en_GB", "Europe/London"),
    ("fr-FR", "Europe/Paris"), ("pt-BR", "America/Sao_Paulo"), ("pt", "America/Sao_Paulo"), ("ko", "Asia/Seoul"),
    ("ru-RU", "Europe/Moscow"), ("de", "Europe/Berlin"), ("es", "Europe/Madrid"), ("it-IT", "Europe/Rome"),
    ("xx-??", "UTC"), ("", "UTC"),
])
def test_the_zone_comes_from_the_locale(locale, zone):
    assert zone_of_locale(locale) == zone


def test_defaults_follow_the_locale():
    assert default_preferences("ja-JP") == DeliveryPreferences(
        daily=True, languages=["ja"], output_format="both", minutes=6, delivery_time=time(7), time_zone="Asia/Tokyo")
    assert default_preferences("sv-SE").languages == ["en"]  # a language we do not speak: English


def at(text: str, zone: str = "UTC") -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(zone))


def test_a_podcast_is_due_from_the_lead_before_its_time_until_the_local_day_ends():
    tokyo = DeliveryPreferences(time_zone="Asia/Tokyo")  # ready at 07:00 in Tokyo, 22:00 UTC the day before
    assert due_dates(tokyo, at("2026-12-01T20:59"), LEAD) == []
    assert due_dates(tokyo, at("2026-12-01T21:00"), LEAD) == [date(2026, 12, 2)]
    assert due_dates(tokyo, at("2026-12-02T14:59"), LEAD) == [date(2026, 12, 2)]  # 23:59 in Tokyo: still today's
    assert due_dates(tokyo, at("2026-12-02T15:00"), LEAD) == []  # midnight in Tokyo: the 3rd's is not due yet
    assert due_dates(DeliveryPreferences(daily=False), at("2026-12-02T12:00"), LEAD) == []


def test_a_lead_past_midnight_makes_tomorrows_due_today():
    early = DeliveryPreferences(delivery_time=time(0, 30))
    assert due_dates(early, at("2026-12-01T23:40"), LEAD) == [date(2026, 12, 1), date(2026, 12, 2)]


def test_local_days_follow_daylight_saving_time():
    paris = DeliveryPreferences(time_zone="Europe/Paris")
    # 29 March 2026: clocks go from 02:00 to 03:00; 07:00 local is 05:00 UTC, the day before 06:00 UTC.
    assert due_dates(paris, at("2026-03-29T03:59", "UTC"), LEAD) == []
    assert due_dates(paris, at("2026-03-29T04:00", "UTC"), LEAD) == [date(2026, 3, 29)]
    assert due_dates(paris, at("2026-03-28T05:00", "UTC"), LEAD) == [date(2026, 3, 28)]


def test_local_today_is_the_learners_date():
    from dailycast.preferences import local_today

    assert local_today(DeliveryPreferences(time_zone="Asia/Tokyo"), at("2026-12-01T15:00")) == date(2026, 12, 2)
    assert local_today(DeliveryPreferences(time_zone="America/New_York"), at("2026-12-01T03:00")) == date(2026, 11, 30)
