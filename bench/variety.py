"""Benchmark of variety: how much of a learner's podcast they heard in the days before.

What it measures
  For each language and each of 4 learners (one course and a weak subject that is also a course,
  two courses, three courses at the advanced level, no course at all), the template writer writes 30 consecutive
  days. Each request carries, as the API builds it, the fingerprints of the learner's previous 7
  days' scripts (dailycast.sentences.heard_in, newest day first). For each day it counts the
  share of the script's sentences (normalized, as the fingerprints see them) that were in
  yesterday's script, and that were in any of the 7 days before; days without 7 days behind them
  are left out of the week's figure. Then the same without the snapshot (recently_heard empty,
  the writer as it was) for comparison. The goals (issue 12): at most 15 % from one day to the
  next and 35 % within a week.

How it runs
  No system, no I/O: the writer is called directly, in this process.

  .venv/bin/python -m bench.variety                      # what `make bench-variety` runs
  .venv/bin/python -m bench.variety --days 30 --languages en,ja

Tables are printed to stdout as Markdown (progress goes to stderr), so they paste into docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from bench.common import markdown_table, note
from dailycast.languages import SUPPORTED_LANGUAGES
from dailycast.learner import LearnerContext, QuizScore
from dailycast.scripts import WritingRequest
from dailycast.sentences import fingerprints, heard_in, repeated
from services.scriptgen.writers.template import TemplateWriter

WEEK = 7
FIRST_DAY = date(2026, 1, 5)
GOAL_DAY, GOAL_WEEK = 0.15, 0.35

LEARNERS = [
    LearnerContext(
        user_id=101, name="Aiko", email="aiko@example.com", locale="ja",
        courses=["Python Advanced"], ability_level="beginner", weak_subjects=["Python Advanced"],
        recent_scores=[QuizScore("Python Advanced", 0.48)],
    ),
    LearnerContext(
        user_id=102, name="Lucas", email="lucas@example.com", locale="fr",
        courses=["Django Fundamentals", "Statistics for Data Science"], ability_level="intermediate",
        weak_subjects=["Database Design"],
        recent_scores=[QuizScore("Database Design", 0.52), QuizScore("Statistics for Data Science", 0.74)],
    ),
    LearnerContext(
        user_id=103, name="Mina", email="mina@example.com", locale="ko",
        courses=["Introduction to Machine Learning", "Cloud Computing Basics", "Web Accessibility Essentials"],
        ability_level="advanced", weak_subjects=[],
        recent_scores=[QuizScore("Cloud Computing Basics", 0.91), QuizScore("Introduction to Machine Learning", 0.88)],
    ),
    # No course, weak subject or score: nearly all of the script is the general pool.
    LearnerContext(
        user_id=104, name="Noah", email="noah@example.com", locale="en",
        courses=[], ability_level="beginner", weak_subjects=[], recent_scores=[],
    ),
]


@dataclass(frozen=True)
class Run:
    """One learner's days in one language: the shares repeated, and the snapshot's size."""

    from_yesterday: list[float]
    within_week: list[float]
    heard_sizes: list[int]  # fingerprints a request carried


def simulate(learner: LearnerContext, language: str, days: int, remember: bool = True) -> Run:
    """The learner's `days` podcasts in `language`, each written knowing the 7 days before (or not)."""
    writer, scripts = TemplateWriter(), []
    day_shares, week_shares, sizes = [], [], []
    for n in range(days):
        heard = heard_in(reversed(scripts[-WEEK:])) if remember else []
        request = WritingRequest(n + 1, FIRST_DAY + timedelta(days=n), [language], replace(learner, recently_heard=heard))
        script = asyncio.run(writer.write(request)).scripts[language]
        if n >= 1:
            day_shares.append(share_heard(script, scripts[-1:]))
        if n >= WEEK:
            week_shares.append(share_heard(script, scripts[-WEEK:]))
        sizes.append(len(heard))
        scripts.append(script)
    return Run(day_shares, week_shares, sizes)


def share_heard(script: str, before: Sequence[str]) -> float:
    """The share of the script's distinct sentences that were in the scripts before it."""
    return repeated(script, heard_in(before, limit=None)) / len(fingerprints(script))


def percent(value: float) -> str:
    return f"{value * 100:.0f} %"


def language_row(language: str, runs: list[Run], before: list[Run]) -> list[object]:
    day = [s for run in runs for s in run.from_yesterday]
    week = [s for run in runs for s in run.within_week]
    old_day = [s for run in before for s in run.from_yesterday]
    old_week = [s for run in before for s in run.within_week]
    sizes = [size for run in runs for size in run.heard_sizes[WEEK:]]
    return [
        language,
        f"{percent(statistics.mean(old_day))} (max {percent(max(old_day))})",
        f"{percent(statistics.mean(old_week))} (max {percent(max(old_week))})",
        f"{percent(statistics.mean(day))} (max {percent(max(day))})",
        f"{percent(statistics.mean(week))} (max {percent(max(week))})",
        f"{statistics.mean(sizes):.0f}",
        "yes" if statistics.mean(day) <= GOAL_DAY and statistics.mean(week) <= GOAL_WEEK else "no",
    ]


HEADERS = [
    "language",
    "day to day, no snapshot",
    "within a week, no snapshot",
    "day to day",
    "within a week",
    "fingerprints a request",
    "goals met",
]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--languages", default=",".join(SUPPORTED_LANGUAGES))
    args = parser.parse_args(argv)
    rows = []
    for language in args.languages.split(","):
        note(f"{language}: {len(LEARNERS)} learners x {args.days} days, with and without the snapshot")
        runs = [simulate(learner, language, args.days) for learner in LEARNERS]
        before = [simulate(learner, language, args.days, remember=False) for learner in LEARNERS]
        rows.append(language_row(language, runs, before))
    print(f"Sentences heard before, {len(LEARNERS)} learners x {args.days} days a language (mean, max of a day):\n")
    print(markdown_table(HEADERS, rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
