import pytest

from datetime import date

from dailycast.scripts import WriterError, WritingRequest
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
    assert any("not about 6" in p for p in script_problems(long, REQUEST))
