"""Counts and times every HTTP request by method, route template and status (dailycast/metrics.py).

The route is the template the router matched (`/api/podcasts/{podcast_id}/`), never the path, so
the labels stay few whatever ids clients send; a request no route matched counts as `unmatched`.
"""

from __future__ import annotations

import time

from dailycast.metrics import HTTP_DURATION, HTTP_REQUESTS

UNMATCHED = "unmatched"


class HttpMetrics:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started, answered = time.perf_counter(), {"status": 500}

        async def sending(message):
            if message["type"] == "http.response.start":
                answered["status"] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            route = getattr(scope.get("route"), "path", None) or _mount(scope) or UNMATCHED
            method = scope["method"]
            HTTP_REQUESTS.labels(method, route, str(answered["status"])).inc()
            HTTP_DURATION.labels(method, route).observe(time.perf_counter() - started)


def _mount(scope) -> str | None:
    # Static files are a mount, not a route: one label for all of them.
    root = scope.get("root_path") or ""
    return f"{root}/*" if scope.get("app_root_path") is not None and root else None
