"""Builds tts's synthesizer and audio store from settings and binds them to the handlers."""

from __future__ import annotations

from functools import partial

from dailycast import events as ev
from dailycast.messaging.delivery import Subscription
from services.tts.audio_store import AudioStore, LocalAudioStore
from services.tts.handlers import delete_audio, synthesize_audio
from services.tts.settings import TtsSettings
from services.tts.synthesizers.base import Synthesizer
from services.tts.synthesizers.espeak import EspeakSynthesizer

GROUP = "tts"


def build_store(settings: TtsSettings) -> AudioStore:
    return LocalAudioStore(settings.audio_dir)


def subscription(
    settings: TtsSettings, synthesizer: Synthesizer | None = None, store: AudioStore | None = None
) -> Subscription:
    store = store or build_store(settings)
    speak = partial(
        synthesize_audio,
        synthesizer=synthesizer or EspeakSynthesizer(),
        store=store,
        voice_provider=settings.speech,
        pause_seconds=settings.pause_seconds,
    )
    return Subscription(GROUP, {ev.ScriptReady: speak, ev.PodcastDeleted: partial(delete_audio, store=store)})
