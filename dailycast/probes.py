"""Probes: how a service says which adapter serves each of its ports, and checks that it answers.

A service's build function returns its probes; `dailycast doctor` runs their checks, each bounded
in time. A check changes nothing (no topic made, no table migrated, no mail sent, no file written).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

# Raises when the adapter does not answer; may return a note to add to the probe's detail.
Check = Callable[[], Awaitable[str | None]]


@dataclass(frozen=True)
class Probe:
    port: str  # "speech", "mail", ...
    adapter: str  # "espeak", "smtp", ...
    detail: str  # where it points, never a secret
    check: Check | None = None  # None: nothing to ask (a built-in adapter)


class ProbeFailed(Exception):
    """A check's verdict, already worded for the doctor's table."""
