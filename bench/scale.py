"""The daily loop at scale on Kafka: the scheduler fans out a day's podcasts, the services make them.

What it measures
  N learners (--learners, default 2,000) are written to a fresh PostgreSQL read model with daily
  podcasts; a date is scheduled as `dailycast daily --date` does, and timed from the scheduler's
  first request until every podcast of that date is `completed` (or failed) in the read model
  and its learner emailed (the notifier's sent log; both polled every 0.2 s). Then scheduling
  the date again must request none. With --providers:

  simulated (the default; issue 10, 6b). The workers run their real provider clients, the openai
  SDK and boto3's Polly, against bench/simulated_providers.py over HTTP: OpenAI answers in 4 s
  (±25%) up to 10,000 requests a minute, Polly in 0.4 s up to 8 requests a second (neural) and
  80 (standard), refusing above (429, ThrottlingException), all --time-scale times faster
  (default 10), as the workers' quota settings are. One day: a third of the learners each
  text, audio and both, a quarter of them in two languages. It prints each quota's requests
  and refusals, and the makespan against the quota-bound limit (the busiest quota's requests at
  its full rate); goal: at most 1.25x, no podcast failed or left to the template writer.

  instant (6a). The workers have bench/instant.py's adapters, so the providers cost nothing: what
  is measured is the pipeline itself, in podcasts per second (goal 100). A round per format
  (--formats, default text,audio), each learner in their locale's language.

How it runs
  As deployed: the API (`dailycast serve api`: the outbox relay and the projector) and the three
  workers (`dailycast serve scriptgen|tts|notifier`, or `python -m bench.instant_worker ...`)
  are each their own process, on Kafka (a fresh topic prefix) and PostgreSQL (a fresh database,
  dropped after); the simulated providers are one more. Kafka and PostgreSQL as
  bench/runtimes.py finds them (DATABASE_URL and KAFKA_BOOTSTRAP_SERVERS, else deploy/infra.sh).

  .venv/bin/python -m bench.scale --learners 2000 --time-scale 10
  .venv/bin/python -m bench.scale --providers instant --learners 5000 --formats text

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
from dataclasses import dataclass, field
from datetime import date, time as clock, timedelta
from pathlib import Path

import httpx
import sqlalchemy as sa

from bench.common import ROOT, BenchError, free_port, machine_line, markdown_table, note, positive_float, positive_int
from bench.common import run_main, some_of
from bench.cpu import cpu_seconds, spent
from bench.runtimes import delete_topics, find_infra, loadnote, only_these_settings
from bench.scheduler import LOCALES, add_learners
from dailycast import migrations
from dailycast.events import utcnow
from dailycast.postgres_admin import temporary_database

FORMATS = ("text", "audio")
PROVIDERS = ("simulated", "instant")
GOAL_PER_SECOND = 100.0  # instant providers
GOAL_RATIO = 1.25  # simulated providers: makespan against the quota-bound limit
WORKERS = ("scriptgen", "tts", "notifier")
STARTUP_SECONDS = 60.0
LANGUAGE_OF = {locale: locale.split("-")[0] for locale in LOCALES}
# The simulated day: learner i's format, and every fourth learner a second language.
DAY_FORMATS = ("text", "audio", "both")
SECOND_LANGUAGE = {"en": "es"}  # English speakers' second language; everyone else's is English


@dataclass(frozen=True)
class Preference:
    languages: list[str]
    output_format: str


def one_format(learners: int, output_format: str) -> list[Preference]:
    """Every learner in their locale's language and this format (the instant rounds)."""
    return [Preference([LANGUAGE_OF[LOCALES[i % len(LOCALES)]]], output_format) for i in range(1, learners + 1)]


def a_day(learners: int) -> list[Preference]:
    """A platform's day: a third each text, audio and both; a quarter of the learners in two languages."""
    day = []
    for i in range(1, learners + 1):
        first = LANGUAGE_OF[LOCALES[i % len(LOCALES)]]
        second = [SECOND_LANGUAGE.get(first, "en")] if i % 4 == 0 else []
        day.append(Preference([first, *second], DAY_FORMATS[i % len(DAY_FORMATS)]))
    return day


