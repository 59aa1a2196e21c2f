"""The built-in template writer: the last step of the fallback chain, needs no LLM.

It assembles a script per language from the phrase banks in phrases/<language>.toml,
picking variants with a random.Random seeded from the learner and the date, so the same
request always gives the same script and each day gives a different one. All
language-specific text lives in the phrase files and dailycast.locale_rules; this engine only
chooses, fills and measures.

Titles and names go in as given: the chain's checks look for them verbatim, and the
speech step escapes whatever markup characters they may hold.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from dailycast.languages import SUPPORTED_LANGUAGES, length_units, target_units
from dailycast.learner import WEAK_SUBJECT_THRESHOLD, LearnerContext, QuizScore
from dailycast.locale_rules import format_percent
from dailycast.scripts import (
    QUESTIONS_PER_PODCAST,
    Question,
    WriterError,
    WritingRequest,
    WrittenScript,
)
from services.scriptgen.writers.phrases import LEVELS, Phrases, join_titles, phrases_for

HIGH_SCORE = 0.85  # the same line learner.ability_level draws for "advanced"
SCORES_MENTIONED = 3
# Pool segments are added until the script reaches TARGET, never past FILL_CAP; a script
# whose fixed part alone passes FILL_CAP is rebuilt in compact form.
TARGET_MINUTES = 6.0
FILL_CAP_MINUTES = 6.9


@dataclass(frozen=True)
class _PlannedQuestion:
    kind: str  # a question kind of the phrase banks
    index: int
    args: dict[str, str]


class TemplateWriter:
    name = "template"

    async def write(self, request: WritingRequest) -> WrittenScript:
        _check_languages(request.languages)
        learner = request.learner
        seed = f"{learner.user_id}:{request.for_date.isoformat()}"
        plan = _plan_questions(random.Random(seed + ":questions"), learner)
        texts = {lang: _question_texts(phrases_for(lang), plan) for lang in request.languages}
        scripts = {
            lang: _write_script(phrases_for(lang), lang, learner, texts[lang], seed)
            for lang in request.languages
        }
        questions = [
            Question(
                id=f"q{i + 1}",
                text={lang: texts[lang][i] for lang in request.languages},
                key_points=_key_points(phrases_for(request.languages[0]), planned),
            )
            for i, planned in enumerate(plan)
        ]
        return WrittenScript(scripts=scripts, questions=questions, writer=self.name)


def _check_languages(languages: list[str]) -> None:
    if not languages:
        raise WriterError("no language requested")
    unknown = [lang for lang in languages if lang not in SUPPORTED_LANGUAGES]
    if unknown:
        raise WriterError(f"unsupported languages: {unknown}")


# --- questions -------------------------------------------------------------------------


def _plan_questions(rng: random.Random, learner: LearnerContext) -> list[_PlannedQuestion]:
    """Three different questions: the learner's courses and weak subjects first."""
    courses, weak = learner.courses, learner.weak_subjects
    first_course = rng.choice(courses) if courses else ""
    other_courses = [c for c in courses if c != first_course] or courses
    wishes: list[tuple[str, dict[str, str]]] = []
    if courses:
        wishes.append(("course", {"course": first_course}))
    if weak:  # weak_subjects come weakest first
        wishes.append(("weak", {"subject": rng.choice(weak[:2])}))
    if len(courses) >= 2:
        pair = rng.sample(courses, 2)
        wishes.append(("connect", {"course": pair[0], "course2": pair[1]}))
    if courses:
        wishes.append(("course", {"course": rng.choice(other_courses)}))
    wishes += [("general", {})] * QUESTIONS_PER_PODCAST

    # Indexes are drawn from the English bank's sizes, which all languages share.
    banks = phrases_for("en").questions
    unused = {kind: rng.sample(range(len(bank)), len(bank)) for kind, bank in banks}
    return [
        _PlannedQuestion(kind, unused[kind].pop(), args)
        for kind, args in wishes[:QUESTIONS_PER_PODCAST]
    ]


def _question_texts(phrases: Phrases, plan: list[_PlannedQuestion]) -> list[str]:
    return [phrases.questions[q.kind][q.index].text.format(**q.args) for q in plan]


def _key_points(phrases: Phrases, planned: _PlannedQuestion) -> list[str]:
    points = phrases.questions[planned.kind][planned.index].key_points
    return [point.format(**planned.args) for point in points]


# --- the script ------------------------------------------------------------------------


def _write_script(
    p: Phrases, lang: str, learner: LearnerContext, questions: list[str], seed: str
) -> str:
    # A fresh generator per language: a script does not depend on the other languages asked for.
    rng = random.Random(seed)
    head, tail = _fixed_parts(p, lang, rng, learner, questions, compact=False)
    if _units(head + tail, lang) > target_units(lang, FILL_CAP_MINUTES):
        # Many courses or long titles: say less about each one.
        rng = random.Random(seed)
        head, tail = _fixed_parts(p, lang, rng, learner, questions, compact=True)
    filler = _pick_filler(_pool(p, rng, learner), _units(head + tail, lang), lang)
    return "\n\n".join(head + filler + tail)


