"""bench/japanese_readings.py's pure parts: the bank it reads, and kana compared by sound."""

from bench.japanese_readings import GOLD, bank_sentences, sound


def test_the_checked_stretches_are_in_the_bank():
    texts = bank_sentences()
    missing = [stretch for stretch, _ in GOLD if not any(stretch in text for text in texts)]
    assert len(missing) <= len(GOLD) // 10, f"not in ja.toml any more: {missing}"


def test_kana_compare_by_sound():
    assert sound("きょうは") == sound("キョーワ")
    assert sound("とおまわり") == sound("トーマワリ")
    assert sound("せんせい") == sound("センセー")
    assert sound("ベンキョウ ヲ") == sound("べんきょーお")
    assert sound("いっかい") != sound("いちかい")
