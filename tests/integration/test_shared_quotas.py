"""One quota shared by two worker processes: together they keep the rate that one alone would."""

from __future__ import annotations

import json
import subprocess
import sys

from dailycast import migrations
from tests.utils.postgres import each_database_url  # noqa: F401 (the database_url fixture)

RATE = 20.0  # a second
TAKES = 20  # each process: one second's worth alone, two seconds' together

TAKER = """
import asyncio, json, sys, time
from dailycast.database import make_engine
from dailycast.quotas import Rate, SqlQuota

async def main(url, rate, takes):
    engine, starts, booked = make_engine(url), [], []

    async def one():
        slot = []  # when the quota booked this request: now, or after the wait it returned

        async def sleep(seconds):
            slot.append(time.time() + seconds)
            await asyncio.sleep(seconds)

        await SqlQuota(engine, "polly-neural", Rate(rate), sleep=sleep).take()
        starts.append(time.time())
        booked.append(slot[0] if slot else starts[-1])

    await asyncio.gather(*(one() for _ in range(takes)))
    print(json.dumps({"starts": starts, "booked": booked}))

asyncio.run(main(sys.argv[1], float(sys.argv[2]), int(sys.argv[3])))
"""


def test_two_processes_share_one_quota(database_url):
    migrations.upgrade(database_url)
    workers = [subprocess.Popen([sys.executable, "-c", TAKER, database_url, str(RATE), str(TAKES)],
                                stdout=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [w.communicate(timeout=60)[0] for w in workers]
    assert all(w.returncode == 0 for w in workers)
    results = [json.loads(out) for out in outputs]
    starts = sorted(t for r in results for t in r["starts"])
    assert len(starts) == 2 * TAKES
    # Evenly spaced at the one rate: 40 requests take (40 - 1) / 20 s, not the 0.95 s of two quotas.
    assert starts[-1] - starts[0] >= (2 * TAKES - 1) / RATE - 0.05
    # Judged by the times booked, not by when each sleeper woke, which a busy machine delays.
    booked = sorted(t for r in results for t in r["booked"])
    busiest = max(sum(1 for t in booked if first <= t < first + 1.0) for first in booked)
    assert busiest <= RATE + 1, f"{busiest} requests booked in one second"  # the bucket's burst of one
