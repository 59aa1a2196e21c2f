"""bench/api_reads.py's arithmetic: wrk's figures, the ratios to the floor, the goals."""

import pytest

from bench.api_reads import GOALS, Measured, Run, missed, parse_wrk, results_table, verdict
from bench.common import BenchError

WRK_OUTPUT = """Running 5s test @ http://127.0.0.1:1/floor
  1 threads and 64 connections
  Latency Distribution
     50%   38.00ms
Requests/sec:   1500.00
WRK_JSON {"requests": 7500, "duration_us": 5000000, "bytes": 1, "p50_us": 38000, "p90_us": 50000, \
"p99_us": 80000, "max_us": 99000, "connect": 0, "read": 1, "write": 0, "status": 2, "timeout": 3}
"""


def test_parse_wrk_reads_the_lua_scripts_line():
    run = parse_wrk(WRK_OUTPUT)
    assert run == Run(requests=7500, seconds=5.0, p50_ms=38.0, p99_ms=80.0, max_ms=99.0, errors=6)
    assert run.per_second == 1500
    with pytest.raises(BenchError):
        parse_wrk("Requests/sec: 12\n")


def measured(endpoint: str, per_second: float, p99_ms: float) -> Measured:
    return Measured("sqlite", endpoint, [Run(int(per_second * 5), 5.0, p99_ms / 2, p99_ms, p99_ms, 0)])


def test_goals_compare_with_the_floor_of_the_same_database():
    floor = measured("floor", 1000, 80)
    assert verdict(measured("one", 500, 240), floor) == (0.5, ">= 0.5x, p99 <= 3x", "yes")
    assert verdict(measured("one", 499, 240), floor)[2] == "**NO**"  # too slow
    assert verdict(measured("progress", 900, 241), floor)[2] == "**NO**"  # fast enough, tail too long
    assert verdict(measured("list", 250, 200), floor)[2] == "yes"
    assert verdict(measured("answers", 10, 9999), floor)[1:] == ("-", "-")  # measured, no goal
    results = [floor, measured("one", 600, 100), measured("list", 100, 700)]
    assert missed(results) == ["sqlite list"]
    table = results_table(results)
    assert "| sqlite   | list     | 100   |" in table and "0.10x" in table and "**NO**" in table
    assert set(GOALS) == {"one", "progress", "list"}
