from contextlib import ExitStack

import pytest

from tests.e2e.processes import Cluster
from tests.utils.infra import find_infra
from tests.utils.postgres import fresh_database


@pytest.fixture(scope="session")
def infra():
    """Kafka and PostgreSQL for the whole session (see tests/utils/infra.py)."""
    with ExitStack() as stack:
        yield find_infra(stack)


@pytest.fixture
def start_cluster(infra, tmp_path):
    """Start the four services as OS processes on a fresh database and a fresh topic prefix.

    `start_cluster(kafka_bootstrap_servers=None, **extra_env)`; every process is killed at teardown.
    """
    with ExitStack() as stack:
        def start(kafka_bootstrap_servers: str | None = None, services=None, **extra_env) -> Cluster:
            database_url = stack.enter_context(fresh_database(infra.database_url))
            index = len(list(tmp_path.glob("cluster-*")))
            cluster = Cluster(tmp_path / f"cluster-{index}", kafka_bootstrap_servers or infra.kafka_bootstrap_servers,
                              database_url, **extra_env)
            stack.callback(cluster.stop_all)  # runs before the database is dropped
            if services is None:
                cluster.start_all()
            else:
                cluster.start_all(services)
            return cluster

        yield start
