"""The `dailycast` command: run the system, serve one service, print a development token, check the setup."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys

from system import dead_letters_cli


def _serve_http(services: tuple[str, ...], log_level: str) -> int:
    import uvicorn

    from system.builder import System

    system = System(services)
    s = system.settings
    url = s.resolved_public_url()
    print(
        f"Dailycast ({s.runtime}: {', '.join(services)}) on {url}  data: {s.data_dir.resolve()}\n"
        f"  web pages: {url}/   (sign in as a demo learner, or staff)\n"
        f"  API docs:  {url}/docs\n"
        f"  a token:   .venv/bin/dailycast token --user 1        (demo learners 1, 2, 3; add --staff for staff)\n"
        f"  try:       curl -H \"Authorization: Bearer $(.venv/bin/dailycast token --user 1)\" {url}/api/podcasts/",
        flush=True,
    )
    # log_config=None: uvicorn's loggers go through ours (dailycast/logs.py), in text or JSON.
    uvicorn.run(system.app(), host=s.host, port=s.port, log_level=log_level, log_config=None)  # closes it on shutdown
    return 0


def serve_worker(name: str, adapters=None, log_level: str = "warning") -> int:
    """Run one worker service, with its ops HTTP port, until SIGTERM or SIGINT (benchmarks pass their own adapters)."""
    import uvicorn

    from system.builder import Adapters, System
    from system.registry import OPS_PORTS

    system = System((name,), adapters or Adapters())
    s = system.settings
    port = s.ops_port if s.ops_port is not None else OPS_PORTS[name]
    logging.getLogger(__name__).info("%s worker on %s; ops port %s", name, s.runtime, port)
    uvicorn.run(system.worker_app(), host=s.host, port=port, log_level=log_level, log_config=None)
    return 0


def _run(args: argparse.Namespace) -> int:
    from system.registry import SERVICES

    return _serve_http(SERVICES, args.log_level)


def _serve(args: argparse.Namespace) -> int:
    if args.service == "api":
        return _serve_http(("api",), args.log_level)
    return serve_worker(args.service, log_level=args.log_level)


def _token(args: argparse.Namespace) -> int:
    from services.api.auth import issue_token
    from services.api.settings import ApiSettings

    settings = ApiSettings()
    try:
        token = issue_token(settings.resolved_jwt_secret(), args.user, args.staff,
                            audience=settings.jwt_audience, issuer=settings.jwt_issuer)
    except ValueError as exc:
        print(f"dailycast token: {exc}", file=sys.stderr)
        return 2
    print(token)
    return 0


def _daily(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from dailycast.events import utcnow
    from services.api.scheduler import due_batches, learner_count, on_date, schedule
    from system.builder import System

    system = System(("api",))  # builds (and migrates) but starts nothing: the API's relay sends the requests
    try:
        container = system.services["api"].container
        factory, dates_of = container.session_factory, on_date(args.date, utcnow())
        which = f"for {args.date}" if args.date else "for each learner's today"
        with tqdm(total=learner_count(factory, args.user), unit="learner", disable=None, file=sys.stderr) as bar:
            if args.dry_run:
                due = []
                for looked_at, batch in due_batches(factory, dates_of, args.user):
                    due += batch
                    bar.update(looked_at)
            else:
                made = schedule(factory, container.schemas, dates_of, args.user, progress=bar.update)
        if args.dry_run:
            for d in due:
                print(f"learner {d.user_id}: {d.for_date} {'+'.join(d.preferences.languages)} {d.preferences.output_format}")
            print(f"would request {len(due)} daily podcasts {which} (dry run: nothing requested)")
        else:
            print(f"requested {len(made)} daily podcasts {which}; learners who had one already got none")
    finally:
        asyncio.run(system.close())
    return 0


def _cleanup(args: argparse.Namespace) -> int:
    from datetime import timedelta

    from tqdm import tqdm

    from dailycast.events import utcnow
    from services.api import retention
    from system.builder import System

    system = System(("api",))  # builds (and migrates) but starts nothing: the API's relay sends the deletions
    try:
        container = system.services["api"].container
        days = container.settings.retention_days
        before = utcnow() - timedelta(days=days)
        factory = container.session_factory
        if args.dry_run:
            ids = retention.expired_ids(factory, before)
            for podcast_id in ids:
                print(f"podcast {podcast_id}")
            print(f"would delete {len(ids)} podcasts created before {before:%Y-%m-%d %H:%M} UTC "
                  f"(DAILYCAST_RETENTION_DAYS={days}; dry run: nothing deleted)")
            return 0
        with tqdm(total=retention.expired_count(factory, before), unit="podcast", disable=None, file=sys.stderr) as bar:
            deleted = retention.delete_expired(factory, container.schemas, before, progress=bar.update)
        print(f"deleted {deleted} podcasts created before {before:%Y-%m-%d %H:%M} UTC (DAILYCAST_RETENTION_DAYS={days})")
    finally:
        asyncio.run(system.close())
    return 0


def _replay(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from services.api.replay import OPERATOR, Selection, chosen_ids, replay
    from system.builder import System

    try:
        selection = Selection(tuple(args.podcast or ()), args.user, args.date_from, args.date_to, args.failed)
    except ValueError as exc:
        print(f"dailycast replay: {exc}", file=sys.stderr)
        return 2
    system = System(("api",))  # builds (and migrates) but starts nothing: the API's relay sends the requests
    try:
        container = system.services["api"].container
        with container.session_factory() as session:
            ids = chosen_ids(session, selection)
        if args.dry_run:
            for podcast_id in ids:
                print(f"podcast {podcast_id}")
            print(f"would request {len(ids)} podcasts again, each as its next attempt (dry run: nothing requested)")
            return 0
        with tqdm(total=len(ids), unit="podcast", disable=None, file=sys.stderr) as bar:
            done = replay(container.session_factory, container.schemas, OPERATOR, ids, args.fresh_learner, bar.update)
        for podcast_id, why in done.skipped.items():
            print(f"podcast {podcast_id} skipped: {why}")
        print(f"requested {len(done.requested)} podcasts again, each as its next attempt; {len(done.skipped)} skipped")
    finally:
        asyncio.run(system.close())
    return 0


def _rebuild(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from services.api.rebuild import Rebuild
    from system.builder import System

    system = System(("api",))  # builds (and migrates) but starts nothing
    prices = system.services["api"].container.settings.prices()
    try:
        with tqdm(unit="event", disable=None, file=sys.stderr, desc="rebuilding") as bar:
            rebuild = Rebuild(system.resources.database_url, system.schemas, system.runtime.read_topic, prices,
                              bar.update)
            done = asyncio.run(rebuild.run())
    finally:
        asyncio.run(system.close())
    for what, why in done.failed.items():
        print(f"not applied, as when it first came: {what}: {why}")
    rows = ", ".join(f"{table} {count}" for table, count in done.rows.items())
    print(f"rebuilt the read model from {done.applied} events ({done.ignored} not for the read model, "
          f"{len(done.failed)} not applied) and switched over: {rows}")
    return 0


def _day(text: str):
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _doctor(args: argparse.Namespace) -> int:
    from system.doctor import run

    return run(args.timeout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="dailycast", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="run every service in one process (the embedded default)")
    run.set_defaults(func=_run)
    serve = commands.add_parser("serve", help="run one service (DAILYCAST_RUNTIME=kafka: one process per service)")
    serve.add_argument("service", choices=["api", "scriptgen", "tts", "notifier"])
    serve.set_defaults(func=_serve)
    for command in (run, serve):
        command.add_argument("--log-level", default="info", choices=["debug", "info", "warning", "error"])
    token = commands.add_parser("token", help="print a bearer token the running system accepts (development)")
    token.add_argument("--user", type=int, required=True, help="user id (demo learners: 1, 2, 3)")
    token.add_argument("--staff", action="store_true", help="a staff token: create for and read anyone")
    token.set_defaults(func=_token)
    daily = commands.add_parser(
        "daily", help="request the day's podcast of every daily learner who has none yet for that date (again: none)"
    )
    daily.add_argument("--date", type=_day, help="the date (YYYY-MM-DD); default: each learner's local today")
    daily.add_argument("--user", type=int, help="only this learner")
    daily.add_argument("--dry-run", action="store_true", help="list them, request nothing")
    daily.set_defaults(func=_daily, log_level="warning")
    cleanup = commands.add_parser(
        "cleanup", help="delete podcasts older than DAILYCAST_RETENTION_DAYS, with their audio and sent-log rows"
    )
    cleanup.add_argument("--dry-run", action="store_true", help="list them, delete nothing")
    cleanup.set_defaults(func=_cleanup, log_level="warning")
    replay = commands.add_parser(
        "replay", help="request chosen podcasts again, each as its next attempt (one email per attempt)"
    )
    replay.add_argument("--podcast", type=int, action="append", help="this podcast (repeat for more)")
    replay.add_argument("--user", type=int, help="this learner's podcasts")
    replay.add_argument("--from", dest="date_from", type=_day, help="podcasts for this date or later (YYYY-MM-DD)")
    replay.add_argument("--to", dest="date_to", type=_day, help="podcasts for this date or earlier (YYYY-MM-DD)")
    replay.add_argument("--failed", action="store_true", help="only failed podcasts")
    replay.add_argument("--fresh-learner", action="store_true",
                        help="write for the learner as they are now, not as they were when first requested")
    replay.add_argument("--dry-run", action="store_true", help="list them, request nothing")
    replay.set_defaults(func=_replay, log_level="warning")
    rebuild = commands.add_parser(
        "rebuild", help="rebuild the read model from the topics beside the live one, then switch over to it"
    )
    rebuild.set_defaults(func=_rebuild, log_level="warning")
    dead_letters_cli.add_parser(commands)
    doctor = commands.add_parser("doctor", help="print the adapter behind each port and check that it answers")
    doctor.add_argument("--timeout", type=float, default=5.0, help="seconds each check may take (default 5)")
    # Quiet logs: a client failing to connect logs at ERROR, and the table already says why.
    doctor.set_defaults(func=_doctor, log_level="critical")
    args = parser.parse_args(argv)
    from dailycast.logs import configure_logging
    from dailycast.settings import CommonSettings

    configure_logging(getattr(args, "log_level", "info"), CommonSettings().log_format)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
