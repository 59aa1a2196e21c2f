"""Starting the system as a separate process, as a newcomer or an operator would."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from tests.utils.system import wait_for

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def newcomers_env() -> dict:
    """A newcomer's shell: none of the settings the test run itself uses (its PostgreSQL, its Kafka)."""
    return {k: v for k, v in os.environ.items()
            if not k.startswith(("DAILYCAST_", "KAFKA_")) and k != "DATABASE_URL"}


@contextmanager
def running_process(command: list[str], data: Path) -> Iterator[tuple[str, dict]]:
    """Run the command (`make run`, `dailycast run`) on a free port until /healthz says ready.

    Yields the base URL and the environment it runs with; stops the whole process group after.
    """
    port = free_port()
    env = {**newcomers_env(), "DAILYCAST_DATA_DIR": str(data), "DAILYCAST_PORT": str(port)}
    log = (data / "run.log").open("wb")
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                               start_new_session=True)
    base = f"http://127.0.0.1:{port}"

    def healthy():
        assert process.poll() is None, (data / "run.log").read_text()
        try:
            return httpx.get(f"{base}/healthz", timeout=1).status_code == 200
        except httpx.TransportError:
            return False

    try:
        wait_for(healthy, timeout=120, interval=0.2, what="GET /healthz 200")
        yield base, env
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
        log.close()
