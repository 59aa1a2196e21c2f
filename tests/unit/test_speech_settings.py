"""Which speech and audio store the settings choose, and what `dailycast doctor` is told about them."""

from urllib.parse import parse_qs, urlsplit

from functools import partial

import pytest

from dailycast.database import make_engine
from services.api.settings import ApiSettings
from dailycast.storage.audio_store import LocalAudioStore
from dailycast.aws import CREDENTIAL_VARIABLES, REGION_VARIABLES, aws_configured
from dailycast.storage import audio_store_probe, build_audio_store
from services.tts.bootstrap import build_synthesizer
from services.tts.probes import speech_probe
from dailycast.storage.s3_audio_store import S3AudioStore
from services.tts.settings import TtsSettings
from services.tts.synthesizers.espeak import EspeakSynthesizer
from services.tts.synthesizers.polly import PollySynthesizer

AWS_VARIABLES = (*REGION_VARIABLES, *CREDENTIAL_VARIABLES, "AWS_SECRET_ACCESS_KEY", "AWS_ENDPOINT_URL")
DAILYCAST_AWS = ("DAILYCAST_SPEECH", "DAILYCAST_S3_BUCKET", "DAILYCAST_S3_ENDPOINT_URL", "DAILYCAST_S3_PREFIX")

# The quotas' database: made lazily, never connected to here.
NO_DATABASE = partial(make_engine, "sqlite://")


@pytest.fixture(autouse=True)
def no_aws(monkeypatch, tmp_path):
    """Every test starts from an environment without AWS, whatever the developer's shell has."""
    for name in (*AWS_VARIABLES, *DAILYCAST_AWS, "DAILYCAST_POLLY_SAMPLE_RATE", "DAILYCAST_AUDIO_URL_TTL_SECONDS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DAILYCAST_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-aws-config"))  # nor the developer's ~/.aws
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-aws-credentials"))


def with_aws(monkeypatch, **extra):
    monkeypatch.setenv("AWS_REGION", "eu-west-1")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "secret")
    for name, value in extra.items():
        monkeypatch.setenv(name, value)


