import pytest

from dailycast.languages import SUPPORTED_LANGUAGES
from services.tts.synthesizers.base import Voice
from services.tts.voices import ESPEAK_VOICES, POLLY_VOICES, pick_voice


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_every_supported_language_has_a_voice_per_provider(language):
    local = pick_voice(language, "local")
    polly = pick_voice(language, "polly")
    assert (local.language, local.engine) == (language, "local")
    assert polly.language == language
    assert polly.engine in {"neural", "standard"}


def test_local_voices_are_espeak_names():
    assert pick_voice("en", "local") == Voice("en", "en-us", "local")
    assert pick_voice("pt", "local").name == "pt-br"
    assert pick_voice("ja", "local").name == "ja"


@pytest.mark.parametrize(
    ("language", "name", "engine"),
    [
        ("en", "Joanna", "neural"),
        ("ja", "Takumi", "neural"),
        ("es", "Lucia", "neural"),
        ("fr", "Lea", "neural"),
        ("de", "Vicki", "neural"),
        ("it", "Bianca", "neural"),
        ("pt", "Camila", "neural"),
        ("ru", "Tatyana", "standard"),
        ("ko", "Seoyeon", "neural"),
    ],
)
def test_polly_voices(language, name, engine):
    assert pick_voice(language, "polly") == Voice(language, name, engine)


def test_tables_cover_exactly_the_supported_languages():
    assert set(ESPEAK_VOICES) == set(SUPPORTED_LANGUAGES)
    assert set(POLLY_VOICES) == set(SUPPORTED_LANGUAGES)


def test_unknown_language_is_named():
    with pytest.raises(ValueError, match="'xx'"):
        pick_voice("xx", "local")
    with pytest.raises(ValueError, match="'xx'"):
        pick_voice("xx", "polly")


def test_unknown_provider_is_named():
    with pytest.raises(ValueError, match="'azure'"):
        pick_voice("en", "azure")
