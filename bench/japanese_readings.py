"""Which morphological analyser reads the Japanese phrase bank best (issue 12, item 1).

Every sentence of services/scriptgen/writers/phrases/ja.toml, filled with the demo learners'
names, courses and scores, is read by each analyser that is installed: the raw reading of its
dictionary, before dailycast.readings' rules. Counted: readings known to be wrong (GOLD: a
stretch of a sentence and how a Japanese speaker reads it, checked wherever it occurs), words the
dictionary does not know, and the time to load and to read. pykakasi (the reading before) is the
baseline. `--rules` also reads the bank through dailycast.readings, as speech gets it.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from bench.common import machine_line, markdown_table, run_main
from dailycast.locale_rules import format_percent
from dailycast.readings.numbers import numeral_value
from services.api.demo import LEARNERS
from services.scriptgen.writers.phrases import sentences

# (stretch of a bank sentence, its reading), orthographic kana (the particle は as は).
GOLD = [
    ("今日はここまで", "きょうはここまで"), ("今日は深さ", "きょうはふかさ"), ("今日は一歩ずつ", "きょうはいっぽずつ"),
    ("次の一歩", "つぎのいっぽ"), ("第一歩", "だいいっぽ"), ("さらに一歩", "さらにいっぽ"),
    ("最初の一歩", "さいしょのいっぽ"), ("自然な一歩", "しぜんないっぽ"), ("小さな一歩", "ちいさないっぽ"),
    ("一日以内", "いちにちいない"), ("一日の中", "いちにちのなか"), ("一日三問", "いちにちさんもん"),
    ("それは一日の", "それはいちにちの"), ("週に一日", "しゅうにいちにち"), ("二日後", "ふつかご"),
    ("十分間の復習", "じゅっぷんかんのふくしゅう"), ("一時間", "いちじかん"), ("十五分", "じゅうごふん"),
    ("二十五分", "にじゅうごふん"), ("五分休憩", "ごふんきゅうけい"), ("五分間めくって", "ごふんかんめくって"),
    ("まず五分だけ", "まずごふんだけ"), ("二分間で", "にふんかんで"), ("一分間で", "いっぷんかんで"),
    ("数分間", "すうふんかん"), ("一週間、", "いっしゅうかん、"), ("一週間後", "いっしゅうかんご"),
    ("二週間後", "にしゅうかんご"), ("一か月前", "いっかげつまえ"), ("一か月後", "いっかげつご"),
    ("一回だけ", "いっかいだけ"), ("週に一回", "しゅうにいっかい"), ("一回目", "いっかいめ"), ("二回見たり", "にかいみたり"),
    ("四回", "よんかい"), ("何回か", "なんかいか"), ("四秒", "よんびょう"), ("十二歳", "じゅうにさい"),
    ("三問", "さんもん"), ("三文だけ", "さんぶんだけ"), ("一文で", "いちぶんで"), ("一杯", "いっぱい"),
    ("一直線", "いっちょくせん"), ("一夜漬け", "いちやづけ"), ("もう一度", "もういちど"), ("二、三種類", "に、さんしゅるい"),
    ("三つの質問", "みっつのしつもん"), ("二つか三つ", "ふたつかみっつ"), ("一つ目", "ひとつめ"),
    ("二つ目", "ふたつめ"), ("三つ目", "みっつめ"), ("一つひとつ", "ひとつひとつ"), ("一ページ", "いちぺーじ"),
    ("覚え方", "おぼえかた"), ("考え方", "かんがえかた"), ("使い方", "つかいかた"), ("学び方", "まなびかた"),
    ("解き方", "ときかた"), ("始め方", "はじめかた"), ("取り方", "とりかた"), ("読み方", "よみかた"),
    ("勉強法", "べんきょうほう"), ("何がわから", "なにがわから"), ("何を覚えて", "なにをおぼえて"),
    ("何を伝え", "なにをつたえ"), ("何をして", "なにをして"), ("何になり", "なにになり"), ("何ですか", "なんですか"),
    ("何でしたか", "なんでしたか"), ("印をつけて", "しるしをつけて"), ("束の", "たばの"), ("上手に", "じょうずに"),
    ("日々", "ひび"), ("軽めの日", "かるめのひ"), ("明日", "あした"), ("本物", "ほんもの"), ("お見事", "おみごと"),
    ("片方", "かたほう"), ("行き詰まったら", "いきづまったら"), ("苦手", "にがて"), ("身の回り", "みのまわり"),
    ("人に教えて", "ひとにおしえて"), ("上達する人", "じょうたつするひと"), ("遠回り", "とおまわり"),
    ("箇条書き", "かじょうがき"), ("流し読み", "ながしよみ"), ("少人数", "しょうにんずう"), ("深呼吸", "しんこきゅう"),
    ("小テスト", "しょうてすと"), ("出来事", "できごと"), ("素朴", "そぼく"), ("背伸び", "せのび"),
    ("受講中", "じゅこうちゅう"), ("伸びしろ", "のびしろ"), ("寄り添い", "よりそい"), ("お茶", "おちゃ"),
]

_KATAKANA = re.compile(r"[\u30a1-\u30f6]")
_NOT_KANA = re.compile(r"[^\u3041-\u3096\u30fc、]")
_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


@dataclass(frozen=True)
class Token:
    surface: str
    reading: str  # katakana or hiragana; "" when the dictionary has none
    known: bool


Reader = Callable[[str], list[Token]]


def hiragana(text: str) -> str:
    return _KATAKANA.sub(lambda m: chr(ord(m.group()) - 0x60), text)


def spoken(tokens: list[Token]) -> str:
    """The tokens' reading as hiragana, with only kana, the long-vowel mark and 、 kept."""
    return _NOT_KANA.sub("", hiragana("".join(t.reading or t.surface for t in tokens)))


