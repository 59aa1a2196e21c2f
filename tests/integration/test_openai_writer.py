"""The OpenAI writer through the real `openai` client, against the local fake server."""

import time
from datetime import date

import pytest

from dailycast.scripts import TokenUsage, WriterError, WritingRequest
from services.scriptgen.writers.openai_writer import OpenAIWriter
from tests.utils.factories import learner
from tests.utils.fake_llm_server import fake_llm  # noqa: F401  (the fixture)

REQUEST = WritingRequest(7, date(2026, 11, 24), ["en", "ja"], learner())


@pytest.fixture
async def openai_writer(fake_llm):
    made = []

    def make(**options) -> OpenAIWriter:
        options = {"timeout": 0.5, "max_retries": 2, **options}
        made.append(OpenAIWriter("sk-test-key", base_url=fake_llm.openai_base_url, **options))
        return made[-1]

    yield make
    for writer in made:
        await writer.aclose()


async def test_writes_both_languages_and_records_model_and_tokens(fake_llm, openai_writer):
    written = await openai_writer().write(REQUEST)
    assert (written.writer, written.model, written.tokens_used) == ("openai", "gpt-4o-mini", 4321)
    assert written.usage == TokenUsage(input_tokens=1080, output_tokens=3241)  # the fake's prompt and completion
    assert set(written.scripts) == {"en", "ja"} and len(written.questions) == 3


async def test_sends_the_prompt_the_model_the_schema_and_the_key(fake_llm, openai_writer):
    await openai_writer(model="gpt-4o-mini-2024-07-18").write(REQUEST)
    (call,) = fake_llm.openai.calls
    assert call.path == "/v1/chat/completions" and call.headers["authorization"] == "Bearer sk-test-key"
    assert call.body["model"] == "gpt-4o-mini-2024-07-18"
    assert call.body["response_format"]["type"] == "json_schema"
    assert call.body["response_format"]["json_schema"]["strict"] is True
    assert call.schema["properties"]["scripts"]["required"] == ["en", "ja"]
    assert call.prompt.startswith("Generate a podcast script in two languages, English (en) and Japanese (ja)")
    assert "Since you study Django Fundamentals and Python Advanced" in call.prompt
    assert [m["role"] for m in call.body["messages"]] == ["system", "user"]


@pytest.mark.parametrize("retries", [0, 1, 2])
async def test_transient_errors_are_retried_exactly_the_configured_times(fake_llm, openai_writer, retries):
    fake_llm.openai.set("failing", fail_status=503)
    with pytest.raises(WriterError, match="503"):
        await openai_writer(max_retries=retries).write(REQUEST)
    assert len(fake_llm.openai.calls) == retries + 1


async def test_a_retry_that_succeeds_gives_the_script(fake_llm, openai_writer):
    fake_llm.openai.set("failing", fail_status=429, fail_times=1)
    assert (await openai_writer().write(REQUEST)).writer == "openai"
    assert len(fake_llm.openai.calls) == 2


async def test_a_refused_key_is_not_retried(fake_llm, openai_writer):
    fake_llm.openai.set("failing", fail_status=401)
    with pytest.raises(WriterError, match="AuthenticationError"):
        await openai_writer().write(REQUEST)
    assert len(fake_llm.openai.calls) == 1


async def test_a_slow_server_times_out(fake_llm, openai_writer):
    fake_llm.openai.set("slow", slow_seconds=10)
    started = time.monotonic()
    with pytest.raises(WriterError, match="APITimeoutError"):
        await openai_writer(timeout=0.3, max_retries=0).write(REQUEST)
    assert time.monotonic() - started < 5 and len(fake_llm.openai.calls) == 1


@pytest.mark.parametrize(
    "behaviour, reason",
    [("malformed", "not JSON"), ("missing-fields", "questions"), ("wrong-language", "the ja script reads as en")],
)
async def test_unusable_replies_raise_with_the_reason(fake_llm, openai_writer, behaviour, reason):
    fake_llm.openai.set(behaviour)
    with pytest.raises(WriterError, match=reason):
        await openai_writer().write(REQUEST)


async def test_check_looks_the_model_up(fake_llm, openai_writer):
    assert await openai_writer().check() == "gpt-4o-mini"
    assert fake_llm.openai.calls[0].path == "/v1/models/gpt-4o-mini"
