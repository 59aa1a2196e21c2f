"""The rate limiter, on a fake clock (exact) and on the real one (a short measure)."""

import asyncio
import time

import pytest

from services.tts.rate_limit import RateLimiter


class FakeClock:
    """Time that passes only when someone sleeps."""

    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds


async def start_times(limiter: RateLimiter, clock, tasks: int) -> list[float]:
    starts = []

    async def task():
        await limiter.acquire()
        starts.append(round(clock(), 6))

    await asyncio.gather(*(task() for _ in range(tasks)))
    return sorted(starts)


async def test_requests_start_evenly_spaced_at_the_rate():
    clock = FakeClock()
    starts = await start_times(RateLimiter(8, clock=clock, sleep=clock.sleep), clock, 6)
    assert starts == [0.0, 0.125, 0.25, 0.375, 0.5, 0.625]


async def test_a_burst_goes_at_once_then_the_rate_holds():
    clock = FakeClock()
    starts = await start_times(RateLimiter(10, burst=3, clock=clock, sleep=clock.sleep), clock, 6)
    assert starts == [0.0, 0.0, 0.0, 0.1, 0.2, 0.3]


async def test_an_idle_limiter_does_not_save_up_more_than_its_burst():
    clock = FakeClock()
    limiter = RateLimiter(4, burst=2, clock=clock, sleep=clock.sleep)
    clock.now = 100.0
    assert await start_times(limiter, clock, 4) == [100.0, 100.0, 100.25, 100.5]


async def test_on_the_real_clock_the_rate_is_kept():
    limiter = RateLimiter(50)
    began = time.monotonic()
    await asyncio.gather(*(limiter.acquire() for _ in range(6)))
    assert time.monotonic() - began >= 5 / 50 - 0.005


@pytest.mark.parametrize(("rate", "burst"), [(0, 1), (-1, 1), (1, 0)])
def test_nonsense_is_refused(rate, burst):
    with pytest.raises(ValueError):
        RateLimiter(rate, burst)
