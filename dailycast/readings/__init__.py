"""What speech engines are given to read, and the reading problems a text still has (no I/O
beyond loading the analyser's dictionary and e2k's model from their wheels, once).

The local engine (eSpeak NG) reads no kanji and spells Latin words in its Japanese voice, so
Japanese is given as katakana (`speakable`). Its Korean and Russian voices switch to English for
a Latin word and say it as a word (tests/integration/test_espeak_synthesizer.py), so their text
goes as it is. `reading_problems` is the check the reading step must pass, for the accuracy check too.
"""

from __future__ import annotations

import re

from dailycast.readings.japanese import kana_reading
from dailycast.readings.latin import latin_runs

__all__ = ["KNOWN_WRONG", "REWRITTEN", "latin_runs", "reading_problems", "speakable"]

# The languages whose text `speakable` changes.
REWRITTEN = frozenset({"ja"})

# (written in the text, found in its reading): readings a Japanese listener hears as wrong.
KNOWN_WRONG = [
    ("今日は", "コンニチ"), ("一日", "ツイタチ"), ("分間", "ブンカン"), ("覚え方", "オボエホ"), ("学び方", "マナビホ"),
    ("一歩", "イチホ"), ("十分間", "ジューフン"), ("十分間", "ジュウフン"), ("二日", "フタカ"), ("一回", "イチカイ"),
    ("一か月", "イチカゲツ"), ("一週間", "イチシュ"), ("%", "パーセント"),
]
_LATIN = re.compile(r"[A-Za-zÀ-ɏ]+")
_UNREAD = re.compile(r"[\u4e00-\u9fff々0-9０-９%％+#&@]+")


def speakable(text: str, language: str) -> str:
    """The text as the local speech engine should be given it in `language`."""
    return kana_reading(text) if language in REWRITTEN else text


def reading_problems(text: str, language: str, reading: str | None = None) -> list[str]:
    """What a listener would hear wrong in `reading` (by default `speakable(text)`): empty when nothing.

    Latin letters and characters the engine cannot read left in it, and KNOWN_WRONG readings
    of what the text writes (unless the text also writes that reading in kana, as a greeting).
    """
    if language != "ja":
        return []
    reading = katakana(speakable(text, language) if reading is None else reading)
    problems = [f"Latin letters left: {word}" for word in _LATIN.findall(reading)]
    problems += [f"not read: {chars}" for chars in _UNREAD.findall(reading)]
    written = katakana(text)
    for stretch, wrong in KNOWN_WRONG:
        if stretch in text and (wrong not in reading if stretch == "%" else wrong in reading and wrong not in written):
            problems.append(f"{stretch} read {wrong}" if stretch != "%" else "% not read パーセント")
    return problems


def katakana(text: str) -> str:
    """Hiragana as katakana, so readings in either kana compare."""
    return "".join(chr(ord(c) + 0x60) if "ぁ" <= c <= "ゖ" else c for c in text)
