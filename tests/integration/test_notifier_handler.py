import email
import email.policy
from functools import partial
from pathlib import Path

import pytest
import sqlalchemy as sa

from dailycast.events import PodcastCompleted, PodcastFailed, Recipient, new_event_id, utcnow
from dailycast.failure_reasons import failure_reason
from services.notifier.handlers import notify_learner
from services.notifier.mailer import OutboxMailer
from services.notifier.messages import compose_email
from services.notifier.sent_log import SqlSentLog, metadata

PUBLIC_URL = "https://dailycast.example"
SENDER = "Dailycast <no-reply@dailycast.example>"
RECIPIENT = Recipient(user_id=5, name="Ada Lovelace", email="ada@example.com", locale="fr-FR")


@pytest.fixture
def engine(tmp_path):
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'notifier.db'}")
    metadata.create_all(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def outbox(tmp_path) -> Path:
    return tmp_path / "outbox"


@pytest.fixture
def sent_log(engine):
    return SqlSentLog(engine)


@pytest.fixture
def handler(outbox, sent_log):
    return partial(
        notify_learner, mailer=OutboxMailer(outbox), sent_log=sent_log, public_url=PUBLIC_URL, sender=SENDER
    )


def completed(podcast_id: int = 11, attempt: int = 1) -> PodcastCompleted:
    return PodcastCompleted(
        event_id=new_event_id(),
        occurred_at=utcnow(),
        podcast_id=podcast_id,
        attempt=attempt,
        languages=["fr", "en"],
        output_format="text",
        recipient=RECIPIENT,
    )


def failed(podcast_id: int = 11, attempt: int = 1) -> PodcastFailed:
    return PodcastFailed(
        event_id=new_event_id(),
        occurred_at=utcnow(),
        podcast_id=podcast_id,
        attempt=attempt,
        step="scriptgen",
        reason=failure_reason("scriptgen"),  # as an event from before reasons were in the learner's language
        detail="writer timeout",
        recipient=RECIPIENT,
    )


def emails(outbox: Path) -> list[Path]:
    return sorted(outbox.glob("*.eml")) if outbox.exists() else []


async def test_redelivered_event_sends_one_email(handler, outbox, sent_log):
    event = completed()
    assert await handler(event) == []
    assert await handler(event) == []
    files = emails(outbox)
    assert [f.name for f in files] == ["podcast-11-1@dailycast.eml"]
    assert await sent_log.was_sent(11, 1)
    with files[0].open("rb") as file:
        parsed = email.message_from_binary_file(file, policy=email.policy.default)
    assert parsed["Subject"] == "Votre podcast Dailycast est prêt"


async def test_new_attempt_sends_another_email(handler, outbox):
    await handler(completed(attempt=1))
    await handler(completed(attempt=2))
    assert [f.name for f in emails(outbox)] == [
        "podcast-11-1@dailycast.eml",
        "podcast-11-2@dailycast.eml",
    ]


async def test_failed_podcast_sends_one_email(handler, outbox):
    event = failed(podcast_id=12)
    await handler(event)
    await handler(event)
    files = emails(outbox)
    assert [f.name for f in files] == ["podcast-12-1@dailycast.eml"]
    with files[0].open("rb") as file:
        parsed = email.message_from_binary_file(file, policy=email.policy.default)
    # The learner reads it in French (RECIPIENT's locale).
    assert failure_reason("scriptgen", "fr") in parsed.get_body(preferencelist=("plain",)).get_content()


async def test_recorded_attempt_is_not_sent_again(handler, outbox, sent_log):
    await sent_log.record(11, 1)
    await handler(completed())
    assert emails(outbox) == []


async def test_crash_between_send_and_record_still_sends_once(handler, outbox, sent_log):
    event = completed()
    # The first delivery sent the mail and died before recording it.
    await OutboxMailer(outbox).send(compose_email(event, public_url=PUBLIC_URL, sender=SENDER))
    assert not await sent_log.was_sent(11, 1)
    await handler(event)
    assert len(emails(outbox)) == 1
    assert await sent_log.was_sent(11, 1)


async def test_failed_send_is_not_recorded(outbox, sent_log):
    class BrokenMailer:
        async def send(self, message):
            raise OSError("disk full")

    event = completed()
    with pytest.raises(OSError):
        await notify_learner(event, mailer=BrokenMailer(), sent_log=sent_log, public_url=PUBLIC_URL, sender=SENDER)
    assert not await sent_log.was_sent(11, 1)


async def test_recording_twice_is_not_an_error(sent_log, engine):
    await sent_log.record(3, 1)
    await sent_log.record(3, 1)
    assert await sent_log.was_sent(3, 1)
    assert not await sent_log.was_sent(3, 2)
    with engine.connect() as connection:
        count = connection.execute(sa.text("SELECT count(*) FROM notification_sent")).scalar_one()
    assert count == 1
