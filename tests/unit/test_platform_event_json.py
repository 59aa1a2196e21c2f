"""The platform's events as JSON (POST /api/platform-events/): each checked against its Avro schema,
then the very event a producer would have written to Kafka."""

from __future__ import annotations

import uuid
from datetime import datetime, time, timedelta, timezone

import pytest
from pydantic import TypeAdapter, ValidationError

from dailycast import events as ev
from dailycast.events import EVENT_TYPES, LEARNER_EVENTS
from dailycast.messaging.avro import default_schemas
from services.api.platform_events import BATCH_LIMIT, EVENT_MODELS, PlatformEventsIn

SCHEMAS = default_schemas()
BODY = TypeAdapter(PlatformEventsIn)
EVENT_ID = "0b7f3c52-7c2a-4a0e-9d0e-2c6b3f1d9a10"
AT = datetime(2026, 9, 1, 9, 0, tzinfo=timezone.utc)


def enrollment(**values) -> dict:
    return {"type": "EnrollmentChanged", "event_id": EVENT_ID, "occurred_at": "2026-09-01T09:00:00Z", "user_id": 42,
            "course_id": 7, "course_title": "Statistics", "enrolled": True} | values


def events(body) -> list:
    return [e.event() for e in BODY.validate_python(body)]


def refusal(body) -> list[tuple]:
    with pytest.raises(ValidationError) as caught:
        BODY.validate_python(body)
    return [error["loc"] for error in caught.value.errors()]


def test_every_platform_event_and_only_those_has_a_json_form():
    platform = {name for name, t in EVENT_TYPES.items() if t.topic == LEARNER_EVENTS} - {"FeedRotated"}
    assert set(EVENT_MODELS) == platform == {"UserUpserted", "EnrollmentChanged", "DeliveryPreferencesChanged",
                                             "QuizScored"}


@pytest.mark.parametrize("name", sorted(EVENT_MODELS))
def test_the_json_form_has_the_fields_of_the_newest_schema(name):
    schema = SCHEMAS.latest[name].parsed
    model = EVENT_MODELS[name]
    assert set(model.model_fields) == {"type"} | {f["name"] for f in schema["fields"]}
    required = {n for n, f in model.model_fields.items() if f.is_required()}
    # The envelope's id and time may be left out: the API makes them.
    assert required == {"type"} | {f["name"] for f in schema["fields"] if "default" not in f} - {"event_id", "occurred_at"}


def test_a_json_event_is_the_event_a_kafka_producer_would_write():
    (event,) = events(enrollment())
    assert event == ev.EnrollmentChanged(EVENT_ID, AT, 42, 7, "Statistics", True)
    assert SCHEMAS.decode(SCHEMAS.encode(event)) == event


def test_every_platform_event_converts_and_encodes():
    body = [
        {"type": "UserUpserted", "user_id": 42, "email": "a@example.com", "name": "Aiko", "locale": "ja-JP"},
        enrollment(),
        {"type": "DeliveryPreferencesChanged", "user_id": 42, "daily": True, "languages": ["ja", "en"],
         "output_format": "audio", "minutes": 10, "delivery_time": "06:30", "time_zone": "Asia/Tokyo"},
        {"type": "QuizScored", "user_id": 42, "quiz_id": 3, "subject": "Databases", "score": 1,
         "scored_at": "2026-09-01T11:00:00+02:00"},
    ]
    user, _, preferences, quiz = converted = events(body)
    assert (user.active, user.is_staff) == (True, False)  # the schema's defaults
    assert preferences.delivery_time == time(6, 30) and preferences.languages == ["ja", "en"]
    assert quiz.score == 1.0 and quiz.scored_at == AT
    for event in converted:
        assert SCHEMAS.decode(SCHEMAS.encode(event)) == event


