"""Latin-script words (course titles, names, "Dailycast") as katakana, the way Japanese says them.

eSpeak NG's Japanese voice spells Latin letters one by one in English; a katakana reading is
spoken as a word. Acronyms (SQL, AWS) are said letter by letter as Japanese does (エスキューエル);
other words go through e2k's character model (its weights ship in the wheel), after a short list
of words it gets wrong or that have a settled Japanese form.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# Settled readings, and words e2k's model reads wrongly (Python -> ピソン, with -> ウィス).
KNOWN = {
    "dailycast": "デイリーキャスト", "python": "パイソン", "to": "トゥー", "with": "ウィズ", "for": "フォー",
    "and": "アンド", "of": "オブ", "the": "ザ", "in": "イン", "on": "オン", "a": "ア", "an": "アン",
    "git": "ギット", "hub": "ハブ", "java": "ジャバ", "script": "スクリプト", "lucas": "ルーカス",
    "ios": "アイオーエス", "js": "ジェーエス", "sql": "エスキューエル", "react": "リアクト", "node": "ノード",
    "algebra": "アルジェブラ", "fundamentals": "ファンダメンタルズ",
}
LETTERS = {
    "a": "エー", "b": "ビー", "c": "シー", "d": "ディー", "e": "イー", "f": "エフ", "g": "ジー", "h": "エイチ",
    "i": "アイ", "j": "ジェー", "k": "ケー", "l": "エル", "m": "エム", "n": "エヌ", "o": "オー", "p": "ピー",
    "q": "キュー", "r": "アール", "s": "エス", "t": "ティー", "u": "ユー", "v": "ブイ", "w": "ダブリュー",
    "x": "エックス", "y": "ワイ", "z": "ゼット",
}
# Written between or after Latin words: said by name, as in "C++" or "C#".
SYMBOLS = {"+": "プラス", "#": "シャープ", "&": "アンド", "@": "アット", ".": "ドット"}
_LATIN = re.compile(r"[A-Za-zÀ-ɏ]")
_PARTS = re.compile(r"[A-Z]{2,}(?![a-z])|[A-Z]?[a-zà-ÿ]+|[A-Z]")  # camelCase and ACRONYMS apart
_VOWELS = re.compile(r"[aeiouy]", re.IGNORECASE)


# Latin words with what joins them inside a title: "Python Advanced", "Git & GitHub", "C++", "Node.js".
_RUN = re.compile(r"[A-Za-zÀ-ɏ][A-Za-z0-9À-ɏ+#'’.\-]*(?:[ &/]+[A-Za-z0-9À-ɏ][A-Za-z0-9À-ɏ+#'’.\-]*)*")


def has_latin(text: str) -> bool:
    return bool(_LATIN.search(text))


def latin_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of Latin-script words in `text`, a full stop after it left out."""
    runs = []
    for match in _RUN.finditer(text):
        end = match.end()
        while text[end - 1] in ".'’-":
            end -= 1
        runs.append((match.start(), end))
    return runs


@cache
def latin_katakana(word: str) -> str:
    """A Latin-script word in katakana: "Python" パイソン, "SQL" エスキューエル, "GitHub" ギットハブ."""
    if word.lower() in KNOWN:
        return KNOWN[word.lower()]
    parts = _PARTS.findall(word)
    if len(parts) > 1:
        return "".join(latin_katakana(part) for part in parts)
    if not parts:
        return ""
    if _spelled(word):
        return "".join(LETTERS.get(c, "") for c in word.lower())
    return _model()(_plain_letters(word)) or "".join(LETTERS.get(c, "") for c in word.lower())


def _spelled(word: str) -> bool:
    """Acronyms and words with no vowel are said letter by letter (SQL, AWS, CSS, C)."""
    return len(word) == 1 or (word.isupper() and len(word) <= 5) or not _VOWELS.search(word)


def _plain_letters(word: str) -> str:
    # e2k knows a-z only: é -> e, ü -> u.
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if "a" <= c <= "z")


@cache
def _model():
    from e2k import C2K  # loads numpy and the model's weights: only once Latin text is read

    return C2K()
