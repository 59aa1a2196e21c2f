"""Builds tts's synthesizer and audio store from settings and binds them to the handlers."""

from __future__ import annotations

from functools import partial

from dailycast import events as ev
from dailycast.messaging.delivery import Subscription
from dailycast.settings import CommonSettings
from services.tts.audio_store import AudioStore, LocalAudioStore
from services.tts.aws import aws_client, s3_client
from services.tts.handlers import delete_audio, synthesize_audio
from services.tts.s3_store import S3AudioStore
from services.tts.settings import TtsSettings
from services.tts.synthesizers.base import Synthesizer
from services.tts.synthesizers.espeak import EspeakSynthesizer
from services.tts.synthesizers.polly import PollySynthesizer

GROUP = "tts"


def build_store(settings: CommonSettings) -> AudioStore:
    """S3 when DAILYCAST_S3_BUCKET is set, else the local folder; the API builds the same one."""
    if settings.s3_bucket:
        client = s3_client(settings.aws_region, settings.s3_endpoint_url)
        return S3AudioStore(settings.s3_bucket, client, settings.audio_url_ttl_seconds, settings.s3_prefix)
    return LocalAudioStore(settings.audio_dir)


def build_synthesizer(settings: TtsSettings) -> Synthesizer:
    """Amazon Polly when speech is "polly", else eSpeak NG in process."""
    if settings.speech != "polly":
        return EspeakSynthesizer()
    client = aws_client(
        "polly", settings.aws_region, settings.polly_endpoint_url, max_pool_connections=settings.polly_max_concurrency
    )
    return PollySynthesizer(
        client,
        requests_per_second={
            "neural": settings.polly_neural_requests_per_second,
            "standard": settings.polly_standard_requests_per_second,
        },
        max_concurrency=settings.polly_max_concurrency,
        sample_rate=settings.polly_sample_rate,
    )


def subscription(
    settings: TtsSettings, synthesizer: Synthesizer | None = None, store: AudioStore | None = None
) -> Subscription:
    store = store or build_store(settings)
    speak = partial(
        synthesize_audio,
        synthesizer=synthesizer or build_synthesizer(settings),
        store=store,
        voice_provider=settings.speech,
        pause_seconds=settings.pause_seconds,
    )
    return Subscription(GROUP, {ev.ScriptReady: speak, ev.PodcastDeleted: partial(delete_audio, store=store)})
