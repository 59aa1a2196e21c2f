"""The benchmarks' arithmetic, tables and command helpers (bench/common.py, bench/pipeline.py)."""

import argparse
import random
import statistics
from datetime import datetime, timezone

import pytest

from bench.common import BenchError, machine_line, markdown_table, percentile, positive_int, run_main
from bench.pipeline import (
    TARGETS_MS,
    Budget,
    LoadResult,
    PipelineResult,
    load_table,
    meets_target,
    pipeline_table,
    summarize_ms,
)


def test_percentile_of_a_known_list():
    values = [5, 1, 4, 2, 3]  # unsorted on purpose
    assert percentile(values, 0) == 1
    assert percentile(values, 50) == 3
    assert percentile(values, 100) == 5
    assert percentile(values, 25) == 2
    assert percentile([1, 2], 50) == 1.5  # linear between the closest ranks
    assert percentile([7.0], 99) == 7.0


def test_percentile_agrees_with_statistics_quantiles_inclusive():
    rng = random.Random(42)
    values = [rng.expovariate(1 / 20) for _ in range(1000)]
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    for p in (1, 50, 90, 99):
        assert percentile(values, p) == pytest.approx(cuts[p - 1])


@pytest.mark.parametrize("values, p", [([], 50), ([1.0], -1), ([1.0], 101)])
def test_percentile_refuses_nonsense(values, p):
    with pytest.raises(ValueError):
        percentile(values, p)


def test_summary_is_in_milliseconds():
    summary = summarize_ms([0.010] * 99 + [0.500])
    assert summary["p50_ms"] == pytest.approx(10.0)
    assert summary["max_ms"] == pytest.approx(500.0)
    assert 10.0 <= summary["p99_ms"] <= 500.0


def test_a_target_is_met_only_below_it():
    assert meets_target(49.9, 50)
    assert not meets_target(50.0, 50)
    assert TARGETS_MS == {"list": 100.0, "one": 50.0, "progress": 100.0, "answers": 200.0}


def test_markdown_table_is_aligned_and_complete():
    table = markdown_table(["a", "long header"], [[1, "x"], ["wide cell", 2.5]])
    lines = table.splitlines()
    assert lines[0] == "| a         | long header |"
    assert lines[1] == "| --------- | ----------- |"
    assert lines[2] == "| 1         | x           |"
    assert lines[3] == "| wide cell | 2.5         |"
    assert len({len(line) for line in lines}) == 1


def test_markdown_table_refuses_ragged_rows():
    with pytest.raises(ValueError):
        markdown_table(["a", "b"], [[1]])


def test_pipeline_table_shows_p50_max_and_providers():
    result = PipelineResult("both", ["en", "fr"], [1.0, 2.0, 4.0], ["template"] * 3, ["espeak"] * 3, [1, 2, 3])
    row = pipeline_table([result]).splitlines()[2]
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells == ["both", "en,fr", "3", "2.000", "4.000", "template", "espeak"]


def test_load_table_counts_rate_and_judges_the_target():
    fast = LoadResult("one", "GET /x", [0.010] * 100, errors=0, elapsed_s=2.0)
    slow = LoadResult("list", "GET /y", [0.300] * 10, errors=3, elapsed_s=1.0)
    rows = [[c.strip() for c in line.strip("|").split("|")] for line in load_table([fast, slow]).splitlines()[2:]]
    assert rows[0] == ["one `GET /x`", "100", "50", "10.0", "10.0", "10.0", "0", "< 50 ms", "yes"]
    assert rows[1] == ["list `GET /y`", "10", "10", "300.0", "300.0", "300.0", "3", "< 100 ms", "**NO**"]


def test_budget_bounds_the_requests():
    budget = Budget(3)
    assert [budget.take() for _ in range(5)] == [True, True, True, False, False]


def test_machine_line_names_cpus_python_and_date():
    line = machine_line(datetime(2025, 1, 2, 3, 4, tzinfo=timezone.utc))
    assert line.startswith("Machine: ") and "CPUs" in line and "Python 3." in line
    assert line.endswith("2025-01-02 03:04 UTC")


def test_positive_int_refuses_zero():
    assert positive_int("3") == 3
    with pytest.raises(argparse.ArgumentTypeError):
        positive_int("0")


def _raising(exc):
    def run(args):
        raise exc

    return run


def test_run_main_turns_failures_into_exit_codes(capsys):
    assert run_main(lambda args: None, argparse.Namespace()) == 0
    assert run_main(_raising(BenchError("podcast 7 failed")), argparse.Namespace()) == 1
    assert "bench FAILED: podcast 7 failed" in capsys.readouterr().err
    assert run_main(_raising(KeyboardInterrupt()), argparse.Namespace()) == 130
