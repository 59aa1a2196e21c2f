"""The template writer's phrase banks: `<language>.toml` in this package, checked by `Phrases`.

A bank is a list of str.format templates with named placeholders; the aliases below say which
placeholders each kind of template needs. Banks picked "one per item" (course_segment,
weak_segment, ...) have several variants so one script never says the same sentence twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import BaseModel, Field

from dailycast.languages import SUPPORTED_LANGUAGES
from dailycast.locale_rules import join_list
from dailycast.scripts import QUESTIONS_PER_PODCAST
from dailycast.text_files import Plain, TextFile, TextModel, load_texts, placeholders

T = TypeVar("T")
Bank = Annotated[tuple[T, ...], Field(min_length=1)]

WithName = Annotated[str, placeholders("name")]
MayName = Annotated[str, placeholders(optional=["name"])]
WithCourses = Annotated[str, placeholders("courses")]  # the learner's courses, as one list
WithCourse = Annotated[str, placeholders("course")]
MayCourse = Annotated[str, placeholders(optional=["course"])]
WithPair = Annotated[str, placeholders("course", "course2")]  # two different courses
MayPair = Annotated[str, placeholders(optional=["course", "course2"])]
WithSubjects = Annotated[str, placeholders("subjects")]  # the weak subjects, as one list
WithSubject = Annotated[str, placeholders("subject")]
MaySubject = Annotated[str, placeholders(optional=["subject"])]
WithScore = Annotated[str, placeholders("subject", "score")]
WithQuestion = Annotated[str, placeholders("question")]
WithPoints = Annotated[str, placeholders("points")]  # key points an answer left out, as one list
KeyPoints = Annotated[tuple[T, ...], Field(min_length=1, max_length=3)]


class _Keyed(TextModel):
    """Banks chosen by a key at run time (a level, a score band, a question kind)."""

    def __getitem__(self, key: str) -> Any:
        if key not in type(self).model_fields:
            raise KeyError(key)
        return getattr(self, key)


class ByLevel(_Keyed, Generic[T]):
    beginner: Bank[T]
    intermediate: Bank[T]
    advanced: Bank[T]


class ByBand(_Keyed, Generic[T]):
    low: Bank[T]
    mid: Bank[T]
    high: Bank[T]


# A question's kind fixes its placeholders, so every language's question i of a kind has the
# same ones; its key points (for the answer check) may name what the question names.
class CourseQuestion(TextModel):
    text: WithCourse
    key_points: KeyPoints[MayCourse]


class WeakQuestion(TextModel):
    text: WithSubject
    key_points: KeyPoints[MaySubject]


class ConnectQuestion(TextModel):
    text: WithPair
    key_points: KeyPoints[MayPair]


class GeneralQuestion(TextModel):
    text: Plain
    key_points: KeyPoints[Plain]


class Questions(_Keyed):
    course: Bank[CourseQuestion]
    weak: Bank[WeakQuestion]
    connect: Bank[ConnectQuestion]
    general: Bank[GeneralQuestion]


class Phrases(TextFile):
    """One language's phrase bank, in the order a script uses it."""

    sentence_gap: Literal[" ", ""]  # between two sentences: " ", or "" in Japanese
    list_item: Annotated[str, placeholders("item")]  # how a title is said inside a spoken list
    greeting: Bank[WithName]
    intro_courses: Bank[WithCourses]
    intro_no_courses: Bank[Plain]
    level_intro: ByLevel[Plain]
    course_segment: Bank[WithCourse]
    course_brief: Bank[WithCourse]  # one short sentence, used when many long titles crowd the script
    weak_intro: Bank[WithSubjects]
    weak_segment: Bank[WithSubject]
    weak_brief: Bank[WithSubject]
    no_weak: Bank[Plain]
    scores_intro: Bank[Plain]
    score_comment: ByBand[WithScore]
    no_scores: Bank[Plain]
    technique: Bank[Plain]
    technique_depth: ByLevel[Plain]
    extra: Bank[MayName]  # the pool of general segments used to reach the target length
    course_tip: ByLevel[WithCourse]  # also pool segments
    connection: Bank[WithPair]  # pool segments for learners with 2+ courses
    did_you_know: Bank[Plain]  # pool segments for every learner: a finding about learning
    questions_intro: Bank[Plain]
    question_lead: Annotated[  # one bank per question position
        tuple[Bank[WithQuestion], ...],
        Field(min_length=QUESTIONS_PER_PODCAST, max_length=QUESTIONS_PER_PODCAST),
    ]
    think_prompt: Bank[Plain]
    recap: Bank[Plain]
    signoff: Bank[WithName]
    revisit: Bank[WithPoints]  # after the intro: the key points the last days' answers left out
    revisit_weak: Bank[Plain]  # after the intro: an answer of the last days was weak
    questions: Questions

    def mismatches(self, reference: Phrases) -> Iterator[tuple[str, str]]:
        # The writer draws question indexes from the reference bank's sizes.
        for kind, bank in self.questions:
            expected = len(reference.questions[kind])
            if len(bank) != expected:
                yield f"questions.{kind}", f"{len(bank)} questions where the reference has {expected}"


LEVELS = tuple(ByLevel.model_fields)
SCORE_BANDS = tuple(ByBand.model_fields)
QUESTION_KINDS = tuple(Questions.model_fields)


def phrases_for(language: str) -> Phrases:
    """The phrase bank of a language ('en', 'ja', ...); every language's is loaded and checked once."""
    return load_texts(__name__, Phrases, SUPPORTED_LANGUAGES)[language]


def sentences(language: str, fills: Iterable[Mapping[str, str]]) -> Iterator[str]:
    """Every template of a language's bank filled with each of `fills` (placeholder -> value;
    a template ignores what it does not name): what a reading or wording check goes through."""
    templates = [text for text in _strings(phrases_for(language)) if text.strip()]
    for fill in fills:
        yield from (text.format(**fill) for text in templates)


def _strings(node: object) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from _strings(getattr(node, name))
    elif isinstance(node, tuple):
        for item in node:
            yield from _strings(item)


def join_titles(titles: Sequence[str], language: str) -> str:
    """Course titles or subjects as one spoken list ("A, B, and C", "«A», «B» и «C»")."""
    item = phrases_for(language).list_item
    return join_list([item.format(item=title) for title in titles], language)
