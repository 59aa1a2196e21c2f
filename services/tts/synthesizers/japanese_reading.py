"""Kana readings for eSpeak NG, whose Japanese voice reads kana but not kanji.

Without this, every kanji is spoken as "Chinese letter". pykakasi's dictionary gives a reading
for each word; it picks one reading without context, which is right far more often than not.
"""

from __future__ import annotations

import re
from functools import cache

import pykakasi

_TEXT_BETWEEN_TAGS = re.compile(r"(?<=>)([^<]+)(?=<)")


@cache
def _kakasi() -> pykakasi.kakasi:
    return pykakasi.kakasi()  # loads its dictionary: once, on first Japanese synthesis


def to_kana(text: str) -> str:
    return "".join(part["hira"] for part in _kakasi().convert(text))


def kana_ssml(ssml: str) -> str:
    """The SSML with every text node turned into kana; tags, marks and breaks stay as they are."""
    return _TEXT_BETWEEN_TAGS.sub(lambda m: to_kana(m.group(1)), ssml)
