from contextlib import ExitStack

import pytest

from tests.utils.infra import find_infra
from tests.utils.system import RUNTIMES, running_system


@pytest.fixture(scope="session")
def infra():
    """Kafka and PostgreSQL for the whole session (see tests/utils/infra.py)."""
    with ExitStack() as stack:
        yield find_infra(stack)


@pytest.fixture(params=RUNTIMES)
def runtime(request):
    return request.param


@pytest.fixture
def system_on(monkeypatch, tmp_path, request, runtime):
    """Start the system on the test's runtime, with the adapters given."""

    def start(adapters=None, **env):
        infra = request.getfixturevalue("infra") if runtime == "kafka" else None
        kwargs = {"adapters": adapters} if adapters else {}
        return running_system(monkeypatch, tmp_path / "data", runtime=runtime, infra=infra, **kwargs, **env)

    return start


@pytest.fixture
def api(system_on):
    with system_on() as api:
        yield api
