"""Builds scriptgen from settings: the writer chain, bound to the handler."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from sqlalchemy.engine import Engine

from dailycast import events as ev
from dailycast.messaging.delivery import Subscription
from dailycast.probes import Probe
from dailycast.quotas import Rate, SqlQuota
from dailycast.service import Resources, Service
from services.scriptgen.cancellations import SqlCancellations
from services.scriptgen.graders.chain import GraderChain
from services.scriptgen.graders.llm import LlmGrader
from services.scriptgen.handlers import cancel_script, grade_answer, write_script
from services.scriptgen.settings import ScriptgenSettings
from services.scriptgen.writers.base import ScriptWriter
from services.scriptgen.writers.chain import WriterChain
from services.scriptgen.writers.quota_bound import QuotaBoundWriter
from services.scriptgen.writers.template import TemplateWriter

if TYPE_CHECKING:
    from services.scriptgen.writers.gemini_writer import GeminiWriter
    from services.scriptgen.writers.openai_writer import OpenAIWriter

GROUP = "scriptgen"
DELETIONS_GROUP = "scriptgen-deletions"  # apart, so a deletion never waits behind the requests
GRADING_GROUP = "scriptgen-grading"  # apart, so a learner's grade never waits behind a backlog of scripts
PORTS = ("script writers",)
OPENAI_DEFAULT_URL = "https://api.openai.com/v1"
GEMINI_DEFAULT_URL = "https://generativelanguage.googleapis.com"


def build(resources: Resources, writer: ScriptWriter | None = None, graders: GraderChain | None = None) -> Service:
    settings = ScriptgenSettings()
    writer = writer or build_writer(settings, resources.engine)
    graders = graders or build_graders(settings, resources.engine)
    cancellations = SqlCancellations(resources.engine())
    # Scripts are sized for the voice tts will speak them with: the same SpeechSettings.
    write = partial(write_script, writer=writer, cancellations=cancellations, speech=settings.spoken_by())
    return Service(
        "scriptgen",
        subscriptions=[
            Subscription(GROUP, {ev.PodcastRequested: write}),
            Subscription(DELETIONS_GROUP, {ev.PodcastDeleted: partial(cancel_script, cancellations=cancellations)}),
            Subscription(GRADING_GROUP, {ev.AnswerSubmitted: partial(grade_answer, graders=graders)}),
        ],
        probes=writer_probes(settings),
    )


def build_writer(settings: ScriptgenSettings, engine: Callable[[], Engine]) -> WriterChain:
    """OpenAI, then Gemini (each only with its key, under its shared quotas), then the template writer.

    `engine` gives the database the quotas are kept in; a template-only chain never asks for it.
    """
    llms = [quota_bound(settings, engine(), w) for w in llm_writers(settings)]
    timeouts = {w.name: llm_step_bound(settings, w.name) + settings.llm_throttled_patience_seconds for w in llms}
    return WriterChain([*llms, TemplateWriter()], step_timeout_seconds=settings.writer_timeout_seconds,
                       timeouts=timeouts)


def build_graders(settings: ScriptgenSettings, engine: Callable[[], Engine]) -> GraderChain:
    """OpenAI, then Gemini (each only with its key, booking from the writers' quotas), then the local grader."""
    graders = []
    for llm in llm_writers(settings):
        bucket = f"{llm.name}/{llm.model}"
        requests, tokens = _per_minute(settings, llm.name)
        graders.append(LlmGrader(llm, requests=SqlQuota(engine(), f"{bucket}/requests", Rate.per_minute(requests)),
                                 tokens=SqlQuota(engine(), f"{bucket}/tokens", Rate.per_minute(tokens))))
    return GraderChain(graders, timeouts={g.name: llm_step_bound(settings, g.name) for g in graders})


def _per_minute(settings: ScriptgenSettings, provider: str) -> tuple[float, float]:
    """The account's requests and tokens a minute for the provider."""
    if provider == "openai":
        return settings.openai_requests_per_minute, settings.openai_tokens_per_minute
    return settings.gemini_requests_per_minute, settings.gemini_tokens_per_minute


def quota_bound(settings: ScriptgenSettings, engine: Engine, writer: OpenAIWriter | GeminiWriter) -> QuotaBoundWriter:
    """The writer under its account's quotas, kept in the shared database: one bucket for all replicas."""
    requests, tokens = _per_minute(settings, writer.name)
    bucket = f"{writer.name}/{writer.model}"
    return QuotaBoundWriter(
        writer,
        requests=SqlQuota(engine, f"{bucket}/requests", Rate.per_minute(requests)),
        tokens=SqlQuota(engine, f"{bucket}/tokens", Rate.per_minute(tokens)),
        patience_seconds=settings.llm_throttled_patience_seconds,
    )


def llm_writers(settings: ScriptgenSettings) -> list[OpenAIWriter | GeminiWriter]:
    """The LLM writers whose key is set, in the chain's order."""
    writers: list[OpenAIWriter | GeminiWriter] = []
    # Each SDK is imported only when its key is set: a template-only scriptgen loads neither.
    if settings.openai_api_key:
        from services.scriptgen.writers.openai_writer import OpenAIWriter

        writers.append(
            OpenAIWriter(
                settings.openai_api_key.get_secret_value(),
                model=settings.openai_model,
                base_url=settings.openai_base_url,
                timeout=settings.openai_timeout_seconds,
                max_retries=settings.llm_max_retries,
            )
        )
    if settings.gemini_api_key:
        from services.scriptgen.writers.gemini_writer import GeminiWriter

        writers.append(
            GeminiWriter(
                settings.gemini_api_key.get_secret_value(),
                model=settings.gemini_model,
                base_url=settings.gemini_base_url,
                timeout=settings.gemini_timeout_seconds,
                max_retries=settings.llm_max_retries,
                retry_delay=settings.llm_retry_delay_seconds,
            )
        )
    return writers


def llm_step_bound(settings: ScriptgenSettings, provider: str) -> float:
    """The chain's bound on one LLM step: every attempt timing out, plus the pauses between them.

    The SDKs bound each request and retry on their own; this outer bound also cuts a server that
    asks for a long retry-after, so a podcast never waits on one provider indefinitely.
    """
    per_request = settings.openai_timeout_seconds if provider == "openai" else settings.gemini_timeout_seconds
    retries = settings.llm_max_retries
    # Pauses double from the first (OpenAI's SDK: 0.5 s; Gemini: the setting), plus jitter of one pause.
    first_pause = max(settings.llm_retry_delay_seconds, 0.5)
    pauses = sum(first_pause * (2**n + 1) for n in range(retries))
    return per_request * (retries + 1) + pauses + 1.0


def writer_probes(settings: ScriptgenSettings) -> list[Probe]:
    """One probe per writer of the chain, in order; the details never show a key."""
    urls = {"openai": settings.openai_base_url or OPENAI_DEFAULT_URL, "gemini": settings.gemini_base_url or GEMINI_DEFAULT_URL}
    models = {"openai": settings.openai_model, "gemini": settings.gemini_model}
    probes = [
        Probe(
            "script writers",
            writer.name,
            f"{models[writer.name]} at {urls[writer.name]}, {_bounds(settings, writer.name)}",
            partial(_ask, writer),
        )
        for writer in llm_writers(settings)
    ]
    built_in = f"built in, 9 languages, {settings.writer_timeout_seconds:g} s at most"
    return [*probes, Probe("script writers", TemplateWriter.name, built_in)]


async def _ask(writer: OpenAIWriter | GeminiWriter) -> str:
    """Whether the key works and the model exists (spends no tokens)."""
    try:
        return await writer.check()
    finally:
        await writer.aclose()


def _bounds(settings: ScriptgenSettings, provider: str) -> str:
    timeout = settings.openai_timeout_seconds if provider == "openai" else settings.gemini_timeout_seconds
    step = llm_step_bound(settings, provider)
    return f"{timeout:g} s a request, {settings.llm_max_retries} retries, {step:g} s at most"
