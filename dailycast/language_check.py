"""Which of the nine languages a text is written in, whole or paragraph by paragraph.

py3langid's model (naive Bayes over byte n-grams, shipped in its wheel), restricted to our nine
languages. Measured on the template writer's texts (bench/language_detection.py, figures in
docs/benchmarks.md) against lingua and the seed's function-word heuristic: it read every paragraph
and 99 % of single sentences right, lingua 99.9 % and 95 %, the heuristic 97 % and 85 %, at about
0.2 ms a paragraph (lingua 0.5 ms, and a 96 MB wheel).
"""

from __future__ import annotations

import re
from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from dailycast.languages import SUPPORTED_LANGUAGES

_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
# Fewer letters than this (a title, "OK!") say too little about their language to be judged.
MIN_LETTERS_JUDGED = 20


@cache
def _identifier() -> LanguageIdentifier:
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE)  # once, on first use
    identifier.set_languages(list(SUPPORTED_LANGUAGES))
    return identifier


def detected_language(text: str) -> str | None:
    """The most likely of the nine languages, or None when the text has no letters."""
    if not _LETTERS.search(text):
        return None
    return _identifier().classify(text)[0]


def is_in_language(text: str, language: str) -> bool:
    return detected_language(text) == language


def paragraphs(text: str) -> list[str]:
    """The text's paragraphs, as the scripts separate them: by a blank line."""
    return [p.strip() for p in _PARAGRAPH_BREAK.split(text) if p.strip()]


def foreign_paragraphs(text: str, language: str) -> list[tuple[int, str | None]]:
    """(index, language it reads as) of each paragraph long enough to judge that is not in `language`."""
    found = []
    for index, paragraph in enumerate(paragraphs(text)):
        if len(_LETTERS.findall(paragraph)) < MIN_LETTERS_JUDGED:
            continue
        detected = detected_language(paragraph)
        if detected != language:
            found.append((index, detected))
    return found
