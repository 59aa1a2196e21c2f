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
    quota = SqlQuota(make_engine(url), "polly-neural", Rate(rate))
    starts = []

    async def one():
        await quota.take()
        starts.append(time.time())

    await asyncio.gather(*(one() for _ in range(takes)))
    print(json.dumps(starts))

asyncio.run(main(sys.argv[1], float(sys.argv[2]), int(sys.argv[3])))
"""


def test_two_processes_share_one_quota(database_url):
    migrations.upgrade(database_url)
    workers = [subprocess.Popen([sys.executable, "-c", TAKER, database_url, str(RATE), str(TAKES)],
                                stdout=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [w.communicate(timeout=60)[0] for w in workers]
    assert all(w.returncode == 0 for w in workers)
    starts = sorted(t for out in outputs for t in json.loads(out))
    assert len(starts) == 2 * TAKES
    # Evenly spaced at the one rate: 40 requests take (40 - 1) / 20 s, not the 0.95 s of two quotas.
    assert starts[-1] - starts[0] >= (2 * TAKES - 1) / RATE - 0.05
    busiest = max(sum(1 for t in starts if first <= t < first + 1.0) for first in starts)
    assert busiest <= RATE + 2, f"{busiest} requests in one second"  # wake-up jitter of a slot or two
