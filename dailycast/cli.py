"""The `dailycast` command: run the system, print a development token."""

from __future__ import annotations

import argparse
import logging
import sys


def _run(args: argparse.Namespace) -> int:
    import uvicorn

    from dailycast.embedded import EmbeddedSystem

    system = EmbeddedSystem()
    s = system.settings
    print(
        f"Dailycast (embedded) on {s.resolved_public_url()}  data: {s.data_dir.resolve()}\n"
        f"  API docs:  {s.resolved_public_url()}/docs\n"
        f"  a token:   .venv/bin/dailycast token --user 1        (demo learners 1, 2, 3; add --staff for staff)\n"
        f"  try:       curl -H \"Authorization: Bearer $(.venv/bin/dailycast token --user 1)\" "
        f"{s.resolved_public_url()}/api/podcasts/",
        flush=True,
    )
    try:
        uvicorn.run(system.app(), host=s.host, port=s.port, log_level=args.log_level)
    finally:
        system.close()
    return 0


def _token(args: argparse.Namespace) -> int:
    from services.api.auth import issue_token
    from services.api.settings import ApiSettings

    print(issue_token(ApiSettings().resolved_jwt_secret(), args.user, args.staff))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="dailycast", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="run every service in one process (embedded default)")
    run.add_argument("--log-level", default="info", choices=["debug", "info", "warning", "error"])
    run.set_defaults(func=_run)
    token = commands.add_parser("token", help="print a bearer token the running system accepts (development)")
    token.add_argument("--user", type=int, required=True, help="user id (demo learners: 1, 2, 3)")
    token.add_argument("--staff", action="store_true", help="a staff token: create for and read anyone")
    token.set_defaults(func=_token)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
