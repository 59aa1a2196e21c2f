"""The template writer's phrase banks: one shape for all languages, every template usable.

The model (services/scriptgen/writers/phrases) enforces keys and placeholders when a bank loads;
these tests state the same rules independently and check what the model does not.
"""

from __future__ import annotations

import re
from string import Formatter

import pytest
from pydantic import BaseModel

from dailycast.languages import SUPPORTED_LANGUAGES
from services.scriptgen.writers.phrases import (
    LEVELS,
    QUESTION_KINDS,
    SCORE_BANDS,
    Phrases,
    join_titles,
    phrases_for,
)

LANGUAGES = list(SUPPORTED_LANGUAGES)
ENGLISH = phrases_for("en")

# name -> (placeholders every template must have, placeholders a template may have)
PLACEHOLDERS = {
    "greeting": ({"name"}, {"name"}),
    "intro_courses": ({"courses"}, {"courses"}),
    "course_segment": ({"course"}, {"course"}),
    "course_brief": ({"course"}, {"course"}),
    "weak_intro": ({"subjects"}, {"subjects"}),
    "weak_segment": ({"subject"}, {"subject"}),
    "weak_brief": ({"subject"}, {"subject"}),
    "score_comment": ({"subject", "score"}, {"subject", "score"}),
    "extra": (set(), {"name"}),
    "course_tip": ({"course"}, {"course"}),
    "connection": ({"course", "course2"}, {"course", "course2"}),
    "question_lead": ({"question"}, {"question"}),
    "revisit": ({"points"}, {"points"}),
    "signoff": ({"name"}, {"name"}),
}
# Banks picked once per course, weak subject, score or question need that many variants
# so that one script never repeats a sentence.
MIN_VARIANTS = {
    "course_segment": 6,
    "course_brief": 6,
    "weak_segment": 4,
    "weak_brief": 4,
    "think_prompt": 6,  # 3 a script, and none of yesterday's
    "extra": 15,
}
TEMPLATE_BANKS = [name for name in Phrases.model_fields if name not in ("questions", "sentence_gap", "list_item")]
ENGLISH_WORDS = {"the", "and", "you", "your", "is", "to", "of", "with", "that", "this", "it", "what", "for", "are"}
SCRIPT_LETTERS = {"ja": r"[\u3040-\u30ff]", "ko": r"[\uac00-\ud7a3]", "ru": r"[\u0400-\u04ff]"}


def templates(bank) -> list[str]:
    """All the strings in a bank, however it is nested."""
    if isinstance(bank, str):
        return [bank]
    if isinstance(bank, BaseModel):
        return [t for _, value in bank for t in templates(value)]
    return [t for item in bank for t in templates(item)]


def placeholders(template: str) -> set[str]:
    return {field for _, field, _, _ in Formatter().parse(template) if field is not None}


def all_templates(lang: str) -> list[str]:
    phrases = phrases_for(lang)
    return [t for name in TEMPLATE_BANKS for t in templates(getattr(phrases, name))] + templates(
        phrases.questions
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_loads(lang):
    phrases = phrases_for(lang)
    assert isinstance(phrases, Phrases)
    assert phrases.sentence_gap == ("" if lang == "ja" else " ")
    assert placeholders(phrases.list_item) == {"item"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_nested_banks_have_the_same_keys_and_sizes(lang):
    phrases = phrases_for(lang)
    for name in ("level_intro", "technique_depth", "course_tip"):
        assert {level for level, _ in getattr(phrases, name)} == set(LEVELS), name
    assert {band for band, _ in phrases.score_comment} == set(SCORE_BANDS)
    assert all(len(bank) >= 3 for _, bank in phrases.score_comment)
    assert len(phrases.question_lead) == 3
    assert all(len(leads) >= 2 for leads in phrases.question_lead)
    for name in TEMPLATE_BANKS:
        bank = getattr(phrases, name)
        if isinstance(bank, tuple) and name != "question_lead":
            assert len(bank) >= MIN_VARIANTS.get(name, 2), name


@pytest.mark.parametrize("lang", LANGUAGES)
def test_questions_are_aligned_with_english(lang):
    questions = phrases_for(lang).questions
    assert {kind for kind, _ in questions} == set(QUESTION_KINDS)
    for kind, bank in questions:
        assert len(bank) == len(ENGLISH.questions[kind]), kind
        for question, english in zip(bank, ENGLISH.questions[kind]):
            assert placeholders(question.text) == placeholders(english.text), question.text
            assert question.text.endswith(("?", "？"))
            assert 1 <= len(question.key_points) <= 3
            for point in question.key_points:
                assert placeholders(point) <= placeholders(question.text), point


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
    values = dict(name="N", courses="C", course="C", course2="D", subjects="S", subject="S", score="1%", question="Q?", points="P")
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
        "en": "A, B, and C",  # CLDR's serial comma
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
        assert join_titles(["A", "B", "C"], lang) == joined
        assert "A" in join_titles(["A"], lang) and join_titles([], lang) == ""
    assert join_titles(["A", "B"], "en") == "A and B"
    assert join_titles(["A", "B"], "ja") == "AとB"
