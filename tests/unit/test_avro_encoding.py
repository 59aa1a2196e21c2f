import io
import json
from datetime import time

import fastavro
import pytest

from dailycast import events as ev
from dailycast.events import EVENT_TYPES
from dailycast.messaging.avro import MARKER, SCHEMA_DIR, SchemaSet, UndecodableMessage
from dailycast.messaging.records import to_record
from dailycast.scripts import Question
from dailycast.learner import Revisit
from tests.utils.factories import learner, podcast_requested

SCHEMAS = SchemaSet()


def sample_events() -> list:
    requested = podcast_requested(languages=("en", "ja"), learner=learner(
        revisit=[Revisit("Why?", ["a reason"], 0.5, "en")], liked_topics=["Django"], disliked_topics=["SQL"]))
    now = ev.utcnow()
    recipient = requested.recipient
    return [
        requested,
        ev.ScriptReady("e2", now, 7, 1, ["en"], "text", [ev.ScriptText("en", "Hello")],
                       [Question("q1", {"en": "Why?"}, ["because"])], ["Django"], "openai", recipient, "m", 12, 4, 8),
        ev.AudioReady("e3", now, 7, 1, [ev.AudioTrack("en", "k.mp3", 361.5, "en-us", "espeak",
                                                      [ev.QuestionTime("q1", 10.0, 12.5)], "local", 0,
                                                      [ev.SentenceTime(0, 1800, "Hello."), ev.SentenceTime(1800, 12500, "Why?")],
                                                      [ev.Chapter(0, "Hello."), ev.Chapter(10000, "Why?")], 5794)]),
        ev.completed_after(requested),
        ev.failed_after(requested, "tts", "detail"),
        ev.PodcastDeleted("e6", now, 7),
        ev.AnswersSaved("e11", now, 7, 1, [ev.Answer("q1", "because"), ev.Answer("q2", "さあ")]),
        ev.AnswerSubmitted("e12", now, 7, 1, "q1", "because", "Why?", ["a reason", "an example"], "en"),
        ev.AnswerGraded("e13", now, 7, 1, "q1", now, ["a reason"], 0.5, "Good start.", "local", None),
        ev.PodcastRated("e14", now, 7, 1, [ev.Rating("", "up"), ev.Rating("Django", "down")]),
        ev.UserUpserted("e7", now, 1, "a@example.com", "Aiko", "ja-JP"),
        ev.EnrollmentChanged("e8", now, 1, 5, "Django", True),
        ev.QuizScored("e9", now, 1, 3, "Databases", 0.5, now),
        ev.DeliveryPreferencesChanged("e10", now, 1, True, ["ja", "en"], "audio", 10, time(6, 30), "Asia/Tokyo"),
        ev.FeedRotated("e12", now, 1, 2),
    ]


def test_every_event_type_has_a_sample():
    assert {type(e).__name__ for e in sample_events()} == set(EVENT_TYPES)


@pytest.mark.parametrize("event", sample_events(), ids=lambda e: type(e).__name__)
def test_round_trip_is_exact(event):
    data = SCHEMAS.encode(event)
    assert data[:2] == MARKER
    assert SCHEMAS.decode(data) == event


def test_fingerprint_is_the_writer_schema_crc64_little_endian():
    schema = SCHEMAS.latest["PodcastDeleted"]
    data = SCHEMAS.encode(ev.PodcastDeleted("e", ev.utcnow(), 1))
    assert data[2:10] == schema.fingerprint
    assert int.from_bytes(schema.fingerprint, "little") != int.from_bytes(schema.fingerprint, "big")


@pytest.mark.parametrize("data", [b"", b"{}", b"\xc3\x01" + b"\0" * 8 + b"x", b"\xc3\x01"])
def test_garbage_is_undecodable(data):
    with pytest.raises(UndecodableMessage):
        SCHEMAS.decode(data)


def test_corrupt_body_is_undecodable():
    data = SCHEMAS.encode(sample_events()[0])
    with pytest.raises(UndecodableMessage):
        SCHEMAS.decode(data[:14])


def test_every_schema_version_is_readable_by_the_current_reader():
    """Messages written with any version in schemas/ still decode: the compatibility guarantee."""
    samples = {type(e).__name__: to_record(e) for e in sample_events()}
    for version in SCHEMAS.by_fingerprint.values():
        record = _fill(version.parsed, samples[version.event_type])
        body = io.BytesIO()
        fastavro.schemaless_writer(body, version.parsed, record)
        event = SCHEMAS.decode(MARKER + version.fingerprint + body.getvalue())
        assert type(event).__name__ == version.event_type


def _fill(schema: dict, sample: dict) -> dict:
    """The sample, restricted to the fields an older schema version has."""
    return {f["name"]: sample.get(f["name"], f.get("default")) for f in schema["fields"]}


def test_schema_files_are_named_by_event_and_version():
    for path in SCHEMA_DIR.glob("*.avsc"):
        schema = json.loads(path.read_text())
        stem = path.name.split(".v")[0]
        assert stem.replace("_", "") == schema["name"].lower()


def test_latest_version_reads_an_older_writer(tmp_path):
    """Schema resolution: a v2 that adds a defaulted field reads v1 messages."""
    v1 = json.loads((SCHEMA_DIR / "podcast_deleted.v1.avsc").read_text())
    v2 = {**v1, "fields": v1["fields"] + [{"name": "reason", "type": "string", "default": "by user"}]}
    (tmp_path / "podcast_deleted.v1.avsc").write_text(json.dumps(v1))
    (tmp_path / "podcast_deleted.v2.avsc").write_text(json.dumps(v2))
    old, new = SchemaSet(SCHEMA_DIR), SchemaSet(tmp_path)
    event = ev.PodcastDeleted("e", ev.utcnow(), 3)
    assert new.decode(old.encode(event)) == event
    assert new.latest["PodcastDeleted"].version == 2
