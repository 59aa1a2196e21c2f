"""The calibration command speaks a phrase bank with eSpeak NG and writes the measured rate."""

from dailycast.voices import parse_rates, speaking_rate
from bench import calibrate_voices
from tests.utils.moto_server import moto, moto_server  # noqa: F401 (fixtures)
from tests.utils.polly_server import polly_server  # noqa: F401 (fixture)


def test_calibrating_one_local_voice_rewrites_only_its_rate(tmp_path):
    output = tmp_path / "voice_rates.toml"
    output.write_text(calibrate_voices.rates_path().read_text(encoding="utf-8"), encoding="utf-8")

    assert calibrate_voices.main(["--provider", "local", "--languages", "de", "--output", str(output)]) == 0

    rates = parse_rates(output.read_text(encoding="utf-8"))
    german = rates["local", "de"]
    assert german.measured and "eSpeak NG" in german.source and "units in" in german.source
    # the same engine: the rate shipped, to within what a change of the banks' sentences moves it
    # (the banks grew fourfold since the shipped rates were measured: 163.1 then, 157.7 now)
    assert abs(german.units_per_minute / speaking_rate("local", "de").units_per_minute - 1) < 0.05
    assert rates["local", "en"] == speaking_rate("local", "en")
    assert rates["polly", "de"] == speaking_rate("polly", "de")


def test_every_bank_paragraph_is_filled():
    paragraphs = calibrate_voices.bank_paragraphs("fr")
    assert len(paragraphs) > 50
    assert not any("{" in p for p in paragraphs)


def test_calibrating_polly_measures_through_polly_and_marks_it_measured(polly_server, monkeypatch, tmp_path):
    # The local server speaks 10 ms a character (bench/provider_replies.py), so its "voice" is slow.
    monkeypatch.setenv("DAILYCAST_POLLY_ENDPOINT_URL", polly_server.url)
    monkeypatch.setenv("DAILYCAST_DATA_DIR", str(tmp_path / "data"))  # the quotas' database
    output = tmp_path / "voice_rates.toml"
    output.write_text(calibrate_voices.rates_path().read_text(encoding="utf-8"), encoding="utf-8")

    assert calibrate_voices.main(["--provider", "polly", "--languages", "en", "--output", str(output)]) == 0

    rates = parse_rates(output.read_text(encoding="utf-8"))
    joanna = rates["polly", "en"]
    assert joanna.measured and "Amazon Polly" in joanna.source and joanna.voice == "Joanna"
    assert {body["VoiceId"] for _, body in polly_server.requests} == {"Joanna"}
    paragraphs = calibrate_voices.bank_paragraphs("en")
    words, characters = sum(len(p.split()) for p in paragraphs), sum(len(p) for p in paragraphs)
    assert abs(joanna.units_per_minute - words / (characters * 0.010 / 60)) / joanna.units_per_minute < 0.1
    assert not rates["polly", "fr"].measured and rates["local", "en"] == speaking_rate("local", "en")
