"""Which voice speaks each language, per speech provider: the kernel's table (dailycast/voices.py),
where scriptgen also reads how fast each voice speaks."""

from __future__ import annotations

from dailycast.voices import ESPEAK_VOICES, POLLY_VOICES, PROVIDERS, voice_of
from services.tts.synthesizers.base import Voice

__all__ = ["DEFAULT_SAMPLE_RATE", "ESPEAK_VOICES", "POLLY_VOICES", "PROVIDERS", "pick_voice"]

# Polly's own MP3 sample rates: 22050 Hz for standard voices, 24000 Hz for the others.
DEFAULT_SAMPLE_RATE = {"standard": "22050"}


def pick_voice(language: str, provider: str) -> Voice:
    """The voice that speaks `language` with `provider` ("local" eSpeak NG or "polly")."""
    name, engine = voice_of(provider, language)
    return Voice(language=language, name=name, engine=engine)
