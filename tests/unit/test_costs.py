"""The cost estimate: tokens and characters at their prices, in micro-dollars; 0 where nothing is billed."""

import pytest

from dailycast.costs import Prices, TokenPrice, script_cost, speech_cost, usd
from dailycast.events import AudioTrack
from services.api.settings import ApiSettings

PRICES = Prices(
    tokens={"openai": TokenPrice(input=0.15, output=0.60), "gemini": TokenPrice(input=0.10, output=0.40)},
    characters={"standard": 4.00, "neural": 16.00},
)


def track(language: str, engine: str | None, characters: int | None, synthesizer: str = "polly") -> AudioTrack:
    return AudioTrack(language, f"{language}.mp3", 360.0, "voice", synthesizer, [], engine, characters)


def test_tokens_are_priced_by_direction_per_million():
    # 3,000 prompt tokens at $0.15 and 4,000 answer tokens at $0.60 a million: $0.00045 + $0.0024.
    assert script_cost(PRICES, "openai", 3000, 4000) == 450 + 2400
    assert script_cost(PRICES, "gemini", 3000, 4000) == 300 + 1600
    assert usd(2850) == 0.00285


def test_a_fraction_of_a_micro_dollar_is_rounded():
    assert script_cost(PRICES, "gemini", 3, 4) == 2  # 0.3 + 1.6 micro-dollars


def test_the_template_writer_costs_nothing():
    assert script_cost(PRICES, "template", None, None) == 0


def test_a_priced_writers_tokens_not_counted_apart_are_unknown():
    """ScriptReady v1 carried the total only: its cost is not guessed."""
    assert script_cost(PRICES, "openai", None, None) is None


def test_tokens_of_a_writer_without_a_price_are_unknown():
    assert script_cost(PRICES, "mistral", 3000, 4000) is None


def test_characters_are_priced_by_each_tracks_engine_per_million():
    tracks = [track("en", "neural", 10_000), track("ru", "standard", 5_000)]
    assert speech_cost(PRICES, tracks) == 160_000 + 20_000
    assert usd(speech_cost(PRICES, tracks)) == 0.18


def test_local_speech_costs_nothing():
    assert speech_cost(PRICES, [track("en", "local", 0, "espeak"), track("ja", "local", 0, "espeak")]) == 0


@pytest.mark.parametrize("unknown", [track("en", None, None), track("en", "generative", 1000)],
                         ids=["a v1 track", "an engine without a price"])
def test_one_track_of_unknown_cost_makes_the_speech_unknown(unknown):
    assert speech_cost(PRICES, [track("fr", "neural", 1000), unknown]) is None


def test_the_settings_hold_the_list_prices_and_an_operator_may_change_them(monkeypatch, tmp_path):
    monkeypatch.setenv("DAILYCAST_DATA_DIR", str(tmp_path))
    assert ApiSettings().prices() == PRICES
    monkeypatch.setenv("DAILYCAST_OPENAI_OUTPUT_USD_PER_MILLION_TOKENS", "10")
    monkeypatch.setenv("DAILYCAST_POLLY_NEURAL_USD_PER_MILLION_CHARACTERS", "30")
    changed = ApiSettings().prices()
    assert changed.tokens["openai"] == TokenPrice(input=0.15, output=10.0)
    assert changed.characters["neural"] == 30.0
