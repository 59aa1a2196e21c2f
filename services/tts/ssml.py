"""Turn a podcast script into SSML with a mark and a pause around each question."""

from __future__ import annotations

import re
from collections.abc import Callable
from xml.sax.saxutils import escape, unescape

from dailycast.readings import latin_runs, speakable
from dailycast.scripts import Question

# Languages whose script is not Latin: Polly is told a Latin title there is English.
OTHER_SCRIPTS = frozenset({"ja", "ko", "ru"})
_TEXT_BETWEEN_TAGS = re.compile(r"(?<=>)([^<]+)(?=<)")

# Amazon Polly's longest <break>.
MAX_BREAK_SECONDS = 10.0

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
# Polly asks for quotes to be escaped too, not only & < >.
_ENTITIES = {'"': "&quot;", "'": "&apos;"}
_UNESCAPE = {v: k for k, v in _ENTITIES.items()}


def build_ssml(script: str, questions: list[Question], language: str, pause_seconds: float) -> str:
    """A <speak> document: one <p> per paragraph, each question marked and followed by a pause.

    Questions are found, in order, by their exact text in `language`; a question that is not
    found raises ValueError naming its id.
    """
    if pause_seconds < 0:
        raise ValueError(f"pause must not be negative, got {pause_seconds}")
    pending = list(questions)
    paragraphs = []
    for paragraph in _paragraphs(script):
        body, pending = _render_paragraph(paragraph, pending, language, pause_seconds)
        paragraphs.append(f"<p>{body}</p>")
    if pending:
        raise ValueError(f"question {pending[0].id} not found in the {language} script")
    return "<speak>" + "".join(paragraphs) + "</speak>"


def local_reading(ssml: str, language: str) -> str:
    """The SSML with each text as the local engine should read it (Japanese as kana); tags stay."""
    return _each_text(ssml, lambda text: _escape(speakable(text, language)))


def english_terms(ssml: str, language: str) -> str:
    """For Polly: Latin-script runs (course titles, names) in a non-Latin script marked as
    English, so the voice says them as words; other languages' SSML as it is."""
    if language not in OTHER_SCRIPTS:
        return ssml
    return _each_text(ssml, _lang_en)


def _lang_en(text: str) -> str:
    parts, at = [], 0
    for start, end in latin_runs(text):
        parts += [_escape(text[at:start]), f'<lang xml:lang="en-US">{_escape(text[start:end])}</lang>']
        at = end
    return "".join(parts) + _escape(text[at:])


def _each_text(ssml: str, change: Callable[[str], str]) -> str:
    """Every text node, unescaped, through `change` (which returns SSML)."""
    return _TEXT_BETWEEN_TAGS.sub(lambda m: change(unescape(m.group(1), _UNESCAPE)), ssml)


def question_marks(
    marks: dict[str, float], questions: list[Question]
) -> list[tuple[str, float, float]]:
    """(question id, seconds its text starts, seconds the student's pause starts) per question."""
    timings = []
    for question in questions:
        starts_at = _mark(marks, start_mark(question.id))
        pause_at = _mark(marks, end_mark(question.id))
        if pause_at < starts_at:
            raise ValueError(f"mark {end_mark(question.id)} comes before {start_mark(question.id)}")
        timings.append((question.id, starts_at, pause_at))
    return timings


def start_mark(question_id: str) -> str:
    return question_id


def end_mark(question_id: str) -> str:
    return f"{question_id}-end"


def break_time(pause_seconds: float) -> str:
    """The <break time> value, capped at Polly's maximum.

    Whole seconds are written "4s", others "2500ms": eSpeak NG reads only an integer before
    the unit, so "2.5s" would be 2 ms there.
    """
    millis = round(min(pause_seconds, MAX_BREAK_SECONDS) * 1000)
    return f"{millis // 1000}s" if millis % 1000 == 0 else f"{millis}ms"


def _paragraphs(script: str) -> list[str]:
    return [p.strip() for p in _PARAGRAPH_BREAK.split(script) if p.strip()]


def _render_paragraph(
    text: str, pending: list[Question], language: str, pause_seconds: float
) -> tuple[str, list[Question]]:
    parts = []
    while pending:
        question = pending[0]
        spoken = _question_text(question, language)
        at = text.find(spoken)
        if at < 0:
            break
        parts.append(_escape(text[:at]))
        parts.append(_question_ssml(question.id, spoken, pause_seconds))
        text = text[at + len(spoken) :]
        pending = pending[1:]
    parts.append(_escape(text))
    return "".join(parts), pending


def _question_ssml(question_id: str, spoken: str, pause_seconds: float) -> str:
    # The <s> keeps eSpeak NG from dropping a mark that follows a full stop
    # (espeak-ng issue #920); for Polly it is just the question's own sentence.
    return (
        f'<s><mark name="{_escape(start_mark(question_id))}"/>{_escape(spoken)}'
        f'<mark name="{_escape(end_mark(question_id))}"/></s>'
        f'<break time="{break_time(pause_seconds)}"/>'
    )


def _question_text(question: Question, language: str) -> str:
    spoken = question.text.get(language, "")
    if not spoken.strip():
        raise ValueError(f"question {question.id} has no {language} text")
    return spoken


def _mark(marks: dict[str, float], name: str) -> float:
    try:
        return marks[name]
    except KeyError:
        raise ValueError(f"mark {name} missing from the synthesized audio") from None


def _escape(text: str) -> str:
    return escape(text, _ENTITIES)
