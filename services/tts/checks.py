"""What `dailycast doctor` says about speech and audio: the providers chosen, and are they reachable."""

from __future__ import annotations

import asyncio

from dailycast.folders import folder_problem
from dailycast.languages import SUPPORTED_LANGUAGES
from dailycast.settings import CommonSettings
from services.tts.aws import aws_client, s3_client
from services.tts.settings import TtsSettings
from services.tts.synthesizers.espeak import EspeakSynthesizer
from services.tts.synthesizers.polly import DEFAULT_SAMPLE_RATE
from services.tts.voices import pick_voice


def describe_speech(settings: CommonSettings) -> list[str]:
    """Lines saying which speech and audio store the settings choose (no network)."""
    tts = _tts(settings)
    return [_describe_voice_provider(tts), _describe_voices(tts), _describe_store(tts)]


async def check_speech(settings: CommonSettings) -> dict[str, str]:
    """{"speech": ..., "audio": ...}, each "ok: ..." or "error: ..."; never raises."""
    tts = _tts(settings)
    speech = _check_polly(tts) if tts.speech == "polly" else _check_espeak()
    store = _check_s3(tts) if tts.s3_bucket else _check_folder(tts)
    return {"speech": await _outcome(speech), "audio": await _outcome(store)}


def _tts(settings: CommonSettings) -> TtsSettings:
    # TtsSettings reads the same environment, so it agrees with any other service's settings.
    return settings if isinstance(settings, TtsSettings) else TtsSettings()


def _describe_voice_provider(tts: TtsSettings) -> str:
    if tts.speech != "polly":
        return (
            "speech: eSpeak NG in process "
            "(Amazon Polly: set AWS_REGION and AWS credentials, or DAILYCAST_SPEECH=polly)"
        )
    rate = f"{tts.polly_sample_rate} Hz" if tts.polly_sample_rate else (
        f"{DEFAULT_SAMPLE_RATE['standard']} Hz standard, 24000 Hz neural"
    )
    region = tts.aws_region or "boto3's default region"
    return (
        f"speech: Amazon Polly in {region}"
        f"{f' at {tts.polly_endpoint_url}' if tts.polly_endpoint_url else ''}; MP3 {rate}; "
        f"{tts.polly_max_concurrency} requests at once, {tts.polly_neural_requests_per_second:g}/s neural, "
        f"{tts.polly_standard_requests_per_second:g}/s standard"
    )


def _describe_voices(tts: TtsSettings) -> str:
    voices = (pick_voice(lang, tts.speech) for lang in SUPPORTED_LANGUAGES)
    return "voices: " + ", ".join(
        f"{v.language} {v.name}" + (f" ({v.engine})" if v.engine != "local" else "") for v in voices
    )


def _describe_store(tts: TtsSettings) -> str:
    if not tts.s3_bucket:
        return f"audio: local folder {tts.audio_dir.resolve()}, served by the API to each podcast's owner"
    return (
        f"audio: S3 bucket s3://{tts.s3_bucket}/{tts.s3_prefix}"
        f"{f' at {tts.s3_endpoint_url}' if tts.s3_endpoint_url else ''}, private, "
        f"presigned links valid {tts.audio_url_ttl_seconds} s"
    )


async def _outcome(check) -> str:
    try:
        return "ok: " + await check
    except Exception as exc:  # a diagnosis reports every failure, whatever its type
        return f"error: {type(exc).__name__}: {exc}"


async def _check_polly(tts: TtsSettings) -> str:
    client = aws_client("polly", tts.aws_region, tts.polly_endpoint_url)
    voices = await asyncio.to_thread(_all_voices, client)
    missing = [
        f"{v.name} ({v.engine})"
        for v in (pick_voice(lang, "polly") for lang in SUPPORTED_LANGUAGES)
        if v.engine not in voices.get(v.name, ())
    ]
    if missing:
        raise LookupError(f"Polly lacks {', '.join(missing)}")
    return f"Amazon Polly has the voice of all {len(SUPPORTED_LANGUAGES)} languages"


def _all_voices(client) -> dict[str, list[str]]:
    """Voice id -> supported engines, through every page of DescribeVoices."""
    voices, token = {}, None
    while True:
        page = client.describe_voices(**({"NextToken": token} if token else {}))
        voices.update({v["Id"]: v.get("SupportedEngines", []) for v in page["Voices"]})
        token = page.get("NextToken")
        if not token:
            return voices


async def _check_espeak() -> str:
    audio = await EspeakSynthesizer().synthesize("<speak>ok</speak>", pick_voice("en", "local"))
    return f"eSpeak NG speaks ({audio.duration_seconds:.1f} s test)"


async def _check_s3(tts: TtsSettings) -> str:
    client = s3_client(tts.aws_region, tts.s3_endpoint_url)
    await asyncio.to_thread(client.head_bucket, Bucket=tts.s3_bucket)
    return f"S3 bucket {tts.s3_bucket} is reachable"


async def _check_folder(tts: TtsSettings) -> str:
    folder = tts.audio_dir.resolve()
    problem = await asyncio.to_thread(folder_problem, folder)
    if problem:
        raise PermissionError(problem)
    return f"{folder} is writable" if folder.exists() else f"{folder} can be made at start"
