"""What makes a written script usable: checked on every writer's output before it is accepted."""

from __future__ import annotations

from dailycast.language_check import text_languages
from dailycast.scripts import QUESTIONS_PER_PODCAST, WritingRequest, WrittenScript
from dailycast.speech_length import is_about


def script_problems(script: WrittenScript, request: WritingRequest) -> list[str]:
    """Every reason the script cannot be used; empty when it is fine."""
    return content_problems(script, request) + length_problems(script, request)


def content_problems(script: WrittenScript, request: WritingRequest) -> list[str]:
    """Every reason but its length: questions, a script per language naming the courses, the language."""
    problems = []
    ids = [q.id for q in script.questions]
    if len(ids) != QUESTIONS_PER_PODCAST or len(set(ids)) != len(ids):
        problems.append(f"needs {QUESTIONS_PER_PODCAST} questions with distinct ids, got {ids}")
    for language in request.languages:
        text = script.scripts.get(language)
        if not text:
            problems.append(f"no {language} script")
            continue
        missing = [c for c in request.learner.courses if c not in text]
        if missing:
            problems.append(f"{language} script does not name {missing}")
        for q in script.questions:
            if not q.text.get(language) or q.text[language] not in text:
                problems.append(f"{language} script does not ask {q.id}")
    return problems + language_problems(script.scripts, request.languages)


def length_problems(script: WrittenScript, request: WritingRequest) -> list[str]:
    """Scripts whose audio would not last the minutes asked ±10 %, at the speaking voice's calibrated rate."""
    problems = []
    for language in request.languages:
        text = script.scripts.get(language)
        minutes = request.audio_minutes(text, language) if text else 0.0
        if text and not is_about(minutes, request.minutes):
            problems.append(f"{language} script would last {minutes:.1f} min spoken, not {request.minutes}")
    return problems


def language_problems(scripts: dict[str, str], languages: list[str]) -> list[str]:
    """Scripts, or paragraphs of them, that read as another language than their own (a model
    answering in English, say, or slipping into it for a paragraph)."""
    problems = []
    for language in languages:
        text = scripts.get(language)
        if not text:
            continue
        found = text_languages(text, language)
        if found.reads_as != language:
            problems.append(f"the {language} script reads as {found.reads_as or 'no known language'}")
            continue
        problems += [f"paragraph {index + 1} of the {language} script reads as {other}"
                     for index, other in found.foreign]
    return problems