@dataclass(frozen=True)
class Providers:
    """How the workers meet their providers: instant adapters, or the real ones against simulated servers."""

    kind: str
    time_scale: float = 1.0
    port: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def commands(self) -> dict[str, list[str]]:
        python = str(ROOT / ".venv" / "bin" / "python")
        if self.kind == "instant":
            return {w: [python, "-m", "bench.instant_worker", w] for w in WORKERS}
        serve = [str(ROOT / ".venv" / "bin" / "dailycast"), "serve"]
        simulator = [python, "-m", "bench.simulated_providers", "--port", str(self.port),
                     "--time-scale", f"{self.time_scale:g}"]
        return {"providers": simulator, **{w: [*serve, w] for w in WORKERS}}

    def env(self) -> dict[str, str]:
        """The real OpenAI writer and Polly, pointed at the simulation, their quotas scaled as its are."""
        if self.kind == "instant":
            return {}
        scaled = {name: f"{field.default * self.time_scale:g}" for name, field in _quota_settings().items()}
        return {
            "OPENAI_API_KEY": "sk-simulated", "OPENAI_BASE_URL": f"{self.url}/v1",
            "DAILYCAST_SPEECH": "polly", "DAILYCAST_POLLY_ENDPOINT_URL": self.url, "AWS_REGION": "us-east-1",
            "AWS_ACCESS_KEY_ID": "simulated", "AWS_SECRET_ACCESS_KEY": "simulated",
            **{f"DAILYCAST_{name.upper()}": value for name, value in scaled.items()},
        }

    def stats(self) -> dict[str, dict]:
        return httpx.get(f"{self.url}/stats", timeout=10, trust_env=False).json()


def _quota_settings() -> dict:
    from services.scriptgen.settings import ScriptgenSettings
    from services.tts.settings import TtsSettings

    fields = {**ScriptgenSettings.model_fields, **TtsSettings.model_fields}
    return {name: f for name, f in fields.items() if name.endswith(("_per_minute", "_per_second"))}