@pytest.mark.parametrize(
    ("env", "configured"),
    [
        ({}, False),
        ({"AWS_REGION": "eu-west-1"}, False),
        ({"AWS_ACCESS_KEY_ID": "AKIA"}, False),
        ({"AWS_REGION": "eu-west-1", "AWS_ACCESS_KEY_ID": "AKIA"}, True),
        ({"AWS_DEFAULT_REGION": "us-east-1", "AWS_PROFILE": "work"}, True),
        ({"DAILYCAST_AWS_REGION": "ap-northeast-1", "AWS_WEB_IDENTITY_TOKEN_FILE": "/token"}, True),
        ({"AWS_REGION": "eu-west-1", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/creds"}, True),
        ({"AWS_REGION": " ", "AWS_ACCESS_KEY_ID": "AKIA"}, False),
    ],
)
def test_aws_is_configured_by_a_region_and_a_credential_source(env, configured):
    assert aws_configured(env) is configured


def test_without_aws_speech_is_local_and_audio_a_folder(tmp_path):
    settings = TtsSettings()
    assert settings.speech == "local" and settings.s3_bucket is None
    assert isinstance(build_synthesizer(settings, NO_DATABASE), EspeakSynthesizer)
    store = build_audio_store(settings)
    assert isinstance(store, LocalAudioStore) and store.root == (tmp_path / "audio").resolve()


def test_with_aws_speech_is_polly(monkeypatch):
    with_aws(monkeypatch)
    settings = TtsSettings()
    assert settings.speech == "polly" and settings.aws_region == "eu-west-1"
    synthesizer = build_synthesizer(settings, NO_DATABASE)
    assert isinstance(synthesizer, PollySynthesizer) and synthesizer.name == "polly"
    assert synthesizer.sample_rate("neural") == "24000" and synthesizer.sample_rate("standard") == "22050"


@pytest.mark.parametrize(("value", "expected"), [("local", "local"), ("polly", "polly"), ("", "polly")])
def test_dailycast_speech_wins_and_blank_means_automatic(monkeypatch, value, expected):
    with_aws(monkeypatch, DAILYCAST_SPEECH=value)
    assert TtsSettings().speech == expected


def test_polly_can_be_chosen_without_aws_variables_for_instance_roles(monkeypatch):
    monkeypatch.setenv("DAILYCAST_SPEECH", "polly")
    monkeypatch.setenv("DAILYCAST_POLLY_SAMPLE_RATE", "16000")
    settings = TtsSettings()
    assert settings.speech == "polly" and settings.polly_sample_rate == "16000"


def test_a_sample_rate_polly_lacks_is_refused(monkeypatch):
    monkeypatch.setenv("DAILYCAST_POLLY_SAMPLE_RATE", "44100")
    with pytest.raises(ValueError, match="polly_sample_rate"):
        TtsSettings()


def test_a_bucket_puts_audio_on_s3_for_tts_and_the_api_alike(monkeypatch):
    with_aws(
        monkeypatch, DAILYCAST_S3_BUCKET="podcasts", DAILYCAST_S3_PREFIX="audio/", DAILYCAST_AUDIO_URL_TTL_SECONDS="120"
    )
    for settings in (TtsSettings(), ApiSettings()):
        store = build_audio_store(settings)
        assert isinstance(store, S3AudioStore)
        assert (store.bucket, store.prefix, store.url_ttl_seconds) == ("podcasts", "audio/", 120)


def test_a_presigned_link_is_signed_locally_and_expires(monkeypatch):
    with_aws(monkeypatch, DAILYCAST_S3_BUCKET="podcasts")
    url = build_audio_store(TtsSettings()).url("podcasts/7/attempt-1/en.mp3")  # signing needs no network
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    assert parts.scheme == "https" and parts.path.endswith("/podcasts/7/attempt-1/en.mp3")
    assert query["X-Amz-Expires"] == ["300"] and query["X-Amz-Algorithm"] == ["AWS4-HMAC-SHA256"]
    assert "X-Amz-Signature" in query and "eu-west-1" in query["X-Amz-Credential"][0]


def test_a_blank_bucket_means_no_s3(monkeypatch):
    monkeypatch.setenv("DAILYCAST_S3_BUCKET", " ")
    assert isinstance(build_audio_store(ApiSettings()), LocalAudioStore)


def test_doctor_is_told_the_local_choice():
    speech, audio = speech_probe(TtsSettings()), audio_store_probe(ApiSettings())
    assert speech.adapter == "espeak" and "DAILYCAST_SPEECH=polly" in speech.detail
    assert "voices en en-us, ja ja," in speech.detail
    assert audio.adapter == "local folder"


def test_doctor_is_told_the_aws_choice(monkeypatch):
    with_aws(monkeypatch, DAILYCAST_S3_BUCKET="podcasts")
    speech, audio = speech_probe(TtsSettings()), audio_store_probe(TtsSettings())
    assert speech.adapter == "polly" and speech.detail.startswith("Amazon Polly in eu-west-1")
    assert "8/s neural" in speech.detail
    assert "en Joanna (neural)" in speech.detail and "ru Tatyana (standard)" in speech.detail
    assert (audio.adapter, audio.detail) == ("s3", "s3://podcasts/, private, presigned links valid 300 s")


def test_tts_and_scriptgen_read_the_same_speech_settings(monkeypatch):
    from services.scriptgen.settings import ScriptgenSettings

    monkeypatch.setenv("DAILYCAST_SPEECH", "polly")
    monkeypatch.setenv("DAILYCAST_PAUSE_SECONDS", "3.5")
    assert TtsSettings().spoken_by() == ScriptgenSettings().spoken_by() == ApiSettings().spoken_by()
    assert ScriptgenSettings().spoken_by().provider == "polly" and TtsSettings().pause_seconds == 3.5
