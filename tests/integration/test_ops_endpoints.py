"""The API's /livez, /readyz, /healthz and /metrics, as an orchestrator and Prometheus ask them."""

from __future__ import annotations

import sqlalchemy as sa

from tests.utils.metrics import grown, scrape
from tests.utils.postgres import fresh_database, postgres_base_url
from tests.utils.system import running_system


def test_live_ready_and_the_seeds_health(monkeypatch, tmp_path):
    with running_system(monkeypatch, tmp_path / "data") as api:
        assert api.client.get("/livez").json() == {"status": "alive"}
        assert api.client.get("/readyz").json() == {"status": "ready"}
        assert api.client.get("/healthz").json() == {"status": "ok"}


def test_without_its_database_the_api_is_alive_not_ready_and_tells_no_error(monkeypatch, tmp_path):
    server = postgres_base_url()  # its maintenance database: the system's own is about to be closed
    with fresh_database(server) as url, running_system(monkeypatch, tmp_path / "data", DATABASE_URL=url) as api:
        name = sa.make_url(url).database
        admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as connection:
                connection.execute(sa.text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false'))
                connection.execute(sa.text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                           "WHERE datname = :name AND pid <> pg_backend_pid()"), {"name": name})
            ready, health = api.client.get("/readyz"), api.client.get("/healthz")
            assert (ready.status_code, ready.json()) == (503, {"status": "not ready", "problems": ["database unavailable"]})
            assert (health.status_code, health.json()) == (503, {"status": "database unavailable"})
            assert api.client.get("/livez").status_code == 200
        finally:
            with admin.connect() as connection:
                connection.execute(sa.text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true'))
            admin.dispose()


def test_metrics_count_requests_by_route_podcasts_by_format_and_the_steps(monkeypatch, tmp_path):
    with running_system(monkeypatch, tmp_path / "data") as api:
        before = scrape(api.client)
        podcast = api.create(1, languages=["en"], output_format="text").json()
        assert api.finished(podcast["id"])["status"] == "completed"
        assert api.get(f"/api/podcasts/{podcast['id']}/").status_code == 200
        assert api.client.get("/no/such/page").status_code == 404
        assert api.client.get("/static/js/api.js").status_code == 200
        after = scrape(api.client)
    assert grown(before, after, "dailycast_http_requests_total", method="POST", route="/api/podcasts/", status="202") == 1
    assert grown(before, after, "dailycast_http_requests_total",
                 method="GET", route="/api/podcasts/{podcast_id}/", status="200") >= 2
    assert grown(before, after, "dailycast_http_requests_total", method="GET", route="unmatched", status="404") == 1
    # Static files are one mount: one label for all of them, never a label per path.
    assert grown(before, after, "dailycast_http_requests_total", method="GET", route="/static/*", status="200") == 1
    assert grown(before, after, "dailycast_http_request_duration_seconds_count", method="POST", route="/api/podcasts/") == 1
    assert grown(before, after, "dailycast_podcasts_requested_total", format="text") == 1
    assert grown(before, after, "dailycast_podcasts_completed_total", format="text", writer="template") == 1
    for step in ("writer", "email"):
        assert grown(before, after, "dailycast_step_duration_seconds_count", step=step) == 1, step
    assert ("dailycast_outbox_backlog_messages", ()) in after
