"""OpenAI and Amazon Polly as simulated HTTP servers: a realistic latency and quota, time-scaled.

bench/scale.py points the real scriptgen and tts (the openai SDK, boto3) at this server, so a
day's podcasts meet the providers as they are: slow answers, and refusals above the quota.

- OpenAI `POST /v1/chat/completions`: a script from bench/provider_replies.py in the requested
  languages, after `--llm-latency` seconds (default 4, jitter ±25%); above `--llm-rpm` requests
  a minute (default 10,000) it answers 429 `rate_limit_exceeded` with `retry-after-ms`.
- Polly `POST /v1/speech` (SynthesizeSpeech): MP3 or speech marks under the fake speech model,
  after `--polly-latency` seconds (default 0.4, jitter ±25%); above `--polly-neural-rps` (8) or
  `--polly-standard-rps` (80) requests a second per engine it answers 400 ThrottlingException.
- `GET /stats`: per quota, the requests admitted and refused, and the most in flight at once.

Each quota is a token bucket (dailycast.quotas.book) holding one second of requests: a client
that spaces its requests evenly is never refused. `--time-scale S` divides every latency and
multiplies every quota by S, so a run takes 1/S of the real time with the same shape; the
clients' own quota settings must be multiplied by S too (bench/scale.py does).

    .venv/bin/python -m bench.simulated_providers --port 8123 --time-scale 10
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import functools
import json
import math
import random
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from bench.provider_replies import completion, encode, polly_output, structured_reply
from dailycast.quotas import Rate, book
from services.tts.ssml_chunks import billed_characters

JITTER = 0.25
OPENAI = "openai"


@dataclass
class Quota:
    """One provider quota as the provider keeps it: a bucket of a second's requests, and counts."""

    per_second: float
    admitted: int = 0
    refused: int = 0
    in_flight: int = 0
    most_in_flight: int = 0
    _tat: float = field(default=0.0, repr=False)

    def admit(self, now: float) -> float:
        """0 if this request may go now (and it is counted), else the seconds until one may."""
        rate = Rate(self.per_second, burst=max(1.0, self.per_second))
        tat, wait = book(self._tat, now, 1.0, rate)
        if wait > 0:
            self.refused += 1
            return wait
        self._tat, self.admitted = tat, self.admitted + 1
        return 0.0

    @contextlib.contextmanager
    def serving(self) -> Iterator[None]:
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            yield
        finally:
            self.in_flight -= 1

    def stats(self) -> dict:
        return {k: v for k, v in asdict(self).items() if not k.startswith("_")}


@dataclass(frozen=True)
class Simulation:
    """The providers' real figures, and how much faster than real time they run."""

    time_scale: float = 1.0
    llm_latency: float = 4.0
    llm_rpm: float = 10_000
    polly_latency: float = 0.4
    polly_rps: dict[str, float] = field(default_factory=lambda: {"neural": 8.0, "standard": 80.0})

    def quotas(self) -> dict[str, Quota]:
        scaled = {OPENAI: self.llm_rpm / 60}
        scaled.update({f"polly/{engine}": rate for engine, rate in self.polly_rps.items()})
        return {name: Quota(rate * self.time_scale) for name, rate in scaled.items()}

    async def wait(self, real_seconds: float) -> None:
        await asyncio.sleep(real_seconds * random.uniform(1 - JITTER, 1 + JITTER) / self.time_scale)


@functools.lru_cache(maxsize=4096)
def _silence(tenths: int, rate: int) -> bytes:
    return encode(tenths / 10, rate)


def cached_mp3(seconds: float, rate: int) -> bytes:
    """Silence at least `seconds` long, made once per tenth of a second: the server must cost little."""
    return _silence(math.ceil(seconds * 10), rate)


def app(simulation: Simulation) -> Starlette:
    quotas = simulation.quotas()

    async def chat_completions(request: Request) -> Response:
        body = await request.json()
        quota = quotas[OPENAI]
        if wait := quota.admit(time.monotonic()):
            error = {"message": "Rate limit reached for requests per min (RPM).", "type": "requests", "param": None,
                     "code": "rate_limit_exceeded"}
            return JSONResponse({"error": error}, 429, headers={"retry-after-ms": str(math.ceil(wait * 1000))})
        with quota.serving():
            await simulation.wait(simulation.llm_latency)
        schema, prompt = body["response_format"]["json_schema"]["schema"], body["messages"][-1]["content"]
        text = json.dumps(structured_reply(schema, prompt), ensure_ascii=False)
        return JSONResponse(completion("openai", body, text, total=len(text) // 3))

    async def synthesize_speech(request: Request) -> Response:
        params = json.loads(await request.body())
        quota = quotas[f"polly/{params.get('Engine', 'standard')}"]
        if quota.admit(time.monotonic()):
            return JSONResponse({"message": "Rate exceeded"}, 400, headers={"x-amzn-ErrorType": "ThrottlingException"})
        with quota.serving():
            await simulation.wait(simulation.polly_latency)
        mp3 = params["OutputFormat"] == "mp3"
        return Response(polly_output(params, mp3=cached_mp3),
                        media_type="audio/mpeg" if mp3 else "application/x-json-stream",
                        headers={"x-amzn-RequestCharacters": str(billed_characters(params["Text"]))})

    async def stats(request: Request) -> Response:
        return JSONResponse({name: quota.stats() for name, quota in quotas.items()})

    return Starlette(routes=[
        Route("/v1/chat/completions", chat_completions, methods=["POST"]),
        Route("/v1/speech", synthesize_speech, methods=["POST"]),
        Route("/stats", stats),
    ])


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.simulated_providers", description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--time-scale", type=float, default=1.0, help="run this many times faster than real time")
    parser.add_argument("--llm-latency", type=float, default=4.0, help="seconds an OpenAI answer takes (default 4)")
    parser.add_argument("--llm-rpm", type=float, default=10_000, help="OpenAI requests a minute (default 10,000)")
    parser.add_argument("--polly-latency", type=float, default=0.4, help="seconds a Polly answer takes (default 0.4)")
    parser.add_argument("--polly-neural-rps", type=float, default=8.0, help="Polly neural requests a second (8)")
    parser.add_argument("--polly-standard-rps", type=float, default=80.0, help="Polly standard requests a second (80)")
    return parser.parse_args(argv)


def simulation_of(args: argparse.Namespace) -> Simulation:
    return Simulation(args.time_scale, args.llm_latency, args.llm_rpm, args.polly_latency,
                      {"neural": args.polly_neural_rps, "standard": args.polly_standard_rps})


def main(argv: Sequence[str] | None = None) -> int:
    import uvicorn

    args = parse_args(argv)
    uvicorn.run(app(simulation_of(args)), host="127.0.0.1", port=args.port, log_level="warning",
                backlog=4096, timeout_keep_alive=60)
    return 0


if __name__ == "__main__":
    sys.exit(main())
