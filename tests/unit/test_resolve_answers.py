"""One answer per question per request: naming a question twice (by id and by text) is refused."""

import pytest

from dailycast.progress import DuplicateQuestions, resolve_answers
from tests.utils.factories import questions

QS = questions(("en", "ja"))


@pytest.mark.parametrize(
    "submitted, named",
    [
        ({"q1": "a", "Question number 1 in en?": "b"}, ["q1", "Question number 1 in en?"]),
        ({"Question number 2 in en?": "a", "Question number 2 in ja?": "b"},
         ["Question number 2 in en?", "Question number 2 in ja?"]),
        ({"q3": "a", " q3 ": "b"}, ["q3", " q3 "]),
    ],
)
def test_the_same_question_twice_is_refused_and_named(submitted, named):
    with pytest.raises(DuplicateQuestions) as err:
        resolve_answers(QS, submitted)
    assert isinstance(err.value, ValueError)
    assert err.value.keys == named
    assert all(repr(k) in str(err.value) for k in named)


def test_different_questions_by_id_and_text_are_fine():
    assert resolve_answers(QS, {"q1": "a", "Question number 2 in ja?": "b"}) == {"q1": "a", "q2": "b"}
