"""Builds tts from settings: the synthesizer and audio store, bound to the handlers."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from sqlalchemy.engine import Engine

from dailycast import events as ev
from dailycast.messaging.delivery import Subscription
from dailycast.service import Resources, Service
from dailycast.storage import AudioStore, audio_store_probe, build_audio_store
from services.tts.handlers import delete_audio, synthesize_audio
from services.tts.probes import speech_probe
from services.tts.settings import TtsSettings
from services.tts.synthesizers.base import Synthesizer

GROUP = "tts"
PORTS = ("speech", "audio store")


def build(resources: Resources, synthesizer: Synthesizer | None = None, store: AudioStore | None = None) -> Service:
    settings = TtsSettings()
    store = store or build_audio_store(settings)
    speak = partial(
        synthesize_audio,
        synthesizer=synthesizer or build_synthesizer(settings, resources.engine),
        store=store,
        voice_provider=settings.speech,
        pause_seconds=settings.pause_seconds,
    )
    handlers = {ev.ScriptReady: speak, ev.PodcastDeleted: partial(delete_audio, store=store)}
    return Service(
        "tts",
        subscriptions=[Subscription(GROUP, handlers)],
        probes=[speech_probe(settings), audio_store_probe(settings)],
    )


def build_synthesizer(settings: TtsSettings, engine: Callable[[], Engine]) -> Synthesizer:
    """Amazon Polly when speech is "polly", else eSpeak NG in process.

    `engine` gives the database Polly's quotas are kept in; local speech never asks for it.
    """
    # Imported by choice: local speech loads no boto3, Polly no eSpeak library.
    if settings.speech != "polly":
        from services.tts.synthesizers.espeak import EspeakSynthesizer

        return EspeakSynthesizer()
    from dailycast.aws import aws_client
    from dailycast.quotas import Rate, SqlQuota
    from services.tts.synthesizers.polly import PollySynthesizer

    client = aws_client(
        "polly", settings.aws_region, settings.polly_endpoint_url, max_pool_connections=settings.polly_max_concurrency
    )
    database = engine()
    rates = {"neural": settings.polly_neural_requests_per_second, "standard": settings.polly_standard_requests_per_second}
    return PollySynthesizer(
        client,
        # In the shared database: every tts replica takes from the account's one quota.
        quotas={name: SqlQuota(database, f"polly/{name}", Rate(rate)) for name, rate in rates.items()},
        max_concurrency=settings.polly_max_concurrency,
        sample_rate=settings.polly_sample_rate,
        patience_seconds=settings.polly_throttled_patience_seconds,
    )
