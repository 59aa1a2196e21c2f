"""A track's rolling transcript and chapters, from the marks its speech engine reported; WebVTT
and Podcasting 2.0's JSON chapters written from them. Pure.

tts marks the start of every sentence of the script in its SSML (`sentence_mark`), so both
engines report where each sentence is spoken the way they report the questions, and the text
shown is the script's own (eSpeak NG is given Japanese as kana, and Polly's sentence speech marks
would split sentences its own way). A sentence ends where the next one starts, or where a
question's pause starts, if that comes first; the last one where the audio ends.
"""

from __future__ import annotations

import json

from dailycast.events import Chapter, QuestionTime, SentenceTime
from dailycast.language_check import paragraphs
from dailycast.scripts import Question
from dailycast.sentences import sentences

CHAPTER_TITLE_CHARS = 80
# A question that starts this close to its paragraph's start is that paragraph's one chapter.
SAME_CHAPTER_MS = 1000


def sentence_mark(number: int) -> str:
    """The SSML mark before the script's sentence `number` (1, 2, ... over the whole script)."""
    return f"s{number}"


def script_sentences(script: str) -> list[list[str]]:
    """The script's sentences, paragraph by paragraph, in the order tts numbers their marks."""
    return [sentences(p) for p in paragraphs(script)]


def timed_sentences(
    paragraphs: list[list[str]], marks: dict[str, float], pauses: list[float], duration_seconds: float
) -> list[list[SentenceTime]]:
    """Each paragraph's sentences with their times in ms; a sentence whose mark the engine lost is
    joined to the one before it (the first of all starts at 0)."""
    timed: list[list[SentenceTime]] = []
    number, starts = 0, []  # (paragraph, start ms, text)
    for p, texts in enumerate(paragraphs):
        timed.append([])
        for text in texts:
            number += 1
            at = marks.get(sentence_mark(number))
            if at is None and starts:
                paragraph, start, before = starts[-1]
                starts[-1] = (paragraph, start, f"{before} {text}")
            else:
                starts.append((p, round((at or 0.0) * 1000), text))
    end_of_audio = round(duration_seconds * 1000)
    pause_ms = sorted(round(p * 1000) for p in pauses)
    for n, (p, start, text) in enumerate(starts):
        following = starts[n + 1][1] if n + 1 < len(starts) else end_of_audio
        end = min([following, *(ms for ms in pause_ms if start < ms < following)])
        timed[p].append(SentenceTime(start, max(start, end), text))
    return timed


def chapters(
    paragraphs: list[list[SentenceTime]], questions: list[Question], times: list[QuestionTime], language: str
) -> list[Chapter]:
    """A chapter per segment (paragraph, titled by its first sentence) and per question (its text)."""
    found = {t.question_id: t for t in times}
    asked = [Chapter(round(found[q.id].starts_at * 1000), _title(q.text.get(language, q.id)))
             for q in questions if q.id in found]
    segments = [Chapter(p[0].start_ms, _title(p[0].text)) for p in paragraphs if p]
    kept = [s for s in segments if not any(0 <= q.start_ms - s.start_ms < SAME_CHAPTER_MS for q in asked)]
    return sorted(kept + asked, key=lambda c: c.start_ms)


def webvtt(sentences: list[SentenceTime]) -> str:
    """A WebVTT document, a cue per sentence."""
    cues = [f"{n}\n{_timestamp(s.start_ms)} --> {_timestamp(s.end_ms)}\n{_cue_text(s.text)}\n"
            for n, s in enumerate(sentences, 1)]
    return "\n".join(["WEBVTT\n", *cues])


def chapters_json(chapters_: list[Chapter]) -> str:
    """Podcasting 2.0's JSON chapters (application/json+chapters)."""
    listed = [{"startTime": c.start_ms / 1000, "title": c.title} for c in chapters_]
    return json.dumps({"version": "1.2.0", "chapters": listed}, ensure_ascii=False)


def _title(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= CHAPTER_TITLE_CHARS else text[: CHAPTER_TITLE_CHARS - 1].rstrip() + "…"


def _timestamp(ms: int) -> str:
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02}:{minutes:02}:{seconds:02}.{millis:03}"


def _cue_text(text: str) -> str:
    # A cue is one line here: a blank line would end it. Escaping > also breaks any "-->".
    line = " ".join(text.split())
    return line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
