"""Response models are written by pydantic-core in one pass; text that is not valid UTF-8 is cleaned."""

import json

from dailycast.progress import ProgressSummary
from services.api.safe_json import ModelResponse
from services.api.schemas import AnswersOut

SUMMARY = ProgressSummary(questions_count=3, answered_count=1, completion_percentage=33.3, overall_status="in_progress")


def test_a_model_is_sent_as_its_own_json():
    answers = AnswersOut(podcast_id=1, answers={"q1": "Ça va, 日本語"}, progress=SUMMARY)
    response = ModelResponse(answers)
    assert response.body == answers.model_dump_json().encode()
    assert response.headers["content-type"] == "application/json"
    assert json.loads(response.body)["answers"] == {"q1": "Ça va, 日本語"}


def test_a_lone_surrogate_is_sent_as_a_replacement_character():
    stored_before_checks = AnswersOut(podcast_id=1, answers={"q1": "half \udc00 a pair", "\ud800": "x"}, progress=SUMMARY)
    body = json.loads(ModelResponse(stored_before_checks).body.decode("utf-8"))
    assert body["answers"]["q1"] == "half \ufffd a pair"
    assert [set(key) for key in body["answers"] if key != "q1"] == [{"\ufffd"}]  # a key too
    assert body["progress"]["completion_percentage"] == 33.3
