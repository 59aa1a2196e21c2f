"""The quota's bucket (GCRA), on a fake clock (exact) and on the real one (a short measure)."""

import asyncio
import time

import pytest

from dailycast.quotas import LocalQuota, Rate, book


class FakeClock:
    """Time that passes only when someone sleeps."""

    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds


def quota(rate: Rate, clock: FakeClock) -> LocalQuota:
    return LocalQuota("test", rate, clock=clock, sleep=clock.sleep)


async def start_times(quota: LocalQuota, clock, tasks: int, cost: float = 1.0) -> list[float]:
    starts = []

    async def task():
        await quota.take(cost)
        starts.append(round(clock(), 6))

    await asyncio.gather(*(task() for _ in range(tasks)))
    return sorted(starts)


async def test_requests_start_evenly_spaced_at_the_rate():
    clock = FakeClock()
    assert await start_times(quota(Rate(8), clock), clock, 6) == [0.0, 0.125, 0.25, 0.375, 0.5, 0.625]


async def test_a_burst_goes_at_once_then_the_rate_holds():
    clock = FakeClock()
    assert await start_times(quota(Rate(10, burst=3), clock), clock, 6) == [0.0, 0.0, 0.0, 0.1, 0.2, 0.3]


async def test_an_idle_quota_does_not_save_up_more_than_its_burst():
    clock = FakeClock()
    q = quota(Rate(4, burst=2), clock)
    clock.now = 100.0
    assert await start_times(q, clock, 4) == [100.0, 100.0, 100.25, 100.5]


async def test_tokens_book_their_cost_and_settle_the_real_count():
    clock = FakeClock()
    q = quota(Rate.per_minute(60_000), clock)  # 1,000 tokens a second, a second's worth at once
    assert await start_times(q, clock, 3, cost=1000) == [0.0, 1.0, 2.0]
    await q.settle(-1000)  # the last request used nothing after all: the next need not wait
    assert await start_times(q, clock, 1, cost=1000) == [2.0]


def test_booking_a_span_after_the_last_one():
    assert book(tat=10.0, now=9.0, cost=2, rate=Rate(2)) == (11.0, 1.5)
    assert book(tat=0.0, now=9.0, cost=2, rate=Rate(2, burst=3)) == (10.0, 0.0)


async def test_on_the_real_clock_the_rate_is_kept():
    q = LocalQuota("test", Rate(50))
    began = time.monotonic()
    await asyncio.gather(*(q.take() for _ in range(6)))
    assert time.monotonic() - began >= 5 / 50 - 0.005


@pytest.mark.parametrize(("per_second", "burst"), [(0, 1), (-1, 1), (1, 0)])
def test_nonsense_is_refused(per_second, burst):
    with pytest.raises(ValueError):
        Rate(per_second, burst)
