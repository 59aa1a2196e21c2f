"""The distributed runtime as separate OS processes, one per service, for the e2e tests.

    cluster = Cluster(tmp_path, kafka_bootstrap_servers, database_url)
    cluster.start_all()                       # api, scriptgen, tts, notifier; waits for /healthz
    with cluster.http() as http: ...          # httpx over real HTTP, tokens from cluster.auth()
    cluster.kill("tts"); cluster.start("tts") # SIGKILL a worker, start it again (same env)
    cluster.stop_all()                        # always, in a finally: kills every process group

Every service gets the same environment (runtime, broker, database, JWT secret, topic prefix,
data dir), so the API serves the audio tts writes and the notifier's outbox is one folder.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import time
import uuid
from collections.abc import Iterable
from pathlib import Path

import httpx

from dailycast.messaging.topics import ALL_TOPICS, dead_letter_topic
from services.api.auth import issue_token
from tests.utils.processes import free_port
from tests.utils.system import wait_for

ROOT = Path(__file__).resolve().parents[2]
DAILYCAST = ROOT / ".venv" / "bin" / "dailycast"
SERVICES = ("api", "scriptgen", "tts", "notifier")
FINAL = ("completed", "failed")



class Cluster:
    """The four services of one test, each its own process group, sharing one env."""

    def __init__(self, workdir: Path, kafka_bootstrap_servers: str, database_url: str, **extra_env: str):
        self.workdir = Path(workdir)
        self.data_dir = self.workdir / "data"
        self.logs_dir = self.workdir / "logs"
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.logs_dir.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.topic_prefix = f"e2e{uuid.uuid4().hex[:10]}."
        self.jwt_secret = uuid.uuid4().hex
        self.kafka_bootstrap_servers = kafka_bootstrap_servers
        # Nothing from the test run's own shell leaks in (its DAILYCAST_*, KAFKA_*, DATABASE_URL).
        inherited = {k: v for k, v in os.environ.items()
                     if not k.startswith(("DAILYCAST_", "KAFKA_")) and k != "DATABASE_URL"}
        self.env = {
            **inherited,
            "DAILYCAST_RUNTIME": "kafka",
            "KAFKA_BOOTSTRAP_SERVERS": kafka_bootstrap_servers,
            "DATABASE_URL": database_url,
            "DAILYCAST_JWT_SECRET": self.jwt_secret,
            "DAILYCAST_TOPIC_PREFIX": self.topic_prefix,
            "DAILYCAST_DATA_DIR": str(self.data_dir),
            "DAILYCAST_PORT": str(self.port),
            "PYTHONUNBUFFERED": "1",
            "DAILYCAST_SCHEDULER": "false",  # the podcasts are the test's own (the scheduler's tests are its own)
            **extra_env,
        }
        self.processes: dict[str, subprocess.Popen] = {}
        self.starts: dict[str, int] = {}
        # Each worker's /livez, /readyz and /metrics, on a port of its own.
        self.ops_ports = {name: free_port() for name in SERVICES if name != "api"}

    # -- processes
    def start(self, name: str) -> subprocess.Popen:
        assert name in SERVICES, name
        running = self.processes.get(name)
        assert running is None or running.poll() is not None, f"{name} is already running"
        n = self.starts[name] = self.starts.get(name, 0) + 1
        log = (self.logs_dir / f"{name}-{n}.log").open("wb")
        try:
            env = {**self.env, "DAILYCAST_OPS_PORT": str(self.ops_ports[name])} if name in self.ops_ports else self.env
            process = subprocess.Popen([str(DAILYCAST), "serve", name], cwd=ROOT, env=env, stdout=log,
                                       stderr=subprocess.STDOUT, start_new_session=True)
        finally:
            log.close()  # the child holds its own descriptor
        self.processes[name] = process
        return process

    def ops_url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.ops_ports[name]}"

    def start_all(self, services: Iterable[str] = SERVICES, timeout: float = 90) -> None:
        for name in services:
            self.start(name)
        if "api" in services:
            self.wait_healthy(timeout)

    def kill(self, name: str, sig: int = signal.SIGKILL) -> None:
        """Signal the service's whole process group and reap it."""
        process = self.processes[name]
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            pass
        process.wait(timeout=30)

    def stop_all(self) -> None:
        """SIGTERM every process group, SIGKILL whatever is left after a few seconds."""
        for process in self.processes.values():
            try:
                os.killpg(process.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + 10
        for process in self.processes.values():
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                pass
            try:
                os.killpg(process.pid, signal.SIGKILL)  # stray children of the group too
            except ProcessLookupError:
                pass
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass

    def assert_running(self) -> None:
        dead = {name: p.returncode for name, p in self.processes.items() if p.poll() is not None}
        assert not dead, f"services exited: {dead}\n{self.log_tails(list(dead))}"

    def log_tails(self, names: Iterable[str] | None = None, lines: int = 40) -> str:
        out = []
        for name in names or SERVICES:
            n = self.starts.get(name)
            if not n:
                continue
            path = self.logs_dir / f"{name}-{n}.log"
            text = path.read_text(errors="replace").splitlines()[-lines:] if path.exists() else []
            out.append(f"--- {path.name}\n" + "\n".join(text))
        return "\n".join(out)

    def wait_healthy(self, timeout: float = 90) -> None:
        def healthy() -> bool:
            self.assert_running()
            try:
                return httpx.get(f"{self.base_url}/healthz", timeout=2).status_code == 200
            except httpx.TransportError:
                return False

        wait_for(healthy, timeout, what="GET /healthz 200")

    # -- HTTP
    def auth(self, user_id: int, staff: bool = False) -> dict:
        return {"Authorization": f"Bearer {issue_token(self.jwt_secret, user_id, staff)}"}

    def http(self, timeout: float = 15) -> httpx.Client:
        return httpx.Client(base_url=self.base_url, timeout=timeout)

    def create(self, http: httpx.Client, user_id: int, languages: list[str], output_format: str) -> dict:
        body = {"languages": languages, "output_format": output_format, "user_id": user_id}
        response = http.post("/api/podcasts/", json=body, headers=self.auth(99, staff=True))
        assert response.status_code == 202, (response.status_code, response.text)
        podcast = response.json()
        assert podcast["status"] == "pending", podcast
        return podcast

    def podcast(self, http: httpx.Client, podcast_id: int) -> dict:
        response = http.get(f"/api/podcasts/{podcast_id}/", headers=self.auth(99, staff=True))
        assert response.status_code == 200, (response.status_code, response.text)
        return response.json()

    def wait_final(self, http: httpx.Client, ids: Iterable[int], timeout: float) -> dict[int, dict]:
        """Poll until every podcast is completed or failed; on timeout, say which are not."""
        ids = list(ids)
        done: dict[int, dict] = {}
        deadline = time.monotonic() + timeout
        while True:
            for podcast_id in [i for i in ids if i not in done]:
                body = self.podcast(http, podcast_id)
                if body["status"] in FINAL:
                    done[podcast_id] = body
            if len(done) == len(ids):
                return done
            if time.monotonic() > deadline:
                pending = {i: self.podcast(http, i)["status"] for i in ids if i not in done}
                raise AssertionError(f"not final within {timeout} s: {pending}\n{self.log_tails()}")
            time.sleep(0.3)

    # -- what the services left behind
    def emails(self) -> list[Path]:
        return sorted((self.data_dir / "outbox").glob("*.eml"))

    def wait_emails(self, count: int, timeout: float) -> list[Path]:
        wait_for(lambda: len(self.emails()) >= count, timeout, what=f"{count} emails in the outbox")
        return self.emails()

    def dead_letters(self) -> dict[str, int]:
        """How many messages each dead-letter topic of this cluster holds."""
        return asyncio.run(count_messages(self.kafka_bootstrap_servers,
                                          [self.topic_prefix + dead_letter_topic(t) for t in ALL_TOPICS]))


async def count_messages(bootstrap_servers: str, topics: list[str]) -> dict[str, int]:
    """Messages in each topic (end offset minus beginning offset, summed over partitions)."""
    from aiokafka import AIOKafkaConsumer, TopicPartition

    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap_servers, enable_auto_commit=False)
    await consumer.start()
    try:
        counts = {}
        for topic in topics:
            partitions = await consumer._client.fetch_all_metadata()  # noqa: SLF001 (fresh metadata)
            ids = partitions.partitions_for_topic(topic) or set()
            assert ids, f"topic {topic} does not exist"
            tps = [TopicPartition(topic, p) for p in ids]
            ends = await consumer.end_offsets(tps)
            starts = await consumer.beginning_offsets(tps)
            counts[topic] = sum(ends[tp] - starts[tp] for tp in tps)
        return counts
    finally:
        await consumer.stop()
