"""Provider quotas (requests or tokens a second) that every replica of a worker shares.

Each quota is a token bucket kept as one number, GCRA's "theoretical arrival time" (`tat`): the
moment the bucket would be full again. Taking `cost` units moves `tat` on by `cost/rate` (from
now, if it lies behind) and waits until the bucket holds the cost. The booking comes before the
wait, so concurrent takers never share a slot, and the requests leave evenly spaced.

`SqlQuota` keeps `tat` in a row of the shared database (`provider_quota`) and books with one
`UPDATE ... RETURNING`: the row lock orders the replicas, and the database's clock is the only
clock, so adding replicas shares the quota instead of multiplying it, whatever their clocks say.
`LocalQuota` is the same bucket in memory, for one process.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

metadata = sa.MetaData()

provider_quota = sa.Table(
    "provider_quota",
    metadata,
    sa.Column("name", sa.String(100), primary_key=True),
    sa.Column("tat", sa.Float, nullable=False),  # seconds since the epoch, by the database's clock
)


@dataclass(frozen=True)
class Rate:
    """`per_second` units on average; up to `burst` of them at once after a quiet moment."""

    per_second: float
    burst: float = 1.0

    def __post_init__(self):
        if not self.per_second > 0 or self.burst < 1:
            raise ValueError(f"a rate needs per_second > 0 and burst >= 1, got {self.per_second}, {self.burst}")

    @classmethod
    def per_minute(cls, units: float) -> Rate:
        """A per-minute quota, as OpenAI and Gemini state theirs: a second's share may go at once."""
        return cls(units / 60.0, burst=max(1.0, units / 60.0))

    def span(self, cost: float) -> float:
        return cost / self.per_second


def book(tat: float, now: float, cost: float, rate: Rate) -> tuple[float, float]:
    """The new `tat` after taking `cost` units, and how long the taker waits before it goes.

    It goes once the bucket (`burst` units) holds its cost: when the new `tat` is at most one
    bucket's span ahead.
    """
    tat = max(tat, now) + rate.span(cost)
    return tat, max(0.0, tat - rate.span(rate.burst) - now)


class Quota(Protocol):
    name: str

    async def take(self, cost: float = 1.0) -> None:
        """Wait until `cost` units may be used."""
        ...

    async def settle(self, units: float) -> None:
        """Book `units` more (or give back, if negative) once the real cost is known."""
        ...


class LocalQuota:
    def __init__(
        self,
        name: str,
        rate: Rate,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    ):
        self.name, self.rate = name, rate
        self._clock, self._sleep = clock, sleep
        self._tat = -math.inf

    async def take(self, cost: float = 1.0) -> None:
        self._tat, wait = book(self._tat, self._clock(), cost, self.rate)
        if wait > 0:
            await self._sleep(wait)

    async def settle(self, units: float) -> None:
        self._tat += self.rate.span(units)


# The database's clock in seconds since the epoch; SQLite's 'now' is the same within a statement.
_NOW = {
    "postgresql": "extract(epoch from clock_timestamp())",
    "sqlite": "((julianday('now') - 2440587.5) * 86400.0)",
}
_GREATEST = {"postgresql": "greatest", "sqlite": "max"}
_INSERT = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


class SqlQuota:
    """One quota in the shared database; every replica's `take` books from the same row."""

    def __init__(self, engine: sa.Engine, name: str, rate: Rate,
                 sleep: Callable[[float], Awaitable[object]] = asyncio.sleep):
        dialect = engine.dialect.name
        if dialect not in _NOW:
            raise ValueError(f"quotas in the database need PostgreSQL or SQLite, not {dialect}")
        self.engine, self.name, self.rate, self._sleep = engine, name, rate, sleep
        now, greatest = _NOW[dialect], _GREATEST[dialect]
        # `book`, in one statement: the new tat, less a bucket's span and now, is the wait.
        self._book = sa.text(
            f"UPDATE provider_quota SET tat = {greatest}(tat, {now}) + :span WHERE name = :name "
            f"RETURNING tat - :bucket - {now}"
        )
        self._settle = sa.text("UPDATE provider_quota SET tat = tat + :span WHERE name = :name")
        self._row_made = False

    async def take(self, cost: float = 1.0) -> None:
        wait = await asyncio.to_thread(self._book_span, self.rate.span(cost))
        if wait > 0:
            await self._sleep(wait)

    async def settle(self, units: float) -> None:
        if units:
            await asyncio.to_thread(self._run, self._settle, {"span": self.rate.span(units), "name": self.name})

    def _book_span(self, span: float) -> float:
        if not self._row_made:  # the quota's first use in this process; another may have made it
            with self.engine.begin() as connection:
                connection.execute(_INSERT[self.engine.dialect.name](provider_quota)
                                   .values(name=self.name, tat=0.0).on_conflict_do_nothing())
            self._row_made = True
        return float(self._run(self._book, {"span": span, "bucket": self.rate.span(self.rate.burst), "name": self.name}))

    def _run(self, statement, params: dict):
        with self.engine.begin() as connection:
            result = connection.execute(statement, params)
            return result.scalar() if result.returns_rows else None
