"""`dailycast dlq list|show|redrive`: the operator's view of dead letters (dailycast/messaging/dead_letters.py).

    dailycast dlq list [--topic T] [--since TIME]        one line each: id, when, group, event, why
    dailycast dlq show ID                                 its headers, traceback and event as JSON
    dailycast dlq redrive [ID ...] [--topic T] [--since TIME] [--dry-run]
                                                          send them back to the group that failed, once

TIME is ISO 8601 (`2026-12-02`, `2026-12-02T03:00`, UTC unless it says otherwise). It runs on the
settings' runtime (the embedded log, or Kafka) and database, as the services do.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from datetime import datetime, timezone

from dailycast.messaging.dead_letters import DEAD_LETTER_TOPICS, DeadLetter, book_redrive, chosen, redriven
from dailycast.messaging.records import json_record


def add_parser(commands) -> None:
    dlq = commands.add_parser("dlq", help="list, show and redrive the messages a consumer gave up on")
    actions = dlq.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="the dead letters, oldest first")
    show = actions.add_parser("show", help="one dead letter: why it failed, and its event")
    show.add_argument("id", help="as `list` shows it: topic/partition/offset")
    redrive = actions.add_parser("redrive", help="send dead letters back to the group that failed (once each)")
    redrive.add_argument("ids", nargs="*", help="which (default: all that --topic and --since choose)")
    redrive.add_argument("--dry-run", action="store_true", help="say what would be sent, send nothing")
    for action in (listing, redrive):
        action.add_argument("--topic", help="only those that failed on this topic (dailycast.podcast-events, platform.learner-events)")
        action.add_argument("--since", type=_time, help="only those that failed since then (ISO 8601)")
    dlq.set_defaults(func=run, log_level="warning")


def run(args: argparse.Namespace) -> int:
    from system.builder import System

    system = System(("api",))  # builds (and migrates) but starts nothing: this process only reads and sends
    return asyncio.run(_connected(system, args))


async def _connected(system, args: argparse.Namespace) -> int:
    try:  # one event loop from connecting to closing: Kafka's clients belong to the loop they started in
        await system.runtime.connect()
        return await _run(system, args)
    finally:
        await system.close()


async def _run(system, args: argparse.Namespace) -> int:
    letters = [DeadLetter(m) for topic in DEAD_LETTER_TOPICS async for batch in system.runtime.read_topic(topic)
               for m in batch]
    engine = system.resources.engine()
    done = redriven(engine)
    if args.action == "show":
        found = chosen(letters, ids=[args.id])
        if not found:
            print(f"dailycast dlq: no dead letter {args.id} (see `dailycast dlq list`)", file=sys.stderr)
            return 1
        _show(found[0], system.schemas, args.id in done)
        return 0
    picked = chosen(letters, args.topic, args.since, getattr(args, "ids", None) or None)
    if args.action == "list":
        for letter in picked:
            print(_line(letter, letter.id in done))
        print(f"{len(picked)} dead letters" + (f" of {len(letters)}" if len(picked) != len(letters) else ""))
        return 0
    sent = skipped = 0
    for letter in picked:
        if letter.id in done:
            skipped += 1
            continue
        if args.dry_run:
            print(f"would redrive {_line(letter, False)}")
            sent += 1
            continue
        with engine.begin() as connection:  # booked and sent together: a failed send books nothing
            if not book_redrive(connection, letter):
                skipped += 1
                continue
            await system.runtime.producer.send(letter.redrive())
        print(f"redriven {letter.id} to {letter.topic} for {letter.group}")
        sent += 1
    verb = "would redrive" if args.dry_run else "redriven"
    print(f"{verb} {sent}; {skipped} already redriven before" + (" (dry run: nothing sent)" if args.dry_run else ""))
    return 0


def _line(letter: DeadLetter, was_redriven: bool) -> str:
    when = letter.failed_at.strftime("%Y-%m-%dT%H:%M:%SZ") if letter.failed_at else "?"
    key = letter.message.key.decode(errors="replace")
    return (f"{letter.id}  {when}  {letter.group}  {letter.event_type} (key {key})  {letter.error[:120]}"
            + ("  [redriven]" if was_redriven else ""))


def _show(letter: DeadLetter, schemas, was_redriven: bool) -> None:
    print(f"dead letter {letter.id}{'  [redriven]' if was_redriven else ''}")
    for name, value in letter.message.headers:
        if name != "dlq_traceback":
            print(f"  {name}: {value.decode(errors='replace')}")
    print("traceback:")
    print(letter.traceback.rstrip())
    print("event:")
    try:
        print(json.dumps(json_record(schemas.decode(letter.message.value)), indent=2, ensure_ascii=False, default=str))
    except Exception as exc:  # the message may be what was wrong
        print(f"  undecodable ({exc}); {len(letter.message.value)} bytes")


def _time(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 time: {text!r}") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