def test_an_event_without_id_or_time_gets_new_ones():
    before = ev.utcnow()
    first, second = events([enrollment(event_id=None, occurred_at=None), {
        k: v for k, v in enrollment().items() if k not in ("event_id", "occurred_at")}])
    assert first.event_id != second.event_id and uuid.UUID(first.event_id).version == 4
    assert before <= first.occurred_at <= ev.utcnow() and first.occurred_at.tzinfo is not None


def test_one_event_or_a_batch_in_order():
    assert [e.course_id for e in events(enrollment())] == [7]
    assert [e.course_id for e in events([enrollment(course_id=n) for n in range(BATCH_LIMIT)])] == list(range(BATCH_LIMIT))


def test_event_ids_are_uuids_in_any_case():
    (event,) = events(enrollment(event_id=EVENT_ID.upper()))
    assert event.event_id == EVENT_ID  # one event, however its producer wrote the id
    assert refusal(enrollment(event_id="e1")) == [(0, "EnrollmentChanged", "event_id")]


@pytest.mark.parametrize(("values", "field"), [
    ({"user_id": "42"}, "user_id"),  # a long is a JSON integer
    ({"user_id": 2**63}, "user_id"),  # beyond Avro's long
    ({"user_id": 4.5}, "user_id"),
    ({"enrolled": "true"}, "enrolled"),
    ({"enrolled": 1}, "enrolled"),
    ({"course_title": 7}, "course_title"),
    ({"course_title": "a\x00b"}, "course_title"),  # no database keeps a NUL
    ({"course_title": "\udc00"}, "course_title"),  # not Unicode
    ({"occurred_at": "2026-09-01T09:00:00"}, "occurred_at"),  # a time without its offset is no instant
    ({"occurred_at": 1788253200}, "occurred_at"),  # times are text
    ({"course_id": None}, "course_id"),
    ({"extra": 1}, "extra"),  # a misspelt field is an error, not a field ignored
])
def test_a_value_the_schema_refuses_is_named(values, field):
    assert refusal(enrollment(**values)) == [(0, "EnrollmentChanged", field)]


def test_a_missing_field_is_named():
    body = enrollment()
    del body["course_title"]
    assert refusal([enrollment(), body]) == [(1, "EnrollmentChanged", "course_title")]


@pytest.mark.parametrize(("values", "field"), [
    ({"minutes": 2**31}, "minutes"),  # an Avro int is 32 bits
    ({"delivery_time": "6:30"}, "delivery_time"),
    ({"delivery_time": "24:00"}, "delivery_time"),
    ({"languages": "ja"}, "languages"),
    ({"languages": [1]}, "languages"),
])
def test_ints_times_and_arrays_follow_the_schema(values, field):
    body = {"type": "DeliveryPreferencesChanged", "user_id": 42, "daily": True, "languages": ["ja"],
            "output_format": "audio", "minutes": 10, "delivery_time": "06:30", "time_zone": "Asia/Tokyo"} | values
    assert refusal(body)[0][:3] == (0, "DeliveryPreferencesChanged", field)


@pytest.mark.parametrize("score", [float("nan"), float("inf"), "0.5"])
def test_a_double_is_a_finite_json_number(score):
    body = {"type": "QuizScored", "user_id": 42, "quiz_id": 3, "subject": "Databases", "score": score,
            "scored_at": "2026-09-01T09:00:00Z"}
    assert refusal(body) == [(0, "QuizScored", "score")]


@pytest.mark.parametrize("body", [{"type": "PodcastDeleted", "podcast_id": 1}, {"type": "Nope"}, {"user_id": 42}, [7]])
def test_only_platform_events_are_taken(body):
    assert refusal(body) == [(0,)]


@pytest.mark.parametrize("size", [0, BATCH_LIMIT + 1])
def test_a_batch_has_1_to_the_limit_of_events(size):
    assert refusal([enrollment()] * size) == [()]


def test_the_time_an_event_occurred_is_kept_as_given():
    (event,) = events(enrollment(occurred_at="2026-09-01T18:00:00.123456+09:00"))
    assert event.occurred_at == AT + timedelta(microseconds=123456)
