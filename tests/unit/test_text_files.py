"""The per-language text files: every one loads, and a broken one says which file and key."""

from __future__ import annotations

import shutil
import tomllib
import uuid
from pathlib import Path

import pytest

from dailycast import failure_reasons
from dailycast.failure_reasons import FailureReasons, failure_reason
from dailycast.languages import SUPPORTED_LANGUAGES
from dailycast.text_files import TextFileError, load_texts
from services.notifier import texts as notifier_texts
from services.notifier.texts import NotifierTexts
from services.scriptgen.writers import phrases
from services.scriptgen.writers.phrases import Phrases, phrases_for

PACKAGES = [(phrases, Phrases), (notifier_texts, NotifierTexts), (failure_reasons, FailureReasons)]


@pytest.mark.parametrize(("package", "model"), PACKAGES)
def test_every_language_loads(package, model):
    texts = load_texts(package.__name__, model, SUPPORTED_LANGUAGES)
    assert set(texts) == set(SUPPORTED_LANGUAGES)
    assert all(isinstance(text, model) for text in texts.values())


def test_files_are_loaded_once():
    assert phrases_for("fr") is phrases_for("fr")


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_every_step_has_a_reason(language):
    for step in ("scriptgen", "tts", "timeout"):
        assert failure_reason(step, language)
    with pytest.raises(KeyError):
        failure_reason("another-step", language)


@pytest.fixture
def copy(tmp_path, monkeypatch):
    """The phrase banks copied to a fresh package, ready to be broken; returns the package's name."""
    name = f"phrases_{uuid.uuid4().hex}"
    shutil.copytree(Path(phrases.__file__).parent, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / name / "__init__.py").write_text("")
    monkeypatch.syspath_prepend(str(tmp_path))
    return name


def edit(package: str, language: str, change) -> None:
    path = Path(__import__(package).__file__).parent / f"{language}.toml"
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


def load_error(package: str) -> str:
    with pytest.raises(TextFileError) as caught:
        load_texts(package, Phrases, SUPPORTED_LANGUAGES)
    return str(caught.value)


def test_a_valid_copy_loads(copy):
    assert load_texts(copy, Phrases, SUPPORTED_LANGUAGES)["fr"] == phrases_for("fr")


def test_a_missing_or_misspelt_key(copy):
    edit(copy, "fr", lambda text: text.replace("\nsignoff = [", "\nsignof = [", 1))
    message = load_error(copy)
    assert f"{copy}/fr.toml: signoff: Field required" in message
    assert f"{copy}/fr.toml: signof: Extra inputs are not permitted" in message


def test_a_placeholder_that_is_not_allowed(copy):
    def break_third_course_question(text: str) -> str:
        question = tomllib.loads(text)["questions"]["course"][2]["text"]
        return text.replace(question, question.replace("{course}", "{course2}"))

    edit(copy, "fr", break_third_course_question)
    assert load_error(copy) == (
        f"{copy}/fr.toml: questions.course[2].text: placeholder {{course2}} is not allowed here (allowed: {{course}})"
    )


def test_a_missing_placeholder(copy):
    edit(copy, "ja", lambda text: text.replace("{name}さん、こんにちは！", "こんにちは！", 1))
    assert load_error(copy) == f"{copy}/ja.toml: greeting[0]: placeholder {{name}} is missing"


def test_a_question_missing_in_one_language(copy):
    edit(copy, "de", lambda text: text[: text.rindex("[[questions.general]]")])
    assert load_error(copy) == (
        f"{copy}/de.toml: questions.general: 3 questions where the reference has 4 (reference: en.toml)"
    )


def test_a_level_missing(copy):
    edit(copy, "ko", lambda text: text.replace("level_intro.advanced = [", "level_intro.expert = [", 1))
    message = load_error(copy)
    assert f"{copy}/ko.toml: level_intro.advanced: Field required" in message
    assert f"{copy}/ko.toml: level_intro.expert: Extra inputs are not permitted" in message


def test_a_toml_syntax_error(copy):
    edit(copy, "it", lambda text: text.replace('sentence_gap = " "', 'sentence_gap " "', 1))
    message = load_error(copy)
    assert message.startswith(f"{copy}/it.toml: not valid TOML: ")
    assert "line 5" in message


def test_a_missing_file(copy):
    (Path(__import__(copy).__file__).parent / "pt.toml").unlink()
    assert load_error(copy) == f"{copy}/pt.toml: the file is missing"


def test_an_unbalanced_brace(copy):
    edit(copy, "en", lambda text: text.replace("Hello {name},", "Hello {name,", 1))
    assert load_error(copy).startswith(f"{copy}/en.toml: greeting[0]: ")
