"""The daily loop at scale on Kafka: the scheduler fans out a day's podcasts, the services make them.

What it measures
  N learners (--learners, default 2,000) are written to a fresh PostgreSQL read model, each with
  a daily podcast in one language (their locale's) and the format of the round. For each format
  (--formats, default text,audio) one date is scheduled as `dailycast daily --date` does, and the
  round is timed from the scheduler's first request until every podcast of that date is
  `completed` in the read model and its learner emailed (the notifier's sent log; both polled
  every 0.2 s): podcasts per second. Then it checks that each learner has exactly one podcast
  of the date, none failed, one email each, and that scheduling the date again requests none.

How it runs
  As deployed: the API (`dailycast serve api`: the outbox relay and the projector) and the three
  workers (`python -m bench.instant_worker scriptgen|tts|notifier`) are each their own process,
  on Kafka (a fresh topic prefix) and PostgreSQL (a fresh database, dropped after). The workers
  have the instant adapters (bench/instant.py), so the providers cost nothing: what is measured
  is the pipeline itself. Kafka and PostgreSQL as bench/runtimes.py finds them (DATABASE_URL and
  KAFKA_BOOTSTRAP_SERVERS, else deploy/infra.sh).

  .venv/bin/python -m bench.scale
  .venv/bin/python -m bench.scale --learners 10000 --formats text

Tables go to stdout as Markdown, progress to stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator, Sequence
from datetime import date, time as clock, timedelta
from pathlib import Path

import sqlalchemy as sa

from bench.common import ROOT, BenchError, free_port, machine_line, markdown_table, note, positive_int, run_main, some_of
from bench.runtimes import delete_topics, find_infra, loadnote, only_these_settings
from bench.scheduler import LOCALES, add_learners
from dailycast import migrations
from dailycast.events import utcnow
from dailycast.postgres_admin import temporary_database

FORMATS = ("text", "audio")
GOAL_PER_SECOND = 100.0
WORKERS = ("scriptgen", "tts", "notifier")
STARTUP_SECONDS = 60.0
LANGUAGE_OF = {locale: locale.split("-")[0] for locale in LOCALES}


@contextlib.contextmanager
def cluster(database_url: str, kafka: str, data_dir: Path) -> Iterator[dict[str, str]]:
    """The four services as processes on one environment; stopped (SIGTERM, then SIGKILL) after."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DAILYCAST_", "KAFKA_")) and k != "DATABASE_URL"}
    env.update({
        "DAILYCAST_RUNTIME": "kafka", "KAFKA_BOOTSTRAP_SERVERS": kafka, "DATABASE_URL": database_url,
        "DAILYCAST_TOPIC_PREFIX": f"bench{uuid.uuid4().hex[:10]}.", "DAILYCAST_DATA_DIR": str(data_dir),
        "DAILYCAST_PORT": str(free_port()), "DAILYCAST_JWT_SECRET": uuid.uuid4().hex,
        "DAILYCAST_SCHEDULER": "false", "DAILYCAST_SEED_DEMO": "false", "PYTHONUNBUFFERED": "1",
    })
    python = str(ROOT / ".venv" / "bin" / "python")
    commands = {"api": [str(ROOT / ".venv" / "bin" / "dailycast"), "serve", "api"]}
    commands.update({w: [python, "-m", "bench.instant_worker", w] for w in WORKERS})
    processes = {}
    try:
        for name, command in commands.items():
            log = (data_dir / f"{name}.log").open("wb")
            processes[name] = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        yield env
    finally:
        for process in processes.values():
            process.terminate()
        for name, process in processes.items():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                note(f"{name} did not stop on SIGTERM; killed")
        delete_topics(kafka, env["DAILYCAST_TOPIC_PREFIX"])


def set_format(engine: sa.Engine, learners: int, output_format: str) -> None:
    """Every learner daily, in their locale's language, in this round's format."""
    from services.api.db import DeliveryPreference

    rows = [{"user_id": i, "daily": True, "languages": [LANGUAGE_OF[LOCALES[i % len(LOCALES)]]],
             "output_format": output_format, "minutes": 6, "delivery_time": clock(7, 0), "time_zone": "UTC",
             "updated_at": utcnow()} for i in range(1, learners + 1)]
    with engine.begin() as connection:
        connection.execute(sa.delete(DeliveryPreference))
        for start in range(0, learners, 5000):
            connection.execute(sa.insert(DeliveryPreference), rows[start:start + 5000])


def statuses(engine: sa.Engine, day: date) -> dict[str, int]:
    from services.api.db import DailyPodcast

    with engine.connect() as connection:
        rows = connection.execute(sa.select(DailyPodcast.status, sa.func.count()).where(DailyPodcast.for_date == day)
                                  .group_by(DailyPodcast.status)).all()
    return dict(rows)


