"""Instant adapters for benchmarks: a writer and a synthesizer that answer at once.

With them a podcast costs nothing but the pipeline itself (HTTP, outbox relay, the log, the
consumers, the projector, the database), which is what `bench/runtimes.py` measures.

- `InstantWriter` returns a script that passes `services/scriptgen/script_checks.py` for every
  language: it names the learner's courses, asks three distinct questions verbatim, and is padded
  to about 6 minutes of reading (`dailycast.languages.target_units`, so words for most languages
  and characters for ja and ko).
- `InstantSynthesizer` returns a few bytes of "MP3" lasting 6 minutes, with a mark at each
  question the SSML names (like tests/utils/fakes.FakeSynthesizer, but it records nothing, so a
  long benchmark does not grow memory).
"""

from __future__ import annotations

from dailycast.languages import CHARACTER_PACED, length_units, target_units
from dailycast.scripts import QUESTIONS_PER_PODCAST, Question, WritingRequest, WrittenScript
from services.tts.synthesizers.base import SynthesizedAudio, Voice

INSTANT_AUDIO = b"\xff\xfb" + bytes(100)  # an MP3 frame header and silence; nobody plays it
INSTANT_SECONDS = 360.0


def instant_questions(languages: list[str]) -> list[Question]:
    return [
        Question(f"q{n}", {lang: f"Question number {n} in {lang}?" for lang in languages}, [f"point {n}"])
        for n in range(1, QUESTIONS_PER_PODCAST + 1)
    ]


def instant_script(request: WritingRequest, writer: str = "instant") -> WrittenScript:
    """A usable script in every requested language, made without any model."""
    questions = instant_questions(request.languages)
    scripts = {}
    for lang in request.languages:
        intro = f"Since you study {' and '.join(request.learner.courses)}, let us begin."
        asked = " ".join(q.text[lang] for q in questions)
        missing = max(0, target_units(lang) - length_units(f"{intro} {asked}", lang))
        filler = "あ" * missing if lang in CHARACTER_PACED else " ".join(["word"] * missing)
        scripts[lang] = f"{intro} {filler} {asked}"
    return WrittenScript(scripts, questions, writer)


class InstantWriter:
    """The ScriptWriter port, answering at once (it replaces the whole writer chain)."""

    name = "instant"

    async def write(self, request: WritingRequest) -> WrittenScript:
        return instant_script(request, self.name)


class InstantSynthesizer:
    """The Synthesizer port, answering at once with marks where the questions are."""

    name = "instant-speech"

    async def synthesize(self, ssml: str, voice: Voice) -> SynthesizedAudio:
        marks = {}
        for n in range(1, QUESTIONS_PER_PODCAST + 1):
            if f'name="q{n}"' in ssml:
                marks[f"q{n}"], marks[f"q{n}-end"] = 100.0 * n, 100.0 * n + 3
        return SynthesizedAudio(INSTANT_AUDIO, INSTANT_SECONDS, marks)
