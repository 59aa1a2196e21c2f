"""How long a script lasts once spoken, and the lengths a podcast may be asked for.

A script's audio is its reading units at the voice's calibrated rate (`dailycast.voices`), plus
the student's pause after each question (tts's pause setting; see `SpeechSettings`).
"""

from __future__ import annotations

from dataclasses import dataclass

from dailycast.languages import length_units
from dailycast.voices import SpeakingRate, speaking_rate

LENGTHS_MINUTES = (3, 6, 10)
DEFAULT_MINUTES = 6
# The audio may be this share shorter or longer than asked: 5:24 to 6:36 for 6 minutes.
LENGTH_TOLERANCE = 0.10


@dataclass(frozen=True)
class Speech:
    """Who will speak a script, and the pause after each of its questions."""

    provider: str = "local"  # "local" (eSpeak NG) or "polly"
    pause_seconds: float = 5.0

    def rate(self, language: str) -> SpeakingRate:
        return speaking_rate(self.provider, language)

    def minutes(self, text: str, language: str, questions: int) -> float:
        """The minutes of audio `text` makes, with the pause after each of its `questions`."""
        speaking = length_units(text, language) / self.rate(language).units_per_minute
        return speaking + questions * self.pause_seconds / 60

    def units_for(self, language: str, minutes: float, questions: int) -> int:
        """Reading units that, spoken with `questions` pauses, last `minutes`."""
        speaking = max(0.0, minutes - questions * self.pause_seconds / 60)
        return round(self.rate(language).units_per_minute * speaking)


def length_window(minutes: float) -> tuple[float, float]:
    """The shortest and longest audio (minutes) that still counts as `minutes` long."""
    return minutes * (1 - LENGTH_TOLERANCE), minutes * (1 + LENGTH_TOLERANCE)


def is_about(actual_minutes: float, asked_minutes: float) -> bool:
    low, high = length_window(asked_minutes)
    return low <= actual_minutes <= high
