import email
import email.policy
from email.message import EmailMessage, Message
from pathlib import Path

import pytest

from dailycast.events import PodcastCompleted, Recipient, new_event_id, utcnow
from services.notifier.mailer import OutboxMailer, outbox_file_name
from services.notifier.messages import compose_email


def message_for(name: str = "Ada Lovelace", locale: str = "en-US", attempt: int = 1) -> Message:
    event = PodcastCompleted(
        event_id=new_event_id(),
        occurred_at=utcnow(),
        podcast_id=7,
        attempt=attempt,
        languages=["en"],
        output_format="audio",
        recipient=Recipient(user_id=1, name=name, email="ada@example.com", locale=locale),
    )
    return compose_email(event, public_url="https://dailycast.example", sender="no-reply@dailycast.example")


def read_eml(path: Path) -> EmailMessage:
    with path.open("rb") as file:
        return email.message_from_binary_file(file, policy=email.policy.default)


async def test_writes_a_standard_eml_that_parses_back(tmp_path):
    outbox = tmp_path / "outbox" / "nested"  # does not exist yet
    message = message_for()
    await OutboxMailer(outbox).send(message)

    files = list(outbox.iterdir())
    assert [f.name for f in files] == ["podcast-7-1@dailycast.eml"]
    parsed = read_eml(files[0])
    assert parsed["Subject"] == message["Subject"]
    assert parsed["To"].addresses[0].addr_spec == "ada@example.com"
    assert parsed["Message-ID"] == "<podcast-7-1@dailycast>"
    assert parsed.get_content_type() == "multipart/alternative"
    plain = parsed.get_body(preferencelist=("plain",)).get_content()
    markup = parsed.get_body(preferencelist=("html",)).get_content()
    written_plain, written_markup = (part.get_payload(decode=True).decode() for part in message.get_payload())
    assert (plain, markup) == (written_plain, written_markup)
    assert "https://dailycast.example/podcasts/7" in plain


async def test_leaves_no_temporary_files(tmp_path):
    mailer = OutboxMailer(tmp_path)
    await mailer.send(message_for(attempt=1))
    await mailer.send(message_for(attempt=2))
    await mailer.send(message_for(attempt=2))
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "podcast-7-1@dailycast.eml",
        "podcast-7-2@dailycast.eml",
    ]


async def test_non_ascii_name_round_trips(tmp_path):
    await OutboxMailer(tmp_path).send(message_for(name="Zoë Ødegård 山田", locale="ja-JP"))
    parsed = read_eml(tmp_path / "podcast-7-1@dailycast.eml")
    assert parsed["To"].addresses[0].display_name == "Zoë Ødegård 山田"
    assert "Zoë Ødegård 山田さん" in parsed.get_body(preferencelist=("plain",)).get_content()
    raw = (tmp_path / "podcast-7-1@dailycast.eml").read_bytes()
    assert raw.isascii()  # headers encoded, bodies transfer-encoded: safe for any SMTP server


async def test_a_repeat_does_not_overwrite_the_sent_file(tmp_path):
    mailer = OutboxMailer(tmp_path)
    await mailer.send(message_for(name="First"))
    await mailer.send(message_for(name="Second"))  # same Message-ID
    parsed = read_eml(tmp_path / "podcast-7-1@dailycast.eml")
    assert parsed["To"].addresses[0].display_name == "First"


def test_file_name_is_sanitized():
    message = EmailMessage()
    message["Message-ID"] = "<../../etc/pass wd@host>"
    assert outbox_file_name(message) == "_.._etc_pass_wd@host.eml"


async def test_refuses_a_message_without_message_id(tmp_path):
    message = EmailMessage()
    message["Subject"] = "no id"
    message.set_content("hi")
    with pytest.raises(ValueError):
        await OutboxMailer(tmp_path).send(message)