def bank_sentences() -> list[str]:
    """The bank filled once per demo learner (their name, courses, scores)."""
    fills = []
    for _, name, _, _, courses, scores in LEARNERS:
        for course, course2 in zip(courses, courses[1:] + courses[:1]):
            fills.append({"name": name, "course": course, "course2": course2, "courses": "と".join(courses),
                          "subject": scores[0][0], "subjects": scores[0][0], "item": course,
                          "score": format_percent(scores[0][1], "ja"), "question": "", "points": course})
    return list(dict.fromkeys(sentences("ja", fills)))


def wrong_readings(text: str, tokens: list[Token]) -> Iterator[tuple[str, str, str]]:
    """(stretch, expected, what was read) for each GOLD stretch in `text` read otherwise."""
    reading = spoken(tokens)
    for stretch, expected in GOLD:
        if stretch in text and expected not in reading:
            yield stretch, expected, _around(tokens, text, stretch)


def _around(tokens: list[Token], text: str, stretch: str) -> str:
    at, end, parts, offset = text.find(stretch), text.find(stretch) + len(stretch), [], 0
    for token in tokens:
        if offset < end and offset + len(token.surface) > at:
            parts.append(f"{token.surface}/{hiragana(token.reading)}")
        offset += len(token.surface)
    return " ".join(parts)


# --------------------------------------------------------------------------- the analysers


def _pykakasi() -> Reader:
    import pykakasi

    kakasi = pykakasi.kakasi()
    return lambda text: [Token(p["orig"], p["hira"], p["hira"] != p["orig"] or not _unread(p["orig"]))
                         for p in kakasi.convert(text)]


def _fugashi() -> Reader:
    import fugashi

    tagger = fugashi.Tagger()  # finds unidic-lite's dictionary by itself
    return lambda text: [Token(w.white_space + w.surface, w.feature.kana or "", not w.is_unk) for w in tagger(text)]


def _sudachi(edition: str) -> Callable[[], Reader]:
    def build() -> Reader:
        from sudachipy import Dictionary, SplitMode

        tokenizer = Dictionary(dict=edition).tokenizer(SplitMode.C)
        return lambda text: [Token(m.surface(), m.reading_form() if _JAPANESE.search(m.reading_form()) else "",
                                   not m.is_oov()) for m in tokenizer.tokenize(text)]

    return build


def _unread(surface: str) -> bool:
    return bool(_JAPANESE.search(surface)) and not re.fullmatch(r"[\u3040-\u30ff]+", surface)


ANALYSERS: dict[str, tuple[str, Callable[[], Reader]]] = {
    "pykakasi (before)": ("pykakasi", _pykakasi),
    "fugashi + unidic-lite": ("unidic_lite", _fugashi),
    "SudachiPy + sudachidict-core": ("sudachidict_core", _sudachi("core")),
    "SudachiPy + sudachidict-small": ("sudachidict_small", _sudachi("small")),
}


def _size_mb(package: str) -> float:
    spec = importlib.util.find_spec(package)
    folder = Path(spec.origin).parent
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 1e6


