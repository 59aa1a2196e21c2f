"""The FastAPI application: routes, error shapes, and the background tasks of its runtime."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request, status
from fastapi.responses import JSONResponse

from services.api import podcasts as commands
from services.api.body_limit import BodySizeLimit
from services.api.container import ApiContainer
from services.api.routes import health, learners, podcasts
from services.api.web import dev, pages

log = logging.getLogger(__name__)

BackgroundTask = Callable[[], Awaitable[None]]


def create_app(
    container: ApiContainer,
    background: Sequence[BackgroundTask] = (),
    on_shutdown: Callable[[], Awaitable[None]] | None = None,
) -> FastAPI:
    """The API; `background` are coroutines that run for the app's lifetime (relay, consumers)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        tasks = [asyncio.create_task(run(), name=getattr(run, "__name__", "task")) for run in background]
        for task in tasks:
            task.add_done_callback(_log_crash)
        try:
            yield
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            if on_shutdown is not None:
                await on_shutdown()

    app = FastAPI(
        title="Dailycast",
        description="Personalized daily learning podcasts: request, read, listen, answer, see progress.",
        version="1.0",
        lifespan=lifespan,
    )
    app.state.container = container
    app.add_middleware(BodySizeLimit, max_bytes=container.settings.max_body_bytes)
    app.include_router(health.router)
    app.include_router(podcasts.router)
    app.include_router(learners.router)
    # The web pages (students' and /admin/dailycast/) over the same API, and the development sign-in.
    app.include_router(pages.router)
    app.include_router(dev.router)
    app.mount("/static", pages.static_files(), name="static")
    app.add_exception_handler(commands.InvalidInput, _invalid_input)
    app.add_exception_handler(commands.Forbidden, _forbidden)
    return app


def _log_crash(task: asyncio.Task) -> None:
    if not task.cancelled() and task.exception():
        log.error("background task %s stopped", task.get_name(), exc_info=task.exception())


async def _invalid_input(request: Request, exc: commands.InvalidInput) -> JSONResponse:
    detail = [{"loc": ["body", exc.field], "msg": str(exc), "type": "value_error"}]
    return JSONResponse({"detail": detail}, status_code=status.HTTP_422_UNPROCESSABLE_CONTENT)


async def _forbidden(request: Request, exc: commands.Forbidden) -> JSONResponse:
    return JSONResponse({"detail": str(exc)}, status_code=status.HTTP_403_FORBIDDEN)
