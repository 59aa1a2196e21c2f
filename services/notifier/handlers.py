"""The notifier's event handler. Adapters are bound by the caller with functools.partial."""

from __future__ import annotations

from dailycast.events import Event, PodcastCompleted, PodcastFailed
from services.notifier.mailer import Mailer
from services.notifier.messages import compose_email
from services.notifier.sent_log import SentLog


async def notify_learner(
    event: PodcastCompleted | PodcastFailed,
    *,
    mailer: Mailer,
    sent_log: SentLog,
    public_url: str,
    sender: str,
) -> list[Event]:
    """Email the learner once per podcast attempt, whether it completed or failed; emit nothing.

    Events arrive at least once, so the order is check, send, record: a redelivered event
    finds the attempt in the sent log and is skipped. Mail is therefore sent at least once,
    and twice only if the process dies after sending but before recording. The outbox mailer
    closes even that window: its file name comes from the deterministic Message-ID and it
    writes only if that file does not exist yet, so the resend is a no-op.
    """
    if await sent_log.was_sent(event.podcast_id, event.attempt):
        return []
    message = compose_email(event, public_url=public_url, sender=sender)
    await mailer.send(message)
    await sent_log.record(event.podcast_id, event.attempt)
    return []
