"""Which writers the settings give, their bounds, and what the doctor may show (no network)."""

from datetime import date
from functools import partial

import pytest

from dailycast.database import make_engine
from dailycast.scripts import WritingRequest
from services.scriptgen.bootstrap import build_writer, llm_step_bound, writer_probes
from services.scriptgen.settings import ScriptgenSettings
from services.scriptgen.writers.chain import WriterChain
from tests.utils.factories import learner
from tests.utils.fakes import FakeWriter, SlowWriter

# The quotas' database: made lazily, never connected to here.
NO_DATABASE = partial(make_engine, "sqlite://")

LLM_ENV = (
    "OPENAI_API_KEY", "DAILYCAST_OPENAI_API_KEY", "OPENAI_BASE_URL", "DAILYCAST_OPENAI_BASE_URL",
    "GEMINI_API_KEY", "GOOGLE_API_KEY", "DAILYCAST_GEMINI_API_KEY", "GOOGLE_GEMINI_BASE_URL",
    "DAILYCAST_GEMINI_BASE_URL", "DAILYCAST_LLM_MAX_RETRIES",
)


@pytest.fixture(autouse=True)
def no_llm_env(monkeypatch):
    for name in LLM_ENV:
        monkeypatch.delenv(name, raising=False)


def names(chain: WriterChain) -> list[str]:
    return [w.name for w in chain.writers]


def test_without_keys_the_chain_is_the_template_alone():
    assert names(build_writer(ScriptgenSettings(), NO_DATABASE)) == ["template"]


def test_keys_add_openai_then_gemini_before_the_template(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    monkeypatch.setenv("GOOGLE_API_KEY", "g-test")
    chain = build_writer(ScriptgenSettings(), NO_DATABASE)
    assert names(chain) == ["openai", "gemini", "template"]
    assert chain.writers[0].model == "gpt-4o-mini" and chain.writers[1].model == "gemini-2.5-flash-lite"


def test_gemini_alone_and_blank_keys(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "  ")
    monkeypatch.setenv("GEMINI_API_KEY", "g-test")
    assert names(build_writer(ScriptgenSettings(), NO_DATABASE)) == ["gemini", "template"]


def test_llm_steps_are_bounded_above_their_requests_and_retries():
    settings = ScriptgenSettings(openai_timeout_seconds=25, gemini_timeout_seconds=10, llm_max_retries=2)
    assert 75 < llm_step_bound(settings, "openai") < 90
    assert 30 < llm_step_bound(settings, "gemini") < 45
    chain = build_writer(ScriptgenSettings(OPENAI_API_KEY="k", writer_timeout_seconds=12), NO_DATABASE)
    # Beyond its requests, a throttled provider is waited for (and asked again) so long.
    patience = ScriptgenSettings().llm_throttled_patience_seconds
    assert chain.timeout_of(chain.writers[0]) == llm_step_bound(ScriptgenSettings(), "openai") + patience
    assert chain.timeout_of(chain.writers[-1]) == 12


async def test_the_chain_bounds_each_writer_by_its_own_timeout():
    request = WritingRequest(7, date(2026, 11, 24), ["en"], learner())
    chain = WriterChain([SlowWriter(), FakeWriter("template")], step_timeout_seconds=60, timeouts={"slow": 0.05})
    assert (await chain.write(request)).writer == "template"


def test_the_doctor_sees_models_and_urls_but_never_keys():
    settings = ScriptgenSettings(
        OPENAI_API_KEY="sk-secret-1", OPENAI_BASE_URL="http://127.0.0.1:9/v1", GEMINI_API_KEY="g-secret-2"
    )
    probes = writer_probes(settings)
    assert [p.adapter for p in probes] == ["openai", "gemini", "template"]
    assert "gpt-4o-mini at http://127.0.0.1:9/v1" in probes[0].detail
    assert "gemini-2.5-flash-lite at https://generativelanguage.googleapis.com" in probes[1].detail
    assert not any("secret" in p.detail for p in probes)
    assert "secret" not in repr(settings)
