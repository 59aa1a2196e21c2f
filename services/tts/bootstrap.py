"""Builds tts from settings: the synthesizer and audio store, bound to the handlers."""

from __future__ import annotations

from functools import partial

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
        synthesizer=synthesizer or build_synthesizer(settings),
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


def build_synthesizer(settings: TtsSettings) -> Synthesizer:
    """Amazon Polly when speech is "polly", else eSpeak NG in process."""
    # Imported by choice: local speech loads no boto3, Polly no eSpeak library.
    if settings.speech != "polly":
        from services.tts.synthesizers.espeak import EspeakSynthesizer

        return EspeakSynthesizer()
    from dailycast.aws import aws_client
    from services.tts.synthesizers.polly import PollySynthesizer

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
