"""Which voice speaks each language, per speech provider."""

from __future__ import annotations

from services.tts.synthesizers.base import Voice

# Polly's own MP3 sample rates: 22050 Hz for standard voices, 24000 Hz for the others.
DEFAULT_SAMPLE_RATE = {"standard": "22050"}

# eSpeak NG voice names as shipped in espeakng-loader's espeak-ng-data/lang.
ESPEAK_VOICES: dict[str, str] = {
    "en": "en-us",
    "ja": "ja",
    "es": "es",
    "fr": "fr",
    "de": "de",
    "it": "it",
    "pt": "pt-br",
    "ru": "ru",
    "ko": "ko",
}

# Amazon Polly voice id and engine: neural wherever the voice has it (DescribeVoices'
# SupportedEngines; `dailycast doctor` checks them against the account's region).
#   en  Joanna   en-US  neural
#   ja  Takumi   ja-JP  neural    (Mizuki is standard only; Kazuha and Tomoko are neural too)
#   es  Lucia    es-ES  neural
#   fr  Lea      fr-FR  neural
#   de  Vicki    de-DE  neural
#   it  Bianca   it-IT  neural
#   pt  Camila   pt-BR  neural
#   ru  Tatyana  ru-RU  standard  (Polly has no neural Russian voice)
#   ko  Seoyeon  ko-KR  neural
POLLY_VOICES: dict[str, tuple[str, str]] = {
    "en": ("Joanna", "neural"),
    "ja": ("Takumi", "neural"),
    "es": ("Lucia", "neural"),
    "fr": ("Lea", "neural"),
    "de": ("Vicki", "neural"),
    "it": ("Bianca", "neural"),
    "pt": ("Camila", "neural"),
    "ru": ("Tatyana", "standard"),
    "ko": ("Seoyeon", "neural"),
}

PROVIDERS: tuple[str, ...] = ("local", "polly")


def pick_voice(language: str, provider: str) -> Voice:
    """The voice that speaks `language` with `provider` ("local" eSpeak NG or "polly")."""
    if provider == "local":
        name = _lookup(ESPEAK_VOICES, language, provider)
        return Voice(language=language, name=name, engine="local")
    if provider == "polly":
        name, engine = _lookup(POLLY_VOICES, language, provider)
        return Voice(language=language, name=name, engine=engine)
    expected = ", ".join(PROVIDERS)
    raise ValueError(f"unknown speech provider {provider!r}; expected one of {expected}")


def _lookup(table: dict, language: str, provider: str):
    try:
        return table[language]
    except KeyError:
        raise ValueError(f"no {provider} voice for language {language!r}") from None
