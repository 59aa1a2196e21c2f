"""What a service's bootstrap builds, and what the composition root hands it to build with.

Each service's `bootstrap.build(resources, ...)` returns a `Service`: its subscriptions (the
runtime wires them to consumers), its own background tasks, its probes for the doctor and, for
the API, its web app. Building starts nothing and changes nothing, so the doctor can build every
service just to gather its probes.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.engine import Engine

from dailycast.database import make_engine
from dailycast.messaging.avro import SchemaSet
from dailycast.messaging.delivery import Subscription
from dailycast.messaging.ports import Producer
from dailycast.probes import Probe

Task = Callable[[], Awaitable[None]]
# Makes the service's ASGI app, given the tasks to run for its lifetime and what to do at shutdown.
WebApp = Callable[[Sequence[Task], Callable[[], Awaitable[None]]], Any]


@dataclass
class Resources:
    """What the services of one process share: the schemas, the log's producer, the database."""

    schemas: SchemaSet
    producer: Producer
    database_url: str
    connected: asyncio.Event = field(default_factory=asyncio.Event)  # set once the log is reachable
    _engine: Engine | None = None

    def engine(self) -> Engine:
        """The shared engine, made on first use (making it connects to nothing)."""
        if self._engine is None:
            self._engine = make_engine(self.database_url)
        return self._engine

    @property
    def uses_database(self) -> bool:
        return self._engine is not None

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()


@dataclass
class Service:
    name: str
    subscriptions: list[Subscription] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)  # run for the process's lifetime
    probes: list[Probe] = field(default_factory=list)
    web: WebApp | None = None
    idle: Callable[[], bool] = lambda: True  # nothing of its own left to do (tests wait for it)
