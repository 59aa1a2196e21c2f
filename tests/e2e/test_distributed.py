"""The distributed runtime as it is deployed: each service its own OS process, on Kafka and PostgreSQL.

Everything goes through real HTTP and the real broker. Each test has its own database, topic
prefix, data dir and processes (tests/e2e/conftest.py), so none sees another's events.
"""

from __future__ import annotations

import email
import email.policy
import itertools
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from prometheus_client.parser import text_string_to_metric_families

from dailycast.language_check import is_in_language
from services.notifier.messages import message_id
from tests.e2e.processes import ROOT, Cluster, free_port, wait_for

pytestmark = pytest.mark.e2e

LANGUAGES = ("en", "ja", "es", "fr", "de", "it", "pt", "ru", "ko")
# Every language at least once in each of the audio formats.
AUDIO_PAIRS = (("en", "ja"), ("es", "fr"), ("de", "it"), ("pt", "ru"), ("ko", "en"))
USERS = (1, 2, 3)
STAFF = 99


# ---------------------------------------------------------------------------------------------
# checks shared by the tests


def check_podcast(cluster: Cluster, http: httpx.Client, body: dict, languages: list[str], output_format: str) -> None:
    """A completed podcast with a script per language (unless audio-only) and one track per language."""
    where = f"podcast {body['id']} {languages} {output_format}"
    assert body["status"] == "completed", (where, body["error_message"])
    assert body["output_format"] == output_format, where
    assert [body["primary_language"], body["secondary_language"]] == [*languages, None][:2], where
    if output_format == "audio":
        assert body["scripts"] == {} and body["script_text"] is None, where
    else:
        assert sorted(body["scripts"]) == sorted(languages), where
        for language, text in body["scripts"].items():
            assert len(text) > 500 and is_in_language(text, language), (where, language)
    tracks = [t["language"] for t in body["audio"]]
    if output_format == "text":
        assert tracks == [] and body["audio_file"] is None, where
    else:
        assert sorted(tracks) == sorted(languages), (where, tracks)  # one track each, none twice
        assert all(t["duration_seconds"] > 30 for t in body["audio"]), where
        for track in body["audio"]:  # the API serves what the tts process wrote
            response = http.get(track["url"], headers={**cluster.auth(STAFF, True), "Range": "bytes=0-1023"})
            assert response.status_code == 206 and len(response.content) == 1024, (where, track["url"])
    assert len(body["questions"]) == 3, where


def check_emails(cluster: Cluster, podcast_ids: list[int], timeout: float = 60) -> None:
    """Exactly one email per podcast (attempt 1) in the notifier's outbox, and no other."""
    expected = sorted(message_id(i, 1) for i in podcast_ids)
    try:
        wait_for(lambda: len(cluster.emails()) >= len(expected), timeout, what=f"{len(expected)} emails")
    finally:
        found = sorted(email.message_from_bytes(p.read_bytes(), policy=email.policy.default)["Message-ID"]
                       for p in cluster.emails())
    assert found == expected


def check_no_dead_letters(cluster: Cluster) -> None:
    assert set(cluster.dead_letters().values()) == {0}, cluster.dead_letters()


def check_listed(cluster: Cluster, http: httpx.Client, count: int) -> None:
    listed = http.get("/api/podcasts/", params={"page_size": 200}, headers=cluster.auth(STAFF, True)).json()
    assert listed["count"] == count
    assert {p["status"] for p in listed["results"]} == {"completed"}


def create_all(cluster: Cluster, http: httpx.Client, requests: list[tuple[list[str], str]]) -> dict[int, tuple]:
    """Create every (languages, format), for the demo learners in turn; podcast id -> request."""
    created = {}
    for n, (languages, output_format) in enumerate(requests):
        podcast = cluster.create(http, USERS[n % len(USERS)], list(languages), output_format)
        created[podcast["id"]] = (list(languages), output_format)
    return created


def finish_and_check(cluster: Cluster, http: httpx.Client, created: dict[int, tuple], timeout: float) -> None:
    """Wait for every podcast to end, then check each one, the list, the emails and the dead letters."""
    done = cluster.wait_final(http, created, timeout=timeout)
    for podcast_id, (languages, output_format) in created.items():
        check_podcast(cluster, http, done[podcast_id], languages, output_format)
    check_listed(cluster, http, len(created))
    check_emails(cluster, list(created))
    check_no_dead_letters(cluster)
    cluster.assert_running()


# ---------------------------------------------------------------------------------------------
# 1. four processes, every language and format


def test_four_processes_make_every_format_in_every_language(start_cluster):
    cluster = start_cluster()
    requests = [(list(pair), "text") for pair in itertools.combinations(LANGUAGES, 2)]
    requests += [([language], "text") for language in LANGUAGES]
    requests += [(list(pair), fmt) for fmt in ("audio", "both") for pair in AUDIO_PAIRS]
    assert len(requests) == 36 + 9 + 10
    with cluster.http() as http:
        finish_and_check(cluster, http, create_all(cluster, http, requests), timeout=150)
    check_ops_ports(cluster, podcasts=len(requests), audio_tracks=2 * 10)


