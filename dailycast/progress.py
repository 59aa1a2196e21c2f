"""A student's answers: matching them to questions, and their progress through a podcast."""

from __future__ import annotations

from dailycast.scripts import Question


class UnknownQuestions(ValueError):
    def __init__(self, keys: list[str]):
        super().__init__(f"the podcast has no question {', '.join(repr(k) for k in keys)}")
        self.keys = keys


def resolve_answers(questions: list[Question], submitted: dict[str, str]) -> dict[str, str]:
    """Key each answer by question id; a question may be named by its id or by its text."""
    by_key: dict[str, str] = {}
    for q in questions:
        by_key[q.id] = q.id
        for text in q.text.values():
            by_key[text.strip()] = q.id
    unknown = [k for k in submitted if k.strip() not in by_key]
    if unknown:
        raise UnknownQuestions(unknown)
    return {by_key[k.strip()]: answer for k, answer in submitted.items()}


def is_answered(answer: str | None) -> bool:
    return bool(answer and answer.strip())


def overall_status(answered: int, total: int) -> str:
    if answered == 0:
        return "not_started"
    return "completed" if answered >= total else "in_progress"


def completion_percentage(answered: int, total: int) -> float:
    return round(100 * answered / total, 1) if total else 0.0


def progress(questions: list[Question], answers: dict[str, str], language: str) -> dict:
    """The seed's progress shape: a summary and each question with the student's answer."""
    rows = []
    for index, q in enumerate(questions, start=1):
        answer = answers.get(q.id)
        rows.append(
            {
                "index": index,
                "id": q.id,
                "question": q.text.get(language) or next(iter(q.text.values()), ""),
                "user_answer": answer or "",
                "answered": is_answered(answer),
                "status": "answered" if is_answered(answer) else "unanswered",
            }
        )
    answered = sum(r["answered"] for r in rows)
    return {
        "progress": {
            "questions_count": len(rows),
            "answered_count": answered,
            "completion_percentage": completion_percentage(answered, len(rows)),
            "overall_status": overall_status(answered, len(rows)),
        },
        "questions": rows,
    }
