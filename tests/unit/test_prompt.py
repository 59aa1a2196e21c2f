"""The LLM prompt: the learner's context and one request for every language, per language."""

from datetime import date

import pytest

from dailycast.languages import LANGUAGE_NAMES, SUPPORTED_LANGUAGES
from dailycast.learner import QuizScore
from dailycast.scripts import WritingRequest
from dailycast.speech_length import Speech
from services.scriptgen.prompt import build_multilingual_prompt, response_schema
from tests.utils.factories import learner

AIKO = learner(
    courses=["Django Fundamentals", "Python Advanced"],
    ability_level="intermediate",
    weak_subjects=["Database Design", "Linear Algebra"],
    recent_scores=[QuizScore("Database Design", 0.52), QuizScore("Python Advanced", 0.815)],
)


def request_for(languages, who=AIKO, minutes=6, speech=Speech()):
    return WritingRequest(7, date(2026, 11, 24), list(languages), who, minutes, speech)


def prompt_for(languages, who=AIKO, **length):
    return build_multilingual_prompt(request_for(languages, who, **length))


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_prompt_carries_the_learner_context(lang):
    user = prompt_for([lang]).user
    assert f"Generate a podcast script in {LANGUAGE_NAMES[lang]} ({lang})." in user
    assert "Aiko" in user
    assert '"Since you study Django Fundamentals and Python Advanced, ..."' in user
    assert "  - Django Fundamentals\n  - Python Advanced" in user
    assert "ability level: intermediate" in user and "at the intermediate level" in user
    assert "weak subjects: Database Design, Linear Algebra" in user
    assert "recent quiz scores: Database Design 52%, Python Advanced 82%" in user


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_prompt_gives_the_target_length_in_the_languages_unit(lang):
    user = prompt_for([lang]).user
    unit = "characters" if lang in ("ja", "ko") else "words"
    assert f"{LANGUAGE_NAMES[lang]} ({lang}): about {request_for([lang]).units_for(lang)} {unit}" in user
    assert "About 6 minutes" in user


@pytest.mark.parametrize("minutes", [3, 6, 10])
def test_prompt_asks_for_the_minutes_requested_at_the_speaking_voices_rate(minutes):
    local, polly = (request_for(["fr"], minutes=minutes, speech=Speech(p, 5.0)) for p in ("local", "polly"))
    assert f"About {minutes} minutes read aloud" in build_multilingual_prompt(local).user
    # eSpeak NG's French is faster than Polly's estimate: more words for the same minutes
    assert local.units_for("fr") > polly.units_for("fr")
    for request in (local, polly):
        target = request.units_for("fr")
        assert f"French (fr): about {target} words" in build_multilingual_prompt(request).user
        # the question pauses are part of the minutes
        assert request.audio_minutes("mot " * target, "fr") == pytest.approx(minutes, abs=0.01)


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_prompt_asks_three_questions_verbatim_with_key_points_and_the_json(lang):
    prompt = prompt_for([lang])
    assert "exactly 3 questions" in prompt.user and "word for word" in prompt.user
    assert "1 to 3 key points" in prompt.user
    assert f'"scripts": {{"{lang}": "<the whole {LANGUAGE_NAMES[lang]} script>"}}' in prompt.user
    assert "friendly" in prompt.system and "JSON" in prompt.system


@pytest.mark.parametrize("pair", [("en", "ja"), ("fr", "ko"), ("ru", "pt")], ids="-".join)
def test_bilingual_prompt_is_one_request_for_both_languages(pair):
    first, second = pair
    user = prompt_for(pair).user
    names = f"{LANGUAGE_NAMES[first]} ({first}) and {LANGUAGE_NAMES[second]} ({second})"
    assert user.startswith(f"Generate a podcast script in two languages, {names}, all in this one reply")
    for lang in pair:
        assert f"{LANGUAGE_NAMES[lang]} ({lang}): about {request_for(pair).units_for(lang)}" in user
        assert f'"{lang}": "<the whole {LANGUAGE_NAMES[lang]} script>"' in user
    assert f"key points a good answer mentions, in {LANGUAGE_NAMES[first]}" in user


def test_prompt_for_a_learner_with_nothing_yet():
    newcomer = learner(courses=[], weak_subjects=[], recent_scores=[], ability_level="beginner")
    user = prompt_for(["en"], newcomer).user
    assert "courses: none yet" in user and "Since you study" not in user
    assert "weak subjects: none" in user and "recent quiz scores: no quiz yet" in user


def test_three_courses_are_listed_with_commas():
    many = learner(courses=["A1", "B2", "C3"])
    assert '"Since you study A1, B2 and C3, ..."' in prompt_for(["en"], many).user


def test_schema_requires_every_language_and_allows_nothing_else():
    schema = response_schema(["en", "ja"])
    scripts = schema["properties"]["scripts"]
    question = schema["properties"]["questions"]["items"]
    assert scripts["required"] == ["en", "ja"] and question["properties"]["text"]["required"] == ["en", "ja"]
    assert question["required"] == ["text", "key_points"]
    # OpenAI's strict mode: every object lists all its properties as required and forbids others.
    for node in (schema, scripts, question, question["properties"]["text"]):
        assert node["additionalProperties"] is False and node["required"] == list(node["properties"])


def test_prompt_asks_for_the_think_prompt_right_after_each_question_in_its_paragraph():
    # The speech step pauses at the end of the question's paragraph: the invitation to think
    # must come before that, and nothing else after it.
    user = prompt_for(["en"]).user
    assert (
        "In the same paragraph, right after the question, one short sentence inviting "
        "Aiko to pause and think; then end the paragraph" in user
    )


def test_the_prompt_comes_back_to_missed_points_and_says_the_topics_thumbed():
    from dataclasses import replace

    from dailycast.learner import Revisit

    who = replace(AIKO, revisit=[Revisit("Why index a table?", ["slower writes"], 0.5, "en"),
                                 Revisit("What is a view?", [], 0.2, "en")],
                  liked_topics=["Django Fundamentals"], disliked_topics=["Python Advanced"])
    prompt = prompt_for(["en"], who).user
    assert 'to "Why index a table?" (English, score 50%): slower writes' in prompt
    assert 'to "What is a view?" (English, score 20%): a short, weak answer' in prompt
    assert "say so" in prompt
    assert "rated up lately (give them more room): Django Fundamentals" in prompt
    assert "rated down lately (keep them short, still naming every course): Python Advanced" in prompt
    assert "What the student told us lately" not in prompt_for(["en"]).user
