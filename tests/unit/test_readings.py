"""dailycast.readings: what the local speech engine is given to read, one test per rule."""

import re

import pytest

from dailycast.readings import reading_problems, speakable


def ja(text: str) -> str:
    return speakable(text, "ja")


def katakana(reading: str) -> str:
    """Readings compared in katakana without spaces, whichever kana the reading step writes."""
    return re.sub(r"\s", "", "".join(chr(ord(c) + 0x60) if "ぁ" <= c <= "ゖ" else c for c in reading))


def test_kanji_become_kana():
    assert katakana(ja("勉強します")) in ("ベンキョーシマス", "ベンキョウシマス")


@pytest.mark.parametrize("text, particle", [("今日は雨です", "キョーワ"), ("Dailycastへようこそ", "エヨー")])
def test_particles_wa_and_e_are_read_as_said(text, particle):
    assert particle in katakana(ja(text))


def test_ha_inside_a_word_stays_ha():
    assert "ハジメ" in katakana(ja("始めましょう"))


def test_konnichiwa_as_a_greeting():
    assert katakana(ja("こんにちは！")).startswith("コンニチワ")


def test_kyou_wa_before_the_rest_of_a_sentence():
    assert katakana(ja("今日は深さがテーマです。")).startswith("キョーワフカサ")


@pytest.mark.parametrize("text, reading", [
    ("52%でした", "ゴジュウニパーセント"), ("100%", "ヒャクパーセント"), ("0%", "ゼロパーセント"),
    ("2026年", "ニセンニジュウロクネン"), ("10000人", "イチマンニン"), ("300問", "サンビャクモン"), ("８時", "ハチジ"),
])
def test_digits_and_percent_are_read_in_japanese(text, reading):
    assert reading in katakana(ja(text))


@pytest.mark.parametrize("text, reading", [
    ("一日以内に", "イチニチ"), ("二日後に", "フツカゴ"), ("九月一日に", "クガツツイタチ"),
    ("二分間で", "ニフンカン"), ("十分間の復習", "ジュップンカン"), ("一分間で", "イップンカン"),
    ("二十五分に", "ニジュウゴフン"), ("三分だけ", "サンプン"), ("一回だけ", "イッカイ"), ("四回", "ヨンカイ"),
    ("次の一歩", "イッポ"), ("一か月前", "イッカゲツ"), ("一週間後", "イッシュウカン"), ("三つの質問", "ミッツ"),
    ("3つの質問", "ミッツ"), ("一杯", "イッパイ"), ("十二歳", "ジュウニサイ"), ("四秒", "ヨンビョウ"), ("二人で", "フタリ"),
])
def test_numbers_with_their_counters(text, reading):
    assert reading in katakana(ja(text)).replace("ー", "ウ")


@pytest.mark.parametrize("text, reading", [("覚え方を", "オボエカタ"), ("学び方を", "マナビカタ"), ("使い方を", "ツカイカタ")])
def test_kata_after_a_verb(text, reading):
    assert reading in katakana(ja(text))


@pytest.mark.parametrize("text, reading", [("何を覚えて", "ナニオ"), ("何がわからない", "ナニガ"), ("何ですか", "ナンデス")])
def test_nani_before_a_particle_nan_before_a_copula(text, reading):
    assert reading in katakana(ja(text))


@pytest.mark.parametrize("title, reading", [
    ("Python Advanced", "パイソンアドバンスト"), ("Dailycast", "デイリーキャスト"), ("SQL", "エスキューエル"),
    ("GitHub", "ギットハブ"), ("C++", "シープラスプラス"), ("Aiko Tanaka", "アイコタナカ"),
])
def test_latin_words_are_spoken_as_words_in_katakana(title, reading):
    assert reading in katakana(ja(f"{title}を勉強しています"))


def test_no_latin_letter_is_left():
    assert not re.search("[A-Za-z]", ja("Introduction to Machine Learning、Node.js、HTML/CSS、Git & GitHubとCS50"))


def test_other_languages_are_given_as_written():
    # eSpeak NG's ko and ru voices say a Latin title as an English word by themselves.
    assert speakable("Python Advanced를 공부합니다", "ko") == "Python Advanced를 공부합니다"
    assert speakable("Вы изучаете Python Advanced.", "ru") == "Вы изучаете Python Advanced."


def test_reading_problems_of_a_good_reading_are_none():
    assert reading_problems("今日はPythonの一日です。52%でした。", "ja") == []
    assert reading_problems("Вы изучаете Python Advanced.", "ru") == []


@pytest.mark.parametrize("reading, problem", [
    ("きょうはPythonをべんきょう", "Latin letters left: Python"),
    ("こんにちはふかさがてーまです", "今日は read コンニチ"),
    ("ついたちいないに", "一日 read ツイタチ"),
    ("にぶんかんで", "分間 read ブンカン"),
    ("おぼえほうを", "覚え方 read オボエホ"),
    ("ごじゅうに%", "not read: %"),
])
def test_reading_problems_name_what_a_reading_gets_wrong(reading, problem):
    texts = {"Latin": "今日はPythonを勉強", "今日は": "今日は深さがテーマです", "一日": "一日以内に",
             "分間": "二分間で", "覚え方": "覚え方を", "not read": "52%"}
    text = next(t for key, t in texts.items() if problem.startswith(key))
    assert problem in reading_problems(text, "ja", reading)

