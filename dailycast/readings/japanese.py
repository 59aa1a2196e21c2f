"""Japanese text as the katakana a Japanese listener expects, for a voice that reads no kanji.

fugashi (MeCab) with unidic-lite, whose dictionary ships in its wheel, splits the text into
words with their part of speech and pronunciation (UniDic's `pron`: 勉強 ベンキョー, は as a
particle ワ). The rules below mend what a dictionary cannot know word by word: numbers and their
counters, the particles, 何 before a particle, readings it picks wrongly here, Latin words.
bench/japanese_readings.py measured the analysers (docs/benchmarks.md).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache

from dailycast.readings.latin import SYMBOLS, has_latin, latin_katakana
from dailycast.readings.numbers import COUNTERS, counted, number_kana, numeral_value, split_numeral


@dataclass(frozen=True)
class Token:
    """A word as the analyser gives it."""

    surface: str
    reading: str  # katakana as spoken; "" when the dictionary has none
    pos: str  # part of speech, UniDic's first level: 名詞, 助詞, 補助記号...
    space: str = ""  # the whitespace before it in the text


_PARTICLES = {"は": "ワ", "へ": "エ", "を": "オ"}
# 何 is なに before these particles (何が, 何を), なん before a copula or counter (何です, 何回).
_NANI_BEFORE = {"を", "が", "に", "も", "か", "から", "より", "へ"}
# Readings the dictionary gets wrong for our texts: alone, and after a word (the voicing of a
# compound UniDic splits: 一夜漬け, 箇条書き).
_READINGS = {"明日": "アシタ"}
_AFTER = {("夜", "漬け"): "ズケ", ("箇条", "書き"): "ガキ"}
_GREETING = {"コンニチワ", "コンニチハ"}
_PUNCTUATION = set("。、！？!?「」『』（）()…・：；,;:")
_NOT_SPOKEN = set("/\\-_|~=*^<>[]{}\"`")
_SILENT = set("'’")  # O'Brien is one name
_PERCENT = {"%", "％"}
# A space before a word that starts a phrase, so the engine does not read a whole clause as one word.
_BOUND = {"助詞", "助動詞", "接尾辞", "補助記号"}


def kana_reading(text: str) -> str:
    """The text in katakana (and its punctuation), as the local speech engine should read it."""
    return read_tokens(analysed(text))


# A MeCab tagger parses into a lattice of its own, so one text at a time: fugashi holds the GIL
# while it parses today, and tts reads in worker threads.
_tagging = threading.Lock()


def analysed(text: str) -> list[Token]:
    """The text's words, with UniDic's pronunciation ("" for a word it does not know)."""
    with _tagging:
        return [
            Token(word.surface, "" if word.is_unk else word.feature.pron or "", word.feature.pos1, word.white_space)
            for word in _tagger()(text)
        ]


@cache
def _tagger():
    import fugashi  # loads unidic-lite's dictionary: once, on the first Japanese text

    return fugashi.Tagger()


def read_tokens(tokens: Iterable[Token]) -> str:
    """The reading of analysed words, with the rules above; any analyser's tokens will do."""
    words = _numerals_apart(list(tokens))
    spoken: list[str] = []
    i = 0
    while i < len(words):
        reading, used = _reading(words, i)
        token = words[i]
        gap = " " if spoken and (token.space or token.pos not in _BOUND and words[i - 1].pos != "接頭辞") else ""
        spoken.append(gap + reading)
        i += used
    return "".join(spoken).strip()


def _numerals_apart(tokens: list[Token]) -> list[Token]:
    """一日 or 一歩 read as one word become 一 + 日, so the counter rule reads them."""
    out: list[Token] = []
    for token in tokens:
        parts = split_numeral(token.surface) if token.pos == "名詞" else None
        if parts:
            out += [Token(parts[0], "", "名詞", token.space), Token(parts[1], "", "接尾辞")]
        elif out and numeral_value(out[-1].surface) is not None and numeral_value(token.surface) is not None and not token.space:
            out[-1] = replace(out[-1], surface=out[-1].surface + token.surface, reading="")  # 二十 + 五
        else:
            out.append(token)
    return out


def _reading(words: list[Token], i: int) -> tuple[str, int]:
    """The reading of words[i] (with the counter after it, if any) and how many words it took."""
    token, after = words[i], words[i + 1] if i + 1 < len(words) else None
    value = numeral_value(token.surface)
    if value is not None:
        return _number(words, i, value)
    if has_latin(token.surface):
        return latin_katakana(token.surface), 1
    if token.surface in SYMBOLS and _latin_near(words, i):
        return SYMBOLS[token.surface], 1
    if token.surface in _PERCENT:
        return "パーセント", 1
    if token.pos == "助詞" and token.surface in _PARTICLES:
        return _PARTICLES[token.surface], 1
    if token.surface == "何" and after is not None and after.pos == "助詞" and after.surface in _NANI_BEFORE:
        return "ナニ", 1
    if token.reading in _GREETING and token.surface.startswith("今日") and after is not None and after.surface not in _PUNCTUATION:
        return "キョーワ", 1  # 今日は followed by more of the sentence is "today", not "hello"
    if token.surface in _READINGS:
        return _READINGS[token.surface], 1
    if i and (words[i - 1].surface, token.surface) in _AFTER:
        return _AFTER[words[i - 1].surface, token.surface], 1
    if token.surface in _NOT_SPOKEN:
        return " ", 1
    if token.surface in _SILENT:
        return "", 1
    return token.reading or token.surface, 1


def _number(words: list[Token], i: int, value: int) -> tuple[str, int]:
    token = words[i]
    counter = words[i + 1].surface if i + 1 < len(words) and not words[i + 1].space else ""
    if counter in COUNTERS:
        after_month = i > 0 and words[i - 1].surface == "月"
        return counted(value, counter, after_month), 2
    if token.surface[0].isdigit() or not token.reading:
        return number_kana(value), 1
    return token.reading, 1


def _latin_near(words: list[Token], i: int) -> bool:
    """A symbol written next to Latin letters is part of a name (C++, C#, Node.js)."""
    start = i
    while start > 0 and words[start - 1].surface in SYMBOLS:
        start -= 1  # the second + of C++
    before = start > 0 and has_latin(words[start - 1].surface)
    after = i + 1 < len(words) and has_latin(words[i + 1].surface)
    return before and (after or words[i].surface != ".")
