"""The notification emails' wording: `<language>.toml` in this package, checked by `NotifierTexts`."""

from __future__ import annotations

from typing import Annotated

from dailycast.languages import SUPPORTED_LANGUAGES
from dailycast.text_files import Plain, TextFile, TextModel, load_texts, placeholders


class Formats(TextModel):
    """A podcast's output format, named."""

    text: Plain
    audio: Plain
    both: Plain


class NotifierTexts(TextFile):
    completed_subject: Plain
    failed_subject: Plain
    greeting: Annotated[str, placeholders("name")]
    completed_body: Annotated[str, placeholders("languages", "format")]
    open_link: Plain
    questions: Plain
    failed_body: Plain
    reason: Annotated[str, placeholders("reason")]
    retry: Plain
    signoff: Plain
    formats: Formats


def texts_for(language: str) -> NotifierTexts:
    """The emails' wording in a supported language; every language's is loaded and checked once."""
    return load_texts(__name__, NotifierTexts, SUPPORTED_LANGUAGES)[language]
