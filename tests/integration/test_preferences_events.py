"""Platform services set delivery preferences with DeliveryPreferencesChanged, checked as the API checks them."""

from __future__ import annotations

from datetime import time

from dailycast import events as ev
from dailycast.messaging.envelope import EventPublisher
from tests.utils.system import wait_for

LUCAS = 2


def changed(**values) -> ev.DeliveryPreferencesChanged:
    fields = dict(daily=True, languages=["fr", "en"], output_format="text", minutes=3, delivery_time=time(6, 15),
                  time_zone="America/Montreal") | values
    return ev.DeliveryPreferencesChanged(event_id=ev.new_event_id(), occurred_at=ev.utcnow(), user_id=LUCAS, **fields)


def publish(api, *events) -> None:
    publisher = EventPublisher(api.system.resources.producer, api.system.schemas, "platform/test")
    api.client.portal.call(publisher.publish, list(events))


def preferences(api) -> dict:
    return api.get(f"/api/learners/{LUCAS}/preferences", 99, staff=True).json()


def test_a_platform_event_sets_a_learners_preferences_and_a_bad_one_changes_nothing(api):
    before = preferences(api)
    # A zone the API would refuse: the event fails (and is dead-lettered); the next one still applies.
    publish(api, changed(time_zone="Mars/Olympus_Mons"), changed(minutes=7), changed())
    expected = {"user_id": LUCAS, "daily": True, "languages": ["fr", "en"], "output_format": "text", "minutes": 3,
                "delivery_time": "06:15", "time_zone": "America/Montreal"}
    wait_for(lambda: preferences(api) == expected, timeout=30, what="the preferences the platform set")
    assert before["time_zone"] == "Europe/Paris"
    publish(api, changed(daily=False))
    wait_for(lambda: preferences(api)["daily"] is False, timeout=30, what="daily turned off")
