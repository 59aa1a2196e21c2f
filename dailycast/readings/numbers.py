"""Japanese numbers and counters as kana: 52 -> ゴジュウニ, 十 + 分間 -> ジュップンカン, 二 + 日 -> フツカ.

A dictionary reads a numeral and its counter apart (イチ + ホ for 一歩), so the sound changes
that join them (いっぽ, さんぷん, ふつか) are made here, from the counter's table below.
"""

from __future__ import annotations

import re

_DIGITS = "〇一二三四五六七八九"
_KANJI_VALUE = {**{c: i for i, c in enumerate(_DIGITS)}, "零": 0, "十": 10, "百": 100, "千": 1000}
_UNITS = [(10**12, "チョウ"), (10**8, "オク"), (10**4, "マン")]
_ONES = ["", "イチ", "ニ", "サン", "ヨン", "ゴ", "ロク", "ナナ", "ハチ", "キュウ"]
# The irregular hundreds and thousands (300 さんびゃく, 600 ろっぴゃく, 3000 さんぜん, 8000 はっせん).
_HUNDREDS = {1: "ヒャク", 3: "サンビャク", 6: "ロッピャク", 8: "ハッピャク"}
_THOUSANDS = {1: "セン", 3: "サンゼン", 8: "ハッセン"}
_NUMERAL = re.compile(r"[0-9０-９]+|[〇零一二三四五六七八九十百千]+")

# Counters whose first sound doubles after 1, 6, 8, 10 and 100 (いっかい, ろっかい, じゅっかい),
# with the voicing after 3 where it changes (さんぷん, さんばい).
_GEMINATE = {
    "分": ("フン", "プン", "プン"), "分間": ("フンカン", "プンカン", "プンカン"), "歩": ("ホ", "ポ", "ポ"),
    "杯": ("ハイ", "パイ", "バイ"), "本": ("ホン", "ポン", "ボン"), "匹": ("ヒキ", "ピキ", "ビキ"),
    "回": ("カイ", "カイ", "カイ"), "回目": ("カイメ", "カイメ", "カイメ"), "か月": ("カゲツ", "カゲツ", "カゲツ"),
    "ヶ月": ("カゲツ", "カゲツ", "カゲツ"), "カ月": ("カゲツ", "カゲツ", "カゲツ"), "個": ("コ", "コ", "コ"),
    "冊": ("サツ", "サツ", "サツ"), "週": ("シュウ", "シュウ", "シュウ"), "週間": ("シュウカン", "シュウカン", "シュウカン"),
    "歳": ("サイ", "サイ", "サイ"), "才": ("サイ", "サイ", "サイ"), "点": ("テン", "テン", "テン"),
    "種類": ("シュルイ", "シュルイ", "シュルイ"), "セット": ("セット", "セット", "セット"),
    "直線": ("チョクセン", "チョクセン", "チョクセン"),  # 一直線: not a counter, the same change
}
# Counters read as they are after the number, with 4 and 9 said as these counters want.
_PLAIN = {
    "時間": "ジカン", "時": "ジ", "秒": "ビョー", "度": "ド", "問": "モン", "文": "ブン", "年": "ネン",
    "年間": "ネンカン", "ページ": "ページ", "倍": "バイ", "番": "バン", "番目": "バンメ", "位": "イ",
    "人": "ニン", "日": "ニチ", "日間": "ニチカン", "月": "ガツ", "夜": "ヤ", "パーセント": "パーセント", "%": "パーセント",
}
_FOUR_AS_YO = {"時", "時間", "人", "年", "年間"}
_NINE_AS_KU = {"時", "時間", "月"}
_FOUR_AS_SHI = {"月"}
_SEVEN_AS_SHICHI = {"月", "時", "時間"}
# Native counts: つ up to 10, days of the month and of duration, people. Written as said (ヨーカ, not ヨウカ):
# the engine reads kana as written.
_TSU = ["", "ヒトツ", "フタツ", "ミッツ", "ヨッツ", "イツツ", "ムッツ", "ナナツ", "ヤッツ", "ココノツ", "トオ"]
_DAYS = {2: "フツカ", 3: "ミッカ", 4: "ヨッカ", 5: "イツカ", 6: "ムイカ", 7: "ナノカ", 8: "ヨーカ", 9: "ココノカ",
         10: "トーカ", 14: "ジュウヨッカ", 20: "ハツカ", 24: "ニジュウヨッカ"}
