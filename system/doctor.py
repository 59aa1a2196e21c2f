"""`dailycast doctor`: which adapter serves each port with the current settings, and does it answer.

The probes come from the kernel (event log, database) and from each service's build function.
Every check is bounded in time and changes nothing: no topic is made, no table migrated, no mail
sent, no file written. Secrets never reach the output: URLs lose their password, and any secret
value from the environment that shows up in a line is replaced by ***.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterable
from dataclasses import dataclass, replace

import sqlalchemy as sa
from pydantic import ValidationError

from dailycast.database import database_probe
from dailycast.messaging.avro import default_schemas
from dailycast.probes import Probe, ProbeFailed
from dailycast.runtimes import event_log_probe
from dailycast.service import Resources
from dailycast.settings import CommonSettings
from system.registry import SERVICES, bootstrap

CHECK_TIMEOUT_SECONDS = 5.0
REDACTED = "***"
# Environment variables whose values are secrets, by a word in their name.
SECRET_WORDS = ("PASSWORD", "SECRET", "TOKEN", "API_KEY")


@dataclass(frozen=True)
class Line:
    """One adapter behind one port, and how its check went (`problem` None: it answered)."""

    port: str
    adapter: str
    detail: str
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None

    @property
    def check(self) -> str:
        return "ok" if self.ok else f"FAILED: {self.problem}"


async def diagnose(timeout: float = CHECK_TIMEOUT_SECONDS) -> list[Line]:
    """Describe and check every port's adapter, all at once, each within `timeout` seconds."""
    lines = await asyncio.gather(*(_checked(probe, timeout) for probe in _probes()))
    secrets = _secrets()
    return [_redact(line, secrets) for line in lines]


def format_table(lines: Iterable[Line]) -> str:
    """Aligned columns: port, adapter, detail, check."""
    rows = [("port", "adapter", "detail", "check")] + [(l.port, l.adapter, l.detail, l.check) for l in lines]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    rows.insert(1, tuple("-" * w for w in widths) + ("-----",))
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths)) + "  " + row[3] for row in rows)


def run(timeout: float = CHECK_TIMEOUT_SECONDS) -> int:
    """Print the table; 0 when every check passed, 1 otherwise (the CLI's exit code)."""
    lines = asyncio.run(diagnose(timeout))
    print(format_table(lines), flush=True)
    return 0 if all(line.ok for line in lines) else 1


# -- gathering probes: a part that cannot even be built fails its own lines only


def _probes() -> list[Probe | Line]:
    try:
        settings = CommonSettings()
        url = settings.resolved_database_url()
    except Exception as exc:
        return [Line(port, "?", "", _reason(exc)) for port in ("event log", "database", *_all_ports())]
    # Building starts nothing; the producer is never used, as no task runs.
    resources = Resources(default_schemas(), _NoProducer(), url)
    found: list[Probe | Line] = [event_log_probe(settings), database_probe(url)]
    for name in SERVICES:
        found += _service_probes(name, resources)
    resources.close()
    return found


def _service_probes(name: str, resources: Resources) -> list[Probe | Line]:
    ports: tuple[str, ...] = (name,)
    try:
        module = bootstrap(name)
        ports = module.PORTS or ports
        return list(module.build(resources).probes)
    except Exception as exc:  # bad settings, a broken module: that service's lines say so
        return [Line(port, "?", "", _reason(exc)) for port in ports]


def _all_ports() -> list[str]:
    return [port for name in SERVICES for port in bootstrap(name).PORTS]


class _NoProducer:
    async def send(self, message) -> None:
        raise RuntimeError("the doctor sends nothing")


# -- running checks


async def _checked(probe: Probe | Line, timeout: float) -> Line:
    if isinstance(probe, Line):
        return probe
    if probe.check is None:
        return Line(probe.port, probe.adapter, probe.detail)
    try:
        note = await asyncio.wait_for(probe.check(), timeout)
    except TimeoutError:
        return Line(probe.port, probe.adapter, probe.detail, f"no answer within {timeout:g} s")
    except Exception as exc:
        return Line(probe.port, probe.adapter, probe.detail, _reason(exc))
    if not note or note in probe.detail:
        return Line(probe.port, probe.adapter, probe.detail)
    return Line(probe.port, probe.adapter, f"{probe.detail}; {note}" if probe.detail else note)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, ValidationError):  # its default text repeats the input, secrets included
        return "settings: " + "; ".join(
            f"{'.'.join(map(str, e['loc'])) or 'value'}: {e['msg']}" for e in exc.errors(include_input=False)
        )
    text = " ".join(str(exc).split())
    if isinstance(exc, ProbeFailed) or text.startswith(type(exc).__name__):
        return text
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


# -- secrets


def _secrets() -> set[str]:
    """Every secret value the environment (and so the settings) holds, to keep them out of the output."""
    found = {
        value for name, value in os.environ.items() if any(word in name.upper() for word in SECRET_WORDS)
    }
    try:
        password = sa.make_url(CommonSettings().resolved_database_url()).password
        if password:
            found.add(str(password))
    except Exception:  # bad settings already fail their own line
        pass
    return {s for s in found if len(s) >= 4}  # a shorter one would garble the table, and guards little


def _redact(line: Line, secrets: set[str]) -> Line:
    def clean(text: str | None) -> str | None:
        if text is None:
            return None
        for secret in sorted(secrets, key=len, reverse=True):
            text = text.replace(secret, REDACTED)
        return text

    return replace(line, adapter=clean(line.adapter), detail=clean(line.detail), problem=clean(line.problem))
