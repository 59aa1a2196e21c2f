"""The calibration command speaks a phrase bank with eSpeak NG and writes the measured rate."""

from dailycast.voices import parse_rates, speaking_rate
from bench import calibrate_voices


def test_calibrating_one_local_voice_rewrites_only_its_rate(tmp_path):
    output = tmp_path / "voice_rates.toml"
    output.write_text(calibrate_voices.rates_path().read_text(encoding="utf-8"), encoding="utf-8")

    assert calibrate_voices.main(["--provider", "local", "--languages", "de", "--output", str(output)]) == 0

    rates = parse_rates(output.read_text(encoding="utf-8"))
    german = rates["local", "de"]
    assert german.measured and "eSpeak NG" in german.source and "units in" in german.source
    # the same engine, the same bank: the same rate as the one shipped, to within a rounding
    assert abs(german.units_per_minute - speaking_rate("local", "de").units_per_minute) < 1
    assert rates["local", "en"] == speaking_rate("local", "en")
    assert rates["polly", "de"] == speaking_rate("polly", "de")


def test_every_bank_paragraph_is_filled():
    paragraphs = calibrate_voices.bank_paragraphs("fr")
    assert len(paragraphs) > 50
    assert not any("{" in p for p in paragraphs)
