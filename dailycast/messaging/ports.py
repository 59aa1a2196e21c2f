"""The log's ports: a producer that appends messages, and the message a consumer receives."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

Header = tuple[str, bytes]


@dataclass(frozen=True)
class OutgoingMessage:
    topic: str
    key: bytes
    value: bytes
    headers: list[Header] = field(default_factory=list)

    def header(self, name: str) -> bytes | None:
        return next((v for k, v in self.headers if k == name), None)


@dataclass(frozen=True)
class Message(OutgoingMessage):
    partition: int = 0
    offset: int = 0


Positions = dict[int, int]  # partition -> the next offset to read


class Producer(Protocol):
    async def send(self, message: OutgoingMessage) -> None:
        """Append the message to its topic; returns once the log has it."""
        ...
