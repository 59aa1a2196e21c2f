"""The built-in template writer: the last step of the fallback chain, needs no LLM.

It assembles a script per language from the phrase banks in phrases/<language>.toml,
picking variants with a random.Random seeded from the learner and the date, so the same
request always gives the same script and each day gives a different one. Among the variants
it prefers those whose sentences the learner has not heard lately (the snapshot's
recently_heard, newest first), and of the heard ones those heard longest ago. All
language-specific text lives in the phrase files and dailycast.locale_rules; this engine only
chooses, fills and measures.

Titles and names go in as given: the chain's checks look for them verbatim, and the
speech step escapes whatever markup characters they may hold.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Sequence
from dataclasses import dataclass

from dailycast.languages import SUPPORTED_LANGUAGES, length_units
from dailycast.learner import WEAK_SUBJECT_THRESHOLD, LearnerContext, QuizScore, Revisit
from dailycast.locale_rules import format_percent
from dailycast.scripts import (
    QUESTIONS_PER_PODCAST,
    Question,
    WriterError,
    WritingRequest,
    WrittenScript,
)
from dailycast.sentences import fingerprint, normalized, sentences
from services.scriptgen.writers.phrases import LEVELS, Phrases, join_titles, phrases_for

HIGH_SCORE = 0.85  # the same line learner.ability_level draws for "advanced"
SCORES_MENTIONED = 3
# The target is the reading units that, spoken by the request's voice with its pauses, last the
# minutes asked for. Pool segments are added while they bring the script nearer it. A script
# whose fixed part alone passes the target by more than SHORTER_ABOVE is rebuilt shorter: compact
# (a sentence per course and weak subject), then brief (no level, scores or technique either),
# then shortest (the courses and weak subjects only named, in the intros).
FORMS = ("full", "compact", "brief", "shortest")
SHORTER_ABOVE = 1.05


@dataclass(frozen=True)
class _PlannedQuestion:
    kind: str  # a question kind of the phrase banks
    index: int
    args: dict[str, str]


class _Choices(random.Random):
    """A seeded generator that, among variants, takes the one least heard lately."""

    def __init__(self, seed: str, recently_heard: Sequence[str]):
        super().__init__(seed)
        count = len(recently_heard)
        # Newest first: a sentence of yesterday weighs about 100, one of a week ago 1, so the
        # repeats a small bank forces fall on what was heard longest ago; what this script
        # already said weighs most (banks share a few short sentences).
        self.weights: dict[str, float] = {}
        for rank, heard in enumerate(recently_heard):
            self.weights.setdefault(heard, 2 ** (7 * (count - rank) / count))
        self.said = 1000.0

    def heard(self, text: str) -> float:
        """How much of the text the learner heard lately, a sentence on average (0: none)."""
        said = _sentence_prints(text)
        if not self.weights or not said:
            return 0.0
        return sum(self.weights.get(print_, 0.0) for print_ in said) / len(said)

    def pick(self, bank: Sequence[str], **fill: str) -> str:
        """One variant of the bank, filled: the least heard, ties broken by the seed."""
        return self.least_heard([template.format(**fill) for template in bank])

    def least_heard(self, texts: Sequence[str]) -> str:
        chosen = min(self.sample(list(texts), len(texts)), key=self.heard)
        self.weights.update((print_, self.said) for print_ in _sentence_prints(chosen))
        return chosen

    def freshest_first(self, texts: list[str]) -> list[str]:
        """The texts in a seeded order, those least heard first."""
        self.shuffle(texts)
        return sorted(texts, key=self.heard)


@functools.lru_cache(maxsize=8192)
def _sentence_prints(text: str) -> tuple[str, ...]:
    """The fingerprints of a text's sentences: cached, as a script weighs every variant of its
    pools several times (about 500 texts), and a learner's next script the same ones again."""
    return tuple(fingerprint(s) for s in sentences(text) if normalized(s))


