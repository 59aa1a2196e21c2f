"""Parsing a model's reply: a usable script per language, or a WriterError naming the reason."""

import json
from datetime import date

import pytest

from dailycast.languages import SUPPORTED_LANGUAGES
from dailycast.scripts import TokenUsage, WriterError, WritingRequest
from services.scriptgen.llm_output import parse_script
from services.scriptgen.script_checks import language_problems, script_problems
from tests.utils.factories import learner
from bench.provider_replies import script_reply

COURSES = ["Django Fundamentals", "Python Advanced"]


def request(*languages) -> WritingRequest:
    return WritingRequest(7, date(2026, 11, 24), list(languages), learner(courses=COURSES))


def parse(reply, *languages):
    text = reply if isinstance(reply, str) else json.dumps(reply, ensure_ascii=False)
    return parse_script(text, request(*languages), "openai", "gpt-4o-mini", TokenUsage(1000, 234))


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_a_good_reply_parses_in_every_language(lang):
    written = parse(script_reply([lang], COURSES), lang)
    assert (written.writer, written.model, written.tokens_used) == ("openai", "gpt-4o-mini", 1234)
    assert [q.id for q in written.questions] == ["q1", "q2", "q3"]
    assert all(q.text[lang] in written.scripts[lang] and q.key_points for q in written.questions)
    assert script_problems(written, request(lang)) == []


@pytest.mark.parametrize("pair", [("en", "ja"), ("fr", "de"), ("ko", "ru"), ("it", "pt"), ("es", "en")], ids="-".join)
def test_a_bilingual_reply_parses(pair):
    written = parse(script_reply(list(pair), COURSES), *pair)
    assert set(written.scripts) == set(pair)
    assert all(set(q.text) == set(pair) for q in written.questions)


def test_json_in_a_markdown_fence_is_accepted():
    fenced = "```json\n" + json.dumps(script_reply(["en"], COURSES)) + "\n```"
    assert parse(fenced, "en").scripts["en"].startswith("Since you study")


def test_more_key_points_than_asked_are_cut_to_three():
    reply = script_reply(["en"], COURSES)
    reply["questions"][0]["key_points"] = ["a", "b", "c", "d"]
    assert parse(reply, "en").questions[0].key_points == ["a", "b", "c"]


def _without_scripts(r):
    del r["scripts"]


def _drop_fr_script(r):
    del r["scripts"]["fr"]


def _two_questions(r):
    r["questions"].pop()


def _no_fr_question_text(r):
    del r["questions"][1]["text"]["fr"]


def _no_key_points(r):
    r["questions"][0]["key_points"] = []


def _unasked(r):
    r["questions"][1]["text"]["en"] = "What did you have for breakfast today?"


def _same_question_twice(r):
    r["questions"][2] = r["questions"][0]


def _english_in_french_slot(r):
    r["scripts"]["fr"] = r["scripts"]["en"]
    for q in r["questions"]:
        q["text"]["fr"] = q["text"]["en"]


BROKEN = {
    "no scripts": (_without_scripts, 'no "scripts" object'),
    "missing language": (_drop_fr_script, "no script in fr"),
    "two questions": (_two_questions, "2 questions, not 3"),
    "question without a language": (_no_fr_question_text, "question 2 has no text in fr"),
    "no key points": (_no_key_points, "question 1 has no key points"),
    "question not asked": (_unasked, "the en script does not ask question q2 verbatim"),
    "same question twice": (_same_question_twice, "the en questions are not all different"),
    "wrong language": (_english_in_french_slot, "the fr script reads as en"),
}


@pytest.mark.parametrize("case", BROKEN)
def test_each_broken_reply_names_its_reason(case):
    breaks, reason = BROKEN[case]
    reply = script_reply(["en", "fr"], COURSES)
    breaks(reply)
    with pytest.raises(WriterError, match=reason):
        parse(reply, "en", "fr")


@pytest.mark.parametrize(
    "text, reason",
    [
        ("Sure! Here is your podcast.", "not JSON"),
        ("", "empty"),
        (None, "empty"),
        ("[1, 2, 3]", "not an object"),
        ('{"scripts": {"en": "x"}}', 'no "questions" list'),
    ],
)
def test_malformed_replies_name_their_reason(text, reason):
    with pytest.raises(WriterError, match=reason):
        parse_script(text, request("en"), "gemini", None, None)


def test_language_problems_name_what_the_text_reads_as():
    english = script_reply(["en"], COURSES)["scripts"]["en"]
    assert language_problems({"en": english, "ja": english}, ["en", "ja"]) == ["the ja script reads as en"]
    assert language_problems({"ko": "12345 !!"}, ["ko"]) == ["the ko script reads as no known language"]
