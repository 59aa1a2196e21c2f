import pytest

from tests.utils.system import running_system


@pytest.fixture
def api(monkeypatch, tmp_path):
    with running_system(monkeypatch, tmp_path / "data") as api:
        yield api
