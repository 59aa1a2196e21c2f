"""A rate limiter for asyncio tasks: requests start at most `rate` a second."""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Awaitable, Callable


class RateLimiter:
    """A token bucket (kept as one "next free time", GCRA): `burst` at once, then evenly spaced.

    `acquire` books its slot before it sleeps, with no await in between, so concurrent tasks
    never take the same slot and need no lock.
    """

    def __init__(
        self,
        rate: float,
        burst: int = 1,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    ):
        if rate <= 0 or burst < 1:
            raise ValueError(f"rate must be positive and burst at least 1, got {rate}, {burst}")
        self.interval = 1.0 / rate
        self._tolerance = (burst - 1) * self.interval
        self._clock, self._sleep = clock, sleep
        self._next = -math.inf  # when the bucket would be empty again

    async def acquire(self) -> None:
        now = self._clock()
        booked = max(self._next, now)
        self._next = booked + self.interval
        wait = booked - self._tolerance - now
        if wait > 0:
            await self._sleep(wait)
