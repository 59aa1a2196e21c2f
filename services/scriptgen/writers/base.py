"""The ScriptWriter port."""

from __future__ import annotations

from typing import Protocol

from dailycast.scripts import WritingRequest, WrittenScript


class ScriptWriter(Protocol):
    name: str

    async def write(self, request: WritingRequest) -> WrittenScript:
        """Write a script per language with 3 questions, or raise WriterError."""
        ...
