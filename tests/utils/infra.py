"""Where the tests find Kafka and PostgreSQL.

In order: the servers named by KAFKA_BOOTSTRAP_SERVERS and DATABASE_URL; containers from
testcontainers when a Docker engine answers; else the local infrastructure of deploy/infra.sh
(started here if it is not running).
"""

from __future__ import annotations

import os
import shlex
import subprocess
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Infra:
    kafka_bootstrap_servers: str
    database_url: str  # a server-level URL; each test makes its own database


def _docker_answers() -> bool:
    try:
        return subprocess.run(["docker", "info"], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def _from_testcontainers(stack) -> Infra:
    from testcontainers.kafka import KafkaContainer
    from testcontainers.postgres import PostgresContainer

    kafka = stack.enter_context(KafkaContainer().with_kraft())
    postgres = stack.enter_context(PostgresContainer("postgres:16", driver="psycopg"))
    return Infra(kafka.get_bootstrap_server(), postgres.get_connection_url())


def _from_local_script() -> Infra:
    script = ROOT / "deploy" / "infra.sh"
    subprocess.run(["bash", str(script), "up"], check=True, timeout=600)
    exports = subprocess.run(["bash", str(script), "env"], check=True, capture_output=True, text=True).stdout
    values = dict(
        line.removeprefix("export ").split("=", 1) for line in exports.splitlines() if line.startswith("export ")
    )
    unquote = lambda v: shlex.split(v)[0]  # noqa: E731
    return Infra(unquote(values["KAFKA_BOOTSTRAP_SERVERS"]), unquote(values["DATABASE_URL"]))


def find_infra(stack) -> Infra:
    kafka, database = os.environ.get("KAFKA_BOOTSTRAP_SERVERS"), os.environ.get("DATABASE_URL")
    if kafka and database:
        return Infra(kafka, database)
    if _docker_answers():
        return _from_testcontainers(stack)
    return _from_local_script()
