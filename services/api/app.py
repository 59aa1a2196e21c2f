"""The FastAPI application: routes, error shapes, and the background tasks of its runtime."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from contextlib import asynccontextmanager

import anyio.to_thread
import sqlalchemy.exc
from fastapi import FastAPI, Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from dailycast.database import PoolSettings, make_async_engine
from dailycast.lifetime import Task, tasks_running
from services.api import podcasts as commands
from services.api.body_limit import BodySizeLimit
from services.api.container import ApiContainer
from services.api.deps import DatabaseGate
from services.api.http_metrics import HttpMetrics
from services.api.routes import costs, feeds, health, learners, platform_events, podcasts, replays
from services.api.safe_json import SafeJSONResponse, validation_error
from services.api.web import dev, pages

log = logging.getLogger(__name__)


def create_app(
    container: ApiContainer,
    background: Sequence[Task] = (),
    on_shutdown: Callable[[], Awaitable[None]] | None = None,
) -> FastAPI:
    """The API; `background` are coroutines that run for the app's lifetime (relay, consumers)."""
    pool = PoolSettings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        # The threads of sync routes and dependencies: as many as requests that may hold a session.
        anyio.to_thread.current_default_thread_limiter().total_tokens = pool.worker_threads
        try:
            async with tasks_running(background):
                yield
        finally:
            if gate.async_engine is not None:
                await gate.async_engine.dispose()
            if on_shutdown is not None:
                await on_shutdown()

    app = FastAPI(
        title="Dailycast",
        description="Personalized daily learning podcasts: request, read, listen, answer, see progress.",
        version="1.0",
        lifespan=lifespan,
        default_response_class=SafeJSONResponse,
        # Operation ids are the route functions' names ("create_podcast"), not "create_podcast_api_podcasts__post".
        generate_unique_id_function=lambda route: route.name,
    )
    app.state.container = container
    engine = container.session_factory.kw["bind"]  # the process's one engine (Resources.engine)
    gate = app.state.database_gate = DatabaseGate(
        pool.request_slots, pool.db_queue_seconds, engine, make_async_engine(engine, pool), pool.db_read_slots
    )
    app.add_middleware(BodySizeLimit, max_bytes=container.settings.max_body_bytes)
    app.add_middleware(HttpMetrics)  # outermost: counts what the body limit refuses too
    app.include_router(health.router)
    app.include_router(podcasts.router)
    app.include_router(learners.router)
    app.include_router(feeds.router)
    app.include_router(replays.router)
    app.include_router(platform_events.router)
    app.include_router(costs.router)
    # The web pages (students' and /admin/dailycast/) over the same API, and the development sign-in.
    app.include_router(pages.router)
    app.include_router(dev.router)
    app.mount("/static", pages.static_files(), name="static")
    app.add_exception_handler(RequestValidationError, validation_error)  # echoes input safely (NaN, surrogates)
    app.add_exception_handler(commands.InvalidInput, _invalid_input)
    app.add_exception_handler(commands.Forbidden, _forbidden)
    app.add_exception_handler(commands.NotFound, _not_found)
    app.add_exception_handler(commands.RateLimited, _rate_limited)
    app.add_exception_handler(sqlalchemy.exc.TimeoutError, _database_saturated)
    app.add_exception_handler(status.HTTP_405_METHOD_NOT_ALLOWED, _method_not_allowed)
    return app


async def _invalid_input(request: Request, exc: commands.InvalidInput) -> JSONResponse:
    detail = [{"loc": [exc.location, exc.field], "msg": str(exc), "type": "value_error"}]
    return JSONResponse({"detail": detail}, status_code=status.HTTP_422_UNPROCESSABLE_CONTENT)


async def _not_found(request: Request, exc: commands.NotFound) -> JSONResponse:
    # A podcast deleted while a request about it ran: as missing as any other.
    return JSONResponse({"detail": f"No podcast {exc.args[0]}"}, status_code=status.HTTP_404_NOT_FOUND)


async def _rate_limited(request: Request, exc: commands.RateLimited) -> JSONResponse:
    return JSONResponse(
        {"detail": str(exc), "limit": exc.limit, "resets_at": exc.resets_at.isoformat().replace("+00:00", "Z")},
        status_code=status.HTTP_429_TOO_MANY_REQUESTS,
        headers={"Retry-After": str(exc.retry_after_seconds)},
    )


async def _forbidden(request: Request, exc: commands.Forbidden) -> JSONResponse:
    return JSONResponse({"detail": str(exc)}, status_code=status.HTTP_403_FORBIDDEN)


async def _database_saturated(request: Request, exc: sqlalchemy.exc.TimeoutError) -> JSONResponse:
    # No connection within DAILYCAST_DB_POOL_TIMEOUT: the database is saturated, the request is not wrong.
    log.warning("no database connection in time for %s %s: %s", request.method, request.url.path, exc)
    return JSONResponse(
        {"detail": "The database is busy; try again shortly."},
        status_code=status.HTTP_503_SERVICE_UNAVAILABLE,
        headers={"Retry-After": str(DatabaseGate.RETRY_AFTER_SECONDS)},
    )


async def _method_not_allowed(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    # Starlette's 405 names the methods of the first route whose path matched, but a path such as
    # /api/podcasts/ is several routes (GET and POST): `Allow` lists the methods of all of them.
    # Asked of each route as the router asks (FastAPI's included routers are routes of their own).
    allowed = [
        method for method in ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")
        if any(route.matches({**request.scope, "method": method})[0] is Match.FULL for route in request.app.router.routes)
    ]
    headers = dict(exc.headers or {})
    if allowed:
        headers["Allow"] = ", ".join(allowed)
    return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=headers)