def emails(engine: sa.Engine, podcast_ids: list[int]) -> int:
    from services.notifier.sent_log import notification_sent

    with engine.connect() as connection:
        return connection.scalar(sa.select(sa.func.count()).select_from(notification_sent)
                                 .where(notification_sent.c.podcast_id.in_(podcast_ids)))


def one_round(container, engine: sa.Engine, learners: int, output_format: str, day: date) -> list:
    from services.api.scheduler import on_date, schedule

    set_format(engine, learners, output_format)
    start = time.perf_counter()
    made = schedule(container.session_factory, container.schemas, on_date(day, utcnow()))
    scheduled = time.perf_counter() - start
    note(f"{output_format}: {len(made)} podcasts requested in {scheduled:.1f} s")
    deadline = start + 60 + learners  # generous: a second per podcast
    last = 0
    while (found := statuses(engine, day)).get("completed", 0) < learners:
        if found.get("failed"):
            raise BenchError(f"{output_format}: {found['failed']} podcasts failed")
        if time.perf_counter() > deadline:
            raise BenchError(f"{output_format}: only {found} after {time.perf_counter() - start:.0f} s")
        if found.get("completed", 0) - last >= learners / 10:
            last = found["completed"]
            note(f"{output_format}: {last} of {learners} completed after {time.perf_counter() - start:.1f} s")
        time.sleep(0.2)
    completed = time.perf_counter() - start
    while (sent := emails(engine, made)) < learners and time.perf_counter() < deadline:
        time.sleep(0.2)
    seconds = time.perf_counter() - start
    again = schedule(container.session_factory, container.schemas, on_date(day, utcnow()))
    if len(made) != learners or again or found != {"completed": learners} or sent != learners:
        raise BenchError(f"{output_format}: requested {len(made)} then {len(again)}; {found}; {sent} emails")
    rate = learners / seconds
    return [output_format, learners, f"{scheduled:.1f}", f"{completed:.1f}", f"{seconds:.1f}", f"{rate:.0f}", len(again),
            "yes" if rate >= GOAL_PER_SECOND else "**NO**"]


def wait_ready(engine: sa.Engine, day: date, container) -> None:
    """One podcast through every service before timing: the consumer groups have joined."""
    from services.api.scheduler import on_date, schedule

    set_format(engine, 1, "audio")
    schedule(container.session_factory, container.schemas, on_date(day, utcnow()), user_id=1)
    deadline = time.perf_counter() + STARTUP_SECONDS
    while statuses(engine, day).get("completed", 0) < 1:
        if time.perf_counter() > deadline:
            raise BenchError(f"the services did not make a first podcast within {STARTUP_SECONDS:.0f} s")
        time.sleep(0.2)


def run(args: argparse.Namespace) -> None:
    from system.builder import System

    infra, source = find_infra()
    if infra is None:
        raise BenchError(f"kafka: {source}")
    with contextlib.ExitStack() as stack:
        data_dir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="dailycast-bench-scale-")))
        url = stack.enter_context(temporary_database(infra.database_url, "dailycast_bench"))
        migrations.upgrade(url)
        engine = sa.create_engine(url)
        stack.callback(engine.dispose)
        # The scheduler runs here, in the API's own code: its container on the same database.
        stack.enter_context(only_these_settings({"DAILYCAST_DATA_DIR": str(data_dir / "here"), "DATABASE_URL": url,
                                                 "DAILYCAST_SEED_DEMO": "false", "DAILYCAST_SCHEDULER": "false"}))
        container = System(("api",)).services["api"].container
        add_learners(container, args.learners)
        stack.enter_context(cluster(url, infra.kafka_bootstrap_servers, data_dir))
        first = date.today() + timedelta(days=1)
        wait_ready(engine, first, container)
        note(f"services ready; {args.learners} learners")
        rows = [one_round(container, engine, args.learners, fmt, first + timedelta(days=n + 1))
                for n, fmt in enumerate(args.formats)]
    print(machine_line())
    print(f"- {loadnote()}; Kafka and PostgreSQL from {source}")
    print(f"\n### A day's podcasts for {args.learners} learners, scheduler to completed, four processes on Kafka\n")
    headers = ["format", "podcasts", "requested in s", "all completed in s", "all emailed in s", "podcasts/s", "again",
               f">= {GOAL_PER_SECOND:.0f}/s"]
    print(markdown_table(headers, rows), flush=True)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.scale", description=__doc__.split("\n\n")[0])
    parser.add_argument("--learners", type=positive_int, default=2000, help="learners, a podcast each (default 2000)")
    parser.add_argument("--formats", type=some_of(FORMATS), default=list(FORMATS), help="text and/or audio (default both)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    return run_main(run, parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
