"""A worker as its own process (`dailycast serve notifier`): its ops port and its JSON logs.

The operator's view: /livez says the process runs, /readyz whether it can work and why not in a
few public words, /metrics what it counted; SIGTERM stops it; DAILYCAST_LOG_FORMAT=json makes
every line of its output a JSON object.
"""

from __future__ import annotations

import json
import signal
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from tests.utils.processes import ROOT, free_port, newcomers_env
from tests.utils.system import wait_for

DAILYCAST = ROOT / ".venv" / "bin" / "dailycast"


@contextmanager
def worker(tmp_path: Path, **env: str) -> Iterator[tuple[str, subprocess.Popen]]:
    port = free_port()
    process = subprocess.Popen(
        [str(DAILYCAST), "serve", "notifier", "--log-level", "info"], cwd=ROOT,
        env={**newcomers_env(), "DAILYCAST_DATA_DIR": str(tmp_path), "DAILYCAST_OPS_PORT": str(port), **env},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: _answers(f"{url}/livez"), 60, interval=0.1, what="the worker's /livez")
        yield url, process
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)


def _answers(url: str) -> bool:
    try:
        return httpx.get(url, timeout=1, trust_env=False).status_code == 200
    except httpx.TransportError:
        return False


def test_a_worker_is_live_ready_counts_and_logs_json_lines_until_sigterm(tmp_path):
    with worker(tmp_path, DAILYCAST_RUNTIME="embedded", DAILYCAST_LOG_FORMAT="json") as (url, process):
        assert httpx.get(f"{url}/livez", trust_env=False).json() == {"status": "alive", "service": "notifier"}
        wait_for(lambda: httpx.get(f"{url}/readyz", trust_env=False).status_code == 200, 30, what="ready")
        assert httpx.get(f"{url}/readyz", trust_env=False).json() == {"status": "ready", "service": "notifier"}
        metrics = httpx.get(f"{url}/metrics", trust_env=False)
        assert metrics.headers["content-type"].startswith("text/plain")
        assert 'dailycast_consumer_lag_messages{group="notifier"' in metrics.text
        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=30)
    # uvicorn shuts down in order, then ends by the signal it was sent, as an unhandled one would.
    assert process.returncode in (0, -signal.SIGTERM)
    lines = [json.loads(line) for line in output.splitlines() if line.strip()]  # every line is JSON
    assert lines and all({"time", "level", "logger", "message"} <= set(line) for line in lines)
    assert "Application shutdown complete." in [line["message"] for line in lines if line["logger"].startswith("uvicorn")]


def test_a_worker_without_its_event_log_is_alive_but_not_ready_and_says_why(tmp_path):
    closed = free_port()  # nothing listens there
    with worker(tmp_path, DAILYCAST_RUNTIME="kafka", KAFKA_BOOTSTRAP_SERVERS=f"127.0.0.1:{closed}",
                DATABASE_URL=f"sqlite:///{tmp_path / 'read.db'}") as (url, _):
        ready = httpx.get(f"{url}/readyz", trust_env=False)
        assert (ready.status_code, ready.json()) == (
            503, {"status": "not ready", "problems": ["event log not connected"], "service": "notifier"})
        assert httpx.get(f"{url}/livez", trust_env=False).status_code == 200
