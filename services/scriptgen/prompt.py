"""The LLM writers' prompt: one request that asks for the episode in every language at once.

Pure: it only formats the learner context of the request. The JSON the model must return is
described twice on purpose: in words in the prompt (every model reads it) and as a JSON schema
(`response_schema`) that providers with structured output enforce while decoding.
"""

from __future__ import annotations

from dataclasses import dataclass

from dailycast.languages import LANGUAGE_NAMES
from dailycast.learner import LearnerContext
from dailycast.scripts import QUESTIONS_PER_PODCAST, WritingRequest
from dailycast.speech_length import LENGTH_TOLERANCE
from dailycast.voices import unit_name

# The checks accept the minutes asked ±10 % (LENGTH_TOLERANCE); asking for ±7 % leaves the model
# room to miss a little.
ASKED_TOLERANCE = 0.7 * LENGTH_TOLERANCE
COUNT_WORDS = {1: "one", 2: "two", 3: "three"}

SYSTEM = (
    "You are the warm, friendly host of Dailycast, a short daily learning podcast made for one "
    "student. You write what the host says aloud: plain spoken sentences, no markdown, no headings, "
    "no stage directions, no speaker names. You answer with one JSON object and nothing else."
)


@dataclass(frozen=True)
class Prompt:
    system: str
    user: str


def build_multilingual_prompt(request: WritingRequest) -> Prompt:
    """The seed's prompt: the learner's context and one request for every language of the podcast."""
    parts = [
        _opening(request.languages),
        _about(request.learner),
        *_lately(request.learner),
        _episode(request),
        _reply_shape(request.languages),
    ]
    return Prompt(SYSTEM, "\n\n".join(parts))


def response_schema(languages: list[str]) -> dict:
    """JSON schema of the reply, strict-mode compatible (every property required, no extras)."""
    per_language = _object({lang: {"type": "string"} for lang in languages})
    question = _object(
        {
            "text": per_language,
            "key_points": {"type": "array", "items": {"type": "string"}},
        }
    )
    return _object(
        {
            "scripts": per_language,
            "questions": {
                "type": "array",
                "description": f"exactly {QUESTIONS_PER_PODCAST} questions",
                "items": question,
            },
        }
    )


def language_label(language: str) -> str:
    return f"{LANGUAGE_NAMES[language]} ({language})"


def _object(properties: dict) -> dict:
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def _opening(languages: list[str]) -> str:
    labels = " and ".join(language_label(lang) for lang in languages)
    if len(languages) == 1:
        return f"Generate a podcast script in {labels}."
    count = COUNT_WORDS.get(len(languages), str(len(languages)))
    return (
        f"Generate a podcast script in {count} languages, {labels}, all in this one reply: the same "
        "episode written natively in each language, not a word-for-word translation."
    )


def _about(learner: LearnerContext) -> str:
    lines = ["About the student:", f"- name: {learner.name}"]
    if learner.courses:
        lines.append("- courses (name every one, exactly as written here, in every language):")
        lines += [f"  - {course}" for course in learner.courses]
    else:
        lines.append("- courses: none yet")
    lines.append(f"- ability level: {learner.ability_level}")
    lines.append(f"- weak subjects: {', '.join(learner.weak_subjects) or 'none'}")
    scores = [f"{s.subject} {round(s.score * 100)}%" for s in learner.recent_scores]
    lines.append(f"- recent quiz scores: {', '.join(scores) or 'no quiz yet'}")
    return "\n".join(lines)


def _lately(learner: LearnerContext) -> list[str]:
    """What the student's last answers and thumbs say: the episode comes back to them (a part of its
    own, or none)."""
    lines = []
    if learner.revisit:
        lines.append("- In recent episodes the student's answers missed these points; come back to them early in "
                     "this episode and say so (as in \"last time you did not mention ...\"), in each language:")
        for r in learner.revisit:
            missed = "; ".join(r.missed) if r.missed else "a short, weak answer: encourage a fuller one"
            lines.append(f"  - to \"{r.question}\" ({LANGUAGE_NAMES.get(r.language, r.language)}, "
                         f"score {round(r.score * 100)}%): {missed}")
    if learner.liked_topics:
        lines.append(f"- Topics the student rated up lately (give them more room): {', '.join(learner.liked_topics)}")
    if learner.disliked_topics:
        lines.append("- Topics the student rated down lately (keep them short, still naming every course): "
                     f"{', '.join(learner.disliked_topics)}")
    return ["What the student told us lately:\n" + "\n".join(lines)] if lines else []


def _episode(request: WritingRequest) -> str:
    learner, languages = request.learner, request.languages
    lines = ["The episode:", f"- Greet {learner.name} by name. {_courses_line(learner.courses)}"]
    lines.append(
        f"- Pitch it at the {learner.ability_level} level. Spend the most time on the weak subjects, "
        "and mention the recent scores with encouragement."
    )
    lines.append(f"- About {request.minutes} minutes read aloud; in each language:")
    lines += [f"  - {language_label(lang)}: {_length(request, lang)}" for lang in languages]
    lines.append(
        f"- Ask exactly {QUESTIONS_PER_PODCAST} questions that make {learner.name} think about the courses. "
        "Write each question in the script word for word as you give it in \"questions\" (one sentence "
        "ending in a question mark) in a paragraph of its own. In the same paragraph, right "
        f"after the question, one short sentence inviting {learner.name} to pause and think; then end the "
        "paragraph (a blank line): the silence to answer in comes there."
    )
    lines.append(
        f"- For each question give 1 to 3 key points a good answer mentions, in {LANGUAGE_NAMES[languages[0]]}."
    )
    lines.append("- Friendly host tone: warm, clear and encouraging; close with a short recap and a goodbye.")
    return "\n".join(lines)


def _courses_line(courses: list[str]) -> str:
    if not courses:
        return "They have no course yet: talk about good study habits and how to pick a first course."
    titles = " and ".join(courses) if len(courses) <= 2 else ", ".join(courses[:-1]) + " and " + courses[-1]
    return (
        f'Open with their courses, as in "Since you study {titles}, ...", in each language\'s own words; '
        "the course titles stay exactly as written, untranslated."
    )


def _length(request: WritingRequest, language: str) -> str:
    """The words (characters) that, spoken by the voice that will speak them, last the minutes asked."""
    target = request.units_for(language)
    low, high = round(target * (1 - ASKED_TOLERANCE)), round(target * (1 + ASKED_TOLERANCE))
    return f"about {target} {unit_name(language)} (between {low} and {high})"


def _reply_shape(languages: list[str]) -> str:
    scripts = ", ".join(f'"{lang}": "<the whole {LANGUAGE_NAMES[lang]} script>"' for lang in languages)
    texts = ", ".join(f'"{lang}": "<the question in {LANGUAGE_NAMES[lang]}>"' for lang in languages)
    return (
        "Reply with this JSON object only:\n"
        f'{{"scripts": {{{scripts}}},\n'
        f' "questions": [{{"text": {{{texts}}}, "key_points": ["<point>", "<point>"]}}, '
        f"... {QUESTIONS_PER_PODCAST} questions in all]}}"
    )
