"""The whole system served by uvicorn on a real socket, in a thread of the test's process.

TestClient runs one request at a time through the app; tests of concurrency need real
connections, so this serves `System.app()` as `dailycast run` does (uvicorn, default settings)
on a free 127.0.0.1 port. A thread rather than a subprocess so fakes can be handed to `System`.

    with served_system(monkeypatch, tmp_path / "data", Adapters(...), database_url=None) as served:
        httpx.get(f"{served.base_url}/api/podcasts/", headers=served.auth(1))
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from system.builder import Adapters, System
from services.api.auth import issue_token
from tests.utils.processes import free_port
from tests.utils.system import wait_for

STOP_SECONDS = 30.0


@dataclass
class Served:
    base_url: str
    system: System

    def auth(self, user_id: int, staff: bool = False) -> dict[str, str]:
        container = self.system.services["api"].container
        token = issue_token(container.jwt_secret, user_id, staff,
                            audience=container.settings.jwt_audience, issuer=container.settings.jwt_issuer)
        return {"Authorization": f"Bearer {token}"}


@contextmanager
def served_system(monkeypatch, data_dir: Path, adapters: Adapters = Adapters(), database_url: str | None = None,
                  **env: str) -> Iterator[Served]:
    """The embedded runtime (read model on SQLite, or on `database_url`) under uvicorn; always stopped."""
    import uvicorn

    with ExitStack() as stack:
        monkeypatch.setenv("DAILYCAST_DATA_DIR", str(data_dir))
        monkeypatch.setenv("DAILYCAST_RUNTIME", "embedded")
        if database_url:
            monkeypatch.setenv("DATABASE_URL", database_url)
        else:
            monkeypatch.delenv("DATABASE_URL", raising=False)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        system = System(adapters=adapters)
        port = free_port()
        server = uvicorn.Server(uvicorn.Config(system.app(), host="127.0.0.1", port=port, log_level="warning"))
        thread = threading.Thread(target=server.run, name="uvicorn-test", daemon=True)
        thread.start()

        def stop() -> None:
            server.should_exit = True
            thread.join(STOP_SECONDS)

        stack.callback(stop)
        base_url = f"http://127.0.0.1:{port}"

        def healthy() -> bool:
            assert thread.is_alive(), "uvicorn stopped during startup"
            try:
                return httpx.get(f"{base_url}/healthz", timeout=2, trust_env=False).status_code == 200
            except httpx.TransportError:
                return False

        wait_for(healthy, timeout=60, interval=0.1, what="GET /healthz 200")
        yield Served(base_url, system)


def wait_completed(served: Served, podcast_id: int, user_id: int, timeout: float = 30.0) -> dict:
    def completed():
        body = httpx.get(f"{served.base_url}/api/podcasts/{podcast_id}/", headers=served.auth(user_id),
                         timeout=5, trust_env=False).json()
        assert body["status"] != "failed", body
        return body if body["status"] == "completed" else None

    return wait_for(completed, timeout, what=f"podcast {podcast_id} completed")
