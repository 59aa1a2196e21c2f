"""PollySynthesizer with the real boto3 over HTTP to a local server that speaks Polly's SynthesizeSpeech
(tests/utils/polly_server.py: real MP3 and speech marks). So a long script goes the whole way: cut
into pieces, spoken concurrently within the rate, joined, marks moved; and through tts's handler
into S3 on moto.
"""

from __future__ import annotations

import io

import pytest
from mutagen.mp3 import MP3

from dailycast import events as ev
from dailycast.quotas import LocalQuota, Rate
from services.scriptgen.handlers import write_script
from dailycast.aws import aws_client
from dailycast.transcript import script_sentences
from services.tts.handlers import synthesize_audio
from services.tts.mp3 import read_mp3
from dailycast.storage.s3_audio_store import S3AudioStore
from services.tts.ssml_chunks import billed_characters, split_ssml
from services.tts.synthesizers.base import Voice
from services.tts.synthesizers.polly import PollySynthesizer
from bench.provider_replies import fake_speech, polly_output
from tests.utils.fake_polly import long_ssml
from tests.utils.factories import podcast_requested, written_script
from tests.utils.fakes import FakeWriter
from tests.utils.moto_server import moto, moto_server  # noqa: F401 (fixtures)
from tests.utils.polly_server import PollyServer, polly_server  # noqa: F401 (fixture)


def synthesizer(server: PollyServer, **options) -> PollySynthesizer:
    client = aws_client("polly", "us-east-1", server.url, max_pool_connections=8)
    fast = {engine: LocalQuota(f"polly/{engine}", Rate(200)) for engine in ("neural", "standard")}
    return PollySynthesizer(client, **{"quotas": fast, **options})


async def test_a_long_script_goes_through_pieces_to_one_exact_audio(polly_server):
    ssml, questions = long_ssml(60)
    speaker = synthesizer(polly_server, max_chars=900, max_billed=450)
    audio = await speaker.synthesize(ssml, Voice("en", "Joanna", "neural"))
    pieces = split_ssml(ssml, 900, 450)
    sent = [p for _, p in polly_server.requests]
    assert {p["path"] for p in sent} == {"/v1/speech"}
    assert sorted(p["Text"] for p in sent if p["OutputFormat"] == "mp3") == sorted(pieces)
    assert all(p["Engine"] == "neural" and p["VoiceId"] == "Joanna" and p["TextType"] == "ssml" for p in sent)
    parts = [read_mp3(polly_output({"Text": p, "OutputFormat": "mp3", "SampleRate": "24000"})) for p in pieces]
    assert audio.mp3 == b"".join(p.frames for p in parts)  # in order, though spoken concurrently
    assert audio.duration_seconds == sum(p.samples for p in parts) / 24000
    before, expected = 0.0, {}
    for piece, part in zip(pieces, parts):
        expected.update({name: before + at for name, at in fake_speech(piece)[1]})
        before += part.duration_seconds
    assert audio.marks == pytest.approx(expected, abs=0.002)
    assert polly_server.most_in_flight > 1
    assert audio.billed_characters == sum(billed_characters(p["Text"]) for p in sent)  # as the header said


async def test_requests_keep_to_the_rate_over_http(polly_server):
    ssml, _ = long_ssml(30)
    await synthesizer(polly_server, quotas={"standard": LocalQuota("polly/standard", Rate(25))}, max_chars=600, max_billed=300).synthesize(
        ssml, Voice("ru", "Tatyana", "standard")
    )
    starts = sorted(at for at, _ in polly_server.requests)
    assert len(starts) >= 6
    assert all(at - starts[0] >= k / 25 - 0.015 for k, at in enumerate(starts))


async def test_tts_handler_with_polly_and_s3_stores_tracks_with_question_times(polly_server, moto):
    (ready,) = await write_script(
        podcast_requested(languages=("en", "ru"), output_format="audio"),
        writer=FakeWriter(script=lambda request: written_script(request, minutes=1.0)),
    )
    s3 = moto.client("s3")
    store = S3AudioStore(moto.bucket(), s3)
    emitted = await synthesize_audio(
        ready, synthesizer=synthesizer(polly_server), store=store, voice_provider="polly", pause_seconds=3
    )
    audio_ready = emitted[0]
    assert isinstance(audio_ready, ev.AudioReady) and isinstance(emitted[1], ev.PodcastCompleted)
    for track in audio_ready.tracks:
        stored = s3.get_object(Bucket=store.bucket, Key=track.audio_key)
        assert stored["ContentType"] == "audio/mpeg"
        assert read_mp3(stored["Body"].read()).duration_seconds == track.duration_seconds
        assert (track.voice, track.synthesizer) == ({"en": "Joanna", "ru": "Tatyana"}[track.language], "polly")
        assert track.engine == {"en": "neural", "ru": "standard"}[track.language]
        assert track.billed_characters > len(ready.script(track.language))  # the script, and its marks again
        times = track.question_times
        assert [t.question_id for t in times] == ["q1", "q2", "q3"]
        assert all(0 < t.starts_at < t.pause_at < track.duration_seconds for t in times)


async def test_each_track_has_its_transcript_and_chapters_in_the_event_and_in_the_mp3s_id3_tags(polly_server, moto):
    (ready,) = await write_script(
        podcast_requested(languages=("en", "ja"), output_format="audio"),
        writer=FakeWriter(script=lambda request: written_script(request, minutes=1.0)),
    )
    store = S3AudioStore(moto.bucket(), moto.client("s3"))
    (audio_ready, _) = await synthesize_audio(
        ready, synthesizer=synthesizer(polly_server), store=store, voice_provider="polly", pause_seconds=3
    )
    for track in audio_ready.tracks:
        spoken = track.sentences
        assert [s.text for s in spoken] == [s for p in script_sentences(ready.script(track.language)) for s in p]
        assert all(a.end_ms <= b.start_ms for a, b in zip(spoken, spoken[1:]))  # in order, none overlapping
        assert all(s.start_ms < s.end_ms for s in spoken) and spoken[-1].end_ms <= round(track.duration_seconds * 1000)
        asked = {round(t.starts_at * 1000) for t in track.question_times}
        assert asked <= {c.start_ms for c in track.chapters} and len(track.chapters) > len(asked)
        stored = await store.get(track.audio_key)
        assert track.size_bytes == len(stored)
        tags = MP3(io.BytesIO(stored)).tags
        assert tags["TLAN"].text == [{"en": "eng", "ja": "jpn"}[track.language]]
        assert sorted(c.start_time for c in tags.getall("CHAP")) == [c.start_ms for c in track.chapters]
