"""The speaking rates kept with the voice table: complete, for today's voices, honest about their source."""

from dataclasses import replace

import pytest

from dailycast.languages import SUPPORTED_LANGUAGES
from dailycast.voices import PROVIDERS, SpeakingRate, parse_rates, rates_toml, speaking_rate, voice_of
from dailycast.voices import _rates


@pytest.mark.parametrize("provider", PROVIDERS)
@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_every_voice_has_a_plausible_rate(provider, language):
    rate = speaking_rate(provider, language)
    assert rate.voice == voice_of(provider, language)[0]
    # words a minute for most languages, characters for ja and ko
    assert (250 <= rate.units_per_minute <= 450) if language in ("ja", "ko") else (100 <= rate.units_per_minute <= 220)


def test_local_rates_are_measured_and_polly_ones_say_they_are_estimates():
    for (provider, _), rate in _rates().items():
        if provider == "local":
            assert rate.measured and rate.source.startswith("measured")
        elif not rate.measured:
            assert rate.source.startswith("estimate")


def test_the_file_round_trips():
    rates = list(_rates().values())
    assert parse_rates(rates_toml(rates, "a header\nof two lines")) == _rates()


def test_a_rate_for_another_voice_is_refused():
    rates = [replace(r, voice="Matthew") if (r.provider, r.language) == ("polly", "en") else r for r in _rates().values()]
    with pytest.raises(ValueError, match="Joanna"):
        parse_rates(rates_toml(rates, ""))


def test_a_missing_rate_is_refused():
    rates = [r for r in _rates().values() if (r.provider, r.language) != ("local", "ko")]
    with pytest.raises(ValueError, match="no local rate for ko"):
        parse_rates(rates_toml(rates, ""))


def test_unknown_provider_or_language():
    with pytest.raises(ValueError, match="unknown speech provider"):
        speaking_rate("azure", "en")
    with pytest.raises(ValueError, match="no local voice"):
        speaking_rate("local", "xx")
    assert isinstance(speaking_rate("local", "en"), SpeakingRate)
