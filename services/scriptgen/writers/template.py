"""The built-in template writer: the last step of the fallback chain, needs no LLM.

It assembles a script per language from the phrase banks in template_phrases, picking
variants with a random.Random seeded from the learner and the date, so the same request
always gives the same script and each day gives a different one. All language-specific
text lives in the phrase modules; this engine only chooses, fills and measures.

Titles and names go in as given: the chain's checks look for them verbatim, and the
speech step escapes whatever markup characters they may hold.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from types import ModuleType

from dailycast.languages import SUPPORTED_LANGUAGES, length_units, target_units
from dailycast.learner import WEAK_SUBJECT_THRESHOLD, LearnerContext, QuizScore
from dailycast.scripts import (
    QUESTIONS_PER_PODCAST,
    Question,
    WriterError,
    WritingRequest,
    WrittenScript,
)
from services.scriptgen.writers.template_phrases import LEVELS, phrases_for

HIGH_SCORE = 0.85  # the same line learner.ability_level draws for "advanced"
SCORES_MENTIONED = 3
# Pool segments are added until the script reaches TARGET, never past FILL_CAP; a script
# whose fixed part alone passes FILL_CAP is rebuilt in compact form.
TARGET_MINUTES = 6.0
FILL_CAP_MINUTES = 6.9


@dataclass(frozen=True)
class _PlannedQuestion:
    kind: str  # a key of QUESTIONS in the phrase modules
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
    banks = phrases_for("en").QUESTIONS
    unused = {kind: rng.sample(range(len(bank)), len(bank)) for kind, bank in banks.items()}
    return [
        _PlannedQuestion(kind, unused[kind].pop(), args)
        for kind, args in wishes[:QUESTIONS_PER_PODCAST]
    ]


def _question_texts(phrases: ModuleType, plan: list[_PlannedQuestion]) -> list[str]:
    return [phrases.QUESTIONS[q.kind][q.index]["text"].format(**q.args) for q in plan]


def _key_points(phrases: ModuleType, planned: _PlannedQuestion) -> list[str]:
    points = phrases.QUESTIONS[planned.kind][planned.index]["key_points"]
    return [point.format(**planned.args) for point in points]


# --- the script ------------------------------------------------------------------------


def _write_script(
    p: ModuleType, lang: str, learner: LearnerContext, questions: list[str], seed: str
) -> str:
    # A fresh generator per language: a script does not depend on the other languages asked for.
    rng = random.Random(seed)
    head, tail = _fixed_parts(p, rng, learner, questions, compact=False)
    if _units(head + tail, lang) > target_units(lang, FILL_CAP_MINUTES):
        # Many courses or long titles: say less about each one.
        rng = random.Random(seed)
        head, tail = _fixed_parts(p, rng, learner, questions, compact=True)
    filler = _pick_filler(_pool(p, rng, learner), _units(head + tail, lang), lang)
    return "\n\n".join(head + filler + tail)


def _fixed_parts(
    p: ModuleType, rng: random.Random, learner: LearnerContext, questions: list[str], compact: bool
) -> tuple[list[str], list[str]]:
    """The paragraphs every script has: those before the filler, and those after it."""
    level = _level(learner)
    head = [
        rng.choice(p.GREETING).format(name=learner.name),
        _intro(p, rng, learner.courses),
        rng.choice(p.LEVEL_INTRO[level]),
        *_course_segments(p, rng, learner.courses, compact),
        *_weak_segments(p, rng, learner.weak_subjects, compact),
        *_score_segments(p, rng, learner.recent_scores),
        rng.choice(p.TECHNIQUE) + p.SENTENCE_GAP + rng.choice(p.TECHNIQUE_DEPTH[level]),
    ]
    tail = [
        *_question_segments(p, rng, questions),
        rng.choice(p.RECAP),
        rng.choice(p.SIGNOFF).format(name=learner.name),
    ]
    return head, tail


def _level(learner: LearnerContext) -> str:
    return learner.ability_level if learner.ability_level in LEVELS else "beginner"


def _units(paragraphs: list[str], lang: str) -> int:
    return sum(length_units(paragraph, lang) for paragraph in paragraphs)


def _intro(p: ModuleType, rng: random.Random, courses: list[str]) -> str:
    if not courses:
        return rng.choice(p.INTRO_NO_COURSES)
    return rng.choice(p.INTRO_COURSES).format(courses=p.join_list(courses))


def _course_segments(p: ModuleType, rng: random.Random, courses: list[str], compact: bool) -> list[str]:
    if compact:
        lines = _each(rng, p.COURSE_BRIEF, "course", courses)
        return [p.SENTENCE_GAP.join(lines)] if lines else []
    return _each(rng, p.COURSE_SEGMENT, "course", courses)


def _weak_segments(p: ModuleType, rng: random.Random, subjects: list[str], compact: bool) -> list[str]:
    if not subjects:
        return [rng.choice(p.NO_WEAK)]
    intro = rng.choice(p.WEAK_INTRO).format(subjects=p.join_list(subjects))
    if compact:
        return [intro, p.SENTENCE_GAP.join(_each(rng, p.WEAK_BRIEF, "subject", subjects))]
    return [intro, *_each(rng, p.WEAK_SEGMENT, "subject", subjects)]


def _score_segments(p: ModuleType, rng: random.Random, scores: list[QuizScore]) -> list[str]:
    if not scores:
        return [rng.choice(p.NO_SCORES)]
    shuffled = {band: _cycle(rng, bank) for band, bank in p.SCORE_COMMENT.items()}
    comments = [
        next(shuffled[_band(s.score)]).format(subject=s.subject, score=p.format_percent(s.score))
        for s in scores[:SCORES_MENTIONED]
    ]
    return [p.SENTENCE_GAP.join([rng.choice(p.SCORES_INTRO), *comments])]


def _band(score: float) -> str:
    if score < WEAK_SUBJECT_THRESHOLD:
        return "low"
    return "high" if score >= HIGH_SCORE else "mid"


def _question_segments(p: ModuleType, rng: random.Random, questions: list[str]) -> list[str]:
    prompts = _cycle(rng, p.THINK_PROMPT)
    segments = [rng.choice(p.QUESTIONS_INTRO)]
    for leads, question in zip(p.QUESTION_LEAD, questions):
        # The question goes in as a value, never re-parsed, so it stays verbatim.
        segments += [rng.choice(leads).format(question=question), next(prompts)]
    return segments


def _pool(p: ModuleType, rng: random.Random, learner: LearnerContext) -> list[str]:
    """Optional segments, in a seeded order, to bring the script to its target length."""
    courses = learner.courses
    pool = [text.format(name=learner.name) for text in p.EXTRA]
    if courses:
        pool += [tip.format(course=rng.choice(courses)) for tip in p.COURSE_TIP[_level(learner)]]
    if len(courses) >= 2:
        for text in p.CONNECTION:
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


def _each(rng: random.Random, bank: list[str], slot: str, items: list[str]) -> list[str]:
    """One template per item, without repeating a template while unused ones remain."""
    templates = _cycle(rng, bank)
    return [next(templates).format(**{slot: item}) for item in items]


def _cycle(rng: random.Random, bank: list[str]):
    while True:
        yield from rng.sample(bank, len(bank))

