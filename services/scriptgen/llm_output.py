"""Turns a model's reply into a WrittenScript, or says exactly why it cannot (WriterError).

Pure. The shape is the one prompt.py asks for; length and course names are left to the chain's
script_checks, which every writer goes through.
"""

from __future__ import annotations

import json
import re

from dailycast.scripts import QUESTIONS_PER_PODCAST, Question, TokenUsage, WriterError, WritingRequest, WrittenScript
from services.scriptgen.script_checks import language_problems

MAX_KEY_POINTS = 3
# Models without enforced JSON sometimes wrap it in a Markdown fence anyway.
_FENCE = re.compile(r"^```(?:json)?\s*(.*?)\s*```$", re.DOTALL)


def parse_script(
    text: str | None, request: WritingRequest, writer: str, model: str | None, usage: TokenUsage | None
) -> WrittenScript:
    """The script in the reply, checked for shape, questions asked verbatim, and language."""
    reply = json_object(text)
    scripts = _scripts(reply, request.languages)
    questions = _questions(reply, request.languages)
    problems = _unasked(questions, scripts) + language_problems(scripts, request.languages)
    if problems:
        raise WriterError("; ".join(problems))
    return WrittenScript(scripts, questions, writer, model, usage)


def json_object(text: str | None) -> dict:
    """The JSON object a model replied, a Markdown fence around it allowed; WriterError otherwise."""
    if not text or not text.strip():
        raise WriterError("the reply is empty")
    stripped = text.strip()
    fenced = _FENCE.match(stripped)
    try:
        reply = json.loads(fenced.group(1) if fenced else stripped)
    except json.JSONDecodeError as exc:
        raise WriterError(f"the reply is not JSON ({exc.msg} at {exc.pos})") from None
    if not isinstance(reply, dict):
        raise WriterError(f"the reply is JSON but not an object: {type(reply).__name__}")
    return reply


def _scripts(reply: dict, languages: list[str]) -> dict[str, str]:
    scripts = reply.get("scripts")
    if not isinstance(scripts, dict):
        raise WriterError('the reply has no "scripts" object')
    missing = [lang for lang in languages if not _text(scripts.get(lang))]
    if missing:
        raise WriterError(f"the reply has no script in {', '.join(missing)}")
    return {lang: scripts[lang].strip() for lang in languages}


def _questions(reply: dict, languages: list[str]) -> list[Question]:
    items = reply.get("questions")
    if not isinstance(items, list):
        raise WriterError('the reply has no "questions" list')
    if len(items) != QUESTIONS_PER_PODCAST:
        raise WriterError(f"the reply has {len(items)} questions, not {QUESTIONS_PER_PODCAST}")
    questions = [_question(n, item, languages) for n, item in enumerate(items, start=1)]
    for lang in languages:
        if len({q.text[lang] for q in questions}) != len(questions):
            raise WriterError(f"the {lang} questions are not all different")
    return questions


def _question(n: int, item: object, languages: list[str]) -> Question:
    texts = item.get("text") if isinstance(item, dict) else None
    if not isinstance(texts, dict):
        raise WriterError(f'question {n} has no "text" object')
    missing = [lang for lang in languages if not _text(texts.get(lang))]
    if missing:
        raise WriterError(f"question {n} has no text in {', '.join(missing)}")
    points = item.get("key_points")
    if not isinstance(points, list) or not any(_text(p) for p in points):
        raise WriterError(f"question {n} has no key points")
    kept = [p.strip() for p in points if _text(p)][:MAX_KEY_POINTS]  # more than asked is no reason to drop a script
    return Question(f"q{n}", {lang: texts[lang].strip() for lang in languages}, kept)


def _unasked(questions: list[Question], scripts: dict[str, str]) -> list[str]:
    """Each question must be spoken word for word: the audio marks and the answer form rely on it."""
    return [
        f"the {lang} script does not ask question {q.id} verbatim"
        for lang, script in scripts.items()
        for q in questions
        if q.text[lang] not in script
    ]


def _text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())
