"""A student's answers: matching them to questions, and their progress through a podcast."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from dailycast.grading import Grade
from dailycast.scripts import Question


class UnknownQuestions(ValueError):
    def __init__(self, keys: list[str]):
        super().__init__(f"the podcast has no question {', '.join(repr(k) for k in keys)}")
        self.keys = keys


class DuplicateQuestions(ValueError):
    """One request named a question twice (by id and by text, say): which answer counts is unclear."""

    def __init__(self, keys: list[str]):
        super().__init__(f"the same question is answered twice, as {' and '.join(repr(k) for k in keys)}")
        self.keys = keys


def resolve_answers(questions: list[Question], submitted: dict[str, str]) -> dict[str, str]:
    """Key each answer by question id; a question may be named by its id or by its text, once."""
    by_key: dict[str, str] = {}
    for q in questions:
        by_key[q.id] = q.id
        for text in q.text.values():
            by_key[text.strip()] = q.id
    unknown = [k for k in submitted if k.strip() not in by_key]
    if unknown:
        raise UnknownQuestions(unknown)
    named: dict[str, list[str]] = {}
    for key in submitted:
        named.setdefault(by_key[key.strip()], []).append(key)
    twice = next((keys for keys in named.values() if len(keys) > 1), None)
    if twice:
        raise DuplicateQuestions(twice)
    return {by_key[k.strip()]: answer for k, answer in submitted.items()}


def is_answered(answer: str | None) -> bool:
    return bool(answer and answer.strip())


OverallStatus = Literal["not_started", "in_progress", "completed"]


def overall_status(answered: int, total: int) -> OverallStatus:
    if answered == 0:
        return "not_started"
    return "completed" if answered >= total else "in_progress"


def completion_percentage(answered: int, total: int) -> float:
    return round(100 * answered / total, 1) if total else 0.0


def average_score(grades: list[Grade]) -> float | None:
    """The mean of the graded answers' scores; None before any is graded."""
    return round(sum(g.score for g in grades) / len(grades), 2) if grades else None


@dataclass(frozen=True)
class ProgressSummary:
    questions_count: int
    answered_count: int
    completion_percentage: float
    overall_status: OverallStatus
    score: float | None = None  # the graded answers' average, 0..1 (None: none graded yet)


@dataclass(frozen=True)
class ProgressQuestion:
    index: int
    id: str
    question: str
    user_answer: str
    answered: bool
    status: Literal["answered", "unanswered"]
    # The answer's grade, once graded (AnswerGraded): None, [] and None until then.
    key_points: list[str] = field(default_factory=list)  # what a good answer mentions (once graded)
    key_points_covered: list[str] = field(default_factory=list)
    feedback: str | None = None
    score: float | None = None  # 0..1


@dataclass(frozen=True)
class Progress:
    """The seed's progress: a summary and each question with the student's answer."""

    summary: ProgressSummary
    questions: list[ProgressQuestion]


def progress(
    questions: list[Question], answers: dict[str, str], language: str, grades: dict[str, Grade | None] | None = None
) -> Progress:
    """Each question with its answer and the answer's grade (`grades` by question id), and the summary."""
    grades = grades or {}
    rows = []
    for index, q in enumerate(questions, start=1):
        answer = answers.get(q.id)
        grade = grades.get(q.id)
        rows.append(
            ProgressQuestion(
                index=index,
                id=q.id,
                question=q.text.get(language) or next(iter(q.text.values()), ""),
                user_answer=answer or "",
                answered=is_answered(answer),
                status="answered" if is_answered(answer) else "unanswered",
                key_points=q.key_points if grade else [],  # shown with the grade, not before answering
                key_points_covered=grade.key_points_covered if grade else [],
                feedback=grade.feedback if grade else None,
                score=grade.score if grade else None,
            )
        )
    answered = sum(r.answered for r in rows)
    summary = ProgressSummary(
        questions_count=len(rows),
        answered_count=answered,
        completion_percentage=completion_percentage(answered, len(rows)),
        overall_status=overall_status(answered, len(rows)),
        score=average_score([g for q in questions if (g := grades.get(q.id)) is not None]),
    )
    return Progress(summary, rows)