@contextlib.contextmanager
def cluster(database_url: str, kafka: str, data_dir: Path, providers: Providers) -> Iterator[dict[str, int]]:
    """The four services as processes on one environment, by name their pids; stopped (SIGTERM,
    then SIGKILL) after."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DAILYCAST_", "KAFKA_", "AWS_", "OPENAI_", "GEMINI_"))
           and k != "DATABASE_URL"}
    env.update({
        "DAILYCAST_RUNTIME": "kafka", "KAFKA_BOOTSTRAP_SERVERS": kafka, "DATABASE_URL": database_url,
        "DAILYCAST_TOPIC_PREFIX": f"bench{uuid.uuid4().hex[:10]}.", "DAILYCAST_DATA_DIR": str(data_dir),
        "DAILYCAST_PORT": str(free_port()), "DAILYCAST_JWT_SECRET": uuid.uuid4().hex,
        "DAILYCAST_SCHEDULER": "false", "DAILYCAST_SEED_DEMO": "false", "PYTHONUNBUFFERED": "1",
        **providers.env(),
    })
    commands = {"api": [str(ROOT / ".venv" / "bin" / "dailycast"), "serve", "api"], **providers.commands()}
    processes = {}
    try:
        for name, command in commands.items():
            log = (data_dir / f"{name}.log").open("wb")
            own = {} if name == "api" else {"DAILYCAST_OPS_PORT": str(free_port())}  # each worker's /metrics
            processes[name] = subprocess.Popen(command, cwd=ROOT, env={**env, **own}, stdout=log,
                                               stderr=subprocess.STDOUT)
        yield {name: process.pid for name, process in processes.items()}
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


def set_preferences(engine: sa.Engine, preferences: list[Preference]) -> None:
    """Learner i+1 gets preferences[i], daily at 07:00 UTC."""
    from services.api.db import DeliveryPreference

    rows = [{"user_id": i, "daily": True, "languages": p.languages, "output_format": p.output_format, "minutes": 6,
             "delivery_time": clock(7, 0), "time_zone": "UTC", "updated_at": utcnow()}
            for i, p in enumerate(preferences, 1)]
    with engine.begin() as connection:
        connection.execute(sa.delete(DeliveryPreference))
        for start in range(0, len(rows), 5000):
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


@dataclass
class Day:
    """One date's podcasts, from the scheduler's first request to every learner emailed."""

    learners: int
    requested: int = 0
    scheduled_s: float = 0.0
    completed_s: float = 0.0
    emailed_s: float = 0.0
    found: dict[str, int] = field(default_factory=dict)
    emailed: int = 0
    again: int = 0
    cpu_s: dict[str, float] = field(default_factory=dict)  # by process, from the first request to the last email

    @property
    def problems(self) -> str | None:
        if self.requested == self.learners and not self.again and self.found == {"completed": self.learners} \
                and self.emailed == self.learners:
            return None
        return f"requested {self.requested} then {self.again}; {self.found}; {self.emailed} emails"


def make_a_day(container, engine: sa.Engine, preferences: list[Preference], day: date, label: str,
               seconds_each: float, pids: dict[str, int]) -> Day:
    """Schedule `day` for these learners and wait (at most `seconds_each` a podcast, plus a minute)
    until all are completed or failed and the completed emailed; then schedule it again."""
    from services.api.scheduler import on_date, schedule

    learners = len(preferences)
    set_preferences(engine, preferences)
    result = Day(learners)
    cpu_before = cpu_seconds(pids)
    start = time.perf_counter()
    made = schedule(container.session_factory, container.schemas, on_date(day, utcnow()))
    result.requested, result.scheduled_s = len(made), time.perf_counter() - start
    note(f"{label}: {len(made)} podcasts requested in {result.scheduled_s:.1f} s")
    deadline = start + 60 + seconds_each * learners
    last = 0
    while (found := statuses(engine, day)).get("completed", 0) + found.get("failed", 0) < learners:
        if time.perf_counter() > deadline:
            raise BenchError(f"{label}: only {found} after {time.perf_counter() - start:.0f} s")
        if found.get("completed", 0) - last >= learners / 10:
            last = found["completed"]
            note(f"{label}: {last} of {learners} completed after {time.perf_counter() - start:.1f} s")
        time.sleep(0.2)
    result.completed_s, result.found = time.perf_counter() - start, found
    while (sent := emails(engine, made)) < found.get("completed", 0) and time.perf_counter() < deadline:
        time.sleep(0.2)
    result.emailed_s, result.emailed = time.perf_counter() - start, sent
    result.cpu_s = spent(cpu_before, cpu_seconds(pids))
    result.again = len(schedule(container.session_factory, container.schemas, on_date(day, utcnow())))
    return result


def instant_row(output_format: str, day: Day) -> tuple[list, Day]:
    if day.problems:
        raise BenchError(f"{output_format}: {day.problems}")
    rate = day.learners / day.emailed_s
    return [output_format, day.learners, f"{day.scheduled_s:.1f}", f"{day.completed_s:.1f}", f"{day.emailed_s:.1f}",
            f"{rate:.0f}", day.again, "yes" if rate >= GOAL_PER_SECOND else "**NO**"], day


def cpu_row(output_format: str, day: Day) -> list:
    per_podcast = {name: 1000 * seconds / day.learners for name, seconds in day.cpu_s.items()}
    return [output_format, *(f"{ms:.1f}" for ms in per_podcast.values()), f"{sum(per_podcast.values()):.1f}"]


def wait_ready(engine: sa.Engine, day: date, container) -> None:
    """One podcast through every service before timing: the consumer groups have joined."""
    from services.api.scheduler import on_date, schedule

    set_preferences(engine, [Preference(["en"], "audio")])
    schedule(container.session_factory, container.schemas, on_date(day, utcnow()), user_id=1)
    deadline = time.perf_counter() + STARTUP_SECONDS
    while statuses(engine, day).get("completed", 0) < 1:
        if time.perf_counter() > deadline:
            raise BenchError(f"the services did not make a first podcast within {STARTUP_SECONDS:.0f} s")
        time.sleep(0.2)


# --------------------------------------------------------------------------- the simulated day


def used(before: dict[str, dict], after: dict[str, dict]) -> dict[str, dict]:
    """Per quota: requests admitted and refused between two /stats, the scaled rate, the most in flight."""
    return {name: {"admitted": after[name]["admitted"] - before[name]["admitted"],
                   "refused": after[name]["refused"] - before[name]["refused"],
                   "per_second": after[name]["per_second"], "most_in_flight": after[name]["most_in_flight"]}
            for name in after}


def quota_bound_seconds(quotas: dict[str, dict]) -> float:
    """The shortest the day could take: the busiest quota's requests at its full rate."""
    return max(q["admitted"] / q["per_second"] for q in quotas.values())


def made_by(engine: sa.Engine, day: date) -> dict[str, int]:
    """Scripts of the date by writer (llm_provider); anything but openai is a fallback."""
    from services.api.db import DailyPodcast

    with engine.connect() as connection:
        rows = connection.execute(sa.select(DailyPodcast.llm_provider, sa.func.count())
                                  .where(DailyPodcast.for_date == day).group_by(DailyPodcast.llm_provider)).all()
    return {str(writer): n for writer, n in rows}


def failure_reasons(engine: sa.Engine, day: date) -> list[str]:
    from services.api.db import DailyPodcast

    with engine.connect() as connection:
        return list(connection.scalars(sa.select(DailyPodcast.error_message).where(
            DailyPodcast.for_date == day, DailyPodcast.status == "failed").limit(3)))


