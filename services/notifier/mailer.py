"""The Mailer port, and an outbox that drops each email as an .eml file into a folder.

`services/notifier/smtp_mailer.py` is the other adapter; `bootstrap.build_mailer` picks one.
"""

from __future__ import annotations

import asyncio
import email.policy
import os
import re
import tempfile
from email.message import Message
from pathlib import Path
from typing import Protocol

from dailycast.folders import folder_problem

_UNSAFE = re.compile(r"[^A-Za-z0-9._@+-]")
# The policy the message was built with (compat32, see messages.py), with SMTP's CRLF line ends.
SMTP_LINES = email.policy.compat32.clone(linesep="\r\n")


class Mailer(Protocol):
    async def send(self, message: Message) -> None:
        """Deliver the message, or raise (the consumer then retries, and dead-letters at last)."""
        ...


class MailDeliveryError(Exception):
    """The mail could not be handed over; `transient` when a retry may well succeed."""

    def __init__(self, message: str, *, transient: bool) -> None:
        super().__init__(message)
        self.transient = transient


def outbox_file_name(message: Message) -> str:
    """A file name from the Message-ID, so the same message always maps to the same file."""
    message_id = (message["Message-ID"] or "").strip().strip("<>")
    if not message_id:
        raise ValueError("the outbox needs a Message-ID to name the file")
    return _UNSAFE.sub("_", message_id).lstrip(".") + ".eml"


class OutboxMailer:
    """Writes every message as a standard .eml file; another process (or a person) picks them up."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def describe(self) -> str:
        return str(self.folder.resolve())

    async def check(self) -> None:
        """Raise unless the folder is writable, or can be made (it is made on the first send)."""
        problem = await asyncio.to_thread(folder_problem, self.folder)
        if problem:
            raise MailDeliveryError(f"outbox {problem}", transient=False)

    async def send(self, message: Message) -> None:
        name = outbox_file_name(message)
        data = message.as_bytes(policy=SMTP_LINES)
        await asyncio.to_thread(self._write_once, name, data)

    def _write_once(self, name: str, data: bytes) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.folder / name
        # An existing file is this very message already sent: writing it again would send it twice.
        if target.exists():
            return
        # Write beside the target, then rename: a reader sees no file or the whole file, never part.
        fd, temp = tempfile.mkstemp(dir=self.folder, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as file:
                file.write(data)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temp, target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
