"""The Synthesizer port."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class Voice:
    language: str
    name: str  # provider's voice id: "Joanna" for Polly, "en-us" for eSpeak NG
    engine: str  # "neural" | "standard" | "local"


@dataclass(frozen=True)
class SynthesizedAudio:
    mp3: bytes
    duration_seconds: float
    marks: dict[str, float] = field(default_factory=dict)  # SSML <mark name> -> seconds
    billed_characters: int = 0  # what the provider billed for it (every request: speech marks too); local: 0


class SynthesisError(Exception):
    """Speech could not be made; the podcast fails with a readable reason."""


class Synthesizer(Protocol):
    name: str

    async def synthesize(self, ssml: str, voice: Voice) -> SynthesizedAudio:
        """Speak an SSML document (<speak>...</speak>) with the voice."""
        ...
