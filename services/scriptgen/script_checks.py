"""What makes a written script usable: checked on every writer's output before it is accepted."""

from __future__ import annotations

from dailycast.language_check import detected_language, foreign_paragraphs
from dailycast.languages import MAX_MINUTES, MIN_MINUTES, reading_minutes
from dailycast.scripts import QUESTIONS_PER_PODCAST, WritingRequest, WrittenScript


def script_problems(script: WrittenScript, request: WritingRequest) -> list[str]:
    """Every reason the script cannot be used; empty when it is fine."""
    problems = []
    ids = [q.id for q in script.questions]
    if len(ids) != QUESTIONS_PER_PODCAST or len(set(ids)) != len(ids):
        problems.append(f"needs {QUESTIONS_PER_PODCAST} questions with distinct ids, got {ids}")
    for language in request.languages:
        text = script.scripts.get(language)
        if not text:
            problems.append(f"no {language} script")
            continue
        minutes = reading_minutes(text, language)
        if not MIN_MINUTES <= minutes <= MAX_MINUTES:
            problems.append(f"{language} script reads in {minutes:.1f} min, not about 6")
        missing = [c for c in request.learner.courses if c not in text]
        if missing:
            problems.append(f"{language} script does not name {missing}")
        for q in script.questions:
            if not q.text.get(language) or q.text[language] not in text:
                problems.append(f"{language} script does not ask {q.id}")
    return problems + language_problems(script.scripts, request.languages)


def language_problems(scripts: dict[str, str], languages: list[str]) -> list[str]:
    """Scripts, or paragraphs of them, that read as another language than their own (a model
    answering in English, say, or slipping into it for a paragraph)."""
    problems = []
    for language in languages:
        text = scripts.get(language)
        found = detected_language(text) if text else language
        if found != language:
            problems.append(f"the {language} script reads as {found or 'no known language'}")
            continue
        problems += [f"paragraph {index + 1} of the {language} script reads as {other}"
                     for index, other in foreign_paragraphs(text or "", language)]
    return problems
