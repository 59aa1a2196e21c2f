"""The daily scheduler at platform scale: how long it takes to request a day's podcasts for N learners.

What it measures
  N learners (--learners, default 10,000; the issue's goal is 100,000 within 60 s) are written to a
  fresh read model, their locales spread over the nine languages and their time zones; then
  `services.api.scheduler.schedule` requests every learner's podcast of one date, as
  `dailycast daily --date` does: per learner a podcast row, its PodcastRequested in the outbox and
  its daily_request row, a batch of learners a transaction. Timed from the first learner read to
  the last commit; then checked: exactly one podcast, one daily_request and one outbox message per
  learner, and a second run requests nothing. Only the requests are timed: publishing them is
  the outbox relay's work (bench/runtimes.py measures the pipeline).

How it runs
  In this process, the API service built by the composition root (`System(("api",))`, nothing
  started) on a temporary data dir: SQLite, and with --databases sqlite,postgresql also a fresh
  PostgreSQL database (DATABASE_URL if it names one, else deploy/infra.sh's; dropped after).

  .venv/bin/python -m bench.scheduler --learners 100000 --databases sqlite,postgresql

Tables go to stdout as Markdown, progress to stderr.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from pathlib import Path

import sqlalchemy as sa

from bench.common import BenchError, machine_line, markdown_table, note, positive_int, run_main, some_of
from bench.runtimes import find_infra, loadnote, only_these_settings
from dailycast.events import utcnow
from dailycast.postgres_admin import temporary_database

DATABASES = ("sqlite", "postgresql")
LOCALES = ("en-US", "ja-JP", "es-ES", "fr-FR", "de-DE", "it-IT", "pt-BR", "ru-RU", "ko-KR", "en-GB", "en-AU")
GOAL_SECONDS_PER_100K = 60.0
INSERT_BATCH = 5000


@contextlib.contextmanager
def api_service(database: str) -> Iterator:
    """The API service's container on a fresh read model (nothing started, no demo learners)."""
    from system.builder import System

    with contextlib.ExitStack() as stack:
        data_dir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix=f"dailycast-bench-daily-{database}-")))
        env = {"DAILYCAST_RUNTIME": "embedded", "DAILYCAST_DATA_DIR": str(data_dir), "DAILYCAST_SEED_DEMO": "false",
               "DAILYCAST_SCHEDULER": "false"}
        if database == "postgresql":
            infra, source = find_infra()
            if infra is None:
                raise BenchError(f"postgresql: {source}")
            env["DATABASE_URL"] = stack.enter_context(temporary_database(infra.database_url, "dailycast_bench"))
        stack.enter_context(only_these_settings(env))
        system = System(("api",))
        stack.callback(lambda: asyncio.run(system.close()))
        yield system.services["api"].container


def add_learners(container, n: int) -> None:
    from services.api.db import Learner

    rows = [{"id": i, "email": f"learner{i}@example.com", "name": f"Learner {i}", "locale": LOCALES[i % len(LOCALES)],
             "active": True, "is_staff": False} for i in range(1, n + 1)]
    with container.session_factory.begin() as session:
        for start in range(0, n, INSERT_BATCH):
            session.execute(sa.insert(Learner), rows[start:start + INSERT_BATCH])


def counts(container) -> dict[str, int]:
    from services.api.db import DailyPodcast, DailyRequest, OutboxMessage

    with container.session_factory() as session:
        def count(query) -> int:
            return session.scalar(sa.select(sa.func.count()).select_from(query))

        twice = sa.select(DailyPodcast.user_id).group_by(DailyPodcast.user_id, DailyPodcast.for_date)
        return {
            "podcasts": count(DailyPodcast),
            "daily requests": count(DailyRequest),
            "outbox": count(OutboxMessage),
            "duplicates": count(twice.having(sa.func.count() > 1).subquery()),
        }


def measure(database: str, learners: int, day: date) -> list:
    from services.api.scheduler import on_date, schedule

    with api_service(database) as container:
        add_learners(container, learners)
        note(f"{database}: {learners} learners written; scheduling {day}")
        done = [0]

        def progress(looked_at: int) -> None:
            done[0] += looked_at
            if done[0] % 10_000 < looked_at:
                note(f"{database}: {done[0]} of {learners} learners")

        start = time.perf_counter()
        made = schedule(container.session_factory, container.schemas, on_date(day, utcnow()), progress=progress)
        seconds = time.perf_counter() - start
        again = schedule(container.session_factory, container.schemas, on_date(day, utcnow()))
        found = counts(container)
        expected = {"podcasts": learners, "daily requests": learners, "outbox": learners, "duplicates": 0}
        if len(made) != learners or again or found != expected:
            raise BenchError(f"{database}: requested {len(made)}, then {len(again)} more; found {found}")
        projected = seconds * 100_000 / learners
        return [database, learners, f"{seconds:.1f}", f"{learners / seconds:.0f}", found["duplicates"], len(again),
                f"{projected:.0f}", "yes" if projected <= GOAL_SECONDS_PER_100K else "**NO**"]


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.scheduler", description=__doc__.split("\n\n")[0])
    parser.add_argument("--learners", type=positive_int, default=10_000, help="learners to schedule (default 10000)")
    parser.add_argument("--databases", type=some_of(DATABASES), default=["sqlite"], help="sqlite and/or postgresql")
    return parser.parse_args(argv)


def run(args: argparse.Namespace) -> None:
    day = date.today() + timedelta(days=1)
    rows = [measure(database, args.learners, day) for database in args.databases]
    print(machine_line())
    print(f"- {loadnote()}")
    print(f"\n### The scheduler requesting one date's podcasts for {args.learners} learners\n")
    headers = ["database", "learners", "seconds", "learners/s", "duplicates", "again", "s per 100,000",
               f"<= {GOAL_SECONDS_PER_100K:.0f} s per 100,000"]
    print(markdown_table(headers, rows), flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    return run_main(run, parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
