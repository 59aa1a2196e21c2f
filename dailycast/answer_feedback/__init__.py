"""What the local grader says about an answer, and the words it does not count: `<language>.toml` here."""

from __future__ import annotations

from typing import Annotated

from dailycast.languages import SUPPORTED_LANGUAGES
from dailycast.text_files import Plain, TextFile, load_texts, placeholders


class FeedbackTexts(TextFile):
    all_covered: Plain  # every key point is in the answer
    some_covered: Annotated[str, placeholders("covered", "missed")]
    none_covered: Annotated[str, placeholders("missed")]
    # Words that say nothing about the subject (articles, prepositions...): no key point is
    # covered by them (the grader normalises them as it does the answers).
    stopwords: tuple[str, ...]


def feedback_texts(language: str) -> FeedbackTexts:
    return load_texts(__name__, FeedbackTexts, SUPPORTED_LANGUAGES)[language]
