"""Turn a podcast script into SSML with a mark at each question and a pause after it.

Every sentence starts with a mark too (`sentence_mark`), where the rolling transcript's times come
from (dailycast/transcript.py).

The learner's pause comes after the question and the sentences that follow it in its paragraph
(the prompt to think it over): question, prompt, silence. Its mark (`q1-end`) is where the
silence starts, so the player stops where the host has finished speaking.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from xml.sax.saxutils import escape, unescape

from dailycast.language_check import paragraphs
from dailycast.readings import latin_runs, speakable
from dailycast.scripts import Question
from dailycast.sentences import SENTENCE_END, sentence_spans
from dailycast.transcript import sentence_mark

# Languages whose script is not Latin: Polly is told a Latin title there is English.
OTHER_SCRIPTS = frozenset({"ja", "ko", "ru"})
_TEXT_BETWEEN_TAGS = re.compile(r"(?<=>)([^<]+)(?=<)")

# A longer sentence is not put in an <s>: ssml_chunks could then no longer cut it at its clauses.
MAX_WRAPPED_SENTENCE = 1000

# Amazon Polly's longest <break>.
MAX_BREAK_SECONDS = 10.0

# Polly asks for quotes to be escaped too, not only & < >.
_ENTITIES = {'"': "&quot;", "'": "&apos;"}
_UNESCAPE = {v: k for k, v in _ENTITIES.items()}


def build_ssml(script: str, questions: list[Question], language: str, pause_seconds: float) -> str:
    """A <speak> document: one <p> per paragraph, each question marked, then its pause.

    The pause follows the whole sentences after the question, up to the next question or the
    paragraph's end; an unfinished lead-in to the next question stays before that question.

    Questions are found, in order, by their exact text in `language`; a question that is not
    found raises ValueError naming its id.
    """
    if pause_seconds < 0:
        raise ValueError(f"pause must not be negative, got {pause_seconds}")
    pending = list(questions)
    rendered = []
    numbered = 0  # sentences so far: each is numbered over the whole script
    for paragraph in paragraphs(script):
        starts = {span: sentence_mark(numbered + n) for n, span in enumerate(sentence_spans(paragraph), 1)}
        numbered += len(starts)
        body, pending = _render_paragraph(paragraph, pending, language, pause_seconds, starts)
        rendered.append(f"<p>{body}</p>")
    if pending:
        raise ValueError(f"question {pending[0].id} not found in the {language} script")
    return "<speak>" + "".join(rendered) + "</speak>"


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


def _render_paragraph(
    text: str, pending: list[Question], language: str, pause_seconds: float, sentence_starts: dict[tuple[int, int], str]
) -> tuple[str, list[Question]]:
    found: list[tuple[Question, int, int]] = []  # question, where it starts, where it ends
    at = 0
    while len(found) < len(pending):
        question = pending[len(found)]
        spoken = _question_text(question, language)
        start = text.find(spoken, at)
        if start < 0:
            break
        at = start + len(spoken)
        found.append((question, start, at))
    def marked(a: int, b: int, whole: bool = True) -> str:
        """text[a:b] as SSML, a mark where each sentence starts; a sentence wholly inside (when
        `whole`, not already in an <s>) in an <s> of its own: eSpeak NG drops a mark right after
        a full stop otherwise (espeak-ng issue #920)."""
        parts, at = [], a
        for start, end in sentence_starts:
            if a <= start < b:
                mark = f'<mark name="{sentence_starts[start, end]}"/>'
                inside = whole and end <= b and end - start <= MAX_WRAPPED_SENTENCE
                parts += [_escape(text[at:start]), f"<s>{mark}{_escape(text[start:end])}</s>" if inside else mark]
                at = end if inside else start
        return "".join(parts) + _escape(text[at:b])

    parts, done = [], 0
    for n, (question, start, end) in enumerate(found):
        following = text[end : found[n + 1][1] if n + 1 < len(found) else len(text)]
        said = _whole_sentences(following)
        then = following[:said].rstrip()
        last = end + _last_sentence_start(then)
        after = (marked(end, last), marked(last, end + len(then), False)) if then.strip() else None
        parts += [marked(done, start), _question_ssml(question.id, marked(start, end, False), after, pause_seconds)]
        done = end + said
    parts.append(marked(done, len(text)))
    return "".join(parts), pending[len(found) :]


def _whole_sentences(text: str) -> int:
    """Where the last sentence ending in text ends (0: none)."""
    ends = [m.end() for m in SENTENCE_END.finditer(text)]
    return ends[-1] if ends else 0


def _question_ssml(question_id: str, spoken: str, then: tuple[str, str] | None, pause_seconds: float) -> str:
    """`spoken` (the question) and `then` (the sentences after it, the last apart) are SSML."""
    # Each <s> keeps eSpeak NG from dropping a mark that follows a full stop
    # (espeak-ng issue #920); for Polly they are just sentences.
    start = f'<mark name="{_escape(start_mark(question_id))}"/>'
    end = f'<mark name="{_escape(end_mark(question_id))}"/>'
    pause = f'<break time="{break_time(pause_seconds)}"/>'
    if then is None:
        return f"<s>{start}{spoken}{end}</s>{pause}"
    # Only the last sentence goes in an element with the mark: the others may still be cut
    # between (ssml_chunks never cuts an element).
    head, last = then
    # After the </s>: inside, after a full stop, eSpeak NG places the mark before the sentence's
    # last sound has died away.
    return f"<s>{start}{spoken}</s>{head}<s>{last}</s>{end}{pause}"


def _last_sentence_start(text: str) -> int:
    ends = [m.end() for m in SENTENCE_END.finditer(text) if m.end() < len(text)]
    at = ends[-1] if ends else 0
    return at + len(text[at:]) - len(text[at:].lstrip())


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
