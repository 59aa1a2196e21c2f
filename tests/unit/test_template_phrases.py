"""The template writer's phrase banks: one shape for all languages, every template usable."""

from __future__ import annotations

import re
from string import Formatter

import pytest

from dailycast.languages import SUPPORTED_LANGUAGES
from services.scriptgen.writers.template_phrases import (
    LEVELS,
    QUESTION_KINDS,
    REQUIRED_NAMES,
    SCORE_BANDS,
    phrases_for,
)

LANGUAGES = list(SUPPORTED_LANGUAGES)
ENGLISH = phrases_for("en")

# name -> (placeholders every template must have, placeholders a template may have)
PLACEHOLDERS = {
    "GREETING": ({"name"}, {"name"}),
    "INTRO_COURSES": ({"courses"}, {"courses"}),
    "COURSE_SEGMENT": ({"course"}, {"course"}),
    "COURSE_BRIEF": ({"course"}, {"course"}),
    "WEAK_INTRO": ({"subjects"}, {"subjects"}),
    "WEAK_SEGMENT": ({"subject"}, {"subject"}),
    "WEAK_BRIEF": ({"subject"}, {"subject"}),
    "SCORE_COMMENT": ({"subject", "score"}, {"subject", "score"}),
    "EXTRA": (set(), {"name"}),
    "COURSE_TIP": ({"course"}, {"course"}),
    "CONNECTION": ({"course", "course2"}, {"course", "course2"}),
    "QUESTION_LEAD": ({"question"}, {"question"}),
    "SIGNOFF": ({"name"}, {"name"}),
}
# Banks picked once per course, weak subject, score or question need that many variants
# so that one script never repeats a sentence.
MIN_VARIANTS = {
    "COURSE_SEGMENT": 6,
    "COURSE_BRIEF": 6,
    "WEAK_SEGMENT": 4,
    "WEAK_BRIEF": 4,
    "THINK_PROMPT": 3,
    "EXTRA": 15,
}
TEMPLATE_BANKS = [name for name in REQUIRED_NAMES if name.isupper() and name not in ("QUESTIONS", "SENTENCE_GAP")]
ENGLISH_WORDS = {"the", "and", "you", "your", "is", "to", "of", "with", "that", "this", "it", "what", "for", "are"}
SCRIPT_LETTERS = {"ja": r"[\u3040-\u30ff]", "ko": r"[\uac00-\ud7a3]", "ru": r"[\u0400-\u04ff]"}


def templates(bank) -> list[str]:
    """All the strings in a bank, however it is nested."""
    if isinstance(bank, str):
        return [bank]
    if isinstance(bank, dict):
        return [t for value in bank.values() for t in templates(value)]
    return [t for item in bank for t in templates(item)]


def placeholders(template: str) -> set[str]:
    return {field for _, field, _, _ in Formatter().parse(template) if field is not None}


