"""The whole writer chain as settings build it: OpenAI, then Gemini, then the template.

Both providers are the local fake server, reached by the real SDKs; the environment points
scriptgen at it exactly as it would point at the real providers.
"""

import time
from datetime import date

import pytest
from prometheus_client import REGISTRY

from dailycast import events as ev
from dailycast import migrations
from dailycast.database import make_engine
from dailycast.scripts import WritingRequest
from services.scriptgen.bootstrap import build_writer, writer_probes
from services.scriptgen.handlers import write_script
from services.scriptgen.settings import ScriptgenSettings
from tests.utils.factories import learner, podcast_requested
from tests.utils.fake_llm_server import fake_llm  # noqa: F401  (the fixture)

REQUEST = WritingRequest(7, date(2026, 11, 24), ["en", "fr"], learner())
UNUSABLE = ("malformed", "missing-fields", "wrong-language", "english-paragraph", "too-short", "no-courses")


@pytest.fixture
def llm_env(monkeypatch, fake_llm):
    """Keys and endpoints in the environment, as an operator sets them; fast timeouts for tests."""
    for name in ("GOOGLE_API_KEY", "DAILYCAST_OPENAI_API_KEY", "DAILYCAST_GEMINI_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    env = {
        "OPENAI_API_KEY": "sk-chain",
        "OPENAI_BASE_URL": fake_llm.openai_base_url,
        "GEMINI_API_KEY": "g-chain",
        "GOOGLE_GEMINI_BASE_URL": fake_llm.gemini_base_url,
        "DAILYCAST_OPENAI_TIMEOUT_SECONDS": "0.5",
        "DAILYCAST_GEMINI_TIMEOUT_SECONDS": "0.5",
        "DAILYCAST_LLM_MAX_RETRIES": "2",
        "DAILYCAST_LLM_RETRY_DELAY_SECONDS": "0.01",
        "DAILYCAST_OPENAI_MODEL": "gpt-4o-mini",
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return monkeypatch


@pytest.fixture
async def make_chain(llm_env, tmp_path):
    """build_writer from the environment as it is now, its quotas in a database of the test's own;
    the clients are closed afterwards."""
    url = f"sqlite:///{tmp_path / 'quotas.db'}"
    migrations.upgrade(url)
    engine = make_engine(url)
    made = []

    def make():
        made.append(build_writer(ScriptgenSettings(), lambda: engine))
        return made[-1]

    yield make
    for step in (step for chain in made for step in chain.writers):
        if hasattr(step, "aclose"):
            await step.aclose()
    engine.dispose()


@pytest.fixture
def chain(make_chain):
    return make_chain()


async def test_openai_writes_when_it_answers_well(fake_llm, chain):
    assert [w.name for w in chain.writers] == ["openai", "gemini", "template"]
    written = await chain.write(REQUEST)
    assert (written.writer, written.model, written.tokens_used) == ("openai", "gpt-4o-mini", 4321)
    assert fake_llm.openai.calls[0].headers["authorization"] == "Bearer sk-chain"
    assert fake_llm.gemini.calls == []


async def test_a_failing_openai_is_retried_as_configured_then_gemini_writes(fake_llm, chain):
    fake_llm.openai.set("failing", fail_status=500)
    written = await chain.write(REQUEST)
    assert (written.writer, written.model, written.tokens_used) == ("gemini", "gemini-fake-001", 4321)
    assert len(fake_llm.openai.calls) == 3  # the first try and DAILYCAST_LLM_MAX_RETRIES=2
    assert len(fake_llm.gemini.calls) == 1


@pytest.mark.parametrize("provider", ["openai", "gemini"])
async def test_a_throttled_provider_is_asked_again_until_it_writes(fake_llm, llm_env, make_chain, provider):
    """A 429 after the SDK's own retries means "later": the same provider writes, not the next one."""
    if provider == "gemini":
        llm_env.delenv("OPENAI_API_KEY")
    getattr(fake_llm, provider).set("failing", fail_status=429, fail_times=7)
    written = await make_chain().write(REQUEST)
    assert written.writer == provider
    assert len(getattr(fake_llm, provider).calls) == 8  # three rounds of the SDK's three tries, the last one good


async def test_a_throttled_provider_past_its_patience_hands_over(fake_llm, llm_env, make_chain):
    llm_env.setenv("DAILYCAST_LLM_THROTTLED_PATIENCE_SECONDS", "0")
    fake_llm.openai.set("failing", fail_status=429)
    assert (await make_chain().write(REQUEST)).writer == "gemini"
    assert len(fake_llm.openai.calls) == 3


async def test_a_slow_openai_times_out_and_gemini_writes(fake_llm, llm_env, make_chain):
    llm_env.setenv("DAILYCAST_OPENAI_TIMEOUT_SECONDS", "0.3")
    llm_env.setenv("DAILYCAST_LLM_MAX_RETRIES", "1")
    fake_llm.openai.set("slow", slow_seconds=10)
    started = time.monotonic()
    assert (await make_chain().write(REQUEST)).writer == "gemini"
    # Two attempts of 0.3 s and the SDK's pause, far from the 10 s the server takes to answer.
    assert time.monotonic() - started < 5
    assert len(fake_llm.openai.calls) == 2  # the SDK retries a timeout too


async def test_the_chain_cuts_a_step_that_outlasts_its_bound(fake_llm, llm_env, make_chain):
    llm_env.setenv("DAILYCAST_OPENAI_TIMEOUT_SECONDS", "30")
    chain = make_chain()
    chain.timeouts["openai"] = 0.3  # as if retry-after pauses had run past the step's bound
    fake_llm.openai.set("slow", slow_seconds=10)
    started = time.monotonic()
    assert (await chain.write(REQUEST)).writer == "gemini"
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("behaviour", UNUSABLE)
async def test_an_unusable_openai_script_falls_to_gemini(fake_llm, chain, behaviour):
    fake_llm.openai.set(behaviour)
    assert (await chain.write(REQUEST)).writer == "gemini"
    assert len(fake_llm.openai.calls) == 1  # a bad script is not a transient error: no retry


@pytest.mark.parametrize("behaviour", ["failing", "wrong-language", "too-short"])
async def test_when_both_providers_fail_the_template_writes(fake_llm, chain, behaviour):
    fake_llm.openai.set("failing", fail_status=503)
    fake_llm.gemini.set(behaviour)
    written = await chain.write(REQUEST)
    assert (written.writer, written.model, written.tokens_used) == ("template", None, None)


async def test_the_tokens_billed_are_counted_by_provider_and_direction(fake_llm, chain):
    def counted(provider: str, direction: str) -> float:
        labels = {"provider": provider, "direction": direction}
        return REGISTRY.get_sample_value("dailycast_provider_tokens_total", labels) or 0.0

    before = {direction: counted("openai", direction) for direction in ("input", "output")}
    await chain.write(REQUEST)
    assert counted("openai", "input") - before["input"] == 1080
    assert counted("openai", "output") - before["output"] == 3241


async def test_the_handler_records_writer_model_and_tokens(fake_llm, chain):
    event = podcast_requested(output_format="text", languages=("en", "ja"))
    ready, completed = await write_script(event, writer=chain)
    assert isinstance(ready, ev.ScriptReady) and isinstance(completed, ev.PodcastCompleted)
    assert (ready.writer, ready.model, ready.tokens_used) == ("openai", "gpt-4o-mini", 4321)
    assert (ready.input_tokens, ready.output_tokens) == (1080, 3241)  # priced apart
    assert [s.language for s in ready.scripts] == ["en", "ja"]
    assert "Since you study Django Fundamentals and Python Advanced" in fake_llm.openai.calls[0].prompt

    fake_llm.openai.set("wrong-language")
    (ready,) = await write_script(podcast_requested(languages=("ja",)), writer=chain)
    assert (ready.writer, ready.model) == ("gemini", "gemini-fake-001")


async def test_the_doctor_probes_ask_each_provider(fake_llm, llm_env):
    fake_llm.gemini.set("failing", fail_status=403)
    openai, gemini, template = writer_probes(ScriptgenSettings())
    assert (openai.adapter, gemini.adapter, template.adapter) == ("openai", "gemini", "template")
    assert await openai.check() == "gpt-4o-mini"
    with pytest.raises(Exception, match="403"):
        await gemini.check()
    assert template.check is None  # built in: nothing to ask
