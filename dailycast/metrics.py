"""Every service's Prometheus metrics, in one place so that names and labels stay consistent.

Names follow Prometheus's conventions: a `dailycast_` prefix, base units (seconds, bytes), `_total`
for counters. Labels take a few known values only (a route's template, never its path). Each
process exposes what it counted at `/metrics`: the API on its own port, each worker on its ops
port (`dailycast/ops_http.py`); the embedded runtime, one process, exposes all of them at once.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, Counter, Gauge, Histogram, generate_latest

# Seconds, from a cached read (a millisecond) to a slow LLM (half a minute and more).
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)

HTTP_REQUESTS = Counter(
    "dailycast_http_requests_total", "HTTP requests answered, by method, route template and status",
    ["method", "route", "status"],
)
HTTP_DURATION = Histogram(
    "dailycast_http_request_duration_seconds", "Time to answer an HTTP request, by method and route template",
    ["method", "route"], buckets=LATENCY_BUCKETS,
)
PODCASTS_REQUESTED = Counter("dailycast_podcasts_requested_total", "Podcasts requested, by format", ["format"])
PODCASTS_COMPLETED = Counter(
    "dailycast_podcasts_completed_total", "Podcasts completed, by format and script writer", ["format", "writer"]
)
PODCASTS_FAILED = Counter("dailycast_podcasts_failed_total", "Podcasts failed, by format and step", ["format", "step"])
STEP_DURATION = Histogram(
    "dailycast_step_duration_seconds", "Time a step of making a podcast took: writer, synthesis, encoding, upload, email",
    ["step"], buckets=LATENCY_BUCKETS,
)
CONSUMER_LAG = Gauge(
    "dailycast_consumer_lag_messages", "Messages of a partition not yet committed by the consumer group",
    ["group", "topic", "partition"],
)
OUTBOX_BACKLOG = Gauge("dailycast_outbox_backlog_messages", "Events stored in the outbox and not yet published")
DEAD_LETTERS = Counter(
    "dailycast_dead_letters_total", "Messages sent to a dead-letter topic, by consumer group and topic",
    ["group", "topic"],
)
PROVIDER_REQUESTS = Counter(
    "dailycast_provider_requests_total", "Requests to an external provider, by provider and outcome (ok, error, throttled)",
    ["provider", "outcome"],
)
PROVIDER_TOKENS = Counter(
    "dailycast_provider_tokens_total", "LLM tokens billed, as the provider counted them, by direction (input, output)",
    ["provider", "direction"],
)
POLLY_CHARACTERS = Counter("dailycast_polly_characters_total", "Characters Amazon Polly billed, by engine", ["engine"])
ESTIMATED_COST = Counter(
    "dailycast_estimated_cost_usd_total",
    "Estimated cost of the podcasts' scripts and speech in USD, by provider (writer or synthesizer), as recorded",
    ["provider"],
)

# A counter, its labels and what to add: counted once what it counts is committed.
Tally = tuple[Counter, tuple[str, ...], float]


def count(tallies: Iterable[Tally]) -> None:
    for counter, labels, amount in tallies:
        counter.labels(*labels).inc(amount)


@contextmanager
def timed(step: str) -> Iterator[None]:
    """Observe how long the block took as `dailycast_step_duration_seconds{step=...}` (also when it fails)."""
    started = time.perf_counter()
    try:
        yield
    finally:
        STEP_DURATION.labels(step).observe(time.perf_counter() - started)


def exposition() -> tuple[bytes, str]:
    """This process's metrics in Prometheus's text format, and its content type."""
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST
