"""PollySynthesizer and the doctor's checks against moto's Polly and S3, over HTTP with boto3
(and, without AWS, the doctor's local checks).

moto goes only so far: its SynthesizeSpeech validates the request and answers 8 zero bytes
(for MP3 and speech marks alike), refuses SampleRate 24000 (neural voices' default on real
Polly) and knows Léa by her name, not her id "Lea". So here: what we ask for, and that what
comes back unusable fails cleanly. Real audio, pieces and marks: test_polly_http.py.
"""

import json

import pytest
from botocore.exceptions import ClientError

from dailycast.aws import aws_client
from dailycast.storage import audio_store_probe
from dailycast.quotas import LocalQuota, Rate
from services.tts.probes import speech_probe
from services.tts.settings import TtsSettings
from services.tts.ssml import english_terms
from services.tts.synthesizers.base import SynthesisError, Voice
from services.tts.synthesizers.polly import PollySynthesizer
from tests.utils.moto_server import moto, moto_server  # noqa: F401 (fixtures)

SSML = (
    '<speak><p>Hello. <s><mark name="q1"/>Why is the sky blue?<mark name="q1-end"/></s>'
    '<break time="2s"/></p></speak>'
)


@pytest.fixture
def polly(moto):
    """A Polly client of its own (its hooks stay with this test) that records each request's JSON body."""
    client = aws_client("polly", moto.region, moto.endpoint_url)
    client.sent = []
    client.meta.events.register(
        "before-call.polly.SynthesizeSpeech", lambda params, **_: client.sent.append(json.loads(params["body"]))
    )
    return client


def speaker(polly, **options) -> PollySynthesizer:
    return PollySynthesizer(polly, quotas={e: LocalQuota(f"polly/{e}", Rate(100)) for e in ("neural", "standard")}, **options)


async def test_a_standard_voice_is_asked_for_mp3_and_ssml_marks(polly):
    with pytest.raises(SynthesisError, match="unusable"):  # moto's 8 zero bytes are no MP3
        await speaker(polly).synthesize(SSML, Voice("ru", "Tatyana", "standard"))
    sent = sorted(polly.sent, key=lambda body: body["OutputFormat"])
    # A Russian voice is told that Latin-script text is English.
    asked = dict(Engine="standard", VoiceId="Tatyana", TextType="ssml", Text=english_terms(SSML, "ru"))
    assert sent == [
        {**asked, "OutputFormat": "json", "SpeechMarkTypes": ["ssml"]},
        {**asked, "OutputFormat": "mp3", "SampleRate": "22050"},
    ]


async def test_a_neural_voice_is_asked_for_with_its_engine(polly):
    with pytest.raises(SynthesisError, match="unusable"):
        await speaker(polly, sample_rate="16000").synthesize(SSML, Voice("en", "Joanna", "neural"))
    assert {(body["Engine"], body["VoiceId"]) for body in polly.sent} == {("neural", "Joanna")}


async def test_a_latin_title_in_japanese_goes_to_polly_marked_as_english(polly):
    ssml = '<speak><p>Python Advancedを勉強しています。</p></speak>'
    with pytest.raises(SynthesisError, match="unusable"):  # accepted, answered with moto's zero bytes
        await speaker(polly, sample_rate="16000").synthesize(ssml, Voice("ja", "Takumi", "neural"))
    [body] = polly.sent
    assert body["Text"] == '<speak><p><lang xml:lang="en-US">Python Advanced</lang>を勉強しています。</p></speak>'


async def test_a_refusal_by_polly_is_a_synthesis_error(polly):
    with pytest.raises(SynthesisError, match="Amazon Polly failed.*InvalidParameterValue"):
        await speaker(polly).synthesize(SSML, Voice("en", "Nobody", "standard"))


def aws_settings(moto, bucket: str) -> TtsSettings:
    endpoint = moto.endpoint_url
    return TtsSettings(speech="polly", polly_endpoint_url=endpoint, s3_bucket=bucket, s3_endpoint_url=endpoint)


async def test_doctor_finds_every_voice_and_engine_and_the_bucket(moto):
    settings = aws_settings(moto, moto.bucket())
    assert await speech_probe(settings).check() == "has the voice of all 9 languages"
    assert await audio_store_probe(settings).check() == "reachable"


async def test_doctor_reports_a_missing_bucket(moto):
    settings = aws_settings(moto, "no-such-bucket-x1")
    assert await speech_probe(settings).check()
    with pytest.raises(ClientError):
        await audio_store_probe(settings).check()


async def test_doctor_without_aws_checks_espeak_and_the_audio_folder(tmp_path):
    settings = TtsSettings(speech="local", s3_bucket=None, data_dir=tmp_path)
    assert (await speech_probe(settings).check()).startswith("speaks")
    assert await audio_store_probe(settings).check() == "can be made at start"
