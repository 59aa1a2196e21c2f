"""Benchmark of the pipeline itself on the embedded log and on Kafka, side by side, in one run.

What it measures
  The system runs with instant adapters (bench/instant.py: a writer and a synthesizer that answer at
  once), so a podcast's time is only what the pipeline adds: the HTTP request, the outbox relay, the
  log, the consumers (scriptgen, tts, notifier), the projector and the read model's database. For
  each runtime, and for the `text` and `audio` formats (English):
  1. Added latency. N podcasts (--podcasts, default 20) one after another, each timed from
     `POST /api/podcasts/` until `GET /api/podcasts/{id}/` says `completed` (polled every 5 ms).
  2. Throughput. M podcasts (--burst, default 100) posted as fast as C concurrent clients (--clients,
     default 8) can, timed from the first POST until the list (`?status=completed`, polled every 5 ms)
     counts all M completed; podcasts per second.
  A failed podcast, or one not done in time, stops the run with exit status 1.

How it runs
  Per runtime, the whole system (`system.builder.System`, the same composition root as `dailycast
  run`) is built in this process and served by uvicorn on a free 127.0.0.1 port in a thread; the
  benchmark talks to it over real HTTP with httpx from the main thread. The embedded runtime gets a
  fresh temporary data dir (SQLite read model, SQLite event log). The kafka runtime gets the same
  plus a fresh PostgreSQL database (dropped at the end), a unique topic prefix (so consumer groups
  and topics are new) and a JWT secret. Inherited DAILYCAST_* settings are ignored. Before
  measuring, one warm-up podcast per format goes through (the consumers join their groups meanwhile).

  Kafka and PostgreSQL: KAFKA_BOOTSTRAP_SERVERS and DATABASE_URL (a postgresql URL) if both are
  set, else the local infrastructure if `bash deploy/infra.sh status` says it is up. Otherwise the
  kafka runtime is skipped with a message (start it with `bash deploy/infra.sh up`).

  .venv/bin/python -m bench.runtimes
  .venv/bin/python -m bench.runtimes --podcasts 50 --burst 200 --clients 8 --runtimes kafka

Tables go to stdout as Markdown, progress to stderr.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import shlex
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import sqlalchemy as sa

from bench.common import HOST, ROOT, BenchError, api_client, created_podcast, free_port, note, wait_healthy
from bench.common import machine_line, markdown_table, percentile, positive_int, run_main
from bench.instant import InstantSynthesizer, InstantWriter
from dailycast.postgres_admin import temporary_database

RUNTIMES = ("embedded", "kafka")
FORMATS = ("text", "audio")
LANGUAGES = ["en"]
BENCH_USER = 1
POLL_SECONDS = 0.005
PODCAST_DEADLINE_SECONDS = 30.0
WARM_UP_DEADLINE_SECONDS = 120.0  # the first rebalance of four consumer groups
STARTUP_DEADLINE_SECONDS = 120.0
STOP_DEADLINE_SECONDS = 30.0
REQUEST_TIMEOUT_SECONDS = 30.0


# --------------------------------------------------------------------------- results


@dataclass
class LatencyResult:
    runtime: str
    output_format: str
    seconds: list[float] = field(default_factory=list)


@dataclass
class ThroughputResult:
    runtime: str
    output_format: str
    podcasts: int
    seconds: float

    @property
    def per_second(self) -> float:
        return self.podcasts / self.seconds


def latency_table(results: Sequence[LatencyResult]) -> str:
    rows = []
    for r in results:
        ms = [s * 1000 for s in r.seconds]
        rows.append([r.runtime, r.output_format, len(ms), f"{percentile(ms, 50):.1f}", f"{percentile(ms, 90):.1f}",
                     f"{max(ms):.1f}"])
    return markdown_table(["runtime", "format", "n", "p50 ms", "p90 ms", "max ms"], rows)


def throughput_table(results: Sequence[ThroughputResult]) -> str:
    rows = [[r.runtime, r.output_format, r.podcasts, f"{r.seconds:.2f}", f"{r.per_second:.1f}"] for r in results]
    return markdown_table(["runtime", "format", "podcasts", "seconds", "podcasts/s"], rows)


# --------------------------------------------------------------------------- Kafka and PostgreSQL


@dataclass(frozen=True)
class Infra:
    kafka_bootstrap_servers: str
    database_url: str  # server-level; the benchmark makes its own database on it


def _is_postgres(url: str | None) -> bool:
    return bool(url) and url.startswith("postgresql")


def find_infra() -> tuple[Infra | None, str]:
    """(the infra, where it came from) or (None, why not). Never starts anything."""
    kafka, database = os.environ.get("KAFKA_BOOTSTRAP_SERVERS"), os.environ.get("DATABASE_URL")
    if kafka and _is_postgres(database):
        return Infra(kafka, database), "KAFKA_BOOTSTRAP_SERVERS and DATABASE_URL"
    script = ROOT / "deploy" / "infra.sh"
    try:
        status = subprocess.run(["bash", str(script), "status"], capture_output=True, text=True, timeout=60)
        if status.returncode != 0:
            return None, "deploy/infra.sh is not running (start it: bash deploy/infra.sh up)"
        exports = subprocess.run(["bash", str(script), "env"], capture_output=True, text=True, timeout=60, check=True)
    except (OSError, subprocess.SubprocessError) as exc:
        return None, f"cannot ask deploy/infra.sh ({exc})"
    values = {}
    for line in exports.stdout.splitlines():
        if line.startswith("export ") and "=" in line:
            name, value = line.removeprefix("export ").split("=", 1)
            values[name] = shlex.split(value)[0]
    if not values.get("KAFKA_BOOTSTRAP_SERVERS") or not _is_postgres(values.get("DATABASE_URL")):
        return None, f"deploy/infra.sh env printed no Kafka or PostgreSQL: {exports.stdout!r}"
    return Infra(values["KAFKA_BOOTSTRAP_SERVERS"], values["DATABASE_URL"]), "deploy/infra.sh"


async def _delete_topics(bootstrap_servers: str, prefix: str) -> int:
    from aiokafka.admin import AIOKafkaAdminClient

    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap_servers)
    await admin.start()
    try:
        ours = [t for t in await admin.list_topics() if t.startswith(prefix)]
        if ours:
            await admin.delete_topics(ours)
        return len(ours)
    finally:
        await admin.close()


def delete_topics(bootstrap_servers: str, prefix: str) -> None:
    """Remove the run's topics (its prefix is unique) from the shared broker; only warn if that fails."""
    try:
        deleted = asyncio.run(_delete_topics(bootstrap_servers, prefix))
        note(f"deleted the run's {deleted} topics ({prefix}*)")
    except Exception as exc:  # the numbers are measured already; a leftover topic is harmless
        note(f"could not delete the topics {prefix}*: {exc}")


