"""How each language says a list, a percentage and a language's name, for speech and email.

CLDR (through Babel) gives the rules; a hand rule stands only where CLDR's written form is wrong
when spoken, with the reason next to it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from babel import Locale
from babel.numbers import format_percent as cldr_percent

# Spanish "y" is said "e" before an i-sound ("Python e Introduction to ML", not "hie-").
_I_SOUND = re.compile(r"^h?i(?![aeiou])", re.IGNORECASE)
_HANGUL = range(0xAC00, 0xD7A4)


def join_list(items: Sequence[str], language: str) -> str:
    """'A, B and C' as `language` says it; CLDR's list patterns, folded as UTS #35 describes."""
    if len(items) < 2:
        return "".join(items)
    patterns = _locale(language).list_patterns["standard"]
    last = _spoken_last_pattern(items[-2], items[-1], language)
    if len(items) == 2:
        return (last or patterns["2"]).format(*items)
    joined = patterns["start"].format(items[0], items[1])
    for item in items[2:-1]:
        joined = patterns["middle"].format(joined, item)
    return (last or patterns["end"]).format(joined, items[-1])


def _spoken_last_pattern(before: str, last: str, language: str) -> str | None:
    """The hand rules for the final "and"; None where CLDR's is right."""
    if language == "es" and _I_SOUND.match(last):
        return "{0} e {1}"
    if language == "ja":
        return "{0}と{1}"  # CLDR gives "A、B": a written enumeration, with no "and" when read aloud
    if language == "ko":
        return _korean_and(before)
    return None


def _korean_and(before: str) -> str:
    """CLDR's "및" is written style; speech says 와 after a vowel and 과 after a consonant. A title
    that does not end in Hangul (Latin letters, digits) has no sound we can tell: a comma then."""
    if not before or ord(before[-1]) not in _HANGUL:
        return "{0}, {1}"
    has_final_consonant = (ord(before[-1]) - _HANGUL.start) % 28 != 0
    return "{0}과 {1}" if has_final_consonant else "{0}와 {1}"


def format_percent(score: float, language: str) -> str:
    """0.52 -> '52%', '52 %' (a no-break space, which speech reads as a space), as CLDR writes it."""
    return cldr_percent(score, locale=language)


def language_name(code: str, language: str) -> str:
    """The name of the language `code` in `language` ('ja' in 'de' -> 'Japanisch'); the code if unknown."""
    return _locale(language).languages.get(code, code)


@cache
def _locale(language: str) -> Locale:
    return Locale.parse(language)
