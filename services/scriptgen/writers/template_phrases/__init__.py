"""Phrase banks for the template writer, one module per language.

Every language module defines the same names (REQUIRED_NAMES): plain lists and dicts of
str.format templates with named placeholders, plus join_list() and format_percent().
Lists that are picked "one per item" (COURSE_SEGMENT, WEAK_SEGMENT, ...) have several
variants so one script never says the same sentence twice.
"""

from __future__ import annotations

import importlib
from types import ModuleType

LEVELS = ("beginner", "intermediate", "advanced")
SCORE_BANDS = ("low", "mid", "high")
QUESTION_KINDS = ("course", "weak", "connect", "general")

REQUIRED_NAMES = (
    "GREETING",  # {name}
    "INTRO_COURSES",  # {courses}
    "INTRO_NO_COURSES",
    "LEVEL_INTRO",  # level -> list
    "COURSE_SEGMENT",  # {course}
    "COURSE_BRIEF",  # {course}; one short sentence, used when many long titles crowd the script
    "WEAK_INTRO",  # {subjects}
    "WEAK_SEGMENT",  # {subject}
    "WEAK_BRIEF",  # {subject}
    "NO_WEAK",
    "SCORES_INTRO",
    "SCORE_COMMENT",  # band -> list; {subject}, {score}
    "NO_SCORES",
    "TECHNIQUE",
    "TECHNIQUE_DEPTH",  # level -> list
    "EXTRA",  # the pool of general segments used to reach the target length
    "COURSE_TIP",  # level -> list; {course}; also pool segments
    "CONNECTION",  # {course}, {course2}; pool segments for learners with 2+ courses
    "QUESTIONS_INTRO",
    "QUESTION_LEAD",  # one list per question position; {question}
    "THINK_PROMPT",
    "RECAP",
    "SIGNOFF",  # {name}
    "QUESTIONS",  # kind -> list of {"text": ..., "key_points": [...]}, aligned across languages
    "SENTENCE_GAP",  # what goes between two sentences of a paragraph: " ", or "" in Japanese
    "join_list",
    "format_percent",
)


def join_with(items: list[str], conjunction: str, separator: str = ", ") -> str:
    """'A', 'A and B', 'A, B and C' with the given conjunction (" and ", "と", ...)."""
    if len(items) <= 1:
        return "".join(items)
    return separator.join(items[:-1]) + conjunction + items[-1]


def percent(score: float, suffix: str = "%") -> str:
    """0.52 -> '52%' (or '52 %' with suffix=' %')."""
    return f"{round(score * 100)}{suffix}"


def phrases_for(language: str) -> ModuleType:
    """The phrase module of a language ('en', 'ja', ...)."""
    return importlib.import_module(f"{__name__}.{language}")