def postgres_version(url: str) -> str:
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        with engine.connect() as connection:
            return connection.exec_driver_sql("SHOW server_version").scalar_one().split()[0]
    finally:
        engine.dispose()


# --------------------------------------------------------------------------- the system under test

_OUR_VARIABLES = ("DATABASE_URL", "KAFKA_BOOTSTRAP_SERVERS")


@contextlib.contextmanager
def only_these_settings(values: Mapping[str, str]) -> Iterator[None]:
    """os.environ without inherited Dailycast settings, plus `values`; restored afterwards."""
    saved = dict(os.environ)
    for name in list(os.environ):
        if name.startswith("DAILYCAST_") or name in _OUR_VARIABLES:
            del os.environ[name]
    os.environ.update(values)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def system_settings(runtime: str, data_dir: Path, database_url: str | None, infra: Infra | None) -> dict[str, str]:
    # The bench is one learner asking for many podcasts: no daily limit.
    # No scheduler: the completed podcasts counted are the benchmark's own.
    env = {"DAILYCAST_RUNTIME": runtime, "DAILYCAST_DATA_DIR": str(data_dir), "DAILYCAST_DAILY_REQUEST_LIMIT": "0",
           "DAILYCAST_SCHEDULER": "false"}
    if runtime == "kafka":
        assert infra is not None and database_url is not None
        env.update(
            KAFKA_BOOTSTRAP_SERVERS=infra.kafka_bootstrap_servers,
            DATABASE_URL=database_url,
            DAILYCAST_TOPIC_PREFIX=f"bench{uuid.uuid4().hex[:10]}.",
            DAILYCAST_JWT_SECRET=uuid.uuid4().hex,
        )
    return env


