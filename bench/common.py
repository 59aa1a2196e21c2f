"""What the benchmarks share: statistics, Markdown tables, the machine line, a free port, waiting for
/healthz, the API client, and running a benchmark as a command. Pure helpers are unit tested
(tests/unit/test_bench_stats.py). Fresh PostgreSQL databases come from dailycast.postgres_admin."""

from __future__ import annotations

import argparse
import logging
import contextlib
import math
import os
import platform
import socket
import sys
import time
from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"


class BenchError(RuntimeError):
    """The system did not do what the benchmark needs (failed podcast, no startup, broken endpoint)."""


def note(message: str) -> None:
    """Progress, on stderr (the tables go to stdout)."""
    print(f"[bench] {message}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- numbers and tables


def percentile(values: Sequence[float], p: float) -> float:
    """The p-th percentile (0..100), linear between closest ranks (numpy's default, and
    statistics.quantiles(method="inclusive"))."""
    if not values:
        raise ValueError("percentile of no values")
    if not 0 <= p <= 100:
        raise ValueError(f"percentile must be within 0..100, not {p}")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * p / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A GitHub-flavoured Markdown table, columns padded so it also reads well as plain text."""
    cells = [[str(h) for h in headers]] + [[str(c) for c in row] for row in rows]
    if any(len(row) != len(headers) for row in cells):
        raise ValueError("every row needs one cell per header")
    widths = [max(3, *(len(row[i]) for row in cells)) for i in range(len(headers))]

    def line(row: Sequence[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths)) + " |"

    return "\n".join([line(cells[0]), line(["-" * w for w in widths]), *(line(r) for r in cells[1:])])


def machine_line(now: datetime | None = None) -> str:
    now = now or datetime.now(timezone.utc)
    return (
        f"Machine: {os.cpu_count()} CPUs, {platform.platform()} ({platform.machine()}); "
        f"Python {platform.python_version()} ({platform.python_implementation()}); {now:%Y-%m-%d %H:%M} UTC"
    )


# --------------------------------------------------------------------------- the system under test


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def wait_healthy(base_url: str, stopped: Callable[[], str | None], within_s: float, request_s: float = 1.0) -> None:
    """Poll `base_url`/healthz until it answers 200; BenchError after `within_s` seconds, or as soon as
    `stopped()` says why the system is gone (it returns None while the system runs)."""
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        if (why := stopped()) is not None:
            raise BenchError(why)
        with contextlib.suppress(httpx.TransportError):
            if httpx.get(f"{base_url}/healthz", timeout=request_s, trust_env=False).status_code == 200:
                return
        time.sleep(0.1)
    raise BenchError(f"/healthz not 200 within {within_s:g} s")


def api_client(base_url: str, token: str, connections: int, timeout_s: float) -> httpx.AsyncClient:
    """An async client of the API as the bench learner, with at most `connections` connections
    (loopback only: proxy settings are ignored)."""
    return httpx.AsyncClient(
        base_url=base_url,
        headers={"Authorization": f"Bearer {token}"},
        limits=httpx.Limits(max_connections=connections, max_keepalive_connections=connections),
        timeout=timeout_s,
        trust_env=False,
    )


def created_podcast(response: httpx.Response) -> dict:
    """The podcast a `POST /api/podcasts/` made (202), else BenchError."""
    if response.status_code != 202:
        raise BenchError(f"POST /api/podcasts/ answered {response.status_code}: {response.text[:500]}")
    return response.json()


# --------------------------------------------------------------------------- the command


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def positive_float(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return value


def some_of(allowed: Sequence[str]) -> Callable[[str], list[str]]:
    """An argparse type: a comma-separated choice among `allowed`, in the order given, once each."""

    def parse(text: str) -> list[str]:
        names = [n.strip() for n in text.split(",") if n.strip()]
        if not names or any(n not in allowed for n in names):
            raise argparse.ArgumentTypeError(f"choose from {', '.join(allowed)} (comma separated)")
        return list(dict.fromkeys(names))

    return parse


def run_main(run: Callable[[argparse.Namespace], None], args: argparse.Namespace) -> int:
    """Run a benchmark as a command: its failures and Ctrl-C become exit codes, not tracebacks."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        run(args)
    except BenchError as exc:
        print(f"bench FAILED: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("bench interrupted", file=sys.stderr)
        return 130
    return 0
