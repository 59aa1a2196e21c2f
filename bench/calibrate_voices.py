"""Measure each voice's speaking rate and write dailycast/voice_rates.toml.

    python -m bench.calibrate_voices --provider local     # eSpeak NG, offline, about two minutes
    python -m bench.calibrate_voices --provider polly     # Amazon Polly: needs AWS credentials

Every paragraph of a language's phrase bank (its placeholders filled with sample titles and names)
is spoken by the voice that speaks the language, as tts speaks a script (a <p> per paragraph,
no question pause); the rate is the bank's reading units over the minutes of the MP3s. The other
provider's entries are kept as they are in the file.
"""

from __future__ import annotations

import argparse
import asyncio
import platform
import sys
from collections.abc import Iterator
from datetime import date
from importlib import metadata, resources
from pathlib import Path

from pydantic import BaseModel

from bench.common import markdown_table, note, run_main, some_of
from dailycast.languages import SUPPORTED_LANGUAGES, length_units
from dailycast.voices import PROVIDERS, RATES_FILE, SpeakingRate, parse_rates, rates_toml, voice_of
from services.scriptgen.writers.phrases import phrases_for
from services.tts.mp3 import read_mp3
from services.tts.ssml import build_ssml
from services.tts.synthesizers.base import Synthesizer, Voice

# Sample values for the banks' placeholders: titles like the platform's, a name, a question.
SAMPLE_VALUES = {
    "name": "Aiko", "course": "Django Fundamentals", "course2": "Python Advanced",
    "courses": "Django Fundamentals, Python Advanced", "subject": "Database Design",
    "subjects": "Database Design, Linear Algebra", "score": "52 %", "item": "Django Fundamentals",
    "question": "What did you learn today?", "points": "a real example, the reason it works",
}
PARAGRAPHS_PER_DOCUMENT = 25  # a few minutes of audio a synthesis: Polly's chunking does the rest
SKIPPED_FIELDS = {"sentence_gap", "list_item", "key_points"}
HEADER = """\
How fast each voice speaks: reading units (words; characters for ja and ko) a minute of audio,
the pauses between paragraphs included and the pauses after questions not.
Written by python -m bench.calibrate_voices --provider local|polly; do not edit by hand.
scriptgen sizes scripts with these, the accuracy check judges scripts by them (dailycast/voices.py)."""


def bank_paragraphs(language: str) -> list[str]:
    """Every paragraph the language's phrase bank can say, its placeholders filled."""
    return [text.format(**SAMPLE_VALUES).strip() for text in _texts(phrases_for(language))]


def _texts(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name not in SKIPPED_FIELDS:
                yield from _texts(getattr(value, name))
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _texts(item)


async def measure(synthesizer: Synthesizer, provider: str, language: str) -> tuple[int, float]:
    """(reading units, minutes of audio) of the language's whole bank, spoken by its voice."""
    name, engine = voice_of(provider, language)
    voice = Voice(language, name, engine)
    paragraphs = bank_paragraphs(language)
    units, seconds = 0, 0.0
    for start in range(0, len(paragraphs), PARAGRAPHS_PER_DOCUMENT):
        text = "\n\n".join(paragraphs[start : start + PARAGRAPHS_PER_DOCUMENT])
        audio = await synthesizer.synthesize(build_ssml(text, [], language, 0), voice)
        units += length_units(text, language)
        seconds += read_mp3(audio.mp3).duration_seconds
    return units, seconds / 60


def build_synthesizer(provider: str) -> Synthesizer:
    from services.tts.bootstrap import build_synthesizer as tts_synthesizer
    from services.tts.settings import TtsSettings

    settings = TtsSettings(speech=provider)
    return tts_synthesizer(settings, lambda: _quota_database(settings))


def _quota_database(settings):
    """Polly's requests book from the account's quotas in the configured database, as tts's do."""
    from dailycast.database import make_engine
    from dailycast.migrations import upgrade

    url = settings.resolved_database_url()
    if settings.database_url is None:
        settings.data_dir.mkdir(parents=True, exist_ok=True)  # SQLite in the data dir, as `dailycast run` makes it
    upgrade(url)
    return make_engine(url)


def engine_description(provider: str) -> str:
    if provider == "local":
        return f"eSpeak NG (espeakng-loader {metadata.version('espeakng-loader')})"
    return "Amazon Polly"


async def calibrate(provider: str, languages: list[str]) -> list[SpeakingRate]:
    synthesizer = build_synthesizer(provider)
    source = f"measured {date.today().isoformat()}: {engine_description(provider)}, the phrase banks' paragraphs"
    rates = []
    for language in languages:
        units, minutes = await measure(synthesizer, provider, language)
        rate = SpeakingRate(provider, language, voice_of(provider, language)[0], units / minutes, True,
                            f"{source} ({units} units in {minutes:.1f} min)")
        note(f"{provider} {language} {rate.voice}: {rate.units_per_minute:.1f} units/min ({units} in {minutes:.2f} min)")
        rates.append(rate)
    return rates


def rates_path() -> Path:
    return Path(str(resources.files("dailycast").joinpath(RATES_FILE)))


def run(args: argparse.Namespace) -> None:
    path = args.output or rates_path()
    kept = parse_rates(path.read_text(encoding="utf-8"))
    measured = {(r.provider, r.language): r for r in asyncio.run(calibrate(args.provider, args.languages))}
    rates = [measured.get(key, kept[key]) for key in sorted(kept, key=_file_order)]
    path.write_text(rates_toml(rates, HEADER), encoding="utf-8")
    print(markdown_table(["provider", "language", "voice", "units a minute", "source"],
                         [[r.provider, r.language, r.voice, f"{r.units_per_minute:.1f}", r.source] for r in rates]))
    note(f"wrote {path} on {platform.node()}")


def _file_order(key: tuple[str, str]) -> tuple[int, int]:
    provider, language = key
    return PROVIDERS.index(provider), SUPPORTED_LANGUAGES.index(language)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--provider", choices=PROVIDERS, required=True)
    parser.add_argument("--languages", type=some_of(SUPPORTED_LANGUAGES), default=list(SUPPORTED_LANGUAGES))
    parser.add_argument("--output", type=Path, help=f"default: the package's {RATES_FILE}")
    return run_main(run, parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
