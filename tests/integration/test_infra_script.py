"""deploy/infra.sh: the local Kafka (KRaft, jars from Maven Central) and PostgreSQL, for real.

Slow the first time (Maven downloads the Kafka jars; apt-get may install PostgreSQL), so it runs
only when asked:

    DAILYCAST_TEST_INFRA=1 .venv/bin/pytest -q tests/integration/test_infra_script.py

It uses its own state directory and free ports, so it does not touch a `.infra` you are running.
"""

from __future__ import annotations

import asyncio
import glob
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "deploy" / "infra.sh"

pytestmark = [
    pytest.mark.infra,
    pytest.mark.skipif(
        os.environ.get("DAILYCAST_TEST_INFRA") != "1",
        reason="starts real Kafka and PostgreSQL (slow the first time): set DAILYCAST_TEST_INFRA=1",
    ),
]


def free_ports(count: int) -> list[int]:
    sockets = []
    try:
        for _ in range(count):
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            sockets.append(s)
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


def port_open(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


def find_psql() -> str:
    found = shutil.which("psql") or next(iter(sorted(glob.glob("/usr/lib/postgresql/*/bin/psql"))), None)
    if not found:
        pytest.fail("no psql client (deploy/infra.sh up should have installed PostgreSQL)")
    return found


class Infra:
    def __init__(self, state_dir: Path, kafka_port: int, controller_port: int, pg_port: int):
        self.state_dir = state_dir
        self.kafka_port = kafka_port
        self.pg_port = pg_port
        self.env = {
            key: value for key, value in os.environ.items() if not key.startswith("DAILYCAST_")
        } | {
            "DAILYCAST_INFRA_DIR": str(state_dir),
            "DAILYCAST_KAFKA_PORT": str(kafka_port),
            "DAILYCAST_KAFKA_CONTROLLER_PORT": str(controller_port),
            "DAILYCAST_PG_PORT": str(pg_port),
        }

    def run(self, command: str, timeout: float = 120, check: bool = True) -> subprocess.CompletedProcess:
        result = subprocess.run(
            ["bash", str(SCRIPT), command],
            env=self.env, capture_output=True, text=True, timeout=timeout,
        )
        if check and result.returncode != 0:
            pytest.fail(
                f"infra.sh {command} exited {result.returncode}\n"
                f"--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}"
            )
        return result

    def kafka_pid(self) -> int:
        return int((self.state_dir / "run" / "kafka.pid").read_text().split()[0])

    def pg_pid(self) -> int:
        return int((self.state_dir / "pg" / "postmaster.pid").read_text().split()[0])

    def psql(self, sql: str) -> str:
        result = subprocess.run(
            [find_psql(), "-X", "-h", "127.0.0.1", "-p", str(self.pg_port), "-U", "dailycast",
             "-d", "dailycast", "-v", "ON_ERROR_STOP=1", "-tAc", sql],
            capture_output=True, text=True, timeout=30, env=self.env | {"PGCONNECT_TIMEOUT": "5"},
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()


@pytest.fixture
def infra():
    # Not pytest's tmp_path: its parents are closed (0700) to the `postgres` user, which runs the
    # server when we are root. infra.sh opens the state dir itself for traversal (o+x).
    state_dir = Path(tempfile.mkdtemp(prefix="dailycast-infra-"))
    infra = Infra(state_dir, *free_ports(3))
    try:
        yield infra
    finally:
        infra.run("down", check=False)
        shutil.rmtree(state_dir, ignore_errors=True)


def aiokafka_roundtrip(bootstrap: str) -> bytes:
    from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
    from aiokafka.admin import AIOKafkaAdminClient, NewTopic

    async def roundtrip() -> bytes:
        admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
        await admin.start()
        try:
            await admin.create_topics([NewTopic("infra-check", num_partitions=1, replication_factor=1)])
        finally:
            await admin.close()
        producer = AIOKafkaProducer(bootstrap_servers=bootstrap, enable_idempotence=True)
        await producer.start()
        try:
            await producer.send_and_wait("infra-check", b"hello", key=b"k")
        finally:
            await producer.stop()
        consumer = AIOKafkaConsumer(
            "infra-check", bootstrap_servers=bootstrap, group_id="infra-check",
            auto_offset_reset="earliest",
        )
        await consumer.start()
        try:
            message = await asyncio.wait_for(consumer.getone(), 30)
            await consumer.commit()
            return message.value
        finally:
            await consumer.stop()

    return asyncio.run(roundtrip())


def test_up_status_env_up_again_crash_recovery_down(infra: Infra):
    # up: both start, on the ports asked for
    infra.run("up", timeout=600)  # the first run on a machine downloads the jars
    assert port_open(infra.kafka_port)
    assert port_open(infra.pg_port)

    # status: the broker answers a Metadata request, PostgreSQL a query
    status = infra.run("status")
    assert f"ready on 127.0.0.1:{infra.kafka_port}" in status.stdout, status.stdout
    assert f"accepting connections on 127.0.0.1:{infra.pg_port}" in status.stdout, status.stdout

    # env: what the services read
    exports = dict(
        line.removeprefix("export ").split("=", 1) for line in infra.run("env").stdout.splitlines()
    )
    assert exports == {
        "KAFKA_BOOTSTRAP_SERVERS": f"127.0.0.1:{infra.kafka_port}",
        "DATABASE_URL": f"postgresql+psycopg://dailycast@127.0.0.1:{infra.pg_port}/dailycast",
    }

    # PostgreSQL: the dailycast role is a superuser (tests create databases), dailycast exists
    assert infra.psql("select current_user, rolsuper from pg_roles where rolname = current_user") == "dailycast|t"
    assert infra.psql("select current_database()") == "dailycast"

    # Kafka: a real client round trip, when the client is installed (not a dependency of this repo)
    try:
        import aiokafka  # noqa: F401
    except ImportError:
        pass
    else:
        assert aiokafka_roundtrip(exports["KAFKA_BOOTSTRAP_SERVERS"]) == b"hello"

    # a second up changes nothing
    pids = infra.kafka_pid(), infra.pg_pid()
    started = time.monotonic()
    again = infra.run("up")
    assert time.monotonic() - started < 10
    assert "kafka: already running" in again.stderr, again.stderr
    assert "postgresql: already running" in again.stderr, again.stderr
    assert (infra.kafka_pid(), infra.pg_pid()) == pids

    # a crash (kill -9, pid files left behind): status says stopped, up recovers
    for pid in pids:
        os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while (port_open(infra.kafka_port) or port_open(infra.pg_port)) and time.monotonic() < deadline:
        time.sleep(0.1)
    crashed = infra.run("status", check=False)
    assert crashed.returncode == 3, crashed.stdout
    assert "kafka:      stopped" in crashed.stdout and "postgresql: stopped" in crashed.stdout
    recovered = infra.run("up")
    assert "stale" in recovered.stderr, recovered.stderr
    assert infra.run("status").returncode == 0
    assert infra.psql("select 1") == "1"

    # down stops both and closes the ports; a second down is fine
    infra.run("down")
    assert not port_open(infra.kafka_port)
    assert not port_open(infra.pg_port)
    assert not (infra.state_dir / "run" / "kafka.pid").exists()
    assert infra.run("status", check=False).returncode == 3
    infra.run("down")
