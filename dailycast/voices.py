"""Which voice speaks each language, per speech provider, and how fast each voice speaks.

The rates are `voice_rates.toml`, written by `python -m bench.calibrate_voices` from synthesized
samples: scriptgen sizes scripts with them, the accuracy check judges scripts by them, and tts
speaks with the same table. A voice changed here without calibrating it again fails to load.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from importlib import resources

from dailycast.languages import CHARACTER_PACED, SUPPORTED_LANGUAGES

PROVIDERS: tuple[str, ...] = ("local", "polly")
RATES_FILE = "voice_rates.toml"

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


@dataclass(frozen=True)
class SpeakingRate:
    """How fast one voice speaks a script: reading units (`length_units`) a minute of audio,
    the pauses between paragraphs included and the pauses after questions not."""

    provider: str
    language: str
    voice: str
    units_per_minute: float
    measured: bool  # False: an estimate, until calibrated against the provider
    source: str  # how the figure was obtained


def voice_of(provider: str, language: str) -> tuple[str, str]:
    """(voice name, engine) that speaks `language` with `provider` ("local" or "polly")."""
    if provider not in PROVIDERS:
        raise ValueError(f"unknown speech provider {provider!r}; expected one of {', '.join(PROVIDERS)}")
    table = {lang: (name, "local") for lang, name in ESPEAK_VOICES.items()} if provider == "local" else POLLY_VOICES
    try:
        return table[language]
    except KeyError:
        raise ValueError(f"no {provider} voice for language {language!r}") from None


def speaking_rate(provider: str, language: str) -> SpeakingRate:
    """The voice's rate, as last calibrated (or estimated, see `SpeakingRate.measured`)."""
    voice_of(provider, language)  # an unknown provider or language is the caller's error
    return _rates()[provider, language]


def unit_name(language: str) -> str:
    return "characters" if language in CHARACTER_PACED else "words"


@functools.cache
def _rates() -> dict[tuple[str, str], SpeakingRate]:
    return parse_rates(resources.files("dailycast").joinpath(RATES_FILE).read_text(encoding="utf-8"))


def parse_rates(text: str) -> dict[tuple[str, str], SpeakingRate]:
    """Every provider's rate for every language, each for the voice the table names now."""
    data = tomllib.loads(text)
    rates = {}
    for provider in PROVIDERS:
        section = data.get(provider, {})
        for language in SUPPORTED_LANGUAGES:
            entry = section.get(language)
            if entry is None:
                raise ValueError(f"{RATES_FILE}: no {provider} rate for {language}")
            voice = voice_of(provider, language)[0]
            if entry.get("voice") != voice:
                raise ValueError(
                    f"{RATES_FILE}: the {provider} {language} rate is for {entry.get('voice')!r}, "
                    f"but {voice!r} speaks it now; run python -m bench.calibrate_voices --provider {provider}"
                )
            rates[provider, language] = SpeakingRate(
                provider, language, voice, float(entry["units_per_minute"]), bool(entry["measured"]),
                str(entry.get("source", section.get("source", ""))),
            )
    return rates


def rates_toml(rates: list[SpeakingRate], header: str) -> str:
    """The rates file's text: `header` (comment lines), then a table per provider and language."""
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    for provider in PROVIDERS:
        for rate in (r for r in rates if r.provider == provider):
            lines += [
                "",
                f"[{provider}.{rate.language}]",
                f'voice = "{rate.voice}"',
                f"units_per_minute = {rate.units_per_minute:.1f}  # {unit_name(rate.language)}",
                f"measured = {'true' if rate.measured else 'false'}",
                f"source = {_toml_string(rate.source)}",
            ]
    return "\n".join(lines) + "\n"


def _toml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
