"""The languages a podcast can be made in, and how a script's length is counted."""

from __future__ import annotations

import re

from dailycast.locale_rules import language_name

SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "ja", "es", "fr", "de", "it", "pt", "ru", "ko")

# English names ("Japanese"), from CLDR.
LANGUAGE_NAMES: dict[str, str] = {code: language_name(code, "en") for code in SUPPORTED_LANGUAGES}

# ISO 639-2 codes, as ID3's TLAN frame wants them.
THREE_LETTER_CODES: dict[str, str] = {
    "en": "eng", "ja": "jpn", "es": "spa", "fr": "fra", "de": "deu", "it": "ita", "pt": "por", "ru": "rus", "ko": "kor",
}

# Japanese and Korean are paced by characters (ja has no spaces; ko's spaced units are long),
# the others by words. How fast each voice says them is in dailycast/voices.py.
CHARACTER_PACED = frozenset({"ja", "ko"})

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
