"""bench/scale.py's command line and its arithmetic (the run itself needs Kafka and PostgreSQL: `make bench-scale`)."""

import pytest

from bench.scale import a_day, parse_args, quota_bound_seconds, used


def test_providers_learners_scale_and_formats_are_read_and_checked():
    args = parse_args(["--learners", "10", "--providers", "instant", "--formats", "audio,text,audio"])
    assert (args.learners, args.providers, args.formats) == (10, "instant", ["audio", "text"])
    defaults = parse_args([])
    assert (defaults.providers, defaults.time_scale, defaults.formats) == ("simulated", 10.0, ["text", "audio"])
    for wrong in (["--formats", "video"], ["--learners", "0"], ["--providers", "real"], ["--time-scale", "0"]):
        with pytest.raises(SystemExit):
            parse_args(wrong)


def test_a_simulated_day_mixes_formats_and_a_second_language():
    day = a_day(12)
    assert [p.output_format for p in day[:3]] == ["audio", "both", "text"]  # learner 1, 2, 3
    assert sum(len(p.languages) == 2 for p in day) == 3  # learners 4, 8, 12
    assert all(p.languages[0] != p.languages[-1] for p in day if len(p.languages) == 2)


def test_the_quota_bound_limit_is_the_busiest_quota_at_its_full_rate():
    before = {"openai": {"admitted": 5, "refused": 0}, "polly/neural": {"admitted": 10, "refused": 1}}
    after = {"openai": {"admitted": 105, "refused": 2, "per_second": 50.0, "most_in_flight": 9},
             "polly/neural": {"admitted": 90, "refused": 1, "per_second": 8.0, "most_in_flight": 3}}
    quotas = used(before, after)
    assert quotas["openai"] == {"admitted": 100, "refused": 2, "per_second": 50.0, "most_in_flight": 9}
    assert quota_bound_seconds(quotas) == 10.0  # Polly's 80 at 8 a second, not OpenAI's 100 at 50
