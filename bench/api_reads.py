"""Read throughput of the API against the framework's floor, measured by wrk, side by side in one run.

What it measures
  wrk (C, one thread, keep-alive) drives C connections (--connections, default 64) at one endpoint
  for D seconds (--seconds, default 5, after a 1 s warm-up that is not counted), one endpoint after
  the other, in R rounds (--rounds, default 3) that interleave the endpoints; each figure is the
  median over the rounds. Endpoints:
    floor     a bare FastAPI app (no middleware, no dependency, no database) whose one async route
              returns the very JSON that `GET /api/podcasts/{id}/` returned (captured from the real
              app), served by a uvicorn with the same settings: what this framework and server cost
    one       GET /api/podcasts/{id}/            (about 16 KB: both scripts of an en+fr podcast)
    progress  GET /api/podcasts/{id}/progress/
    answers   GET /api/podcasts/{id}/answers/
    list      GET /api/podcasts/                 (a page of all 15 podcasts)
  Goals, against the floor measured in the same round: one and progress at least 0.5x its req/s,
  the list at least 0.25x, and every p99 at most 3x the floor's p99. Any non-2xx answer, socket
  error or request unanswered after D seconds (or a run in which nothing was answered) fails the
  run (exit status 1), as does a missed goal with --strict.

How it runs
  The whole system (`System`, the composition root of `dailycast run`) is built in this process with
  instant adapters (bench/instant.py: real-size scripts, a few bytes of audio), on the embedded
  runtime with a fresh data dir: SQLite read model, and with --databases postgresql also on a fresh
  PostgreSQL database (DATABASE_URL if it names a PostgreSQL server, else deploy/infra.sh's, which
  must be running; it is dropped at the end). Demo learner 1 gets 15 completed `both` podcasts
  (English + French). The system and the floor are served by uvicorn (log level warning, no access
  log) on free 127.0.0.1 ports, each in its own thread of this process, which is otherwise idle
  while wrk runs. wrk sends the learner's bearer token through a Lua script, which also prints the
  latency percentiles as JSON. wrk must be installed (`bash deploy/install-wrk.sh`, which `make
  bench-api` runs first).

  .venv/bin/python -m bench.api_reads                      # what `make bench-api` runs
  .venv/bin/python -m bench.api_reads --databases sqlite,postgresql --rounds 5 --json reads.json

Tables go to stdout as Markdown, progress to stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import httpx

from bench.common import HOST, BenchError, created_podcast, free_port, machine_line, markdown_table, note
from bench.common import positive_int, run_main, wait_healthy
from bench.instant import InstantSynthesizer, InstantWriter
from bench.runtimes import find_infra, loadnote, only_these_settings, postgres_version
from dailycast.postgres_admin import temporary_database

DATABASES = ("sqlite", "postgresql")
BENCH_USER = 1
PODCASTS = 15
LANGUAGES = ["en", "fr"]
ENDPOINTS = ("floor", "one", "progress", "answers", "list")
# endpoint -> (least req/s as a share of the floor's, most p99 as a multiple of the floor's)
GOALS = {"one": (0.5, 3.0), "progress": (0.5, 3.0), "list": (0.25, 3.0)}
WARM_UP_SECONDS = 1
STARTUP_DEADLINE_SECONDS = 60.0
PODCAST_DEADLINE_SECONDS = 60.0
STOP_DEADLINE_SECONDS = 30.0

# wrk's Lua: the token in a header, and the figures as one JSON line (latencies in microseconds).
WRK_SCRIPT = """
wrk.headers["Authorization"] = "Bearer %(token)s"
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests": %%d, "duration_us": %%d, "bytes": %%d, "p50_us": %%d, "p90_us": %%d, ' ..
    '"p99_us": %%d, "max_us": %%d, "connect": %%d, "read": %%d, "write": %%d, "status": %%d, "timeout": %%d}\\n',
    summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, e.connect, e.read, e.write, e.status, e.timeout))
