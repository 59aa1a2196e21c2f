"""The languages a podcast can be made in, and how long a script takes to read aloud."""

from __future__ import annotations

import re

from dailycast.locale_rules import language_name

SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "ja", "es", "fr", "de", "it", "pt", "ru", "ko")

# English names ("Japanese"), from CLDR.
LANGUAGE_NAMES: dict[str, str] = {code: language_name(code, "en") for code in SUPPORTED_LANGUAGES}

# Japanese and Korean are paced by characters (ja has no spaces; ko's spaced units are long),
# the others by words. Rates are typical for a calm, spoken explanation.
CHARACTER_PACED = frozenset({"ja", "ko"})
UNITS_PER_MINUTE: dict[str, int] = {
    "en": 150,
    "es": 160,
    "fr": 150,
    "de": 130,
    "it": 150,
    "pt": 150,
    "ru": 125,
    "ja": 330,
    "ko": 300,
}

TARGET_MINUTES = 6.0
# A script is "about 6 minutes" when its estimate falls in this window.
MIN_MINUTES = 4.5
MAX_MINUTES = 7.5

_WORD = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)
_SPACE_OR_PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)


def language_of_locale(locale: str) -> str:
    """The language part of a locale ("ja-JP" -> "ja"), or English when we don't write in it."""
    language = locale.replace("_", "-").split("-")[0].strip().lower()
    return language if language in SUPPORTED_LANGUAGES else "en"


def length_units(text: str, language: str) -> int:
    """Count the script's reading units: characters for ja and ko, words otherwise."""
    if language in CHARACTER_PACED:
        return len(_SPACE_OR_PUNCT.sub("", text))
    return len(_WORD.findall(text))


def reading_minutes(text: str, language: str) -> float:
    """Estimate how many minutes the text takes to read aloud."""
    return length_units(text, language) / UNITS_PER_MINUTE[language]


def target_units(language: str, minutes: float = TARGET_MINUTES) -> int:
    """How many reading units make a script of the given length."""
    return round(UNITS_PER_MINUTE[language] * minutes)