@dataclass
class Served:
    base_url: str
    token: str


def _stopped(thread: threading.Thread) -> str | None:
    return None if thread.is_alive() else "the server thread stopped during startup"


@contextlib.contextmanager
def serving(runtime: str, infra: Infra | None) -> Iterator[Served]:
    """The whole system with instant adapters, under uvicorn in a thread on a free port; always stopped."""
    import uvicorn

    from system.builder import Adapters, System
    from services.api.auth import issue_token

    with contextlib.ExitStack() as stack:
        data_dir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix=f"dailycast-bench-{runtime}-")))
        if runtime == "kafka":
            database_url = stack.enter_context(temporary_database(infra.database_url, "dailycast_bench"))
        else:
            database_url = None
        settings = system_settings(runtime, data_dir, database_url, infra)
        if runtime == "kafka":  # runs once the system has stopped, before the database is dropped
            stack.callback(delete_topics, infra.kafka_bootstrap_servers, settings["DAILYCAST_TOPIC_PREFIX"])
        stack.enter_context(only_these_settings(settings))
        system = System(adapters=Adapters(writer=InstantWriter(), synthesizer=InstantSynthesizer()))
        port = free_port()
        config = uvicorn.Config(system.app(), host=HOST, port=port, log_level="warning", access_log=False)
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, name=f"uvicorn-{runtime}", daemon=True)
        thread.start()
        try:
            base_url = f"http://{HOST}:{port}"
            wait_healthy(base_url, lambda: _stopped(thread), STARTUP_DEADLINE_SECONDS, request_s=2.0)
            yield Served(base_url, issue_token(system.services["api"].container.jwt_secret, BENCH_USER, False))
        finally:
            server.should_exit = True
            thread.join(STOP_DEADLINE_SECONDS)
            if thread.is_alive():
                note(f"the {runtime} system did not stop within {STOP_DEADLINE_SECONDS:g} s")


# --------------------------------------------------------------------------- measuring


def _client(served: Served, connections: int = 1) -> httpx.AsyncClient:
    return api_client(served.base_url, served.token, connections, REQUEST_TIMEOUT_SECONDS)


async def _post(client: httpx.AsyncClient, output_format: str) -> int:
    created = await client.post("/api/podcasts/", json={"languages": LANGUAGES, "output_format": output_format})
    return created_podcast(created)["id"]


async def one_podcast(
    client: httpx.AsyncClient, output_format: str, deadline_s: float = PODCAST_DEADLINE_SECONDS
) -> float:
    """Seconds from POST to the first GET that says completed."""
    start = time.perf_counter()
    podcast_id = await _post(client, output_format)
    status = "pending"
    while time.perf_counter() - start < deadline_s:
        response = await client.get(f"/api/podcasts/{podcast_id}/")
        response.raise_for_status()
        body = response.json()
        status = body["status"]
        if status == "completed":
            return time.perf_counter() - start
        if status == "failed":
            raise BenchError(f"podcast {podcast_id} ({output_format}) failed: {body['error_message']}")
        await asyncio.sleep(POLL_SECONDS)
    raise BenchError(f"podcast {podcast_id} ({output_format}) still {status} after {deadline_s:g} s")


async def _count(client: httpx.AsyncClient, status: str) -> int:
    response = await client.get("/api/podcasts/", params={"status": status, "page_size": 1})
    response.raise_for_status()
    return response.json()["count"]


