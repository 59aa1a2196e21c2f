"""`dailycast doctor`: the adapter behind each port, and whether it answers (real components)."""

import asyncio
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from dailycast import migrations
from dailycast.messaging.embedded_log import EmbeddedLog
from services.notifier.mailer import OutboxMailer
from services.tts import bootstrap as tts_bootstrap
from system.doctor import Line, diagnose, format_table, run
from system.registry import SERVICES, bootstrap
from tests.utils.smtp_server import smtp_server

DAILYCAST = Path(sys.executable).parent / "dailycast"
USER, PASSWORD = "doctor", "pa55-w0rd-doctor"

# Settings the developer's shell (or `make test`) may hold; each test starts from the defaults.
FOREIGN = re.compile(r"^(DAILYCAST_|DATABASE_URL$|KAFKA_BOOTSTRAP_SERVERS$|OPENAI_|GEMINI_|GOOGLE_|AWS_)")


def clean_env(data_dir: Path, **settings) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not FOREIGN.match(k)}
    return {**env, "DAILYCAST_DATA_DIR": str(data_dir), **{k: str(v) for k, v in settings.items()}}


def doctor(data_dir: Path, **settings) -> subprocess.CompletedProcess:
    """`dailycast doctor` as a user runs it."""
    return subprocess.run(
        [str(DAILYCAST), "doctor"], env=clean_env(data_dir, **settings), capture_output=True, text=True, timeout=60
    )


def row(output: str, port: str) -> str:
    (line,) = [line for line in output.splitlines() if line.startswith(f"{port}  ")]
    return line


