"""bench/simulated_providers.py over real HTTP, with the real openai SDK and boto3.

bench/scale.py trusts it to behave like the providers: usable answers after the latency, a
refusal the clients understand as throttling above the quota, and time-scaling that keeps the
shape. And our own quota-bound clients, set to its quota, get everything made.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections.abc import Iterator
from datetime import date

import boto3
import httpx
import openai
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from bench.simulated_providers import Simulation, app
from dailycast.aws import aws_client
from dailycast.quotas import LocalQuota, Rate
from services.scriptgen.writers.openai_writer import OpenAIWriter
from services.scriptgen.writers.quota_bound import QuotaBoundWriter
from services.tts.synthesizers.base import Voice
from services.tts.synthesizers.polly import PollySynthesizer
from tests.utils.factories import learner
from tests.utils.fake_polly import long_ssml
from tests.utils.processes import free_port
from tests.utils.system import wait_for
from dailycast.scripts import WritingRequest

# Ten times faster than these "real" figures: 0.5 s answers in 0.05 s, 60 a minute become 10 a second.
SIMULATION = Simulation(time_scale=10, llm_latency=0.5, llm_rpm=60, polly_latency=0.5,
                        polly_rps={"neural": 0.8, "standard": 8.0})
REQUEST = WritingRequest(7, date(2026, 12, 2), ["en", "fr"], learner())


@contextlib.contextmanager
def serving(simulation: Simulation) -> Iterator[str]:
    """The simulated providers under uvicorn on a free port, in a thread; their URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app(simulation), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        wait_for(lambda: server.started, 10, interval=0.05, what="the simulated providers started")
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


@pytest.fixture(autouse=True)
def aws_credentials(monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "simulated")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "simulated")


@pytest.fixture
def simulated():
    with serving(SIMULATION) as url:
        yield url


def stats(url: str) -> dict:
    return httpx.get(f"{url}/stats", trust_env=False).json()


async def test_openai_answers_a_usable_script_after_the_scaled_latency(simulated):
    writer = OpenAIWriter("sk-simulated", base_url=f"{simulated}/v1", max_retries=0)
    started = time.monotonic()
    written = await writer.write(REQUEST)
    assert 0.03 < time.monotonic() - started < 0.5  # 0.5 s ± 25%, ten times faster
    assert written.writer == "openai" and set(written.scripts) == {"en", "fr"} and len(written.questions) == 3
    assert stats(simulated)["openai"]["admitted"] == 1


async def test_openai_refuses_above_the_quota_as_a_rate_limit(simulated):
    client = openai.AsyncOpenAI(api_key="sk-simulated", base_url=f"{simulated}/v1", max_retries=0)
    body = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "- courses (1):\n  - Algebra"}],
            "response_format": {"type": "json_schema", "json_schema": {"name": "s", "schema": {
                "type": "object", "properties": {"scripts": {"type": "object", "required": ["en"]}}}}}}
    results = await asyncio.gather(*(client.chat.completions.create(**body) for _ in range(25)), return_exceptions=True)
    refused = [r for r in results if isinstance(r, openai.RateLimitError)]
    # The bucket holds a second's requests (10 at the scaled 10 a second); the rest are refused now.
    assert len(refused) == 15 and len(results) - len(refused) == 10
    assert all(int(r.response.headers["retry-after-ms"]) > 0 for r in refused)
    assert {k: stats(simulated)["openai"][k] for k in ("admitted", "refused")} == {"admitted": 10, "refused": 15}


async def test_our_quota_bound_writer_at_its_quota_gets_every_script_written(simulated):
    writer = QuotaBoundWriter(OpenAIWriter("sk-simulated", base_url=f"{simulated}/v1"),
                              requests=LocalQuota("openai/requests", Rate.per_minute(60 * 10)),
                              tokens=LocalQuota("openai/tokens", Rate.per_minute(10**9)))
    started = time.monotonic()
    written = await asyncio.gather(*(writer.write(REQUEST) for _ in range(25)))
    assert {w.writer for w in written} == {"openai"}
    # 10 at once, then 10 a second: the quota, not our code, sets the pace.
    assert time.monotonic() - started > 1.3
    assert stats(simulated)["openai"]["admitted"] == 25  # a refusal is asked again, nothing twice


def test_polly_refuses_above_the_engine_quota_as_throttling():
    # Real time and a slow refill, so that the threads' requests all land within the first second.
    with serving(Simulation(polly_latency=0.05, polly_rps={"neural": 4.0, "standard": 40.0})) as url:
        client = boto3.session.Session().client(
            "polly", region_name="us-east-1", endpoint_url=url,
            config=Config(retries={"mode": "standard", "max_attempts": 1}, max_pool_connections=24))
        assert speak_at_once(client, ["standard"]) == []  # boto3 loads its models once, before the clock runs
        started = time.monotonic()
        errors = speak_at_once(client, ["neural"] * 12 + ["standard"] * 12)
        refilled = 4 * (time.monotonic() - started)
        counts = stats(url)
    # Neural: a bucket of 4 at once and 4 more a second, the rest throttled; standard takes all 12.
    admitted = counts["polly/neural"]["admitted"]
    assert 4 <= admitted <= 4 + refilled + 1 < 12
    assert errors == [("neural", "ThrottlingException")] * (12 - admitted)
    assert counts["polly/standard"]["admitted"] == 13


def speak_at_once(client, engines: list[str]) -> list[tuple[str, str]]:
    """One SynthesizeSpeech per engine given, each in its thread; the errors' (engine, code)."""
    errors = []

    def speak(engine: str) -> None:
        try:
            client.synthesize_speech(Engine=engine, VoiceId="Joanna", Text="<speak>Hello.</speak>", TextType="ssml",
                                     OutputFormat="mp3", SampleRate="24000")["AudioStream"].read()
        except ClientError as exc:
            errors.append((engine, exc.response["Error"]["Code"]))

    threads = [threading.Thread(target=speak, args=(engine,)) for engine in engines]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


async def test_our_polly_synthesizer_at_its_quota_speaks_a_long_script(simulated):
    speaker = PollySynthesizer(aws_client("polly", "us-east-1", simulated),
                               quotas={"neural": LocalQuota("polly/neural", Rate(8))})
    ssml, _ = long_ssml(200)
    audio = await speaker.synthesize(ssml, Voice("en", "Joanna", "neural"))
    assert audio.duration_seconds > 30 and set(audio.marks) >= {"q1", "q2", "q3"}
    counts = stats(simulated)["polly/neural"]
    assert counts["refused"] == 0 and counts["admitted"] > 2
