"""Benchmark of the running system: podcast pipeline latency and API latency under concurrent load.

What it measures
  1. Pipeline latency. For each output format (text and audio in English, both in English + French) it
     requests N podcasts one after another and times each from `POST /api/podcasts/` until
     `GET /api/podcasts/{id}/` reports `completed` (polled every 20 ms). Any podcast that ends `failed`
     aborts the run with exit status 1.
  2. API latency under load. C concurrent clients (one httpx.AsyncClient, pool limited to C connections)
     call one endpoint for D seconds (and at most --max-requests requests): the list, one podcast, its
     progress, saving answers. Each endpoint is run separately; p99 is compared with the seed's target.

How it runs
  It starts the embedded system (`dailycast run --log-level warning`) as a subprocess on a free
  127.0.0.1 port with a fresh temporary data dir (inherited DAILYCAST_* settings are dropped), waits
  for /healthz, takes a token for demo learner 1 from `dailycast token`, and always stops the system
  at the end (terminate, then kill). All traffic is loopback (proxy settings are ignored).

  .venv/bin/python -m bench.pipeline                     # what `make bench` runs
  .venv/bin/python -m bench.pipeline --podcasts 10 --concurrency 32 --seconds 10 --json bench.json

Tables are printed to stdout as Markdown (progress goes to stderr), so they paste into docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import httpx

from bench.common import HOST, ROOT, BenchError, api_client, created_podcast, free_port, note, wait_healthy
from bench.common import machine_line, markdown_table, percentile, positive_int, run_main

FORMATS: tuple[tuple[str, tuple[str, ...]], ...] = (("text", ("en",)), ("audio", ("en",)), ("both", ("en", "fr")))
TARGETS_MS = {"list": 100.0, "one": 50.0, "progress": 100.0, "answers": 200.0}
POLL_SECONDS = 0.02
PODCAST_DEADLINE_SECONDS = 30.0
STARTUP_DEADLINE_SECONDS = 60.0
STOP_GRACE_SECONDS = 10.0
REQUEST_TIMEOUT_SECONDS = 10.0
BENCH_USER = 1


# --------------------------------------------------------------------------- pure helpers (unit tested)


def summarize_ms(seconds: Sequence[float]) -> dict[str, float]:
    """p50, p99 and max of latencies given in seconds, in milliseconds."""
    ms = [s * 1000 for s in seconds]
    return {"p50_ms": percentile(ms, 50), "p99_ms": percentile(ms, 99), "max_ms": max(ms)}


def meets_target(p99_ms: float, target_ms: float) -> bool:
    return p99_ms < target_ms


@dataclass
class PipelineResult:
    output_format: str
    languages: list[str]
    seconds: list[float] = field(default_factory=list)
    writers: list[str] = field(default_factory=list)
    synthesizers: list[str] = field(default_factory=list)
    podcast_ids: list[int] = field(default_factory=list)


@dataclass
class LoadResult:
    endpoint: str
    request: str
    seconds: list[float]
    errors: int
    elapsed_s: float
    first_error: str | None = None

    @property
    def target_ms(self) -> float:
        return TARGETS_MS[self.endpoint]


def _distinct(values: Sequence[str]) -> str:
    return ", ".join(dict.fromkeys(values)) or "-"


def pipeline_table(results: Sequence[PipelineResult]) -> str:
    headers = ["format", "languages", "n", "p50 s", "max s", "writer", "synthesizer (tts_provider)"]
    rows = [
        [
            r.output_format,
            ",".join(r.languages),
            len(r.seconds),
            f"{percentile(r.seconds, 50):.3f}",
            f"{max(r.seconds):.3f}",
            _distinct(r.writers),
            _distinct(r.synthesizers),
        ]
        for r in results
    ]
    return markdown_table(headers, rows)


def load_table(results: Sequence[LoadResult]) -> str:
    headers = ["endpoint", "requests", "req/s", "p50 ms", "p99 ms", "max ms", "errors", "target p99", "meets"]
    rows = []
    for r in results:
        s = summarize_ms(r.seconds)
        rows.append(
            [
                f"{r.endpoint} `{r.request}`",
                len(r.seconds),
                f"{len(r.seconds) / r.elapsed_s:.0f}",
                f"{s['p50_ms']:.1f}",
                f"{s['p99_ms']:.1f}",
                f"{s['max_ms']:.1f}",
                r.errors,
                f"< {r.target_ms:.0f} ms",
                "yes" if meets_target(s["p99_ms"], r.target_ms) else "**NO**",
            ]
        )
    return markdown_table(headers, rows)


# --------------------------------------------------------------------------- the system under test


def system_env(data_dir: Path, port: int) -> dict[str, str]:
    """The caller's environment without its Dailycast settings, plus a fresh data dir and our port."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DAILYCAST_") and k != "DATABASE_URL"}
    env.update(DAILYCAST_DATA_DIR=str(data_dir), DAILYCAST_HOST=HOST, DAILYCAST_PORT=str(port),
               DAILYCAST_DAILY_REQUEST_LIMIT="0",  # one learner asking for many podcasts
               DAILYCAST_SCHEDULER="false")  # and only those
    return env


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "system.cli", *args]


