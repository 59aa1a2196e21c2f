"""Dead letters: the messages a consumer group gave up on, read back, explained and sent again.

`delivery.dead_letter` copies a failed message to its topic's `.dlq` topic with why (`dlq_*`
headers: the group, the error and its traceback, the attempts, when). Here an operator reads them
(`dailycast dlq list|show`) and, once the cause is fixed, sends one back (`dailycast dlq redrive`):
to its own topic, marked for the group that failed (`dlq_redrive_for`; the other groups, which
handled it already, skip it), and at most once: each redrive is recorded in the database in the
same step (`dead_letter_redrive`), so a second redrive of the same dead letter sends nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from dailycast.events import utcnow
from dailycast.messaging.delivery import REDRIVE_FOR
from dailycast.messaging.envelope import CE_TYPE_PREFIX
from dailycast.messaging.ports import Message, OutgoingMessage
from dailycast.messaging.topics import ALL_TOPICS, dead_letter_topic

metadata = sa.MetaData()

dead_letter_redrive = sa.Table(
    "dead_letter_redrive",
    metadata,
    sa.Column("dead_letter", sa.String(300), primary_key=True),  # its id: topic/partition/offset
    sa.Column("redriven_at", sa.DateTime(timezone=True), nullable=False),
)

DEAD_LETTER_TOPICS = tuple(dead_letter_topic(t) for t in ALL_TOPICS)


@dataclass(frozen=True)
class DeadLetter:
    message: Message  # as read from the .dlq topic

    @property
    def id(self) -> str:
        return f"{self.message.topic}/{self.message.partition}/{self.message.offset}"

    def _text(self, name: str) -> str:
        return (self.message.header(name) or b"").decode(errors="replace")

    @property
    def topic(self) -> str:
        """The topic it failed on."""
        return self.message.topic.removesuffix(".dlq")

    @property
    def group(self) -> str:
        return self._text("dlq_group")

    @property
    def error(self) -> str:
        return f"{self._text('dlq_error_type')}: {self._text('dlq_error')}"

    @property
    def traceback(self) -> str:
        return self._text("dlq_traceback")

    @property
    def attempts(self) -> str:
        return self._text("dlq_attempts")

    @property
    def event_type(self) -> str:
        return self._text("ce_type").removeprefix(CE_TYPE_PREFIX) or "?"

    @property
    def failed_at(self) -> datetime | None:
        text = self._text("dlq_failed_at")
        return datetime.fromisoformat(text) if text else None

    def redrive(self) -> OutgoingMessage:
        """The original message again, for the group that failed, saying where it comes from."""
        headers = [(k, v) for k, v in self.message.headers if not k.startswith("dlq_")]
        headers += [(REDRIVE_FOR, self.group.encode()), ("dlq_redriven_from", self.id.encode())]
        return OutgoingMessage(self.topic, self.message.key, self.message.value, headers)


def chosen(letters: list[DeadLetter], topic: str | None = None, since: datetime | None = None,
           ids: list[str] | None = None) -> list[DeadLetter]:
    """The dead letters of that topic (the one they failed on), failed since then, with those ids."""
    return [d for d in letters
            if (topic is None or d.topic == topic)
            and (since is None or (d.failed_at is not None and d.failed_at >= since))
            and (not ids or d.id in ids)]


def redriven(engine: sa.Engine) -> set[str]:
    """The ids of the dead letters already sent back."""
    with engine.connect() as connection:
        return set(connection.scalars(sa.select(dead_letter_redrive.c.dead_letter)))


def book_redrive(connection: sa.Connection, letter: DeadLetter) -> bool:
    """Record the redrive in the connection's transaction; False if it was redriven before."""
    try:
        with connection.begin_nested():
            connection.execute(sa.insert(dead_letter_redrive).values(dead_letter=letter.id, redriven_at=utcnow()))
        return True
    except sa.exc.IntegrityError:
        return False
