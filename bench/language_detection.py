"""Which language detector reads our scripts best: the accuracy check's choice, measured.

What it measures
  Every paragraph (and, separately, every sentence) of the template writer's scripts for the demo's
  three learners over D days (--days, default 7) in each of the nine languages, labelled with the
  language it was written in, is given to each detector, restricted to the nine languages:
    py3langid  langid.py's model (naive Bayes over byte n-grams): dailycast.language_check, the choice
    lingua     lingua-language-detector (n-gram models of 1 to 5 characters, Rust), high accuracy mode
  The table gives each one's share of correctly labelled paragraphs and sentences, per language and
  overall, and its time per paragraph. Course titles ("Django Fundamentals") stay in the texts, as in
  real scripts: they are the hard part for a short paragraph.

  .venv/bin/pip install lingua-language-detector   # not a dependency of the project: for this comparison
  .venv/bin/python -m bench.language_detection [--days 7] [--detectors py3langid,lingua]

Tables go to stdout as Markdown, progress to stderr. The seed's heuristic (scripts by character
range, Latin languages by a few frequent words), which py3langid replaced, was measured by this
command before it went; docs/benchmarks.md has those figures.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from bench.common import machine_line, markdown_table, note, positive_int, run_main, some_of
from dailycast.language_check import detected_language, paragraphs
from dailycast.languages import SUPPORTED_LANGUAGES
from dailycast.learner import LearnerContext, QuizScore
from dailycast.scripts import WritingRequest
from dailycast.sentences import sentences
from services.api.demo import LEARNERS
from services.scriptgen.writers.template import TemplateWriter

DETECTORS = ("py3langid", "lingua")


def corpus(days: int) -> list[tuple[str, str, str]]:
    """(language, paragraph, kind) for every paragraph and sentence of the scripts, kind 'paragraph' or 'sentence'."""
    writer, texts = TemplateWriter(), []
    for user_id, name, email, locale, courses, scores in LEARNERS:
        learner = LearnerContext(user_id, name, email, locale, courses, "intermediate",
                                 [s for s, v in scores if v < 0.6], [QuizScore(s, v) for s, v in scores])
        for day in range(days):
            request = WritingRequest(user_id, date(2026, 12, 1) + timedelta(days=day), list(SUPPORTED_LANGUAGES), learner)
            written = asyncio.run(writer.write(request))
            for language, script in written.scripts.items():
                for paragraph in paragraphs(script):
                    texts.append((language, paragraph, "paragraph"))
                    texts += [(language, s, "sentence") for s in sentences(paragraph) if len(s) > 1]
    return list(dict.fromkeys(texts))  # days repeat paragraphs: each counted once


def detector(name: str) -> Callable[[str], str | None]:
    if name == "py3langid":
        return detected_language
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, code.upper()) for code in SUPPORTED_LANGUAGES]
    lingua = LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()

    def detect(text: str) -> str | None:
        found = lingua.detect_language_of(text)
        return found.iso_code_639_1.name.lower() if found else None

    return detect


def measure(name: str, texts: list[tuple[str, str, str]]) -> dict:
    detect = detector(name)
    detect("warm up: load the model")
    right: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    started = time.perf_counter()
    for language, text, kind in texts:
        counts = right[(kind, language)]
        counts[0] += detect(text) == language
        counts[1] += 1
    per_text_ms = (time.perf_counter() - started) * 1000 / len(texts)
    return {"right": right, "ms": per_text_ms}


def share(counts: Sequence[int]) -> str:
    return f"{100 * counts[0] / counts[1]:.1f} %" if counts[1] else "-"


def run(args: argparse.Namespace) -> None:
    texts = corpus(args.days)
    kinds = {kind: sum(1 for _, _, k in texts if k == kind) for kind in ("paragraph", "sentence")}
    note(f"{kinds['paragraph']} paragraphs and {kinds['sentence']} sentences")
    results = {}
    for name in args.detectors:
        note(f"measuring {name}")
        results[name] = measure(name, texts)
    print(machine_line())
    print(f"- texts: the template writer's scripts for {len(LEARNERS)} learners over {args.days} days, "
          f"{kinds['paragraph']} distinct paragraphs and {kinds['sentence']} distinct sentences\n")
    rows = []
    for name, result in results.items():
        right = result["right"]
        for kind in ("paragraph", "sentence"):
            total = [sum(right[(kind, lang)][i] for lang in SUPPORTED_LANGUAGES) for i in (0, 1)]
            rows.append([name, kind, share(total), *(share(right[(kind, lang)]) for lang in SUPPORTED_LANGUAGES),
                         f"{result['ms']:.3f}" if kind == "paragraph" else ""])
    print(markdown_table(["detector", "texts", "right", *SUPPORTED_LANGUAGES, "ms a text"], rows))


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.language_detection", description=__doc__.split("\n\n")[0])
    parser.add_argument("--days", type=positive_int, default=7)
    parser.add_argument("--detectors", type=some_of(DETECTORS), default=list(DETECTORS))
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    return run_main(run, parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