def _tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def _exited(proc: subprocess.Popen) -> str | None:
    return None if proc.poll() is None else f"the system exited with status {proc.returncode}"


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=STOP_GRACE_SECONDS)
    except subprocess.TimeoutExpired:
        note(f"the system did not stop within {STOP_GRACE_SECONDS:.0f} s; killing it")
        proc.kill()
        proc.wait(timeout=STOP_GRACE_SECONDS)


@contextlib.contextmanager
def running_system(data_dir: Path) -> Iterator[tuple[str, dict[str, str]]]:
    """Start `dailycast run` on a free loopback port; yield (base URL, its environment); always stop it."""
    port = free_port()
    env = system_env(data_dir, port)
    base_url = f"http://{HOST}:{port}"
    log_path = data_dir / "system.log"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            _cli("run", "--log-level", "warning"), cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
        )
        try:
            wait_healthy(base_url, lambda: _exited(proc), STARTUP_DEADLINE_SECONDS)
            yield base_url, env
        except BenchError as exc:
            raise BenchError(f"{exc}\n--- the system's log, last lines ---\n{_tail(log_path)}") from exc
        finally:
            _stop(proc)


def bearer_token(env: dict[str, str], user_id: int) -> str:
    out = subprocess.run(
        _cli("token", "--user", str(user_id)), env=env, cwd=ROOT, capture_output=True, text=True, timeout=60, check=True
    )
    return out.stdout.strip()


# --------------------------------------------------------------------------- 1. pipeline latency


def run_podcast(client: httpx.Client, output_format: str, languages: Sequence[str]) -> tuple[float, dict]:
    """Request one podcast and poll it; return (seconds from POST to completed, the podcast)."""
    start = time.perf_counter()
    body = created_podcast(
        client.post("/api/podcasts/", json={"languages": list(languages), "output_format": output_format})
    )
    podcast_id = body["id"]
    deadline = start + PODCAST_DEADLINE_SECONDS
    while time.perf_counter() < deadline:
        response = client.get(f"/api/podcasts/{podcast_id}/")
        response.raise_for_status()
        body = response.json()
        if body["status"] == "completed":
            return time.perf_counter() - start, body
        if body["status"] == "failed":
            raise BenchError(f"podcast {podcast_id} ({output_format}, {languages}) failed: {body['error_message']}")
        time.sleep(POLL_SECONDS)
    raise BenchError(
        f"podcast {podcast_id} ({output_format}, {languages}) still {body['status']} "
        f"after {PODCAST_DEADLINE_SECONDS:.0f} s"
    )


def measure_pipeline(client: httpx.Client, podcasts: int) -> list[PipelineResult]:
    results = []
    for output_format, languages in FORMATS:
        result = PipelineResult(output_format, list(languages))
        for n in range(podcasts):
            seconds, body = run_podcast(client, output_format, languages)
            result.seconds.append(seconds)
            result.writers.append("/".join(filter(None, [body["llm_provider"], body["llm_model"]])) or "(none)")
            result.synthesizers.append(body["tts_provider"] or "-")
            result.podcast_ids.append(body["id"])
            note(f"{output_format} {','.join(languages)} #{n + 1}: {seconds:.3f} s")
        results.append(result)
    return results


# --------------------------------------------------------------------------- 2. API latency under load

Request = Callable[[httpx.AsyncClient], Awaitable[httpx.Response]]


class Budget:
    """At most `total` requests, shared by the workers of one endpoint (one event loop: no lock needed)."""

    def __init__(self, total: int):
        self.left = total

    def take(self) -> bool:
        if self.left <= 0:
            return False
        self.left -= 1
        return True


def endpoint_requests(podcast_ids: Sequence[int], answerable_ids: Sequence[int]) -> dict[str, tuple[str, Request]]:
    """Name -> (what is called, a function making one call). Ids are taken round robin."""
    one, progress, answered = (itertools.cycle(ids) for ids in (podcast_ids, podcast_ids, answerable_ids))
    serial = itertools.count(1)
    return {
        "list": ("GET /api/podcasts/", lambda c: c.get("/api/podcasts/")),
        "one": ("GET /api/podcasts/{id}/", lambda c: c.get(f"/api/podcasts/{next(one)}/")),
        "progress": ("GET /api/podcasts/{id}/progress/", lambda c: c.get(f"/api/podcasts/{next(progress)}/progress/")),
        "answers": (
            "PUT /api/podcasts/{id}/answers/",
            lambda c: c.put(
                f"/api/podcasts/{next(answered)}/answers/", json={"answers": {"q1": f"bench answer {next(serial)}"}}
            ),
        ),
    }


