"""What a learner reads when their podcast could not be made, by failing step: `<language>.toml` here.

In the kernel so that every service reads the same words: the PodcastFailed event carries the text
in the learner's language (events.failed_after; the read model shows it), and the notifier says it
in the email's.
"""

from __future__ import annotations

from dailycast.languages import SUPPORTED_LANGUAGES
from dailycast.text_files import Plain, TextFile, load_texts


class FailureReasons(TextFile):
    """Keyed by PodcastFailed.step."""

    scriptgen: Plain  # no writer could write the script
    tts: Plain  # the audio could not be recorded
    timeout: Plain  # the api's sweeper gave up on a podcast that took too long


def failure_reason(step: str, language: str = "en") -> str:
    """Why a `step` ("scriptgen", "tts", "timeout") failed, in `language`; KeyError for another step."""
    return dict(load_texts(__name__, FailureReasons, SUPPORTED_LANGUAGES)[language])[step]
