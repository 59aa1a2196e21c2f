import pytest

from dailycast.progress import (
    ProgressSummary,
    UnknownQuestions,
    completion_percentage,
    overall_status,
    progress,
    resolve_answers,
)
from tests.utils.factories import questions

QS = questions(("en", "ja"))


def test_answers_keyed_by_id_or_by_text_in_any_language():
    got = resolve_answers(QS, {"q1": "a", "Question number 2 in en?": "b", " Question number 3 in ja? ": "c"})
    assert got == {"q1": "a", "q2": "b", "q3": "c"}


def test_unknown_questions_are_named():
    with pytest.raises(UnknownQuestions) as err:
        resolve_answers(QS, {"q1": "a", "q9": "b", "What is love?": "c"})
    assert err.value.keys == ["q9", "What is love?"]
    assert "q9" in str(err.value)


@pytest.mark.parametrize(
    "answers, count, percent, status",
    [
        ({}, 0, 0.0, "not_started"),
        ({"q1": "x"}, 1, 33.3, "in_progress"),
        ({"q1": "x", "q2": "   "}, 1, 33.3, "in_progress"),
        ({"q1": "x", "q2": "y"}, 2, 66.7, "in_progress"),
        ({"q1": "x", "q2": "y", "q3": "z"}, 3, 100.0, "completed"),
    ],
)
def test_progress_counts_only_real_answers(answers, count, percent, status):
    result = progress(QS, answers, "ja")
    assert result.summary == ProgressSummary(
        questions_count=3, answered_count=count, completion_percentage=percent, overall_status=status
    )
    assert [q.index for q in result.questions] == [1, 2, 3]
    assert result.questions[0].question == "Question number 1 in ja?"
    assert sum(q.answered for q in result.questions) == count
    assert {q.status for q in result.questions} <= {"answered", "unanswered"}


def test_no_questions_yet():
    assert completion_percentage(0, 0) == 0.0
    assert overall_status(0, 0) == "not_started"
    assert progress([], {}, "en").summary.questions_count == 0


def test_progress_shows_each_grade_and_their_average_beside_completion():
    from dailycast.grading import Grade

    grades = {"q1": Grade(["a"], 0.5, "Good start."), "q2": Grade(["b", "c"], 1.0, "Well done."), "q3": None}
    result = progress(QS, {"q1": "x", "q2": "y", "q3": "z"}, "en", grades)
    assert result.summary.score == 0.75 and result.summary.completion_percentage == 100.0
    q1, _, q3 = result.questions
    assert (q1.key_points_covered, q1.feedback, q1.score) == (["a"], "Good start.", 0.5)
    assert q1.key_points == QS[0].key_points
    assert (q3.key_points, q3.key_points_covered, q3.feedback, q3.score) == ([], [], None, None)
    assert progress(QS, {"q1": "x"}, "en").summary.score is None