def measure(args: argparse.Namespace) -> None:
    texts = bank_sentences()
    checked = sum(1 for text in texts for stretch, _ in GOLD if stretch in text)
    rows, details = [], []
    for label, (package, build) in ANALYSERS.items():
        if importlib.util.find_spec(package) is None:
            print(f"[bench] {label}: not installed, skipped", file=sys.stderr)
            continue
        started = time.perf_counter()
        read = build()
        read("準備")
        loaded = time.perf_counter() - started
        started = time.perf_counter()
        read_all = [(text, read(text)) for text in texts]
        reading_ms = (time.perf_counter() - started) * 1000
        wrong = [w for text, tokens in read_all for w in wrong_readings(text, tokens)]
        unknown = {t.surface for _, tokens in read_all for t in tokens  # Sudachi calls numerals unknown
                   if not t.known and _JAPANESE.search(t.surface) and numeral_value(t.surface) is None}
        latin = {t.surface for _, tokens in read_all for t in tokens
                 if re.search("[A-Za-z]", t.surface) and not _JAPANESE.search(hiragana(t.reading))}
        rows.append([label, f"{len(wrong)} of {checked}", f"{len({w[0] for w in wrong})} of {len(GOLD)}", len(unknown), len(latin), f"{loaded:.2f}",
                     f"{reading_ms:.0f}", f"{_size_mb(package):.0f}"])
        details.append((label, wrong, unknown))
    print(machine_line())
    print(f"{len(texts)} sentences, {sum(map(len, texts))} characters; {len(GOLD)} stretches checked where they occur\n")
    print(markdown_table(["analyser", "known-wrong readings", "stretches ever wrong", "unknown Japanese words", "Latin words unread",
                          "load s", "read ms", "dictionary MB"], rows))
    if args.details:
        for label, wrong, unknown in details:
            print(f"\n{label}: wrong {sorted(set((s, e, r) for s, e, r in wrong))}\n  unknown {sorted(unknown)}")
    if args.rules:
        print("\nAfter dailycast.readings' rules (numbers and counters, particles, 何, Latin words), "
              "compared by sound (きょう = キョー, は = ワ):\n")
        print(markdown_table(["analyser", "known-wrong readings", "Latin words left", "long vowels read as two (ou, ei)"], _measure_rules(texts)))


def _measure_rules(texts: list[str]) -> list[list[object]]:
    """The same counts after dailycast.readings' rules, each analyser's words put through them."""
    from dailycast.readings import japanese

    rows = []
    for label, analyse in (("fugashi + unidic-lite", japanese.analysed), ("SudachiPy + sudachidict-core", _sudachi_words())):
        if analyse is None:
            continue
        wrong, latin, two_vowels = 0, 0, 0
        for text in texts:
            spoken_as = japanese.read_tokens(analyse(text))
            reading = sound(spoken_as)
            wrong += sum(1 for stretch, expected in GOLD if stretch in text and sound(expected) not in reading)
            latin += len(re.findall("[A-Za-z]+", reading))
            two_vowels += len(_TWO_VOWELS.findall(hiragana(spoken_as)))
        rows.append([label + ", with the rules", wrong, latin, two_vowels])
    return rows


def _sudachi_words() -> Callable[[str], list] | None:
    if importlib.util.find_spec("sudachidict_core") is None:
        return None
    from sudachipy import Dictionary, SplitMode

    from dailycast.readings.japanese import Token

    tokenizer = Dictionary(dict="core").tokenizer(SplitMode.C)

    def analyse(text: str) -> list[Token]:
        words, space = [], ""
        for m in tokenizer.tokenize(text):
            if not m.surface().strip():
                space = m.surface()
                continue
            known = not m.is_oov() and _JAPANESE.search(m.reading_form())
            words.append(Token(m.surface(), m.reading_form() if known else "", m.part_of_speech()[0], space))
            space = ""
        return words

    return analyse


# A long vowel written as two (べんきょう, せんせい): the engine reads kana as written, o then u.
_TWO_VOWELS = re.compile("[おこそとのほもよろごぞどぼぽょ]う|[えけせてねへめれげぜでべぺ]い")
_SAME_SOUND = str.maketrans("はへをづぢ", "わえおずじ")


def sound(kana: str) -> str:
    """Kana compared by sound: a long vowel as its kana (キョー = きょう, トー = とお), particles as said."""
    out: list[str] = []
    for c in _NOT_KANA.sub("", hiragana(kana)).translate(_SAME_SOUND):
        vowel = _vowel(out[-1]) if out else ""
        if c == "ー" and vowel or c == "お" and vowel == "o":
            c = {"a": "あ", "i": "い", "u": "う", "e": "い", "o": "う"}[vowel]
        out.append(c)
    return "".join(out)


def _vowel(c: str) -> str:
    name = unicodedata.name(c, "")
    return name[-1].lower() if name.startswith("HIRAGANA LETTER") and name[-1] in "AIUEO" else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="list each wrong reading and unknown word")
    parser.add_argument("--rules", action="store_true", help="also read the bank through dailycast.readings")
    return run_main(measure, parser.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
