"""The local grader: key points found in an answer in every language, and feedback in it."""

import pytest

from dailycast.grading import AnswerToGrade, Grade, grade_locally
from dailycast.languages import SUPPORTED_LANGUAGES

# (language, key points, an answer covering the first only, an answer covering both)
CASES = [
    ("en", ["normalise the tables", "primary keys"], "I would normalize my table design.",
     "Normalizing tables and choosing a primary key for each."),
    ("es", ["normalizar las tablas", "claves primarias"], "Normalizaría cada tabla.",
     "Normalizando las tablas y eligiendo una clave primaria."),
    ("fr", ["normaliser les tables", "clés primaires"], "Je normaliserais chaque table.",
     "En normalisant les tables et en choisissant une clé primaire."),
    ("de", ["Tabellen normalisieren", "Primärschlüssel"], "Ich würde jede Tabelle normalisieren.",
     "Die Tabellen normalisieren und für jede einen Primärschlüssel wählen."),
    ("it", ["normalizzare le tabelle", "chiavi primarie"], "Normalizzerei ogni tabella.",
     "Normalizzando le tabelle e scegliendo una chiave primaria."),
    ("pt", ["normalizar as tabelas", "chaves primárias"], "Eu normalizaria cada tabela.",
     "Normalizando as tabelas e escolhendo uma chave primária."),
    ("ru", ["нормализовать таблицы", "первичные ключи"], "Я бы нормализовал каждую таблицу.",
     "Нормализовать таблицы и выбрать первичный ключ для каждой."),
    ("ja", ["テーブルの正規化", "主キー"], "テーブルを正規化します。",
     "テーブルを正規化して、それぞれに主キーを決めます。"),
    ("ko", ["테이블 정규화", "기본 키"], "테이블을 정규화하겠습니다.",
     "테이블을 정규화하고 각각 기본 키를 정합니다."),
]


def _grade(language, points, answer):
    return grade_locally(AnswerToGrade(question="?", key_points=points, answer=answer, language=language))


def test_every_language_has_a_case():
    assert sorted(c[0] for c in CASES) == sorted(SUPPORTED_LANGUAGES)


@pytest.mark.parametrize("language, points, first_only, both", CASES, ids=[c[0] for c in CASES])
def test_key_points_are_found_after_normalisation(language, points, first_only, both):
    partial = _grade(language, points, first_only)
    assert partial.key_points_covered == points[:1]
    assert partial.score == 0.5
    full = _grade(language, points, both)
    assert full.key_points_covered == points
    assert full.score == 1.0
    none = _grade(language, points, "42")
    assert none.key_points_covered == [] and none.score == 0.0


@pytest.mark.parametrize("language, points, first_only, both", CASES, ids=[c[0] for c in CASES])
def test_feedback_is_in_the_language_and_names_what_is_missing(language, points, first_only, both):
    partial, full, none = (_grade(language, points, a) for a in (first_only, both, "42"))
    assert points[1] in partial.feedback and points[0] in partial.feedback
    assert points[1] in none.feedback
    assert len({partial.feedback, full.feedback, none.feedback}) == 3
    if language != "en":
        assert partial.feedback != _grade("en", points, first_only).feedback


def test_stopwords_alone_cover_nothing():
    assert _grade("en", ["the role of indexes"], "The role of the teacher.").key_points_covered == []


def test_a_grade_is_its_own_record():
    grade = _grade("en", ["primary keys"], "a primary key")
    assert grade == Grade(key_points_covered=["primary keys"], score=1.0, feedback=grade.feedback)


def test_missed_key_points_and_weak_answers_are_revisited_newest_first_three_at_most():
    from dailycast.grading import revisits
    from dailycast.learner import Revisit

    graded = [
        ("Q1?", ["a", "b"], Grade(["a"], 0.5, ""), "en"),
        ("Q2?", ["c"], Grade(["c"], 1.0, ""), "en"),  # all covered: nothing to come back to
        ("Q3?", ["d"], Grade(["d"], 0.3, ""), "en"),  # covered, but weak
        ("Q4?", ["e"], Grade([], 0.0, ""), "fr"),
        ("Q5?", ["f"], Grade([], 0.0, ""), "en"),
    ]
    assert revisits(graded) == [Revisit("Q1?", ["b"], 0.5, "en"), Revisit("Q3?", [], 0.3, "en"),
                                Revisit("Q4?", ["e"], 0.0, "fr")]
