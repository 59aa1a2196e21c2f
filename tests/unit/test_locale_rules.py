"""Lists, percentages and language names per language: CLDR, with hand rules where speech differs."""

from __future__ import annotations

import re

import pytest

from dailycast.languages import LANGUAGE_NAMES, SUPPORTED_LANGUAGES
from dailycast.locale_rules import format_percent, join_list, language_name

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("language", "joined"),
    [
        ("en", "A, B, and C"),  # CLDR's serial comma: harmless when spoken
        ("es", "A, B y C"),
        ("fr", "A, B et C"),
        ("de", "A, B und C"),
        ("it", "A, B e C"),
        ("pt", "A, B e C"),
        ("ru", "A, B и C"),
        ("ja", "A、BとC"),
        ("ko", "A, B, C"),  # a Latin title: no particle can be chosen
    ],
)
def test_lists_use_each_languages_conjunction(language, joined):
    assert join_list(["A", "B", "C"], language) == joined


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_short_lists(language):
    assert join_list([], language) == ""
    assert join_list(["A"], language) == "A"


def test_two_items():
    assert join_list(["A", "B"], "en") == "A and B"
    assert join_list(["英語", "日本語"], "ja") == "英語と日本語"


def test_spanish_y_becomes_e_before_an_i_sound():
    assert join_list(["Python", "Introduction to ML"], "es") == "Python e Introduction to ML"
    assert join_list(["Python", "Historia"], "es") == "Python e Historia"
    assert join_list(["español", "italiano"], "es") == "español e italiano"
    assert join_list(["Python", "Hielo"], "es") == "Python y Hielo"  # "hie-" is a y-sound
    assert join_list(["Python", "Django"], "es") == "Python y Django"
    assert join_list(["Arte", "Python", "Idiomas"], "es") == "Arte, Python e Idiomas"


def test_korean_and_follows_the_sound_before_it():
    assert join_list(["영어", "한국어"], "ko") == "영어와 한국어"  # 어 ends in a vowel
    assert join_list(["선형대수", "통계학", "미적분"], "ko") == "선형대수, 통계학과 미적분"  # 학 ends in ㄱ
    assert join_list(["Python", "한국어"], "ko") == "Python, 한국어"
    assert "및" not in join_list(["영어", "한국어", "일본어"], "ko")  # CLDR's written style


@pytest.mark.parametrize(
    ("language", "percent"),
    [
        ("en", "52%"),
        ("ja", "52%"),
        ("ko", "52%"),  # read "퍼센트"
        ("it", "52%"),
        ("pt", "52%"),
        ("es", f"52{NBSP}%"),
        ("fr", f"52{NBSP}%"),
        ("de", f"52{NBSP}%"),
        ("ru", f"52{NBSP}%"),
    ],
)
def test_percentages_as_cldr_writes_them(language, percent):
    assert format_percent(0.52, language) == percent


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_percentages_read_as_percentages(language):
    assert re.fullmatch(r"100\s?%", format_percent(1.0, language))
    assert re.fullmatch(r"0\s?%", format_percent(0.0, language))


def test_language_names():
    assert LANGUAGE_NAMES == {
        "en": "English",
        "ja": "Japanese",
        "es": "Spanish",
        "fr": "French",
        "de": "German",
        "it": "Italian",
        "pt": "Portuguese",
        "ru": "Russian",
        "ko": "Korean",
    }
    assert language_name("ja", "de") == "Japanisch"
    assert language_name("en", "es") == "inglés"
    assert language_name("ko", "ko") == "한국어"
    assert language_name("xx", "fr") == "xx"