class TemplateWriter:
    name = "template"

    async def write(self, request: WritingRequest) -> WrittenScript:
        _check_languages(request.languages)
        learner = request.learner
        seed = f"{learner.user_id}:{request.for_date.isoformat()}"
        primary = phrases_for(request.languages[0])
        plan = _plan_questions(_Choices(seed + ":questions", learner.recently_heard), learner, primary)
        texts = {lang: _question_texts(phrases_for(lang), plan) for lang in request.languages}
        scripts = {
            lang: _write_script(phrases_for(lang), lang, learner, texts[lang], seed, request.units_for(lang))
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


def _plan_questions(rng: _Choices, learner: LearnerContext, primary: Phrases) -> list[_PlannedQuestion]:
    """Three different questions: the learner's courses and weak subjects first, the least heard."""
    courses, weak = learner.courses, learner.weak_subjects
    first_course = _favoured(rng, courses, learner) if courses else ""
    other_courses = [c for c in courses if c != first_course] or courses
    wishes: list[tuple[str, dict[str, str]]] = []
    if courses:
        wishes.append(("course", {"course": first_course}))
    if weak:  # weak_subjects come weakest first
        wishes.append(("weak", {"subject": _favoured(rng, weak[:2], learner)}))
    if len(courses) >= 2:
        pair = rng.sample(courses, 2)
        wishes.append(("connect", {"course": pair[0], "course2": pair[1]}))
    if courses:
        wishes.append(("course", {"course": rng.choice(other_courses)}))
    wishes += [("general", {})] * QUESTIONS_PER_PODCAST

    # Indexes are drawn from the English bank's sizes, which all languages share.
    banks = phrases_for("en").questions
    unused = {kind: rng.sample(range(len(bank)), len(bank)) for kind, bank in banks}
    plan = []
    for kind, args in wishes[:QUESTIONS_PER_PODCAST]:
        # Heard in the primary language: the fingerprints are of its script.
        index = min(unused[kind], key=lambda i: rng.heard(primary.questions[kind][i].text.format(**args)))
        unused[kind].remove(index)
        plan.append(_PlannedQuestion(kind, index, args))
    return plan


def _question_texts(phrases: Phrases, plan: list[_PlannedQuestion]) -> list[str]:
    return [phrases.questions[q.kind][q.index].text.format(**q.args) for q in plan]


def _key_points(phrases: Phrases, planned: _PlannedQuestion) -> list[str]:
    points = phrases.questions[planned.kind][planned.index].key_points
    return [point.format(**planned.args) for point in points]


# --- the script ------------------------------------------------------------------------


def _write_script(
    p: Phrases, lang: str, learner: LearnerContext, questions: list[str], seed: str, target: int
) -> str:
    # A fresh generator per language: a script does not depend on the other languages asked for.
    for form in FORMS:  # many courses, long titles or a short podcast: say less
        rng = _Choices(seed, learner.recently_heard)
        head, tail = _fixed_parts(p, lang, rng, learner, questions, form)
        if _units(head + tail, lang) <= target * SHORTER_ABOVE:
            break
    # Fresh segments first, the long pool's too: a short bank repeats yesterday otherwise.
    pool = rng.freshest_first(_pool(p, rng, learner) + _long_pool(p, learner))
    filler = _pick_filler(pool, head + tail, lang, target)
    return "\n\n".join(head + filler + tail)


def _fixed_parts(
    p: Phrases, lang: str, rng: _Choices, learner: LearnerContext, questions: list[str], form: str
) -> tuple[list[str], list[str]]:
    """The paragraphs every script of the form has: those before the filler, and those after it."""
    level, compact, brief = _level(learner), form != "full", form in ("brief", "shortest")
    named_only = form == "shortest"
    # A course that is also a weak subject is talked about once, in the weak subjects' part.
    courses = [course for course in learner.courses if course not in learner.weak_subjects]
    head = [
        rng.pick(p.greeting, name=learner.name),
        _intro(p, lang, rng, learner.courses),
        *_revisit_segments(p, lang, rng, learner.revisit),
        *([] if brief else [rng.pick(p.level_intro[level])]),
        *([] if named_only else _course_segments(p, rng, courses, compact)),
        # shortest: only the weak intro (it names the subjects), or the "no weak subject" line
        *_weak_segments(p, lang, rng, learner.weak_subjects, compact)[: 1 if named_only else None],
        *([] if brief else _score_segments(p, lang, rng, learner.recent_scores)),
        *([] if brief else [rng.pick(p.technique) + p.sentence_gap + rng.pick(p.technique_depth[level])]),
    ]
    tail = [
        *_question_segments(p, rng, questions),
        rng.pick(p.recap),
        rng.pick(p.signoff, name=learner.name),
    ]
    return head, tail


def _level(learner: LearnerContext) -> str:
    return learner.ability_level if learner.ability_level in LEVELS else "beginner"


def _units(paragraphs: list[str], lang: str) -> int:
    return sum(length_units(paragraph, lang) for paragraph in paragraphs)


def _intro(p: Phrases, lang: str, rng: _Choices, courses: list[str]) -> str:
    if not courses:
        return rng.pick(p.intro_no_courses)
    return rng.pick(p.intro_courses, courses=join_titles(courses, lang))


def _revisit_segments(p: Phrases, lang: str, rng: _Choices, revisit: list[Revisit]) -> list[str]:
    """The last days' answers to come back to, said in one paragraph: those graded in this language."""
    here = [r for r in revisit if r.language == lang]
    missed = list(dict.fromkeys(point for r in here for point in r.missed))
    lines = [rng.pick(p.revisit, points=join_titles(missed, lang))] if missed else []
    if any(not r.missed for r in here):
        lines.append(rng.pick(p.revisit_weak))
    return [p.sentence_gap.join(lines)] if lines else []


def _favoured(rng: _Choices, topics: list[str], learner: LearnerContext) -> str:
    """One of the topics, those thumbed up (liked_topics) more often, those thumbed down less."""
    if not set(topics) & {*learner.liked_topics, *learner.disliked_topics}:
        return rng.choice(topics)  # no thumbs: the very draw it always was
    weights = [2.0 if t in learner.liked_topics else 0.25 if t in learner.disliked_topics else 1.0 for t in topics]
    return rng.choices(topics, weights)[0]


def _course_segments(p: Phrases, rng: _Choices, courses: list[str], compact: bool) -> list[str]:
    if compact:
        lines = _each(rng, p.course_brief, "course", courses)
        return [p.sentence_gap.join(lines)] if lines else []
    return _each(rng, p.course_segment, "course", courses)


def _weak_segments(p: Phrases, lang: str, rng: _Choices, subjects: list[str], compact: bool) -> list[str]:
    if not subjects:
        return [rng.pick(p.no_weak)]
    intro = rng.pick(p.weak_intro, subjects=join_titles(subjects, lang))
    if compact:
        return [intro, p.sentence_gap.join(_each(rng, p.weak_brief, "subject", subjects))]
    return [intro, *_each(rng, p.weak_segment, "subject", subjects)]


def _score_segments(p: Phrases, lang: str, rng: _Choices, scores: list[QuizScore]) -> list[str]:
    if not scores:
        return [rng.pick(p.no_scores)]
    unused = {band: list(bank) for band, bank in p.score_comment}
    comments = [
        _take(rng, unused, _band(s.score), p.score_comment[_band(s.score)], subject=s.subject, score=format_percent(s.score, lang))
        for s in scores[:SCORES_MENTIONED]
    ]
    return [p.sentence_gap.join([rng.pick(p.scores_intro), *comments])]


def _band(score: float) -> str:
    if score < WEAK_SUBJECT_THRESHOLD:
        return "low"
    return "high" if score >= HIGH_SCORE else "mid"


def _question_segments(p: Phrases, rng: _Choices, questions: list[str]) -> list[str]:
    prompts = {"think_prompt": list(p.think_prompt)}
    segments = [rng.pick(p.questions_intro)]
    for leads, question in zip(p.question_lead, questions):
        # The question goes in as a value, never re-parsed, so it stays verbatim. The prompt to
        # think follows it in its paragraph: the speech step pauses at the paragraph's end.
        prompt = _take(rng, prompts, "think_prompt", p.think_prompt)
        segments.append(rng.pick(leads, question=question) + p.sentence_gap + prompt)
    return segments


def _pool(p: Phrases, rng: _Choices, learner: LearnerContext) -> list[str]:
    """Optional segments, in a seeded order, to bring the script to its target length."""
    courses = learner.courses
    pool = [text.format(name=learner.name) for text in p.extra] + list(p.did_you_know)
    if courses:
        pool += [tip.format(course=_favoured(rng, courses, learner)) for tip in p.course_tip[_level(learner)]]
    if len(courses) >= 2:
        for text in p.connection:
            course, course2 = rng.sample(courses, 2)
            pool.append(text.format(course=course, course2=course2))
    return rng.freshest_first(pool)


def _long_pool(p: Phrases, learner: LearnerContext) -> list[str]:
    """More about each course and weak subject, and the other levels' course tips: every variant
    for every one of them, so a learner with few courses still hears something new all week."""
    level, weak = _level(learner), learner.weak_subjects
    courses = [course for course in learner.courses if course not in weak]  # as in _fixed_parts
    return [
        *(text.format(course=course) for course in courses for text in p.course_segment),
        *(text.format(subject=subject) for subject in weak for text in p.weak_segment),
        *(tip.format(course=course) for course in learner.courses for other in LEVELS if other != level for tip in p.course_tip[other]),
    ]


def _pick_filler(pool: list[str], fixed: list[str], lang: str, target: int) -> list[str]:
    """Pool segments, in order, each taken if it brings the script nearer the target and says no
    sentence already said (the long pool's templates are those of the fixed part's segments)."""
    picked, units, said = [], _units(fixed, lang), {s for paragraph in fixed for s in _long_sentences(paragraph)}
    for segment in pool:
        if units >= target:
            break
        size, said_here = length_units(segment, lang), _long_sentences(segment)
        if units + size - target < target - units and not said_here & said:
            picked.append(segment)
            units += size
            said |= said_here
    return picked


def _long_sentences(paragraph: str) -> set[str]:
    return {s for s in sentences(paragraph) if len(s) > 12}


# --- helpers ---------------------------------------------------------------------------


def _each(rng: _Choices, bank: Sequence[str], slot: str, items: list[str]) -> list[str]:
    """One template per item, without repeating a template while unused ones remain."""
    unused = {slot: list(bank)}
    return [_take(rng, unused, slot, bank, **{slot: item}) for item in items]


def _take(rng: _Choices, unused: dict[str, list[str]], key: str, bank: Sequence[str], **fill: str) -> str:
    """The least heard of the templates not yet used in this script (all of them again once used up), filled."""
    if not unused[key]:
        unused[key] = list(bank)
    filled = {template.format(**fill): template for template in unused[key]}
    chosen = rng.least_heard(list(filled))
    unused[key].remove(filled[chosen])
    return chosen