async def _worker(client: httpx.AsyncClient, request: Request, deadline: float, budget: Budget, out: dict) -> None:
    while time.perf_counter() < deadline and budget.take():
        start = time.perf_counter()
        error = None
        try:
            response = await request(client)
            if not response.is_success:
                error = f"HTTP {response.status_code}: {response.text[:200]}"
        except httpx.HTTPError as exc:
            error = f"{type(exc).__name__}: {exc}"
        out["seconds"].append(time.perf_counter() - start)
        if error:
            out["errors"] += 1
            out["first_error"] = out["first_error"] or error


@dataclass(frozen=True)
class Load:
    concurrency: int
    seconds: float
    max_requests: int


async def load_endpoint(base_url: str, token: str, name: str, request: tuple[str, Request], load: Load) -> LoadResult:
    """`load.concurrency` workers call one endpoint until the time or the request budget is used up."""
    label, call = request
    async with api_client(base_url, token, load.concurrency, REQUEST_TIMEOUT_SECONDS) as client:
        warm_up = await call(client)  # not counted; a broken endpoint fails the run here
        if not warm_up.is_success:
            raise BenchError(f"{label} answered {warm_up.status_code}: {warm_up.text[:500]}")
        out: dict = {"seconds": [], "errors": 0, "first_error": None}
        budget = Budget(load.max_requests)
        start = time.perf_counter()
        deadline = start + load.seconds
        await asyncio.gather(*(_worker(client, call, deadline, budget, out) for _ in range(load.concurrency)))
        elapsed = time.perf_counter() - start
    return LoadResult(name, label, out["seconds"], out["errors"], elapsed, out["first_error"])


async def measure_load(base_url: str, token: str, requests: dict[str, tuple[str, Request]], load: Load) -> list:
    results = []
    for name, request in requests.items():
        result = await load_endpoint(base_url, token, name, request, load)
        note(f"{name}: {len(result.seconds)} requests, {result.errors} errors")
        if result.first_error:
            note(f"  first error: {result.first_error}")
        results.append(result)
    return results


# --------------------------------------------------------------------------- the run


def _positive_float(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return value


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.pipeline", description=__doc__.split("\n\n")[0])
    parser.add_argument("--podcasts", type=positive_int, default=5, help="podcasts per output format (default 5)")
    parser.add_argument("--concurrency", type=positive_int, default=16, help="concurrent clients (default 16)")
    parser.add_argument("--seconds", type=_positive_float, default=5.0, help="load seconds per endpoint (default 5)")
    parser.add_argument("--max-requests", type=positive_int, default=20_000, help="cap per endpoint (default 20000)")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the raw numbers here")
    return parser.parse_args(argv)


def write_json(path: Path, args: argparse.Namespace, machine: str, pipeline, load) -> None:
    data = {
        "machine": machine,
        "settings": {k: v for k, v in vars(args).items() if k != "json"},
        "pipeline": [asdict(r) for r in pipeline],
        "load": [{**asdict(r), "target_ms": r.target_ms, **summarize_ms(r.seconds)} for r in load],
    }
    path.write_text(json.dumps(data, indent=2))
    note(f"raw numbers written to {path}")


def run(args: argparse.Namespace) -> None:
    machine = machine_line()
    with tempfile.TemporaryDirectory(prefix="dailycast-bench-") as tmp:
        with running_system(Path(tmp)) as (base_url, env):
            note(f"system ready on {base_url}")
            token = bearer_token(env, BENCH_USER)
            headers = {"Authorization": f"Bearer {token}"}
            client = httpx.Client(base_url=base_url, headers=headers, timeout=REQUEST_TIMEOUT_SECONDS, trust_env=False)
            with client:
                pipeline = measure_pipeline(client, args.podcasts)
            print(f"{machine}\n\n## Pipeline latency (POST to completed, sequential)\n", flush=True)
            print(f"{pipeline_table(pipeline)}\n", flush=True)
            ids = [i for r in pipeline for i in r.podcast_ids]
            answerable = [i for r in pipeline if r.output_format != "audio" for i in r.podcast_ids]
            requests = endpoint_requests(ids, answerable)
            load = asyncio.run(
                measure_load(base_url, token, requests, Load(args.concurrency, args.seconds, args.max_requests))
            )
    title = f"## API latency under load ({args.concurrency} concurrent clients, {args.seconds:g} s per endpoint)"
    print(f"{title}\n\n{load_table(load)}", flush=True)
    if args.json:
        write_json(args.json, args, machine, pipeline, load)


def main(argv: Sequence[str] | None = None) -> int:
    return run_main(run, parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
