"""bench/scale.py's command line (the run itself needs Kafka and PostgreSQL: `make bench-scale`)."""

import pytest

from bench.scale import parse_args


def test_formats_and_learners_are_read_and_checked():
    args = parse_args(["--learners", "10", "--formats", "audio,text,audio"])
    assert args.learners == 10 and args.formats == ["audio", "text"]
    assert parse_args([]).formats == ["text", "audio"]
    for wrong in (["--formats", "video"], ["--learners", "0"]):
        with pytest.raises(SystemExit):
            parse_args(wrong)
