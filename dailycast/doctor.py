"""`dailycast doctor`: which adapter serves each port with the current settings, and does it answer.

Every check is bounded in time and changes nothing: no topic is made, no table migrated, no mail
sent, no file written. Secrets never reach the output: URLs lose their password, and any secret
setting's value that shows up in an error message is replaced by ***.
"""

from __future__ import annotations

import asyncio
import inspect
import os
import sqlite3
from collections.abc import Awaitable, Callable, Iterable
from contextlib import closing
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

import sqlalchemy as sa
from pydantic import SecretStr, ValidationError

from dailycast.folders import folder_problem
from dailycast.settings import CommonSettings
from services.notifier.mailer import MailDeliveryError

CHECK_TIMEOUT_SECONDS = 5.0
REDACTED = "***"


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


# A check raises when the adapter does not answer; it may return a note added to the detail.
Check = Callable[[], Awaitable[str | None]]


class CheckFailed(Exception):
    """A check's verdict, already worded for the table."""


async def diagnose(timeout: float = CHECK_TIMEOUT_SECONDS) -> list[Line]:
    """Describe and check every port's adapter, all at once, each within `timeout` seconds."""
    probes = (_event_log, _database, _script_writers, _speech, _mail)
    groups = await asyncio.gather(*(_lines_of(probe, timeout) for probe in probes))
    secrets = _secrets()
    return [_redact(line, secrets) for group in groups for line in group]


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


# -- running probes and checks


async def _lines_of(probe, timeout: float) -> list[Line]:
    """A probe yields (port, adapter, detail, check); a probe that cannot even describe fails."""
    try:
        described = list(probe())
    except Exception as exc:  # bad settings, a missing module: this port's line says so
        return [Line(probe.__name__.strip("_").replace("_", " "), "?", "", _reason(exc))]
    return list(await asyncio.gather(*(_checked(*item, timeout=timeout) for item in described)))


async def _checked(port: str, adapter: str, detail: str, check: Check | None, *, timeout: float) -> Line:
    if check is None:
        return Line(port, adapter, detail)
    try:
        note = await asyncio.wait_for(check(), timeout)
    except TimeoutError:
        return Line(port, adapter, detail, f"no answer within {timeout:g} s")
    except Exception as exc:
        return Line(port, adapter, detail, _reason(exc))
    if not note or note in detail:
        return Line(port, adapter, detail)
    return Line(port, adapter, f"{detail}; {note}" if detail else note)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, ValidationError):  # its default text repeats the input, secrets included
        return "settings: " + "; ".join(
            f"{'.'.join(map(str, e['loc'])) or 'value'}: {e['msg']}" for e in exc.errors(include_input=False)
        )
    text = " ".join(str(exc).split())
    if isinstance(exc, CheckFailed) or text.startswith(type(exc).__name__):
        return text
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


# -- the ports


def _event_log():
    settings = CommonSettings()
    if settings.runtime == "embedded":
        path = settings.event_log_path.resolve()
        yield "event log", "embedded log", str(path), lambda: asyncio.to_thread(_embedded_log_note, path)
    else:
        servers = settings.kafka_bootstrap_servers
        prefix = f", topic prefix {settings.topic_prefix!r}" if settings.topic_prefix else ""
        yield "event log", "kafka", f"{servers}{prefix}", lambda: _kafka_note(settings)


def _embedded_log_note(path: Path) -> str:
    if not path.exists():
        problem = folder_problem(path.parent)
        if problem:
            raise PermissionError(problem)
        return "not created yet (made at start)"
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=2)) as db:
        topics = db.execute("SELECT count(*) FROM topics").fetchone()[0]
        messages = db.execute("SELECT count(*) FROM messages").fetchone()[0]
    return f"{topics} topics, {messages} messages"


async def _kafka_note(settings: CommonSettings) -> str:
    from aiokafka.admin import AIOKafkaAdminClient

    from dailycast.messaging.topics import ALL_TOPICS, dead_letter_topic

    admin = AIOKafkaAdminClient(bootstrap_servers=settings.kafka_bootstrap_servers, request_timeout_ms=5000)
    try:
        await admin.start()
        existing = set(await admin.list_topics())
    finally:
        await admin.close()
    wanted = [settings.topic_prefix + t for base in ALL_TOPICS for t in (base, dead_letter_topic(base))]
    present = sum(t in existing for t in wanted)
    return f"{present} of {len(wanted)} topics exist" + ("" if present == len(wanted) else " (made at start)")


def _database():
    url = sa.make_url(CommonSettings().resolved_database_url())
    names = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
    shown = url.render_as_string(hide_password=True)
    yield "database", names.get(url.get_backend_name(), url.get_backend_name()), shown, lambda: asyncio.to_thread(
        _database_note, url
    )