def all_templates(lang: str) -> list[str]:
    phrases = phrases_for(lang)
    return [t for name in TEMPLATE_BANKS for t in templates(getattr(phrases, name))] + templates(
        phrases.QUESTIONS
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_has_the_same_names(lang):
    phrases = phrases_for(lang)
    public = {name for name in vars(phrases) if name.isupper() and not name.startswith("_")}
    assert public == {name for name in REQUIRED_NAMES if name.isupper()}
    assert callable(phrases.join_list) and callable(phrases.format_percent)
    assert phrases.SENTENCE_GAP in (" ", "")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_nested_banks_have_the_same_keys_and_sizes(lang):
    phrases = phrases_for(lang)
    for name in ("LEVEL_INTRO", "TECHNIQUE_DEPTH", "COURSE_TIP"):
        assert set(getattr(phrases, name)) == set(LEVELS), name
    assert set(phrases.SCORE_COMMENT) == set(SCORE_BANDS)
    assert all(len(bank) >= 3 for bank in phrases.SCORE_COMMENT.values())
    assert len(phrases.QUESTION_LEAD) == 3
    assert all(len(leads) >= 2 for leads in phrases.QUESTION_LEAD)
    for name in TEMPLATE_BANKS:
        bank = getattr(phrases, name)
        if isinstance(bank, list) and name != "QUESTION_LEAD":
            assert len(bank) >= MIN_VARIANTS.get(name, 2), name


@pytest.mark.parametrize("lang", LANGUAGES)
def test_questions_are_aligned_with_english(lang):
    questions = phrases_for(lang).QUESTIONS
    assert set(questions) == set(QUESTION_KINDS) == set(ENGLISH.QUESTIONS)
    for kind, bank in questions.items():
        assert len(bank) == len(ENGLISH.QUESTIONS[kind]), kind
        for question, english in zip(bank, ENGLISH.QUESTIONS[kind]):
            assert placeholders(question["text"]) == placeholders(english["text"]), question["text"]
            assert question["text"].endswith(("?", "？"))
            assert 1 <= len(question["key_points"]) <= 3
            for point in question["key_points"]:
                assert placeholders(point) <= placeholders(question["text"]), point


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", list(PLACEHOLDERS))
def test_templates_use_the_right_placeholders(lang, name):
    required, allowed = PLACEHOLDERS[name]
    for template in templates(getattr(phrases_for(lang), name)):
        assert required <= placeholders(template) <= allowed, template


@pytest.mark.parametrize("lang", LANGUAGES)
def test_other_templates_have_no_placeholders(lang):
    phrases = phrases_for(lang)
    for name in set(TEMPLATE_BANKS) - set(PLACEHOLDERS):
        for template in templates(getattr(phrases, name)):
            assert placeholders(template) == set(), (name, template)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_templates_are_clean_speakable_text(lang):
    texts = all_templates(lang)
    values = dict(name="N", courses="C", course="C", course2="D", subjects="S", subject="S", score="1%", question="Q?")
    for template in texts:
        filled = template.format(**values)
        assert not set(filled) & set("<>&{}[]*#`\n"), template
        assert filled == filled.strip() and "  " not in filled, template
    assert len(texts) == len(set(texts)), "a template is repeated"


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_no_template_is_left_in_english(lang):
    for template in all_templates(lang):
        text = re.sub(r"\{\w+\}", " ", template)
        if lang in SCRIPT_LETTERS:
            assert re.search(SCRIPT_LETTERS[lang], text), template
        english = [w for w in re.findall(r"[a-z]+", text.lower()) if w in ENGLISH_WORDS]
        assert len(english) <= 1, template


def test_lists_are_joined_with_each_languages_conjunction():
    cases = {
        "en": "A, B and C",
        "ja": "A、BとC",
        "es": "A, B y C",
        "fr": "A, B et C",
        "de": "A, B und C",
        "it": "A, B e C",
        "pt": "A, B e C",
        "ru": "«A», «B» и «C»",
        "ko": "A, B, C",
    }
    assert set(cases) == set(LANGUAGES)
    for lang, joined in cases.items():
        join = phrases_for(lang).join_list
        assert join(["A", "B", "C"]) == joined
        assert "A" in join(["A"]) and join([]) == ""
    assert phrases_for("en").join_list(["A", "B"]) == "A and B"
    assert phrases_for("ja").join_list(["A", "B"]) == "AとB"


def test_spanish_y_becomes_e_before_an_i_sound():
    join = phrases_for("es").join_list
    assert join(["Python", "Introduction to ML"]) == "Python e Introduction to ML"
    assert join(["Python", "Historia"]) == "Python e Historia"
    assert join(["Python", "Hielo"]) == "Python y Hielo"
    assert join(["Python", "Django"]) == "Python y Django"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_percentages_read_as_percentages(lang):
    percent = phrases_for(lang).format_percent
    assert re.fullmatch(r"52 ?%", percent(0.52))
    assert re.fullmatch(r"100 ?%", percent(1.0))
    assert re.fullmatch(r"0 ?%", percent(0.0))
