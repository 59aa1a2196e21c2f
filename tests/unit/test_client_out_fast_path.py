"""Response models check before they clean: the same JSON as cleaning every time, at a third of the cost."""

import math

from dailycast.progress import ProgressSummary
from services.api.safe_json import client_safe
from services.api.schemas import AnswersOut, _sendable

SUMMARY = ProgressSummary(questions_count=3, answered_count=1, completion_percentage=33.33, overall_status="in_progress")


def test_clean_output_is_left_as_it_is_and_unclean_output_is_cleaned():
    clean = AnswersOut(podcast_id=1, answers={"q1": "Ça va, 日本語"}, progress=SUMMARY)
    assert clean.model_dump(mode="json")["answers"] == {"q1": "Ça va, 日本語"}
    assert '"answers":{"q1":"Ça va, 日本語"}' in clean.model_dump_json()
    stored_before_checks = AnswersOut(podcast_id=1, answers={"q1": "half \udc00 a pair"}, progress=SUMMARY)
    assert stored_before_checks.model_dump(mode="json")["answers"] == {"q1": "half \ufffd a pair"}
    assert '"half \ufffd a pair"' in stored_before_checks.model_dump_json()


def test_sendable_agrees_with_client_safe():
    for value in ["plain", "Ça", "\ud83d", {"k": ["a", 1, 2.5, None]}, {"\udfff": 1}, [float("nan")], [math.inf],
                  ("t", "\ud800"), 3, None, True]:
        assert _sendable(value) == (client_safe(value) == value and not _has_nan(value)), value


def _has_nan(value) -> bool:
    if isinstance(value, float):
        return not math.isfinite(value)
    if isinstance(value, dict):
        return any(_has_nan(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(_has_nan(v) for v in value)
    return False
