"""How long the template writer's scripts last when eSpeak NG speaks them, per language and length.

    python -m bench.audio_length                    # 9 languages x 3, 6 and 10 minutes, about 3 minutes
    python -m bench.audio_length --minutes 6 --languages en,fr

Each script is written for the learner of the tests (two courses, a weak subject, a score) and
spoken as tts speaks it (SSML with the question marks and the pause), and its MP3 measured.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import date

from bench.common import markdown_table, note, run_main, some_of
from dailycast.languages import SUPPORTED_LANGUAGES
from dailycast.learner import LearnerContext, QuizScore
from dailycast.scripts import WritingRequest
from dailycast.speech_length import LENGTHS_MINUTES, Speech, is_about
from services.scriptgen.writers.template import TemplateWriter
from services.tts.mp3 import read_mp3
from services.tts.ssml import build_ssml
from services.tts.synthesizers.espeak import EspeakSynthesizer
from services.tts.voices import pick_voice

LEARNER = LearnerContext(
    1, "Aiko", "aiko@example.com", "ja-JP", ["Django Fundamentals", "Python Advanced"], "intermediate",
    ["Database Design"], [QuizScore("Database Design", 0.52)],
)
SPEECH = Speech("local", 5.0)


async def spoken_minutes(language: str, minutes: int) -> tuple[float, float]:
    """(the writer's estimate, the real MP3's length) in minutes."""
    request = WritingRequest(7, date(2026, 11, 24), [language], LEARNER, minutes, SPEECH)
    written = await TemplateWriter().write(request)
    ssml = build_ssml(written.scripts[language], written.questions, language, SPEECH.pause_seconds)
    audio = await EspeakSynthesizer().synthesize(ssml, pick_voice(language, "local"))
    return request.audio_minutes(written.scripts[language], language), read_mp3(audio.mp3).duration_seconds / 60


def clock(minutes: float) -> str:
    seconds = round(minutes * 60)
    return f"{seconds // 60}:{seconds % 60:02d}"


async def measure(languages: list[str], lengths: list[int]) -> list[list[str]]:
    rows = []
    for language in languages:
        row = [language]
        for minutes in lengths:
            estimate, real = await spoken_minutes(language, minutes)
            note(f"{language} {minutes} min: {clock(real)} (estimate {clock(estimate)})")
            row.append(f"{clock(real)}{'' if is_about(real, minutes) else ' (out)'}")
        rows.append(row)
    return rows


def run(args: argparse.Namespace) -> None:
    rows = asyncio.run(measure(args.languages, args.minutes))
    print(markdown_table(["language", *(f"{m} min" for m in args.minutes)], rows))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--languages", type=some_of(SUPPORTED_LANGUAGES), default=list(SUPPORTED_LANGUAGES))
    parser.add_argument("--minutes", type=lambda s: [int(m) for m in s.split(",")], default=list(LENGTHS_MINUTES))
    return run_main(run, parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
