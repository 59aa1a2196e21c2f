"""Which of the nine languages a text is written in, whole or paragraph by paragraph.

py3langid's model (naive Bayes over byte n-grams, shipped in its wheel), restricted to our nine
languages. Measured on the template writer's texts (bench/language_detection.py, figures in
docs/benchmarks.md) against lingua and the seed's function-word heuristic: it read every paragraph
and 99 % of single sentences right, lingua 99.9 % and 95 %, the heuristic 97 % and 85 %, at about
0.2 ms a paragraph (lingua 0.5 ms, and a 96 MB wheel).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from dailycast.languages import SUPPORTED_LANGUAGES

_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
# Fewer letters than this (a title, "OK!") say too little about their language to be judged.
MIN_LETTERS_JUDGED = 20
# Whether a text has that many: a search that stops there, not a count of every letter.
_ENOUGH_LETTERS = re.compile(r"(?:[^\W\d_][\W\d_]*){%d}" % MIN_LETTERS_JUDGED, re.UNICODE)


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


@dataclass(frozen=True)
class TextLanguages:
    """What a script reads as: the whole (None: no letters), and each judged paragraph that is
    not in the expected language, as (index, language)."""

    reads_as: str | None
    foreign: list[tuple[int, str | None]]


def text_languages(text: str, language: str) -> TextLanguages:
    """The text's language and its foreign paragraphs, each paragraph read once: the whole reads as
    the language most of the judged paragraphs' characters are in (a second pass over the whole
    text cost as much again, and scriptgen checks every script); a text with no paragraph long
    enough to judge is read whole."""
    characters_in: Counter[str | None] = Counter()
    foreign = []
    for index, paragraph in enumerate(paragraphs(text)):
        if not _ENOUGH_LETTERS.search(paragraph):
            continue
        detected = detected_language(paragraph)
        characters_in[detected] += len(paragraph)
        if detected != language:
            foreign.append((index, detected))
    reads_as = characters_in.most_common(1)[0][0] if characters_in else detected_language(text)
    return TextLanguages(reads_as, foreign)