def _fixed_parts(
    p: Phrases, lang: str, rng: random.Random, learner: LearnerContext, questions: list[str], compact: bool
) -> tuple[list[str], list[str]]:
    """The paragraphs every script has: those before the filler, and those after it."""
    level = _level(learner)
    head = [
        rng.choice(p.greeting).format(name=learner.name),
        _intro(p, lang, rng, learner.courses),
        rng.choice(p.level_intro[level]),
        *_course_segments(p, rng, learner.courses, compact),
        *_weak_segments(p, lang, rng, learner.weak_subjects, compact),
        *_score_segments(p, lang, rng, learner.recent_scores),
        rng.choice(p.technique) + p.sentence_gap + rng.choice(p.technique_depth[level]),
    ]
    tail = [
        *_question_segments(p, rng, questions),
        rng.choice(p.recap),
        rng.choice(p.signoff).format(name=learner.name),
    ]
    return head, tail


def _level(learner: LearnerContext) -> str:
    return learner.ability_level if learner.ability_level in LEVELS else "beginner"


def _units(paragraphs: list[str], lang: str) -> int:
    return sum(length_units(paragraph, lang) for paragraph in paragraphs)


def _intro(p: Phrases, lang: str, rng: random.Random, courses: list[str]) -> str:
    if not courses:
        return rng.choice(p.intro_no_courses)
    return rng.choice(p.intro_courses).format(courses=join_titles(courses, lang))


def _course_segments(p: Phrases, rng: random.Random, courses: list[str], compact: bool) -> list[str]:
    if compact:
        lines = _each(rng, p.course_brief, "course", courses)
        return [p.sentence_gap.join(lines)] if lines else []
    return _each(rng, p.course_segment, "course", courses)


def _weak_segments(p: Phrases, lang: str, rng: random.Random, subjects: list[str], compact: bool) -> list[str]:
    if not subjects:
        return [rng.choice(p.no_weak)]
    intro = rng.choice(p.weak_intro).format(subjects=join_titles(subjects, lang))
    if compact:
        return [intro, p.sentence_gap.join(_each(rng, p.weak_brief, "subject", subjects))]
    return [intro, *_each(rng, p.weak_segment, "subject", subjects)]


def _score_segments(p: Phrases, lang: str, rng: random.Random, scores: list[QuizScore]) -> list[str]:
    if not scores:
        return [rng.choice(p.no_scores)]
    shuffled = {band: _cycle(rng, bank) for band, bank in p.score_comment}
    comments = [
        next(shuffled[_band(s.score)]).format(subject=s.subject, score=format_percent(s.score, lang))
        for s in scores[:SCORES_MENTIONED]
    ]
    return [p.sentence_gap.join([rng.choice(p.scores_intro), *comments])]


def _band(score: float) -> str:
    if score < WEAK_SUBJECT_THRESHOLD:
        return "low"
    return "high" if score >= HIGH_SCORE else "mid"


def _question_segments(p: Phrases, rng: random.Random, questions: list[str]) -> list[str]:
    prompts = _cycle(rng, p.think_prompt)
    segments = [rng.choice(p.questions_intro)]
    for leads, question in zip(p.question_lead, questions):
        # The question goes in as a value, never re-parsed, so it stays verbatim. The prompt to
        # think follows it in its paragraph: the speech step pauses at the paragraph's end.
        segments.append(rng.choice(leads).format(question=question) + p.sentence_gap + next(prompts))
    return segments


def _pool(p: Phrases, rng: random.Random, learner: LearnerContext) -> list[str]:
    """Optional segments, in a seeded order, to bring the script to its target length."""
    courses = learner.courses
    pool = [text.format(name=learner.name) for text in p.extra]
    if courses:
        pool += [tip.format(course=rng.choice(courses)) for tip in p.course_tip[_level(learner)]]
    if len(courses) >= 2:
        for text in p.connection:
            course, course2 = rng.sample(courses, 2)
            pool.append(text.format(course=course, course2=course2))
    rng.shuffle(pool)
    return pool


def _pick_filler(pool: list[str], units: int, lang: str) -> list[str]:
    target, cap = target_units(lang, TARGET_MINUTES), target_units(lang, FILL_CAP_MINUTES)
    picked = []
    for segment in pool:
        if units >= target:
            break
        size = length_units(segment, lang)
        if units + size <= cap:
            picked.append(segment)
            units += size
    return picked


# --- helpers ---------------------------------------------------------------------------


def _each(rng: random.Random, bank: Sequence[str], slot: str, items: list[str]) -> list[str]:
    """One template per item, without repeating a template while unused ones remain."""
    templates = _cycle(rng, bank)
    return [next(templates).format(**{slot: item}) for item in items]


def _cycle(rng: random.Random, bank: Sequence[str]) -> Iterator[str]:
    while True:
        yield from rng.sample(bank, len(bank))

