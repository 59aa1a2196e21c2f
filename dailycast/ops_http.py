"""A worker's small HTTP server for operators: liveness, readiness and metrics.

    /livez    200 while the process's event loop answers (restart it when this fails)
    /readyz   200 once it can do its work (the event log and the database reachable), else 503
              with the problems in a few public words; the exceptions go to the log only
    /healthz  as /readyz, for clients of the seed's endpoint
    /metrics  Prometheus's text format (dailycast/metrics.py)

The app's lifespan runs the worker's tasks, so uvicorn's own shutdown (SIGTERM) stops them.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from dailycast.lifetime import Task, tasks_running
from dailycast.metrics import exposition

Problems = Callable[[], Awaitable[list[str]]]


def readiness_body(problems: list[str]) -> tuple[dict, int]:
    """The readiness answer: `ready` (200) or `not ready` with its problems (503)."""
    if problems:
        return {"status": "not ready", "problems": problems}, 503
    return {"status": "ready"}, 200


def ops_app(service: str, tasks: Sequence[Task], on_shutdown: Callable[[], Awaitable[None]], problems: Problems) -> Starlette:
    async def livez(request: Request) -> Response:
        return JSONResponse({"status": "alive", "service": service})

    async def readyz(request: Request) -> Response:
        body, status = readiness_body(await problems())
        return JSONResponse({**body, "service": service}, status)

    async def metrics(request: Request) -> Response:
        data, content_type = exposition()
        return Response(data, media_type=content_type)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        try:
            async with tasks_running(tasks):
                yield
        finally:
            await on_shutdown()

    return Starlette(lifespan=lifespan, routes=[
        Route("/livez", livez), Route("/readyz", readyz), Route("/healthz", readyz), Route("/metrics", metrics),
    ])
