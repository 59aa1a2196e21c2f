"""The template writer's scripts, spoken by eSpeak NG, last the minutes asked for (±10 %)."""

from __future__ import annotations

import asyncio
from datetime import date

import pytest

from dailycast.languages import SUPPORTED_LANGUAGES
from dailycast.learner import LearnerContext
from dailycast.scripts import WritingRequest
from dailycast.speech_length import Speech, length_window
from services.scriptgen.writers.template import TemplateWriter
from services.tts.mp3 import read_mp3
from services.tts.ssml import build_ssml
from services.tts.synthesizers.espeak import EspeakSynthesizer
from services.tts.voices import pick_voice
from tests.utils.factories import learner

PAUSE_SECONDS = 5.0  # tts's default pause after each question
# Every language at 6 minutes; the short and the long length on a few (each costs a synthesis).
CASES = [(lang, 6) for lang in SUPPORTED_LANGUAGES] + [
    ("en", 3), ("ja", 3), ("de", 3), ("ko", 3), ("fr", 10), ("ru", 10), ("ko", 10),
]


# 10 minutes for learners with little to talk about: the general pool has to fill most of it.
FEW_COURSES = {
    "no course": learner(courses=[], weak_subjects=[], recent_scores=[], ability_level="beginner"),
    "one course": learner(courses=["Python Advanced"], weak_subjects=["Python Advanced"], ability_level="beginner"),
}


def spoken_minutes(language: str, minutes: int, who: LearnerContext | None = None) -> float:
    request = WritingRequest(7, date(2026, 11, 24), [language], who or learner(), minutes, Speech("local", PAUSE_SECONDS))
    written = asyncio.run(TemplateWriter().write(request))
    ssml = build_ssml(written.scripts[language], written.questions, language, PAUSE_SECONDS)
    audio = asyncio.run(EspeakSynthesizer().synthesize(ssml, pick_voice(language, "local")))
    return read_mp3(audio.mp3).duration_seconds / 60


@pytest.mark.parametrize(("language", "minutes"), CASES, ids=lambda value: str(value))
def test_local_audio_lasts_the_minutes_asked_for(language, minutes):
    spoken = spoken_minutes(language, minutes)
    low, high = length_window(minutes)
    assert low <= spoken <= high, (
        f"{language} audio lasts {spoken:.2f} min, asked for {minutes}"
    )


@pytest.mark.parametrize(("language", "profile"), [("en", "no course"), ("fr", "one course"), ("ru", "no course")])
def test_ten_minutes_for_a_learner_with_few_courses(language, profile):
    spoken = spoken_minutes(language, 10, FEW_COURSES[profile])
    low, high = length_window(10)
    assert low <= spoken <= high, f"{language}, {profile}: {spoken:.2f} min"
