import pytest

from datetime import date

from dailycast.scripts import WriterError, WritingRequest
from dailycast.speech_length import Speech
from services.scriptgen.script_checks import script_problems
from services.scriptgen.writers.chain import WriterChain
from tests.utils.factories import learner, written_script
from tests.utils.fakes import FailingWriter, FakeWriter, SlowWriter

REQUEST = WritingRequest(7, date(2026, 11, 24), ["en", "fr"], learner())


async def test_first_valid_script_wins():
    first, second = FakeWriter("first"), FakeWriter("second")
    script = await WriterChain([first, second]).write(REQUEST)
    assert script.writer == "first"
    assert second.requests == []


async def test_failures_fall_through_to_the_next_writer():
    broken = FailingWriter("broken")
    crashing = FailingWriter("crashing", error=RuntimeError("bug"))
    script = await WriterChain([broken, crashing, FakeWriter("template")]).write(REQUEST)
    assert script.writer == "template"
    assert broken.calls == crashing.calls == 1


async def test_slow_writer_is_cut_off():
    script = await WriterChain([SlowWriter(), FakeWriter("template")], step_timeout_seconds=0.05).write(REQUEST)
    assert script.writer == "template"


async def test_invalid_script_falls_through():
    too_short = FakeWriter("short", script=lambda r: written_script(r, "short", minutes=0.3))
    script = await WriterChain([too_short, FakeWriter("template")]).write(REQUEST)
    assert script.writer == "template"


async def test_all_failing_raises_with_every_reason():
    with pytest.raises(WriterError) as err:
        await WriterChain([FailingWriter("a"), FailingWriter("b")]).write(REQUEST)
    assert "a: the model is down" in str(err.value) and "b:" in str(err.value)


def test_script_checks_find_each_problem():
    good = written_script(REQUEST)
    assert script_problems(good, REQUEST) == []
    missing_language = written_script(WritingRequest(7, REQUEST.for_date, ["en"], REQUEST.learner))
    assert "no fr script" in script_problems(missing_language, REQUEST)
    no_courses = written_script(WritingRequest(7, REQUEST.for_date, ["en", "fr"], learner(courses=["Other"])))
    assert any("does not name" in p for p in script_problems(no_courses, REQUEST))
    two_questions = type(good)(good.scripts, good.questions[:2], "x")
    assert any("3 questions" in p for p in script_problems(two_questions, REQUEST))
    long = written_script(REQUEST, minutes=20)
    assert any("min spoken, not 6" in p for p in script_problems(long, REQUEST))


@pytest.mark.parametrize("minutes", [3, 6, 10])
def test_length_is_judged_against_the_minutes_asked_and_the_voice(minutes):
    asked = WritingRequest(7, REQUEST.for_date, ["en"], learner(), minutes)
    assert script_problems(written_script(asked), asked) == []
    for other in {3, 6, 10} - {minutes}:
        problems = script_problems(written_script(asked, minutes=other), asked)
        assert len(problems) == 1 and problems[0].startswith(f"en script would last {other}.")
        assert problems[0].endswith(f"min spoken, not {minutes}")
    # Polly's English estimate is slower than eSpeak NG's: the local script is too long for Polly
    polly = WritingRequest(7, REQUEST.for_date, ["en"], learner(), minutes, Speech("polly", 5.0))
    assert script_problems(written_script(asked), polly) != []


async def test_a_script_only_the_wrong_length_is_used_when_no_writer_fits():
    wrong_length = FakeWriter("short", script=lambda r: written_script(r, "short", minutes=4))
    worse = FakeWriter("worse", script=lambda r: written_script(r, "worse", minutes=2))
    script = await WriterChain([FailingWriter("llm"), wrong_length, worse]).write(REQUEST)
    assert script.writer == "short"


async def test_a_script_of_the_right_length_wins_over_an_earlier_misfit():
    wrong_length = FakeWriter("short", script=lambda r: written_script(r, "short", minutes=4))
    script = await WriterChain([wrong_length, FakeWriter("template")]).write(REQUEST)
    assert script.writer == "template"
