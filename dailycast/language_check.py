"""A light check that a text is written in the language it claims (no model, no I/O)."""

from __future__ import annotations

import re
from collections import Counter

_SCRIPT_RANGES = {
    "ja": re.compile(r"[\u3040-\u30ff]"),  # kana: Japanese, never Chinese or Korean
    "ko": re.compile(r"[\uac00-\ud7af]"),  # Hangul syllables
    "ru": re.compile(r"[\u0400-\u04ff]"),  # Cyrillic
}

# Frequent short words that set the Latin-script languages apart.
_FUNCTION_WORDS = {
    "en": {"the", "and", "you", "is", "of", "to", "it", "that", "with", "your", "this", "what"},
    "es": {"el", "la", "y", "que", "de", "los", "las", "es", "tu", "para", "con", "una", "por"},
    "fr": {"le", "la", "et", "les", "des", "est", "vous", "que", "une", "pour", "dans", "tu", "ce"},
    "de": {"der", "die", "und", "das", "ist", "du", "nicht", "mit", "ein", "eine", "zu", "den", "sie"},
    "it": {"il", "la", "e", "che", "di", "per", "un", "una", "sono", "gli", "tuo", "del", "non"},
    "pt": {"o", "a", "e", "que", "de", "do", "da", "para", "um", "uma", "você", "seu", "não", "os"},
}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def detected_language(text: str) -> str | None:
    """The most likely of the nine languages, or None when the text gives no clue."""
    letters = _WORD.findall(text)
    if not letters:
        return None
    total = sum(map(len, letters))
    for language, pattern in _SCRIPT_RANGES.items():
        if len(text) - len(pattern.sub("", text)) > 0.2 * total:  # its characters, counted in C
            return language
    words = Counter(map(str.lower, letters))
    counts = {lang: sum(words[w] for w in vocab) for lang, vocab in _FUNCTION_WORDS.items()}
    best = max(counts, key=counts.get)
    return best if counts[best] else None


def is_in_language(text: str, language: str) -> bool:
    return detected_language(text) == language
