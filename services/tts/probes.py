"""What `dailycast doctor` says about speech: the engine and voices chosen, and does it speak."""

from __future__ import annotations

import asyncio

from dailycast.languages import SUPPORTED_LANGUAGES
from dailycast.probes import Probe
from services.tts.settings import TtsSettings
from services.tts.voices import DEFAULT_SAMPLE_RATE, pick_voice


def speech_probe(settings: TtsSettings) -> Probe:
    voices = ", ".join(
        f"{v.language} {v.name}" + (f" ({v.engine})" if v.engine != "local" else "")
        for v in (pick_voice(lang, settings.speech) for lang in SUPPORTED_LANGUAGES)
    )
    if settings.speech != "polly":
        detail = "eSpeak NG in process (Amazon Polly: set AWS_REGION and AWS credentials, or DAILYCAST_SPEECH=polly)"
        return Probe("speech", "espeak", f"{detail}; voices {voices}", _espeak_note)
    rate = f"{settings.polly_sample_rate} Hz" if settings.polly_sample_rate else (
        f"{DEFAULT_SAMPLE_RATE['standard']} Hz standard, 24000 Hz neural"
    )
    region = settings.aws_region or "boto3's default region"
    endpoint = f" at {settings.polly_endpoint_url}" if settings.polly_endpoint_url else ""
    detail = (
        f"Amazon Polly in {region}{endpoint}; MP3 {rate}; {settings.polly_max_concurrency} requests at once, "
        f"{settings.polly_neural_requests_per_second:g}/s neural, "
        f"{settings.polly_standard_requests_per_second:g}/s standard"
    )
    return Probe("speech", "polly", f"{detail}; voices {voices}", lambda: asyncio.to_thread(_polly_note, settings))


async def _espeak_note() -> str:
    from services.tts.synthesizers.espeak import EspeakSynthesizer

    audio = await EspeakSynthesizer().synthesize("<speak>ok</speak>", pick_voice("en", "local"))
    return f"speaks ({audio.duration_seconds:.1f} s test)"


def _polly_note(settings: TtsSettings) -> str:
    from dailycast.aws import aws_client

    voices = _all_voices(aws_client("polly", settings.aws_region, settings.polly_endpoint_url))
    missing = [
        f"{v.name} ({v.engine})"
        for v in (pick_voice(lang, "polly") for lang in SUPPORTED_LANGUAGES)
        if v.engine not in voices.get(v.name, ())
    ]
    if missing:
        raise LookupError(f"Polly lacks {', '.join(missing)}")
    return f"has the voice of all {len(SUPPORTED_LANGUAGES)} languages"


def _all_voices(client) -> dict[str, list[str]]:
    """Voice id -> supported engines, through every page of DescribeVoices."""
    voices, token = {}, None
    while True:
        page = client.describe_voices(**({"NextToken": token} if token else {}))
        voices.update({v["Id"]: v.get("SupportedEngines", []) for v in page["Voices"]})
        token = page.get("NextToken")
        if not token:
            return voices