@pytest.fixture
def defaults(monkeypatch, tmp_path):
    """This process's environment with only the embedded defaults and a fresh data dir."""
    for name in [k for k in os.environ if FOREIGN.match(k)]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("DAILYCAST_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def by_port(lines: list[Line]) -> dict[str, Line]:
    return {line.port: line for line in lines}


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_the_embedded_defaults_pass(tmp_path):
    result = doctor(tmp_path / "data")
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert re.match(r"port\s+adapter\s+detail\s+check", out)
    assert re.match(r"event log\s+embedded log\s+\S*events\.db.*\sok$", row(out, "event log"))
    assert re.match(r"database\s+SQLite\s+sqlite:///\S*dailycast\.db.*\sok$", row(out, "database"))
    assert re.match(r"script writers\s+template\s.*\sok$", row(out, "script writers"))
    assert re.match(r"speech\s+espeak\s.*\sok$", row(out, "speech"))
    assert re.match(r"audio store\s+local folder\s+\S*audio.*\sok$", row(out, "audio store"))
    assert re.match(r"mail\s+outbox\s+\S*outbox.*\sok$", row(out, "mail"))
    assert not (tmp_path / "data").exists()  # the doctor looks, it creates nothing


def test_an_smtp_server_that_is_down_fails_the_mail_line(tmp_path):
    port = closed_port()
    result = doctor(tmp_path / "data", DAILYCAST_SMTP_HOST="127.0.0.1", DAILYCAST_SMTP_PORT=port)
    assert result.returncode == 1
    mail = row(result.stdout, "mail")
    assert re.match(rf"mail\s+smtp\s+127\.0\.0\.1:{port} \(starttls\)\s+FAILED: .*Connect", mail)
    assert re.search(r"\sok$", row(result.stdout, "database"))  # the others still pass


def test_an_smtp_server_with_starttls_and_login_passes(tmp_path):
    with smtp_server(starttls=True, login=(USER, PASSWORD)) as server:
        settings = {
            "DAILYCAST_SMTP_HOST": server.host, "DAILYCAST_SMTP_PORT": server.port,
            "DAILYCAST_SMTP_USERNAME": USER, "DAILYCAST_SMTP_PASSWORD": PASSWORD,
            "DAILYCAST_SMTP_CA_FILE": server.ca_file,
        }
        result = doctor(tmp_path / "data", **settings)
        assert result.returncode == 0, result.stdout + result.stderr
        assert re.match(rf"mail\s+smtp\s+{USER}@127\.0\.0\.1:{server.port} \(starttls\)\s+ok$", row(result.stdout, "mail"))
        assert PASSWORD not in result.stdout + result.stderr
        wrong = doctor(tmp_path / "data", **{**settings, "DAILYCAST_SMTP_PASSWORD": "not-the-password"})
    assert wrong.returncode == 1
    assert re.search(r"FAILED: .*535", row(wrong.stdout, "mail"))
    assert "not-the-password" not in wrong.stdout + wrong.stderr
    assert server.envelopes == []  # checking sends no mail


async def test_a_used_data_dir_shows_the_log_and_the_schema_revision(defaults):
    defaults.mkdir()
    EmbeddedLog(defaults / "events.db").close()
    migrations.upgrade(f"sqlite:///{defaults / 'dailycast.db'}")
    lines = by_port(await diagnose())
    assert all(line.ok for line in lines.values()), lines
    assert "0 topics, 0 messages" in lines["event log"].detail
    assert f"at revision {migrations.head_revision()} (newest)" in lines["database"].detail


async def test_unreachable_kafka_and_postgresql_fail_without_showing_the_password(defaults, monkeypatch):
    kafka, postgres = closed_port(), closed_port()
    monkeypatch.setenv("DAILYCAST_RUNTIME", "kafka")
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", f"127.0.0.1:{kafka}")
    monkeypatch.setenv("DATABASE_URL", f"postgresql+psycopg://dailycast:db-pa55word@127.0.0.1:{postgres}/dailycast")
    lines = by_port(await diagnose(timeout=10))
    assert (lines["event log"].adapter, lines["event log"].detail) == ("kafka", f"127.0.0.1:{kafka}")
    assert not lines["event log"].ok
    assert lines["database"].adapter == "PostgreSQL"
    assert lines["database"].detail == f"postgresql+psycopg://dailycast:***@127.0.0.1:{postgres}/dailycast"
    assert not lines["database"].ok and "refused" in lines["database"].problem
    assert "db-pa55word" not in format_table(lines.values())


async def test_bad_settings_fail_their_line_only(defaults, monkeypatch):
    monkeypatch.setenv("DAILYCAST_SMTP_HOST", "mail.example.com")
    monkeypatch.setenv("DAILYCAST_SMTP_TLS", "sometimes")
    lines = by_port(await diagnose())
    assert lines["mail"].problem.startswith("settings: smtp_tls:")
    assert lines["database"].ok


async def test_a_probe_that_hangs_times_out(defaults, monkeypatch):
    async def hangs(self):
        await asyncio.sleep(60)

    monkeypatch.setattr(OutboxMailer, "check", hangs)
    lines = by_port(await diagnose(timeout=0.5))
    assert lines["mail"].problem == "no answer within 0.5 s"
    assert lines["script writers"].ok and lines["speech"].ok


async def test_every_service_gives_its_probes_and_a_broken_one_fails_its_own_lines(defaults, monkeypatch):
    lines = by_port(await diagnose())
    ports = {port for name in SERVICES for port in bootstrap(name).PORTS}
    assert ports <= set(lines) and {"event log", "database"} <= set(lines)

    def broken(resources):
        raise RuntimeError("cannot build")

    monkeypatch.setattr(tts_bootstrap, "build", broken)
    lines = by_port(await diagnose())
    assert lines["speech"].problem == lines["audio store"].problem == "RuntimeError: cannot build"
    assert lines["mail"].ok and lines["script writers"].ok


def test_run_prints_an_aligned_table_and_returns_the_exit_code(defaults, monkeypatch, capsys):
    monkeypatch.setenv("DAILYCAST_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("DAILYCAST_SMTP_PORT", str(closed_port()))
    assert run() == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["port", "adapter", "detail", "check"]
    assert len({line.index(" ok") if line.endswith(" ok") else None for line in lines} - {None}) == 1
    assert lines[-1].startswith("mail") and "FAILED" in lines[-1]
