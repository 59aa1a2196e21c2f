"""FastAPI dependencies, as Annotated aliases the routes declare."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Annotated, Any, TypeVar

import anyio
import anyio.to_thread
from anyio.lowlevel import RunVar
from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.orm import Session

from services.api.auth import InvalidToken, Principal, is_service_token
from services.api.container import ApiContainer

log = logging.getLogger(__name__)
T = TypeVar("T")
_bearer = HTTPBearer(
    auto_error=False,
    description="the platform's JWT (`dailycast token` in development); for platform events also its service token",
)
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


# Every dependency is async unless it blocks: FastAPI runs a sync one in a worker thread, two
# thread switches that cost more than the work of a cached read.
async def get_container(request: Request) -> ApiContainer:
    return request.app.state.container


ContainerDep = Annotated[ApiContainer, Depends(get_container)]


class DatabaseGate:
    """At most `slots` requests hold a session at once, and the pool keeps a connection for each
    (dailycast.database.PoolSettings), so a route's thread never waits for a connection. Sync
    routes, sync dependencies and response validation share anyio's thread pool: when threads
    waited for connections held by requests that were waiting for a thread (to validate their
    response, say), both pools starved until the pool's timeout answered 500. The other requests
    wait here, in the event loop, holding neither a thread nor a connection, first come first
    served, for at most `queue_seconds`; then 503 with Retry-After.

    Reads (`read`) run in the event loop: on SQLite synchronously, and otherwise on `async_engine`
    (psycopg's async connections), never in a worker thread, at most `read_slots` at once. Fewer
    than `slots`: a read is CPU work here and in the server, on a few CPUs, so 40 reads interleaved
    finish no sooner in total than 8, and each waits for the others' turns (the tail latency)."""

    RETRY_AFTER_SECONDS = 1

    def __init__(
        self, slots: int, queue_seconds: float, engine: Engine,
        async_engine: AsyncEngine | None = None, read_slots: int | None = None,
    ):
        self.slots = slots
        self.read_slots = read_slots or slots
        self.queue_seconds = queue_seconds
        self.engine = engine
        self.async_engine = async_engine
        self.local = engine.dialect.name == "sqlite"
        # One semaphore of each per event loop.
        self._sessions: RunVar[anyio.Semaphore] = RunVar("dailycast_database_gate")
        self._reads: RunVar[anyio.Semaphore] = RunVar("dailycast_database_gate_reads")

    @staticmethod
    def _semaphore(var: RunVar[anyio.Semaphore], size: int) -> anyio.Semaphore:
        semaphore = var.get(None)
        if semaphore is None:
            semaphore = anyio.Semaphore(size, fast_acquire=True)
            var.set(semaphore)
        return semaphore

    def slot(self) -> AbstractAsyncContextManager[None]:
        """A turn to hold a session (a sync connection)."""
        return self._turn(self._semaphore(self._sessions, self.slots))

    @asynccontextmanager
    async def _turn(self, semaphore: anyio.Semaphore) -> AsyncIterator[None]:
        acquired = False
        with anyio.move_on_after(self.queue_seconds):
            await semaphore.acquire()
            acquired = True
        if not acquired:
            raise HTTPException(
                status.HTTP_503_SERVICE_UNAVAILABLE, "The database is busy; try again shortly.",
                {"Retry-After": str(self.RETRY_AFTER_SECONDS)},
            )
        try:
            yield
        finally:
            semaphore.release()

    async def close(self, session: Session) -> None:
        if self.local:
            session.close()
        else:  # a round trip: in a thread, with its own limiter so that it never waits for the route threads
            await anyio.to_thread.run_sync(session.close, limiter=anyio.CapacityLimiter(1))

    async def read(self, work: Callable[..., T], *args: Any) -> T:
        """`work(connection, *args)` on a connection of its own (SQLAlchemy Core, for views.py's reads),
        within a slot, in the event loop. On SQLite synchronously: a read (a fraction of a millisecond)
        costs less than the two thread switches around it, which on a busy machine are most of a
        request's time. Otherwise on an async connection, through which the same synchronous `work`
        runs (SQLAlchemy's run_sync: each statement awaits the server, in a greenlet). For reads only:
        a write may wait for SQLite's write lock, which must not stop the event loop."""
        if self.async_engine is None:
            async with self.slot():
                with self.engine.connect() as connection:
                    return work(connection, *args)
        async with self._turn(self._semaphore(self._reads, self.read_slots)):
            try:
                return await self._read_async(work, args)
            except DBAPIError as error:
                if not error.connection_invalidated:
                    raise
                log.info("a database connection was gone (%s); reading again on a new one", error.orig)
                return await self._read_async(work, args)

    async def _read_async(self, work: Callable[..., T], args: tuple) -> T:
        async with self.async_engine.connect() as connection:  # in autocommit (make_async_engine)
            return await connection.run_sync(work, *args)


async def get_database_gate(request: Request) -> DatabaseGate:  # async: no thread for an attribute
    return request.app.state.database_gate


DatabaseGateDep = Annotated[DatabaseGate, Depends(get_database_gate)]


async def get_session(request: Request, container: ContainerDep) -> AsyncIterator[Session]:
    """A session for one request, opened and closed in the event loop once the gate lets it in."""
    gate: DatabaseGate = request.app.state.database_gate
    async with gate.slot():
        session = container.session_factory()
        try:
            yield session
        finally:
            await gate.close(session)


SessionDep = Annotated[Session, Depends(get_session)]


async def get_principal(container: ContainerDep, credentials: Credentials) -> Principal:
    if credentials is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Not authenticated", {"WWW-Authenticate": "Bearer"})
    try:
        return container.tokens.read(credentials.credentials)
    except InvalidToken as exc:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED, f"Invalid token: {exc}", {"WWW-Authenticate": "Bearer"}
        ) from exc


CurrentPrincipal = Annotated[Principal, Depends(get_principal)]


async def check_platform_publisher(container: ContainerDep, credentials: Credentials) -> None:
    """The platform's service token (DAILYCAST_PLATFORM_EVENTS_TOKEN) or a staff JWT; else 401, or 403 for a learner."""
    if credentials is not None and is_service_token(container.settings.platform_events_token, credentials.credentials):
        return
    if not (await get_principal(container, credentials)).is_staff:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "only staff or the platform's service token may post platform events")


PlatformPublisher = Annotated[None, Depends(check_platform_publisher)]