def _real_rate(quota: str, per_second: float) -> str:
    """A quota as its provider states it: OpenAI's a minute, Polly's a second."""
    return f"{per_second * 60:,.0f}/min" if quota == "openai" else f"{per_second:g}/s"


def simulated_tables(day: Day, quotas: dict[str, dict], writers: dict[str, int], scale: float) -> str:
    limit = quota_bound_seconds(quotas)
    ratio = day.emailed_s / limit
    provider_rows = [[name, _real_rate(name, q["per_second"] / scale), q["admitted"], q["refused"],
                      f"{q['admitted'] / q['per_second']:.1f}", q["most_in_flight"]] for name, q in quotas.items()]
    extra_llm = quotas["openai"]["admitted"] - day.learners
    fallbacks = day.learners - writers.get("openai", 0)
    failed = day.found.get("failed", 0)
    verdict = "yes" if ratio <= GOAL_RATIO and not failed and not fallbacks and not day.problems else "**NO**"
    summary = [[day.learners, f"{day.emailed_s:.1f}", f"{limit:.1f}", f"{ratio:.2f}", failed, fallbacks,
                day.again, extra_llm, f"{day.emailed_s * scale / 3600:.2f}", verdict]]
    return "\n\n".join([
        markdown_table(["quota", f"real rate (run {scale:g}x faster)", "requests", "refused (throttled)", "at full rate in s", "most in flight"],
                       provider_rows),
        markdown_table(["learners", "makespan s", "quota-bound limit s", "ratio", "failed", "not by openai",
                        "requested again", "LLM requests beyond one a podcast", "real-time hours",
                        f"<= {GOAL_RATIO}x, 0 failed"], summary),
    ])


# --------------------------------------------------------------------------- the command


def run(args: argparse.Namespace) -> None:
    from system.builder import System

    infra, source = find_infra()
    if infra is None:
        raise BenchError(f"kafka: {source}")
    providers = Providers(args.providers, args.time_scale, free_port())
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
        pids = stack.enter_context(cluster(url, infra.kafka_bootstrap_servers, data_dir, providers))
        first = date.today() + timedelta(days=1)
        wait_ready(engine, first, container)
        note(f"services ready; {args.learners} learners")
        if args.providers == "instant":
            rows = [instant_row(fmt, make_a_day(container, engine, one_format(args.learners, fmt),
                                                first + timedelta(days=n + 1), fmt, 1.0, pids))
                    for n, fmt in enumerate(args.formats)]
        else:
            day = first + timedelta(days=1)
            before = providers.stats()
            made = make_a_day(container, engine, a_day(args.learners), day, "day", 10.0 / args.time_scale, pids)
            quotas, writers, reasons = used(before, providers.stats()), made_by(engine, day), failure_reasons(engine, day)
    print(machine_line())
    print(f"- {loadnote()}; Kafka and PostgreSQL from {source}")
    if args.providers == "instant":
        print(f"\n### A day's podcasts for {args.learners} learners, scheduler to completed, four processes on Kafka\n")
        headers = ["format", "podcasts", "requested in s", "all completed in s", "all emailed in s", "podcasts/s",
                   "again", f">= {GOAL_PER_SECOND:.0f}/s"]
        print(markdown_table(headers, [row for row, _ in rows]), flush=True)
        print("\nCPU ms a podcast, by process (the API runs the projector; PostgreSQL is all its backends):\n")
        names = list(rows[0][1].cpu_s)
        print(markdown_table(["format", *names, "total"], [cpu_row(row[0], day) for row, day in rows]), flush=True)
        return
    print(f"\n### A simulated day for {args.learners} learners: the real services on Kafka against providers "
          f"over HTTP, {args.time_scale:g}x real time\n")
    print(simulated_tables(made, quotas, writers, args.time_scale), flush=True)
    for reason in reasons:
        print(f"- failed: {reason}")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.scale", description=__doc__.split("\n\n")[0])
    parser.add_argument("--learners", type=positive_int, default=2000, help="learners, a podcast each (default 2000)")
    parser.add_argument("--providers", choices=PROVIDERS, default="simulated",
                        help="simulated: the real provider clients against bench/simulated_providers.py (default); "
                             "instant: bench/instant.py's adapters, the pipeline alone")
    parser.add_argument("--time-scale", type=positive_float, default=10.0,
                        help="simulated providers: this many times faster than real time (default 10)")
    parser.add_argument("--formats", type=some_of(FORMATS), default=list(FORMATS),
                        help="instant providers: a round per format, text and/or audio (default both)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    return run_main(run, parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
