"""The Gemini writer through the real `google-genai` client, against the local fake server."""

import time
from datetime import date

import pytest

from dailycast.scripts import TokenUsage, WriterError, WritingRequest
from services.scriptgen.writers.gemini_writer import GeminiWriter
from tests.utils.factories import learner
from tests.utils.fake_llm_server import fake_llm  # noqa: F401  (the fixture)

pytestmark = pytest.mark.filterwarnings("ignore:Inheritance class AiohttpClientSession:DeprecationWarning")

REQUEST = WritingRequest(7, date(2026, 11, 24), ["fr", "ko"], learner())


@pytest.fixture
async def gemini_writer(fake_llm):
    made = []

    def make(**options) -> GeminiWriter:
        options = {"timeout": 0.5, "max_retries": 2, "retry_delay": 0.01, **options}
        made.append(GeminiWriter("g-test-key", base_url=fake_llm.gemini_base_url, **options))
        return made[-1]

    yield make
    for writer in made:
        await writer.aclose()


async def test_writes_both_languages_and_records_model_and_tokens(fake_llm, gemini_writer):
    written = await gemini_writer().write(REQUEST)
    assert (written.writer, written.model, written.tokens_used) == ("gemini", "gemini-fake-001", 4321)
    assert written.usage == TokenUsage(input_tokens=1080, output_tokens=3241)  # the fake's prompt and candidates
    assert set(written.scripts) == {"fr", "ko"} and len(written.questions) == 3


async def test_a_thinking_models_thoughts_are_billed_as_output(fake_llm, gemini_writer):
    fake_llm.gemini.set("good", thought_tokens=500)
    written = await gemini_writer().write(REQUEST)
    assert written.usage == TokenUsage(input_tokens=1080, output_tokens=3241 + 500)


async def test_sends_the_prompt_the_model_the_schema_and_the_key(fake_llm, gemini_writer):
    await gemini_writer().write(REQUEST)
    (call,) = fake_llm.gemini.calls
    assert call.path == "/v1beta/models/gemini-2.5-flash-lite:generateContent"
    assert call.headers["x-goog-api-key"] == "g-test-key"
    assert call.body["generationConfig"]["responseMimeType"] == "application/json"
    assert call.schema["properties"]["scripts"]["required"] == ["fr", "ko"]
    assert call.prompt.startswith("Generate a podcast script in two languages, French (fr) and Korean (ko)")
    assert "friendly host" in call.system


@pytest.mark.parametrize("retries", [0, 2])
async def test_transient_errors_are_retried_exactly_the_configured_times(fake_llm, gemini_writer, retries):
    fake_llm.gemini.set("failing", fail_status=503)
    with pytest.raises(WriterError, match="503"):
        await gemini_writer(max_retries=retries).write(REQUEST)
    assert len(fake_llm.gemini.calls) == retries + 1


async def test_a_retry_that_succeeds_gives_the_script(fake_llm, gemini_writer):
    fake_llm.gemini.set("failing", fail_status=500, fail_times=2)
    assert (await gemini_writer().write(REQUEST)).writer == "gemini"
    assert len(fake_llm.gemini.calls) == 3


async def test_a_refused_key_is_not_retried(fake_llm, gemini_writer):
    fake_llm.gemini.set("failing", fail_status=403)
    with pytest.raises(WriterError, match="403"):
        await gemini_writer().write(REQUEST)
    assert len(fake_llm.gemini.calls) == 1


async def test_a_slow_server_times_out(fake_llm, gemini_writer):
    fake_llm.gemini.set("slow", slow_seconds=10)
    started = time.monotonic()
    with pytest.raises(WriterError, match="timed out|Timeout"):
        await gemini_writer(timeout=0.3, max_retries=0).write(REQUEST)
    assert time.monotonic() - started < 5


@pytest.mark.parametrize(
    "behaviour, reason",
    [("malformed", "not JSON"), ("missing-fields", "questions"), ("wrong-language", "the fr script reads as en")],
)
async def test_unusable_replies_raise_with_the_reason(fake_llm, gemini_writer, behaviour, reason):
    fake_llm.gemini.set(behaviour)
    with pytest.raises(WriterError, match=reason):
        await gemini_writer().write(REQUEST)


async def test_check_looks_the_model_up(fake_llm, gemini_writer):
    assert await gemini_writer().check() == "gemini-2.5-flash-lite"
    assert fake_llm.gemini.calls[0].path == "/v1beta/models/gemini-2.5-flash-lite"