async def burst(served: Served, output_format: str, podcasts: int, clients: int) -> float:
    """Seconds from the first POST until all `podcasts` are completed."""
    async with _client(served, clients) as posting, _client(served) as watching:
        done_before = await _count(watching, "completed")
        failed_before = await _count(watching, "failed")
        left = iter(range(podcasts))

        async def post_some() -> None:
            for _ in left:  # one shared iterator: the clients split the podcasts between them
                await _post(posting, output_format)

        start = time.perf_counter()
        await asyncio.gather(*(post_some() for _ in range(clients)))
        deadline = start + PODCAST_DEADLINE_SECONDS + podcasts  # generous: a second per podcast
        polls = 0
        while (done := await _count(watching, "completed") - done_before) < podcasts:
            polls += 1
            if polls % 100 == 0 and await _count(watching, "failed") > failed_before:
                raise BenchError(f"a podcast of the {output_format} burst failed")
            if time.perf_counter() > deadline:
                raise BenchError(f"{output_format} burst: only {done} of {podcasts} completed in time")
            await asyncio.sleep(POLL_SECONDS)
        return time.perf_counter() - start


async def measure(served: Served, runtime: str, args: argparse.Namespace) -> tuple[list, list]:
    async with _client(served) as client:
        for output_format in FORMATS:  # not counted: the consumers are still joining their groups
            warm = await one_podcast(client, output_format, WARM_UP_DEADLINE_SECONDS)
            note(f"{runtime} {output_format} warm-up: {warm * 1000:.0f} ms")
        latencies = []
        for output_format in FORMATS:
            result = LatencyResult(runtime, output_format)
            for _ in range(args.podcasts):
                result.seconds.append(await one_podcast(client, output_format))
            ms = [s * 1000 for s in result.seconds]
            note(f"{runtime} {output_format}: p50 {percentile(ms, 50):.1f} ms, max {max(ms):.1f} ms")
            latencies.append(result)
    throughputs = []
    for output_format in FORMATS:
        seconds = await burst(served, output_format, args.burst, args.clients)
        throughputs.append(ThroughputResult(runtime, output_format, args.burst, seconds))
        note(f"{runtime} {output_format} burst: {args.burst} in {seconds:.2f} s")
    return latencies, throughputs


# --------------------------------------------------------------------------- the run


def loadnote() -> str:
    """Everything shares the CPUs (the broker and PostgreSQL too), so say how busy they already were."""
    one, five, _ = os.getloadavg()
    return f"load average at start: {one:.2f} (1 min), {five:.2f} (5 min)"


def _runtimes(text: str) -> list[str]:
    names = [n.strip() for n in text.split(",") if n.strip()]
    unknown = [n for n in names if n not in RUNTIMES]
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"choose from {', '.join(RUNTIMES)} (comma separated)")
    return list(dict.fromkeys(names))


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.runtimes", description=__doc__.split("\n\n")[0])
    add = parser.add_argument
    add("--podcasts", type=positive_int, default=20, help="sequential podcasts per format (default 20)")
    add("--burst", type=positive_int, default=100, help="podcasts per format in the burst (default 100)")
    add("--clients", type=positive_int, default=8, help="concurrent clients posting the burst (default 8)")
    add("--runtimes", type=_runtimes, default=list(RUNTIMES), help="default: embedded,kafka")
    return parser.parse_args(argv)


def run(args: argparse.Namespace) -> None:
    machine = machine_line()
    latencies, throughputs, notes = [], [], [loadnote()]
    for runtime in args.runtimes:
        infra = None
        if runtime == "kafka":
            infra, source = find_infra()
            if infra is None:
                notes.append(f"kafka: skipped, {source}")
                note(notes[-1])
                continue
            notes.append(
                f"kafka: Kafka at {infra.kafka_bootstrap_servers}, PostgreSQL "
                f"{postgres_version(infra.database_url)} (from {source})"
            )
        else:
            notes.append("embedded: SQLite read model and SQLite event log in a temporary directory")
        started = time.perf_counter()
        with serving(runtime, infra) as served:
            note(f"{runtime}: system ready on {served.base_url} after {time.perf_counter() - started:.1f} s")
            latency, throughput = asyncio.run(measure(served, runtime, args))
        latencies += latency
        throughputs += throughput
    print(machine)
    for line in notes:
        print(f"- {line}")
    if latencies:
        print(f"\n### Added latency (POST to completed, sequential, polled every {POLL_SECONDS * 1000:g} ms)\n")
        print(latency_table(latencies))
        print(f"\n### Throughput ({args.burst} podcasts per format posted by {args.clients} concurrent clients)\n")
        print(throughput_table(throughputs), flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    return run_main(run, parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
