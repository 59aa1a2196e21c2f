"""PollySynthesizer with a fake Polly client: requests, pieces, concurrency, rate, joined audio, errors."""

from __future__ import annotations

import io
import threading
import time

import pytest
from botocore.exceptions import ClientError, EndpointConnectionError

from dailycast.quotas import LocalQuota, Rate
from services.tts.mp3 import read_mp3
from services.tts.ssml import question_marks
from services.tts.ssml_chunks import billed_characters, split_ssml
from services.tts.synthesizers.base import SynthesisError, Voice
from services.tts.synthesizers.polly import PollySynthesizer
from bench.provider_replies import fake_speech, polly_output
from tests.utils.fake_polly import long_ssml

JOANNA = Voice("en", "Joanna", "neural")
TATYANA = Voice("ru", "Tatyana", "standard")


class FakePollyClient:
    """Answers synthesize_speech like Polly's client does; records every request and overlap."""

    def __init__(self, latency: float = 0.0, answer=polly_output):
        self.latency, self.answer = latency, answer
        self.requests: list[tuple[float, dict]] = []
        self.in_flight = self.most_in_flight = 0
        self._lock = threading.Lock()

    def synthesize_speech(self, **params):
        with self._lock:
            self.requests.append((time.monotonic(), params))
            self.in_flight += 1
            self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            time.sleep(self.latency)
            return {"AudioStream": io.BytesIO(self.answer(params)), "ContentType": "audio/mpeg",
                    "RequestCharacters": billed_characters(params["Text"])}
        finally:
            with self._lock:
                self.in_flight -= 1


def polly(client, **options) -> PollySynthesizer:
    """A synthesizer whose rate limit does not slow the tests that are not about it."""
    fast = {engine: LocalQuota(f"polly/{engine}", Rate(1000)) for engine in ("neural", "standard")}
    return PollySynthesizer(client, **{"quotas": fast, "first_pause_seconds": 0.01, **options})


async def test_each_piece_asks_for_mp3_and_its_marks_with_the_voice():
    ssml, _ = long_ssml(5)
    client = FakePollyClient()
    await polly(client).synthesize(ssml, JOANNA)
    (_, audio), (_, marks) = sorted(client.requests, key=lambda r: r[1]["OutputFormat"] == "json")
    common = dict(Engine="neural", VoiceId="Joanna", TextType="ssml", Text=ssml)
    assert audio == {**common, "OutputFormat": "mp3", "SampleRate": "24000"}
    assert marks == {**common, "OutputFormat": "json", "SpeechMarkTypes": ["ssml"]}


async def test_a_standard_voice_gets_its_default_sample_rate_and_a_set_rate_wins():
    ssml = "<speak>Привет.</speak>"
    client = FakePollyClient()
    await polly(client).synthesize(ssml, TATYANA)
    await polly(client, sample_rate="16000").synthesize(ssml, TATYANA)
    assert [p["SampleRate"] for _, p in client.requests] == ["22050", "16000"]
    assert all("SpeechMarkTypes" not in p for _, p in client.requests)  # no marks, no marks request


async def test_a_long_script_is_joined_in_order_with_exact_duration_and_moved_marks():
    ssml, questions = long_ssml()
    client = FakePollyClient(latency=0.01)
    audio = await polly(client, max_chars=800, max_billed=400).synthesize(ssml, JOANNA)
    pieces = split_ssml(ssml, 800, 400)
    assert len(pieces) > 3
    parts = [read_mp3(polly_output({"Text": p, "OutputFormat": "mp3", "SampleRate": "24000"})) for p in pieces]
    assert audio.mp3 == b"".join(p.frames for p in parts)
    assert audio.duration_seconds == sum(p.samples for p in parts) / 24000
    expected, before = {}, 0.0
    for piece, part in zip(pieces, parts):
        expected.update({name: round(before + round(at, 3), 3) for name, at in fake_speech(piece)[1]})
        before += part.duration_seconds
    assert audio.marks == pytest.approx(expected, abs=0.002)
    times = question_marks(audio.marks, questions)
    assert [t[0] for t in times] == ["q1", "q2", "q3"]
    assert all(0 < start < pause < audio.duration_seconds for _, start, pause in times)


async def test_the_audio_bills_what_polly_billed_for_every_request_its_marks_included():
    ssml, _ = long_ssml()
    client = FakePollyClient()
    audio = await polly(client, max_chars=800, max_billed=400).synthesize(ssml, JOANNA)
    marks_requests = [p for _, p in client.requests if p["OutputFormat"] == "json"]
    assert len(marks_requests) == len(client.requests) / 2  # every piece has marks: its sentences
    assert audio.billed_characters == sum(billed_characters(p["Text"]) for _, p in client.requests)