_PEOPLE = {1: "ヒトリ", 2: "フタリ"}

COUNTERS = frozenset(_GEMINATE) | frozenset(_PLAIN) | {"つ"}


def numeral_value(text: str) -> int | None:
    """The value of "52", "５２", "二十五" or "百二"; None when `text` is not one numeral."""
    if not _NUMERAL.fullmatch(text):
        return None
    if text[0].isdigit():
        return int(text)
    if all(c in _DIGITS for c in text):  # 二〇二六: digit by digit
        return int("".join(str(_DIGITS.index(c)) for c in text))
    total, digit = 0, None
    for c in text:
        value = _KANJI_VALUE[c]
        if value < 10:
            digit = value
        else:
            total += (digit if digit is not None else 1) * value
            digit = None
    return total + (digit or 0)


def split_numeral(text: str) -> tuple[str, str] | None:
    """("一", "日") for "一日": a numeral at the start followed by a counter; else None."""
    match = _NUMERAL.match(text)
    if match and text[match.end():] in COUNTERS:
        return match.group(), text[match.end():]
    return None


def number_kana(n: int) -> str:
    """An integer read in katakana: 0 ゼロ, 52 ゴジュウニ, 10000 イチマン."""
    if n == 0:
        return "ゼロ"
    parts = []
    for unit, name in _UNITS:
        if n >= unit:
            parts.append(_below_10000(n // unit) + name)
            n %= unit
    return "".join(parts) + _below_10000(n)


def _below_10000(n: int) -> str:
    thousands, hundreds, tens, ones = n // 1000, n // 100 % 10, n // 10 % 10, n % 10
    return "".join([
        _THOUSANDS.get(thousands, _ONES[thousands] + "セン") if thousands else "",
        _HUNDREDS.get(hundreds, _ONES[hundreds] + "ヒャク") if hundreds else "",
        ("" if tens == 1 else _ONES[tens]) + "ジュウ" if tens else "",
        _ONES[ones],
    ])


def counted(n: int, counter: str, after_month: bool = False) -> str:
    """n and one of COUNTERS read together: 1, 歩 -> イッポ; 2, 日 -> フツカ."""
    if counter == "つ":
        return _TSU[n] if 0 < n <= 10 else number_kana(n) + "ツ"
    if counter == "日" and n == 1:
        return "ツイタチ" if after_month else "イチニチ"  # the 1st of a month, else a day long
    if counter == "日":
        return _DAYS.get(n) or number_kana(n) + "ニチ"
    if counter == "人" and n in _PEOPLE:
        return _PEOPLE[n]
    if counter in _GEMINATE:
        return _geminated(n, *_GEMINATE[counter])
    return _plain(n, counter)


def _plain(n: int, counter: str) -> str:
    number, last = number_kana(n), n % 10
    if last == 4 and counter in _FOUR_AS_SHI:
        number = number.removesuffix("ヨン") + "シ"
    elif last == 4 and counter in _FOUR_AS_YO:
        number = number.removesuffix("ヨン") + "ヨ"
    elif last == 7 and counter in _SEVEN_AS_SHICHI:
        number = number.removesuffix("ナナ") + "シチ"
    elif last == 9 and counter in _NINE_AS_KU:
        number = number.removesuffix("キュウ") + "ク"
    return number + _PLAIN[counter]


def _geminated(n: int, plain: str, doubled: str, after_n: str) -> str:
    number, last = number_kana(n), n % 10
    if last in (1, 6, 8) or number.endswith(("ジュウ", "ヒャク")):
        return number[:-1] + "ッ" + doubled  # イチ, ロク, ハチ, ジュウ, ヒャク -> イッ, ロッ, ハッ, ジュッ, ヒャッ
    if last == 3 or last == 4 and plain.startswith("フン"):  # さんぷん, よんぷん (but よんかい)
        return number + after_n
    return number + plain