end
"""


# --------------------------------------------------------------------------- results (pure, unit tested)


@dataclass
class Run:
    """One wrk run at one endpoint."""

    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    max_ms: float
    errors: int  # non-2xx/3xx answers, socket errors, timeouts (all connections if nothing answered)

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds


def parse_wrk(output: str) -> Run:
    """The figures the Lua script's done() printed."""
    for line in output.splitlines():
        if line.startswith("WRK_JSON "):
            raw = json.loads(line.removeprefix("WRK_JSON "))
            errors = sum(raw[k] for k in ("connect", "read", "write", "status", "timeout"))
            return Run(raw["requests"], raw["duration_us"] / 1e6, raw["p50_us"] / 1000, raw["p99_us"] / 1000,
                       raw["max_us"] / 1000, errors)
    raise BenchError(f"wrk printed no figures:\n{output[-2000:]}")


@dataclass
class Measured:
    """All rounds of one endpoint on one database."""

    database: str
    endpoint: str
    runs: list[Run] = field(default_factory=list)

    def median(self, attribute: str) -> float:
        return statistics.median(getattr(r, attribute) for r in self.runs)

    @property
    def errors(self) -> int:
        return sum(r.errors for r in self.runs)


def verdict(measured: Measured, floor: Measured) -> tuple[float, str, str]:
    """(req/s as a share of the floor's, the goal in words, "yes"/"**NO**"/"-")."""
    ratio = measured.median("per_second") / floor.median("per_second")
    goal = GOALS.get(measured.endpoint)
    if goal is None:
        return ratio, "-", "-"
    least, most_p99 = goal
    ok = ratio >= least and measured.median("p99_ms") <= most_p99 * floor.median("p99_ms")
    return ratio, f">= {least:g}x, p99 <= {most_p99:g}x", "yes" if ok else "**NO**"


def results_table(results: Sequence[Measured]) -> str:
    floors = {m.database: m for m in results if m.endpoint == "floor"}
    rows = []
    for m in results:
        ratio, goal, ok = verdict(m, floors[m.database])
        p99_ratio = m.median("p99_ms") / floors[m.database].median("p99_ms")
        rows.append([m.database, m.endpoint, f"{m.median('per_second'):.0f}", f"{m.median('p50_ms'):.1f}",
                     f"{m.median('p99_ms'):.1f}", f"{ratio:.2f}x", f"{p99_ratio:.1f}x", m.errors, goal, ok])
    headers = ["database", "endpoint", "req/s", "p50 ms", "p99 ms", "req/s vs floor", "p99 vs floor", "errors",
               "goal", "pass"]
    return markdown_table(headers, rows)


def missed(results: Sequence[Measured]) -> list[str]:
    floors = {m.database: m for m in results if m.endpoint == "floor"}
    return [f"{m.database} {m.endpoint}" for m in results if verdict(m, floors[m.database])[2] == "**NO**"]


# --------------------------------------------------------------------------- servers