def metric_values(url: str) -> dict[tuple[str, tuple], float]:
    text = httpx.get(f"{url}/metrics", timeout=10, trust_env=False).text
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(text) for s in family.samples}


def check_ops_ports(cluster: Cluster, podcasts: int, audio_tracks: int) -> None:
    """Each worker's own port says it is alive and ready, and counts its share of the work."""
    steps = {"scriptgen": ("writer", podcasts), "tts": ("synthesis", audio_tracks), "notifier": ("email", podcasts)}
    for name, (step, count) in steps.items():
        url = cluster.ops_url(name)
        assert httpx.get(f"{url}/livez", trust_env=False).json() == {"status": "alive", "service": name}
        assert httpx.get(f"{url}/readyz", trust_env=False).json() == {"status": "ready", "service": name}
        values = metric_values(url)
        assert values[("dailycast_step_duration_seconds_count", (("step", step),))] == count, name

        def caught_up() -> bool:  # every partition assigned is read and committed (commits every 0.5 s)
            lag = [v for (metric, labels), v in metric_values(url).items()
                   if metric == "dailycast_consumer_lag_messages" and dict(labels)["group"] == name]
            return bool(lag) and sum(lag) == 0

        wait_for(caught_up, 15, what=f"{name}'s consumer lag 0")
    api = metric_values(cluster.base_url)
    completed = sum(v for (metric, _), v in api.items() if metric == "dailycast_podcasts_completed_total")
    assert completed == podcasts


# ---------------------------------------------------------------------------------------------
# 2. a worker SIGKILLed mid-run


def kill_requests(count: int) -> list[tuple[list[str], str]]:
    """`count` audio and both podcasts over every language: about 2.6 s of speech synthesis each."""
    pairs = itertools.cycle(AUDIO_PAIRS + (("ja", "ko"), ("ru", "de"), ("it", "pt"), ("fr", "es")))
    return [(list(next(pairs)), ("audio", "both")[n % 2]) for n in range(count)]


def statuses(cluster: Cluster, http: httpx.Client, ids) -> dict[int, str]:
    return {i: cluster.podcast(http, i)["status"] for i in ids}


def test_tts_killed_mid_run_resumes_without_duplicates(start_cluster):
    cluster = start_cluster()
    with cluster.http() as http:
        created = create_all(cluster, http, kill_requests(12))
        # Mid-run: tts has finished a podcast and has most still to do, all of them in flight at
        # once (DAILYCAST_WORKER_CONCURRENCY, 32 by default): the kill cuts many messages, not one.
        wait_for(lambda: "completed" in statuses(cluster, http, created).values(), 60, what="a first podcast")
        cluster.kill("tts")
        at_kill = statuses(cluster, http, created)
        assert list(at_kill.values()).count("completed") <= len(created) - 4, at_kill
        time.sleep(1)  # let the dead member's work sit unacknowledged for a moment
        cluster.start("tts")
        finish_and_check(cluster, http, created, timeout=150)
    # On disk too: one file per language and the manifest, for the one attempt; nothing else
    # (a write cut by the kill may leave a hidden .part- file, which is not served).
    for podcast_id, (languages, _) in created.items():
        folder = cluster.data_dir / "audio" / "podcasts" / str(podcast_id)
        files = sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()
                       and not p.name.startswith(".part-"))
        assert files == sorted([*(f"attempt-1/{lang}.mp3" for lang in languages), "attempt-1/tracks.json"])


def test_scriptgen_and_notifier_killed_mid_run_resume(start_cluster):
    cluster = start_cluster()
    with cluster.http() as http:
        created = create_all(cluster, http, kill_requests(6) + [([lang], "text") for lang in LANGUAGES[:6]])
        # Mid-run: the notifier has sent a first email and has most still to send.
        wait_for(lambda: cluster.emails(), 60, what="a first email")
        cluster.kill("notifier")
        cluster.kill("scriptgen")
        assert len(cluster.emails()) <= len(created) - 4, cluster.emails()
        # Requests made while scriptgen is down wait in the log for it.
        created.update(create_all(cluster, http, [(["ko", "ja"], "both"), (["ru"], "text"), (["de", "fr"], "text")]))
        time.sleep(1)
        assert "completed" not in statuses(cluster, http, list(created)[-3:]).values()
        cluster.start("scriptgen")
        cluster.start("notifier")
        finish_and_check(cluster, http, created, timeout=150)


# ---------------------------------------------------------------------------------------------
# 3. the broker stopped and started again


