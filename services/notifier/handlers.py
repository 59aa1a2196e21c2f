"""The notifier's event handler. Adapters are bound by the caller with functools.partial."""

from __future__ import annotations

from dailycast.events import Event, PodcastCompleted, PodcastDeleted, PodcastFailed
from dailycast.metrics import timed
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

    A podcast deleted before it finished gets no email: its PodcastDeleted comes first on the
    podcast's partition (the API appends it before the work still in flight finishes).
    """
    if not await sent_log.may_send(event.podcast_id, event.attempt):
        return []
    message = compose_email(event, public_url=public_url, sender=sender)
    with timed("email"):
        await mailer.send(message)
    await sent_log.record(event.podcast_id, event.attempt)
    return []


async def forget_deleted_podcast(event: PodcastDeleted, *, sent_log: SentLog) -> list[Event]:
    """Record the deletion (later completions of it send nothing) and drop its sent-log rows."""
    await sent_log.record_deleted(event.podcast_id)
    return []