def _serve(app, name: str) -> tuple[str, contextlib.AbstractContextManager]:
    """Start `app` under uvicorn in a thread; (base url, what stops it)."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host=HOST, port=port, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, name=f"uvicorn-{name}", daemon=True)
    thread.start()
    base_url = f"http://{HOST}:{port}"

    @contextlib.contextmanager
    def running() -> Iterator[None]:
        try:
            wait_healthy(base_url, lambda: None if thread.is_alive() else f"{name} stopped during startup",
                         STARTUP_DEADLINE_SECONDS, request_s=2.0)
            yield
        finally:
            server.should_exit = True
            thread.join(STOP_DEADLINE_SECONDS)
            if thread.is_alive():
                note(f"{name} did not stop within {STOP_DEADLINE_SECONDS:g} s")

    return base_url, running()


def floor_app(body: bytes):
    """A bare FastAPI app: one async route returning that JSON, and /healthz."""
    from fastapi import FastAPI

    data = json.loads(body)
    app = FastAPI()

    @app.get("/healthz")
    async def healthz():
        return {"status": "ok"}

    @app.get("/floor")
    async def floor():
        return data

    return app


@dataclass
class System:
    base_url: str
    token: str
    podcast_id: int
    body: bytes  # GET one's answer, for the floor


def _seed(base_url: str, token: str) -> int:
    """PODCASTS completed `both` podcasts for the bench learner; the newest one's id. Requested with a
    staff token (staff may name the learner, and no daily limit applies to them)."""
    headers = {"Authorization": f"Bearer {token}"}
    body = {"user_id": BENCH_USER, "languages": LANGUAGES, "output_format": "both"}
    with httpx.Client(base_url=base_url, headers=headers, timeout=30, trust_env=False) as client:
        ids = [created_podcast(client.post("/api/podcasts/", json=body))["id"] for _ in range(PODCASTS)]
        deadline = time.monotonic() + PODCAST_DEADLINE_SECONDS
        while (done := client.get("/api/podcasts/", params={"status": "completed"}).json()["count"]) < PODCASTS:
            if client.get("/api/podcasts/", params={"status": "failed"}).json()["count"]:
                raise BenchError("a podcast failed")
            if time.monotonic() > deadline:
                raise BenchError(f"only {done} of {PODCASTS} podcasts completed in time")
            time.sleep(0.05)
    return ids[-1]


@contextlib.contextmanager
def serving_system(database: str, settings: dict[str, str] | None = None) -> Iterator[System]:
    """The embedded system with instant adapters on SQLite or a fresh PostgreSQL database; always stopped."""
    from services.api.auth import issue_token
    from system.builder import Adapters
    from system.builder import System as Composition

    with contextlib.ExitStack() as stack:
        data_dir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix=f"dailycast-bench-reads-{database}-")))
        # No scheduler: the bench learner's podcasts are the 15 it made.
        env = {"DAILYCAST_RUNTIME": "embedded", "DAILYCAST_DATA_DIR": str(data_dir), "DAILYCAST_SCHEDULER": "false",
               **(settings or {})}
        if database == "postgresql":
            infra, _ = find_infra()
            env["DATABASE_URL"] = stack.enter_context(temporary_database(infra.database_url, "dailycast_bench"))
        stack.enter_context(only_these_settings(env))
        composition = Composition(adapters=Adapters(writer=InstantWriter(), synthesizer=InstantSynthesizer()))
        base_url, running = _serve(composition.app(), f"dailycast-{database}")
        stack.enter_context(running)
        container = composition.services["api"].container
        token = issue_token(container.jwt_secret, BENCH_USER, False)
        podcast_id = _seed(base_url, issue_token(container.jwt_secret, BENCH_USER, True))
        body = httpx.get(f"{base_url}/api/podcasts/{podcast_id}/", headers={"Authorization": f"Bearer {token}"},
                         trust_env=False).content
        yield System(base_url, token, podcast_id, body)


# --------------------------------------------------------------------------- wrk


def wrk_path() -> str:
    path = shutil.which("wrk")
    if path is None:
        raise BenchError("wrk is not installed: run `bash deploy/install-wrk.sh` (as root; `make bench-api` does)")
    return path


def wrk(url: str, script: Path, connections: int, seconds: int) -> Run:
    # A request unanswered after `seconds` is a timeout, an error (wrk checks every 2 s).
    command = [wrk_path(), "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", f"{seconds}s",
               "-s", str(script), url]
    done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60)
    if done.returncode != 0:
        raise BenchError(f"wrk failed ({done.returncode}): {done.stderr[-2000:]}")
    run = parse_wrk(done.stdout)
    if run.requests == 0:  # nothing answered within the run: every connection is stuck
        run.errors = max(run.errors, connections)
    return run


def check_answers(url: str, token: str) -> None:
    """The endpoint answers 200 to the token before wrk hammers it (wrk only counts failures)."""
    answer = httpx.get(url, headers={"Authorization": f"Bearer {token}"}, timeout=10, trust_env=False)
    if answer.status_code != 200:
        raise BenchError(f"GET {url} answered {answer.status_code}: {answer.text[:300]}")


def measure(database: str, args: argparse.Namespace) -> list[Measured]:
    with contextlib.ExitStack() as stack:
        system = stack.enter_context(serving_system(database, dict(args.setting)))
        floor_url, floor_running = _serve(floor_app(system.body), "floor")
        stack.enter_context(floor_running)
        note(f"{database}: {PODCASTS} podcasts ready; GET one is {len(system.body)} bytes")
        podcast = f"{system.base_url}/api/podcasts/{system.podcast_id}"
        urls = {"floor": f"{floor_url}/floor", "one": f"{podcast}/", "progress": f"{podcast}/progress/",
                "answers": f"{podcast}/answers/", "list": f"{system.base_url}/api/podcasts/"}
        script = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="dailycast-wrk-"))) / "auth.lua"
        script.write_text(WRK_SCRIPT % {"token": system.token})
        results = {name: Measured(database, name) for name in ENDPOINTS}
        for name, url in urls.items():
            check_answers(url, system.token)
        for n in range(1, args.rounds + 1):
            for name, url in urls.items():
                wrk(url, script, args.connections, WARM_UP_SECONDS)
                run = wrk(url, script, args.connections, args.seconds)
                results[name].runs.append(run)
                note(f"{database} round {n} {name}: {run.per_second:.0f} req/s, p50 {run.p50_ms:.1f} ms, "
                     f"p99 {run.p99_ms:.1f} ms, errors {run.errors}")
        return list(results.values())


# --------------------------------------------------------------------------- the run


def _databases(text: str) -> list[str]:
    names = [n.strip() for n in text.split(",") if n.strip()]
    if not names or any(n not in DATABASES for n in names):
        raise argparse.ArgumentTypeError(f"choose from {', '.join(DATABASES)} (comma separated)")
    return list(dict.fromkeys(names))


def _setting(text: str) -> tuple[str, str]:
    name, equals, value = text.partition("=")
    if not equals or not name.startswith("DAILYCAST_"):
        raise argparse.ArgumentTypeError("give DAILYCAST_NAME=VALUE")
    return name, value


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.api_reads", description=__doc__.split("\n\n")[0])
    add = parser.add_argument
    add("--connections", type=positive_int, default=64, help="wrk's concurrent connections (default 64)")
    add("--seconds", type=positive_int, default=5, help="seconds per endpoint per round (default 5)")
    add("--rounds", type=positive_int, default=3, help="rounds over all endpoints; figures are medians (default 3)")
    add("--databases", type=_databases, default=["sqlite"], help="sqlite and/or postgresql (default sqlite)")
    add("--setting", type=_setting, action="append", default=[], metavar="DAILYCAST_NAME=VALUE",
        help="a setting of the system under test (repeatable; inherited DAILYCAST_* settings are ignored)")
    add("--json", type=Path, help="also write every run's figures there")
    add("--strict", action="store_true", help="exit 1 when a goal is missed (errors always do)")
    return parser.parse_args(argv)


def run(args: argparse.Namespace) -> None:
    wrk_path()
    machine, notes = machine_line(), [loadnote()]
    version = subprocess.run([wrk_path(), "-v"], capture_output=True, text=True).stdout.splitlines()
    notes.append(f"load generator: {version[0] if version else 'wrk'}, 1 thread, {args.connections} connections, "
                 f"{args.seconds} s per endpoint after {WARM_UP_SECONDS} s of warm-up, {args.rounds} rounds (medians)")
    if args.setting:
        notes.append("settings: " + ", ".join(f"{name}={value}" for name, value in args.setting))
    results: list[Measured] = []
    for database in args.databases:
        if database == "postgresql":
            infra, source = find_infra()
            if infra is None:
                raise BenchError(f"postgresql: {source}")
            notes.append(f"postgresql: PostgreSQL {postgres_version(infra.database_url)} (from {source})")
        else:
            notes.append("sqlite: the embedded runtime's SQLite read model in a temporary directory")
        results += measure(database, args)
    print(machine)
    for line in notes:
        print(f"- {line}")
    print(f"\n### Reads at {args.connections} connections against the floor\n")
    print(results_table(results), flush=True)
    if args.json:
        args.json.write_text(json.dumps([asdict(m) for m in results], indent=2))
    failed = [f"{m.database} {m.endpoint}" for m in results if m.errors]
    if failed:
        raise BenchError(f"non-2xx answers or socket errors: {', '.join(failed)}")
    if args.strict and (short := missed(results)):
        raise BenchError(f"goals missed: {', '.join(short)}")


def main(argv: Sequence[str] | None = None) -> int:
    return run_main(run, parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