class DedicatedBroker:
    """A Kafka broker of this test alone (deploy/infra.sh on its own state dir and ports).

    infra.sh starts PostgreSQL with Kafka; that second server (on a free port) is not used: the
    test's database stays on the shared server. The jars come from the shared infra dir, so
    nothing is downloaded.
    """

    def __init__(self):
        # Not under pytest's tmp dir: as root, infra.sh runs PostgreSQL as another user, who must
        # be able to enter every parent directory (pytest's are 0700).
        self.dir = Path(tempfile.mkdtemp(prefix="dailycast-broker-"))
        ports = set()
        while len(ports) < 3:
            ports.add(free_port())
        self.port, controller_port, pg_port = sorted(ports)
        inherited = {k: v for k, v in os.environ.items() if not k.startswith(("DAILYCAST_", "KAFKA_"))}
        self.env = {**inherited, "DAILYCAST_INFRA_DIR": str(self.dir), "DAILYCAST_KAFKA_PORT": str(self.port),
                    "DAILYCAST_KAFKA_CONTROLLER_PORT": str(controller_port), "DAILYCAST_PG_PORT": str(pg_port),
                    "DAILYCAST_KAFKA_HEAP": "384m"}
        shared_libs = Path(os.environ.get("DAILYCAST_INFRA_DIR") or ROOT / ".infra") / "kafka" / "libs"
        if (shared_libs / ".fetched").is_file():
            (self.dir / "kafka").mkdir(parents=True)
            # infra.sh reads libs/.fetched through the link and finds the jars fetched; were the pom
            # ever changed it would replace the link (rm -rf of a link removes only the link).
            (self.dir / "kafka" / "libs").symlink_to(shared_libs.resolve(), target_is_directory=True)
        self.bootstrap_servers = f"127.0.0.1:{self.port}"

    def infra(self, command: str, timeout: float = 180) -> None:
        done = subprocess.run(["bash", str(ROOT / "deploy" / "infra.sh"), command], env=self.env,
                              capture_output=True, text=True, timeout=timeout)
        assert done.returncode == 0, f"infra.sh {command}: {done.stderr}"

    def up(self) -> None:
        self.infra("up")

    def kafka_pid(self) -> int:
        return int((self.dir / "run" / "kafka.pid").read_text().split()[0])

    def stop_kafka(self) -> None:
        """SIGTERM the broker alone (what `infra.sh down` does to Kafka) and wait until it is gone."""
        pid = self.kafka_pid()
        os.kill(pid, signal.SIGTERM)
        wait_for(lambda: not process_alive(pid), 40, what=f"Kafka (pid {pid}) gone")

    def destroy(self) -> None:
        try:
            self.infra("down", timeout=120)
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


def process_alive(pid: int) -> bool:
    """Gone or a zombie (an orphan nobody reaps) counts as not alive."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    state = next((line.split()[1] for line in status.splitlines() if line.startswith("State:")), "Z")
    return state != "Z"


@pytest.fixture
def dedicated_broker():
    broker = DedicatedBroker()
    try:
        broker.up()
        yield broker
    finally:
        broker.destroy()


def test_requests_taken_while_the_broker_is_down_complete_once_it_is_back(dedicated_broker, start_cluster):
    cluster = start_cluster(kafka_bootstrap_servers=dedicated_broker.bootstrap_servers)
    with cluster.http() as http:
        # Before: the system works on this broker (the workers have joined their groups).
        created = create_all(cluster, http, [(["en"], "text")])
        cluster.wait_final(http, created, timeout=60)
        # One in flight when the broker goes: its script is written, tts is synthesizing.
        in_flight = create_all(cluster, http, [(["en", "ja"], "both")])
        created.update(in_flight)
        wait_for(lambda: statuses(cluster, http, in_flight) != {next(iter(in_flight)): "pending"}, 30,
                 what="the in-flight podcast generating")

        dedicated_broker.stop_kafka()
        stopped = time.monotonic()
        # Requests are taken at once: each is stored with its event in the outbox.
        for languages, output_format in [(["es", "fr"], "both"), (["ko"], "text"), (["ru", "de"], "audio")]:
            started = time.monotonic()
            created.update(create_all(cluster, http, [(languages, output_format)]))
            assert time.monotonic() - started < 3
        later = list(created)[-3:]
        assert outbox_size(cluster) == 3
        # Down for longer than the producers' request timeout (10 s), so their sends fail and are
        # retried by the outbox relay and the consumers, not only inside the Kafka client.
        while time.monotonic() - stopped < 13:
            assert set(statuses(cluster, http, later).values()) == {"pending"}
            time.sleep(0.5)
        assert outbox_size(cluster) == 3
        cluster.assert_running()

        dedicated_broker.up()
        finish_and_check(cluster, http, created, timeout=150)
    assert outbox_size(cluster) == 0


def outbox_size(cluster: Cluster) -> int:
    engine = sa.create_engine(cluster.env["DATABASE_URL"], poolclass=sa.pool.NullPool)
    try:
        with engine.connect() as connection:
            return connection.scalar(sa.text("select count(*) from outbox_message"))
    finally:
        engine.dispose()
