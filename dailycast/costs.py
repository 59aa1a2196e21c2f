"""What making a podcast is estimated to cost: what the providers billed, at their prices. Pure.

Amounts are whole micro-dollars (USD 0.000001): integers add up exactly in either database, and
are fine enough for the cheapest call (a token at $0.10 a million is a tenth of one). Prices are
USD per million, so a million-price times a count is micro-dollars already.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from dailycast.events import AudioTrack

MICRODOLLARS = 1_000_000  # in a dollar


@dataclass(frozen=True)
class TokenPrice:
    """USD per million tokens: the prompt's (input) and the answer's (output)."""

    input: float
    output: float


@dataclass(frozen=True)
class Prices:
    tokens: Mapping[str, TokenPrice]  # by writer: openai, gemini (the template calls no model)
    characters: Mapping[str, float]  # USD per million characters, by speech engine: neural, standard


def script_cost(prices: Prices, writer: str, input_tokens: int | None, output_tokens: int | None) -> int | None:
    """Micro-dollars. A writer without a price and without tokens (the template) costs nothing;
    None (unknown) for tokens without a price, or a priced writer's tokens not counted apart (v1)."""
    price = prices.tokens.get(writer)
    counted = input_tokens is not None and output_tokens is not None
    if price is None:
        return None if counted else 0
    if not counted:
        return None
    return round(input_tokens * price.input + output_tokens * price.output)


def speech_cost(prices: Prices, tracks: Sequence[AudioTrack]) -> int | None:
    """Micro-dollars: each track's characters at its engine's price, nothing where nothing was billed
    (local speech); None (unknown) if one track's characters (v1) or its engine's price are unknown."""
    total = 0.0
    for track in tracks:
        if track.billed_characters is None:
            return None
        if track.billed_characters:
            price = prices.characters.get(track.engine or "")
            if price is None:
                return None
            total += track.billed_characters * price
    return round(total)


def usd(microdollars: int) -> float:
    return microdollars / MICRODOLLARS