async def test_requests_run_concurrently_up_to_the_limit():
    ssml, _ = long_ssml()
    client = FakePollyClient(latency=0.05)
    synthesizer = polly(client, max_concurrency=3, max_chars=600, max_billed=300)
    began = time.monotonic()
    await synthesizer.synthesize(ssml, TATYANA)
    assert len(client.requests) >= 8
    assert client.most_in_flight == 3
    assert time.monotonic() - began < len(client.requests) * 0.05  # not one after another


async def test_the_limit_is_reached_whatever_the_machine_s_default_thread_pool():
    # asyncio's default pool has CPUs + 4 threads (6 on two cores), shared with every other blocking call.
    ssml, _ = long_ssml(200)
    client = FakePollyClient(latency=0.2)
    await polly(client, max_concurrency=16, max_chars=400, max_billed=200).synthesize(ssml, TATYANA)
    assert len(client.requests) >= 32
    assert client.most_in_flight == 16


async def test_requests_start_no_faster_than_the_engines_rate():
    ssml, _ = long_ssml()
    client = FakePollyClient()
    synthesizer = PollySynthesizer(client, quotas={"neural": LocalQuota("polly/neural", Rate(40))}, max_chars=600, max_billed=300)
    await synthesizer.synthesize(ssml, JOANNA)
    starts = sorted(at for at, _ in client.requests)
    assert len(starts) >= 8
    # Slots are booked 1/40 s apart; a thread may start late, never early (0.01 s for the first's lateness).
    assert all(at - starts[0] >= k / 40 - 0.01 for k, at in enumerate(starts))


@pytest.mark.parametrize(
    "answer",
    [
        lambda p: b"",
        lambda p: bytes(8),
        lambda p: polly_output(p) if p["OutputFormat"] == "mp3" else b"{broken",
    ],
    ids=["empty-audio", "moto-zero-bytes", "unreadable-marks"],
)
async def test_unusable_output_is_a_synthesis_error(answer):
    ssml, _ = long_ssml(5)
    with pytest.raises(SynthesisError, match="unusable"):
        await polly(FakePollyClient(answer=answer)).synthesize(ssml, JOANNA)


THROTTLED = ClientError({"Error": {"Code": "ThrottlingException", "Message": "Rate exceeded"}}, "SynthesizeSpeech")


@pytest.mark.parametrize(
    "error",
    [
        ClientError({"Error": {"Code": "ValidationException", "Message": "Invalid SSML"}}, "SynthesizeSpeech"),
        EndpointConnectionError(endpoint_url="https://polly.eu-west-1.amazonaws.com"),
    ],
)
async def test_polly_errors_are_synthesis_errors(error):
    def refuse(params):
        raise error

    with pytest.raises(SynthesisError, match="Amazon Polly failed"):
        await polly(FakePollyClient(answer=refuse)).synthesize("<speak>Hi.</speak>", JOANNA)


async def test_a_throttled_request_is_made_again_until_polly_answers():
    refusals = iter(range(3))

    def throttle_three_times(params):
        if next(refusals, None) is not None:
            raise THROTTLED
        return polly_output(params)

    client = FakePollyClient(answer=throttle_three_times)
    audio = await polly(client).synthesize("<speak>Hi.</speak>", JOANNA)
    assert audio.duration_seconds > 0 and len(client.requests) == 4


async def test_throttled_past_its_patience_the_request_fails():
    def refuse(params):
        raise THROTTLED

    with pytest.raises(SynthesisError, match="ThrottlingException"):
        await polly(FakePollyClient(answer=refuse), patience_seconds=0.05).synthesize("<speak>Hi.</speak>", JOANNA)


async def test_a_script_that_cannot_be_cut_is_a_synthesis_error():
    with pytest.raises(SynthesisError, match="cannot be cut"):
        await PollySynthesizer(FakePollyClient()).synthesize("plain text, no <speak>", JOANNA)


def test_only_pollys_sample_rates_are_accepted():
    with pytest.raises(ValueError, match="24000"):
        PollySynthesizer(FakePollyClient(), sample_rate="44100")


async def test_a_latin_title_in_japanese_is_asked_for_as_english():
    ssml = '<speak><p>Python Advancedを勉強しています。</p></speak>'
    client = FakePollyClient()
    await polly(client).synthesize(ssml, Voice("ja", "Takumi", "neural"))
    [(_, request)] = client.requests
    assert request["Text"] == '<speak><p><lang xml:lang="en-US">Python Advanced</lang>を勉強しています。</p></speak>'
