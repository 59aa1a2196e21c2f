"""bench/variety.py: the shares it reports are of the days before each day."""

from bench.variety import LEARNERS, WEEK, language_row, share_heard, simulate


def test_share_heard_is_of_the_distinct_sentences_heard_before():
    assert share_heard("A cat. A dog. A cat. A bird.", ["A dog. Something else.", "A bird!"]) == 2 / 3
    assert share_heard("A cat.", []) == 0


def test_simulate_measures_each_day_against_the_days_before_it():
    run = simulate(LEARNERS[1], "en", WEEK + 2)
    assert len(run.from_yesterday) == WEEK + 1 and len(run.within_week) == 2
    assert run.heard_sizes[0] == 0 and all(size > 0 for size in run.heard_sizes[1:])
    forgetful = simulate(LEARNERS[1], "en", WEEK + 2, remember=False)
    assert set(forgetful.heard_sizes) == {0}
    assert max(run.from_yesterday) < max(forgetful.from_yesterday)
    row = language_row("en", [run], [forgetful])
    assert row[0] == "en" and row[-1] in ("yes", "no")
