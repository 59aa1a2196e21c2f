"""The benchmark's instant adapters (bench/instant.py) give what the pipeline accepts."""

from datetime import date

import pytest

from bench.instant import InstantSynthesizer, InstantWriter
from dailycast.languages import SUPPORTED_LANGUAGES
from dailycast.scripts import WritingRequest
from services.scriptgen.script_checks import script_problems
from services.tts.ssml import build_ssml, question_marks
from services.tts.voices import pick_voice
from tests.utils.factories import learner

LANGUAGE_SETS = [[lang] for lang in SUPPORTED_LANGUAGES] + [["en", "fr"], ["en", "ja"], ["ko", "ru"], ["de", "it"]]


def request(languages) -> WritingRequest:
    return WritingRequest(7, date(2026, 11, 24), list(languages), learner())


@pytest.mark.parametrize("languages", LANGUAGE_SETS, ids=",".join)
async def test_instant_script_passes_the_script_checks(languages):
    written = await InstantWriter().write(request(languages))
    assert script_problems(written, request(languages)) == []
    assert set(written.scripts) == set(languages) and written.writer == "instant"


async def test_instant_script_names_many_courses_too():
    many = learner(courses=[f"Course {n}" for n in range(8)])
    req = WritingRequest(7, date(2026, 11, 24), ["en", "ja"], many)
    assert script_problems(await InstantWriter().write(req), req) == []


async def test_instant_audio_marks_every_question():
    written = await InstantWriter().write(request(["en"]))
    ssml = build_ssml(written.scripts["en"], written.questions, "en", 5)
    audio = await InstantSynthesizer().synthesize(ssml, pick_voice("en", "local"))
    timings = question_marks(audio.marks, written.questions)
    assert [qid for qid, _, _ in timings] == ["q1", "q2", "q3"]
    assert all(0 < start < pause < audio.duration_seconds for _, start, pause in timings)
