"""Grading an answer against its question's key points, without a model: works in all 9 languages.

Pure (the Japanese analyser's dictionary loads from its wheel on first use). A key point is covered
when most of its content words are in the answer: words are compared after normalisation (Unicode
NFKC, case folded, accents dropped outside Japanese and Korean) and by their beginnings, a light
stemming that lets "tables" meet "table", "normalisieren" meet "normalisiert" and 테이블 meet
테이블을 (Korean writes its particles onto the word). Japanese has no spaces: fugashi (MeCab, the
readings' analyser) splits it, and its content words (nouns, verbs, adjectives) are compared.
The feedback sentences are per language, in `dailycast/answer_feedback/<language>.toml`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from dailycast.answer_feedback import feedback_texts
from dailycast.learner import Revisit
from dailycast.locale_rules import join_list

# A key point is covered when this share of its content words is found in the answer: one word of
# one, both of two, two of three.
COVERED_SHARE = 0.6
# Words match when they share a beginning this long (or one is the beginning of the other, when
# shorter), and at least MIN_SHARED characters: European words are long, Hangul syllables dense.
STEM = {"ko": 2, "ja": 2}
DEFAULT_STEM, MIN_SHARED = 5, 3
_JAPANESE_CONTENT = {"名詞", "動詞", "形容詞", "形状詞", "副詞"}
_WORD = re.compile(r"\w+", re.UNICODE)


# An answer under this score is weak: the next podcasts come back to it, as to missed key points.
WEAK_ANSWER = 0.5
REVISITED = 3  # answers a podcast comes back to, at most


@dataclass(frozen=True)
class AnswerToGrade:
    """One answer, with what it is graded against: the question's key points, in `language`."""

    question: str
    key_points: list[str]
    answer: str
    language: str  # of the key points, and of the feedback


@dataclass(frozen=True)
class Grade:
    key_points_covered: list[str]  # as the question gives them, in its order
    score: float  # 0..1
    feedback: str  # a short explanation, in the podcast's language


def grade_locally(item: AnswerToGrade) -> Grade:
    """The key points the answer mentions, the share of them as its score, and feedback."""
    said = content_words(item.answer, item.language)
    covered = [point for point in item.key_points if _covers(said, content_words(point, item.language), item.language)]
    score = round(len(covered) / len(item.key_points), 2) if item.key_points else 0.0
    return Grade(covered, score, feedback(item.key_points, covered, item.language))


def feedback(key_points: list[str], covered: list[str], language: str) -> str:
    """What the learner reads: praise, or what they mentioned and what they left out."""
    texts = feedback_texts(language)
    missed = [point for point in key_points if point not in covered]
    if not missed:
        return texts.all_covered
    if not covered:
        return texts.none_covered.format(missed=join_list(missed, language))
    return texts.some_covered.format(covered=join_list(covered, language), missed=join_list(missed, language))


def content_words(text: str, language: str) -> list[str]:
    """The words that carry meaning, normalised: no stopwords, no one- or two-letter words
    outside Japanese and Korean."""
    text = _normalised(text, language)
    if language == "ja":
        from dailycast.readings.japanese import analysed  # fugashi, only for Japanese

        return [t.surface for t in analysed(text) if t.pos in _JAPANESE_CONTENT]
    shortest = 1 if language in STEM else MIN_SHARED
    return [w for w in _WORD.findall(text) if len(w) >= shortest and w not in _stopwords(language)]


def _normalised(text: str, language: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    if language in STEM:  # decomposing kana or Hangul would change the letters themselves
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@cache
def _stopwords(language: str) -> frozenset[str]:
    return frozenset(_normalised(word, language) for word in feedback_texts(language).stopwords)


def _covers(said: list[str], point: list[str], language: str) -> bool:
    if not point:
        return False
    found = sum(any(_same_word(word, other, language) for other in said) for word in point)
    return found / len(point) >= COVERED_SHARE


def _same_word(a: str, b: str, language: str) -> bool:
    shared = len(_common_prefix(a, b))
    stem = STEM.get(language, DEFAULT_STEM)
    return shared >= min(stem, len(a), len(b)) and shared >= min(MIN_SHARED if language not in STEM else stem, len(a))


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def revisits(graded: Iterable[tuple[str, list[str], Grade, str]]) -> list[Revisit]:
    """What the next podcast comes back to, from (question, its key points, the answer's grade,
    language) newest first: the answers that missed key points or were weak."""
    chosen = []
    for question, key_points, grade, language in graded:
        missed = [point for point in key_points if point not in grade.key_points_covered]
        if missed or grade.score < WEAK_ANSWER:
            chosen.append(Revisit(question, missed, grade.score, language))
    return chosen[:REVISITED]