def _database_note(url: sa.URL) -> str:
    from alembic.script import ScriptDirectory

    from dailycast import migrations

    if url.get_backend_name() == "sqlite" and url.database and not Path(url.database).exists():
        problem = folder_problem(Path(url.database).parent)
        if problem:
            raise PermissionError(problem)
        return "not created yet (made and migrated at start)"
    connect_args = {"timeout": 5} if url.get_backend_name() == "sqlite" else {"connect_timeout": 5}
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool, connect_args=connect_args)
    try:
        with engine.connect() as connection:
            connection.execute(sa.text("SELECT 1"))
    finally:
        engine.dispose()
    revision = migrations.current_revision(url.render_as_string(hide_password=False))
    head = migrations.head_revision()
    if revision is None:
        return f"not migrated yet (start migrates it to {head})"
    if revision == head:
        return f"at revision {revision} (newest)"
    try:
        ScriptDirectory.from_config(migrations.alembic_config()).get_revision(revision)
    except Exception:
        raise RuntimeError(f"at revision {revision}, which this code does not know (newer code ran on it?)")
    return f"at revision {revision} (start upgrades it to {head})"


def _script_writers():
    from services.scriptgen import bootstrap as scriptgen
    from services.scriptgen.settings import ScriptgenSettings

    settings = ScriptgenSettings()
    described = scriptgen.describe_writers(settings)
    yield from _bootstrap_lines(("script writers",), described, _Once(scriptgen, "check_writers", settings))


def _speech():
    from services.tts import checks
    from services.tts.settings import TtsSettings

    settings = TtsSettings()
    provider, voices, store = (line.partition(": ")[2] for line in checks.describe_speech(settings))
    once = _Once(checks, "check_speech", settings)
    yield "speech", "polly" if settings.speech == "polly" else "espeak", f"{provider}; voices {voices}", \
        partial(_verdict, once, "speech")
    yield "audio store", "s3" if settings.s3_bucket else "local folder", store.removeprefix("local folder "), \
        partial(_verdict, once, "audio")


def _mail():
    from services.notifier import bootstrap as notifier
    from services.notifier.settings import NotifierSettings

    settings = NotifierSettings()
    adapter, detail = notifier.describe_mail(settings)

    async def check() -> None:
        try:
            await notifier.check_mail(settings)
        except MailDeliveryError as exc:  # its text repeats the detail; the cause is what matters
            raise CheckFailed(_reason(exc.__cause__) if exc.__cause__ else str(exc)) from exc

    yield "mail", adapter, detail, check


# -- helpers


def _writable_note(folder: Path) -> str | None:
    problem = folder_problem(folder)
    if problem:
        raise PermissionError(problem)
    return None if folder.exists() else "not created yet (made at start)"


class _Once:
    """Runs a bootstrap's check once, however many lines wait for its verdict."""

    def __init__(self, module, name: str, settings) -> None:
        self._function = getattr(module, name, None)
        self._settings = settings
        self._task: asyncio.Future | None = None

    @property
    def there(self) -> bool:
        return callable(self._function)

    async def result(self):
        if self._task is None:
            self._task = asyncio.ensure_future(self._run())
        return await asyncio.shield(self._task)  # one line timing out must not cancel it for the rest

    async def _run(self):
        result = self._function(self._settings)
        return await result if inspect.isawaitable(result) else result


def _bootstrap_lines(ports: tuple[str, ...], described: list[str], once: _Once):
    """Lines from a bootstrap's `describe_*` ("name: detail" each) and its `check_*`.

    The entries take `ports` in turn, the last one repeating. The check (sync or async) returns
    {name: "ok ..." or the problem}; it may also raise, failing every line, or return None: all ok.
    """
    for index, item in enumerate([described] if isinstance(described, str) else described):
        name, _, detail = str(item).partition(": ")
        check = partial(_verdict, once, name) if once.there else None
        yield ports[min(index, len(ports) - 1)], name, detail, check


async def _verdict(once: _Once, name: str) -> str | None:
    result = await once.result()
    status = str(result.get(name, "ok") if isinstance(result, dict) else result or "ok").strip()
    if status.lower().startswith("ok"):
        return status[2:].strip(" :-()") or None
    raise CheckFailed(status.removeprefix("error: "))


def _secrets() -> set[str]:
    """Every secret value the settings (or the environment) hold, to keep them out of the output."""
    found: set[str] = set()
    for name, value in os.environ.items():
        if any(word in name.upper() for word in ("PASSWORD", "SECRET", "TOKEN", "API_KEY")) and len(value) >= 4:
            found.add(value)
    try:
        password = sa.make_url(CommonSettings().resolved_database_url()).password
        if password:
            found.add(str(password))
    except Exception:
        pass
    for settings_class in _settings_classes():
        try:
            settings = settings_class()
        except Exception:
            continue
        values = [getattr(settings, name) for name in type(settings).model_fields]
        found |= {v.get_secret_value() for v in values if isinstance(v, SecretStr)}
    return {s for s in found if len(s) >= 4}  # a shorter one would garble the table, and guards little


def _settings_classes() -> list[type]:
    from services.notifier.settings import NotifierSettings
    from services.scriptgen.settings import ScriptgenSettings
    from services.tts.settings import TtsSettings

    return [NotifierSettings, ScriptgenSettings, TtsSettings]


def _redact(line: Line, secrets: set[str]) -> Line:
    def clean(text: str | None) -> str | None:
        if text is None:
            return None
        for secret in sorted(secrets, key=len, reverse=True):
            text = text.replace(secret, REDACTED)
        return text

    return replace(line, adapter=clean(line.adapter), detail=clean(line.detail), problem=clean(line.problem))
