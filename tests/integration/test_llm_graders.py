"""The grader chain as settings build it: OpenAI, then Gemini, then the local grader, through the
real SDKs against the local fake server (as test_llm_chain.py does for the writers)."""

import pytest

from dailycast import events as ev
from dailycast import migrations
from dailycast.database import make_engine
from services.scriptgen.bootstrap import build_graders
from services.scriptgen.handlers import grade_answer
from services.scriptgen.settings import ScriptgenSettings
from tests.integration.test_llm_chain import llm_env  # noqa: F401  (the fixture)
from tests.utils.fake_llm_server import fake_llm  # noqa: F401  (the fixture)

SUBMITTED = ev.AnswerSubmitted(ev.new_event_id(), ev.utcnow(), 7, 1, "q1", "Indexes make lookups fast.",
                               "Why index a table?", ["fast lookups", "slower writes"], "en")


@pytest.fixture
async def graders(llm_env, tmp_path):  # noqa: F811
    url = f"sqlite:///{tmp_path / 'quotas.db'}"
    migrations.upgrade(url)
    engine = make_engine(url)
    chain = build_graders(ScriptgenSettings(), lambda: engine)
    yield chain
    for grader in chain.graders[:-1]:
        await grader.llm.aclose()
    engine.dispose()


async def test_openai_grades_first_with_the_question_key_points_and_answer_in_its_prompt(graders, fake_llm):  # noqa: F811
    (graded,) = await grade_answer(SUBMITTED, graders=graders)
    assert (graded.grader, graded.model) == ("openai", "gpt-4o-mini")
    assert graded.key_points_covered == ["fast lookups"] and graded.score == 0.5
    assert graded.feedback.startswith("The model says")
    assert graded.answered_at == SUBMITTED.occurred_at and graded.question_id == "q1"
    (call,) = fake_llm.openai.calls
    assert "1. fast lookups\n2. slower writes" in call.prompt and "Indexes make lookups fast." in call.prompt
    assert "in English" in call.prompt and call.schema["required"] == ["key_points_covered", "score", "feedback"]
    assert fake_llm.gemini.calls == []
    again = await grade_answer(SUBMITTED, graders=graders)
    assert again[0].event_id == graded.event_id  # a redelivery's grade has the same id: kept once


async def test_gemini_then_the_local_grader_answer_when_the_providers_fail_or_reply_badly(graders, fake_llm):  # noqa: F811
    fake_llm.openai.set("failing")
    (graded,) = await grade_answer(SUBMITTED, graders=graders)
    assert graded.grader == "gemini" and graded.key_points_covered == ["fast lookups"]
    fake_llm.gemini.set("good", reply='{"key_points_covered": [3], "score": 0.5, "feedback": "?"}')  # no point 3
    (graded,) = await grade_answer(SUBMITTED, graders=graders)
    assert (graded.grader, graded.model) == ("local", None)
    assert graded.key_points_covered == ["fast lookups"] and "slower writes" in graded.feedback


async def test_nothing_to_grade_gives_no_grade(graders):
    blank = ev.AnswerSubmitted(ev.new_event_id(), ev.utcnow(), 7, 1, "q1", "  ", "Why?", ["a"], "en")
    pointless = ev.AnswerSubmitted(ev.new_event_id(), ev.utcnow(), 7, 1, "q1", "Because.", "Why?", [], "en")
    assert await grade_answer(blank, graders=graders) == []
    assert await grade_answer(pointless, graders=graders) == []
