"""SmtpMailer over a real connection: aiosmtplib (the real client) to aiosmtpd on 127.0.0.1."""

import email
import email.policy
import os
import socket
from functools import partial

import pytest
import sqlalchemy as sa

from dailycast.events import PodcastCompleted, Recipient, new_event_id, utcnow
from services.notifier.bootstrap import build_mailer
from services.notifier.handlers import notify_learner
from services.notifier.mailer import SMTP_LINES, MailDeliveryError, OutboxMailer
from services.notifier.messages import compose_email
from services.notifier.sent_log import SqlSentLog, metadata
from services.notifier.settings import NotifierSettings
from services.notifier.smtp_mailer import SmtpMailer
from tests.utils.smtp_server import smtp_server
from tests.utils.system import running_system, wait_for

PUBLIC_URL = "https://dailycast.example"
SENDER = "Dailycast <no-reply@dailycast.example>"
LEARNER = Recipient(user_id=3, name="山田 花子", email="hanako@example.jp", locale="ja-JP")
USER, PASSWORD = "dailycast", "s3cret-Pa55"


def completed(podcast_id: int = 21, attempt: int = 1) -> PodcastCompleted:
    return PodcastCompleted(
        event_id=new_event_id(),
        occurred_at=utcnow(),
        podcast_id=podcast_id,
        attempt=attempt,
        languages=["ja", "en"],
        output_format="both",
        recipient=LEARNER,
    )


def composed(event=None):
    return compose_email(event or completed(), public_url=PUBLIC_URL, sender=SENDER)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def test_sends_a_multipart_email_in_the_learners_language():
    message = composed()
    with smtp_server() as server:
        await SmtpMailer(server.host, server.port, tls_mode="none", timeout_seconds=5).send(message)
    (received,) = server.envelopes
    assert received.mail_from == "no-reply@dailycast.example"
    assert received.rcpt_tos == ["hanako@example.jp"]
    parsed = received.message()
    assert parsed.get_content_type() == "multipart/alternative"
    assert parsed["Subject"] == "Dailycastのポッドキャストができました"
    assert parsed["To"].addresses[0].display_name == "山田 花子"
    assert parsed["Message-ID"] == "<podcast-21-1@dailycast>"
    plain = parsed.get_body(preferencelist=("plain",)).get_content()
    markup = parsed.get_body(preferencelist=("html",)).get_content()
    sent = email.message_from_bytes(message.as_bytes(policy=SMTP_LINES), policy=email.policy.default)
    assert plain == sent.get_body(preferencelist=("plain",)).get_content()
    assert markup == sent.get_body(preferencelist=("html",)).get_content()
    assert "山田 花子さん、こんにちは。" in plain and "日本語と英語" in plain
    assert '<html lang="ja">' in markup and f"{PUBLIC_URL}/podcasts/21" in markup


async def test_starttls_and_login_with_the_certificate_verified():
    with smtp_server(starttls=True, login=(USER, PASSWORD)) as server:
        mailer = SmtpMailer(
            server.host, server.port, username=USER, password=PASSWORD,
            tls_context=server.client_tls_context(), timeout_seconds=5,
        )
        await mailer.send(composed())
    (received,) = server.envelopes
    assert received.authenticated_as == USER
    assert received.message()["Subject"] == "Dailycastのポッドキャストができました"


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")
async def test_tls_from_the_start_trusting_a_ca_file():
    with smtp_server(implicit_tls=True, login=(USER, PASSWORD)) as server:
        mailer = SmtpMailer(
            server.host, server.port, username=USER, password=PASSWORD, tls_mode="tls",
            cert_bundle=server.ca_file, timeout_seconds=5,
        )
        await mailer.send(composed())
    assert [e.authenticated_as for e in server.envelopes] == [USER]


async def test_a_wrong_password_raises_clearly_and_sends_nothing():
    with smtp_server(starttls=True, login=(USER, PASSWORD)) as server:
        mailer = SmtpMailer(
            server.host, server.port, username=USER, password="wrong-password",
            tls_context=server.client_tls_context(), timeout_seconds=5,
        )
        with pytest.raises(MailDeliveryError) as raised:
            await mailer.send(composed())
    assert "535" in str(raised.value) and f"{USER}@127.0.0.1:{server.port}" in str(raised.value)
    assert "wrong-password" not in str(raised.value)
    assert not raised.value.transient
    assert server.envelopes == []


async def test_an_untrusted_certificate_is_refused():
    with smtp_server(starttls=True) as server:
        with pytest.raises(MailDeliveryError, match="CERTIFICATE_VERIFY_FAILED"):
            await SmtpMailer(server.host, server.port, timeout_seconds=5).send(composed())
    assert server.envelopes == []


async def test_starttls_is_required_not_opportunistic():
    with smtp_server() as server:  # offers no STARTTLS
        with pytest.raises(MailDeliveryError, match="STARTTLS"):
            await SmtpMailer(server.host, server.port, tls_mode="starttls", timeout_seconds=5).send(composed())
    assert server.envelopes == []


async def test_a_4xx_reply_raises_a_transient_error():
    with smtp_server(reply="451 try again") as server:
        with pytest.raises(MailDeliveryError, match="451 try again") as raised:
            await SmtpMailer(server.host, server.port, tls_mode="none", timeout_seconds=5).send(composed())
    assert raised.value.transient


async def test_a_refused_connection_raises_a_transient_error():
    port = closed_port()
    with pytest.raises(MailDeliveryError, match=f"127.0.0.1:{port}") as raised:
        await SmtpMailer("127.0.0.1", port, tls_mode="none", timeout_seconds=5).send(composed())
    assert raised.value.transient


async def test_check_logs_in_and_sends_nothing():
    with smtp_server(starttls=True, login=(USER, PASSWORD)) as server:
        good = SmtpMailer(server.host, server.port, username=USER, password=PASSWORD,
                          tls_context=server.client_tls_context(), timeout_seconds=5)
        await good.check()
        bad = SmtpMailer(server.host, server.port, username=USER, password="nope",
                         tls_context=server.client_tls_context(), timeout_seconds=5)
        with pytest.raises(MailDeliveryError, match="535"):
            await bad.check()
    assert server.envelopes == []


# -- the notifier handler and bootstrap with SMTP


@pytest.fixture
def sent_log(tmp_path):
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'notifier.db'}")
    metadata.create_all(engine)
    yield SqlSentLog(engine)
    engine.dispose()


async def test_a_redelivered_event_sends_one_email(sent_log):
    event = completed(podcast_id=31)
    with smtp_server(starttls=True, login=(USER, PASSWORD)) as server:
        mailer = SmtpMailer(server.host, server.port, username=USER, password=PASSWORD,
                            tls_context=server.client_tls_context(), timeout_seconds=5)
        notify = partial(notify_learner, mailer=mailer, sent_log=sent_log, public_url=PUBLIC_URL, sender=SENDER)
        assert await notify(event) == []
        assert await notify(event) == []
        await notify(completed(podcast_id=31, attempt=2))
    assert [e.message()["Message-ID"] for e in server.envelopes] == [
        "<podcast-31-1@dailycast>",
        "<podcast-31-2@dailycast>",
    ]
    assert await sent_log.was_sent(31, 1) and await sent_log.was_sent(31, 2)


async def test_a_refused_email_is_not_recorded_so_a_retry_sends_it(sent_log):
    event = completed(podcast_id=32)
    with smtp_server(reply="451 try again") as server:
        mailer = SmtpMailer(server.host, server.port, tls_mode="none", timeout_seconds=5)
        with pytest.raises(MailDeliveryError):
            await notify_learner(event, mailer=mailer, sent_log=sent_log, public_url=PUBLIC_URL, sender=SENDER)
    assert not await sent_log.was_sent(32, 1)
    with smtp_server() as server:
        mailer = SmtpMailer(server.host, server.port, tls_mode="none", timeout_seconds=5)
        await notify_learner(event, mailer=mailer, sent_log=sent_log, public_url=PUBLIC_URL, sender=SENDER)
    assert len(server.envelopes) == 1 and await sent_log.was_sent(32, 1)


def test_bootstrap_chooses_smtp_only_when_a_host_is_set(monkeypatch, tmp_path):
    monkeypatch.setenv("DAILYCAST_DATA_DIR", str(tmp_path))
    for name in ("HOST", "PORT", "USERNAME", "PASSWORD", "TLS", "TIMEOUT_SECONDS", "CA_FILE"):
        monkeypatch.delenv(f"DAILYCAST_SMTP_{name}", raising=False)
    assert isinstance(build_mailer(NotifierSettings()), OutboxMailer)
    monkeypatch.setenv("DAILYCAST_SMTP_HOST", "mail.example.com")
    monkeypatch.setenv("DAILYCAST_SMTP_TLS", "tls")
    monkeypatch.setenv("DAILYCAST_SMTP_USERNAME", USER)
    monkeypatch.setenv("DAILYCAST_SMTP_PASSWORD", PASSWORD)
    mailer = build_mailer(NotifierSettings())
    assert isinstance(mailer, SmtpMailer)
    assert (mailer.host, mailer.port, mailer.tls_mode, mailer.username) == ("mail.example.com", 465, "tls", USER)
    assert PASSWORD not in repr(NotifierSettings()) and mailer.describe() == f"{USER}@mail.example.com:465 (tls)"
    monkeypatch.delenv("DAILYCAST_SMTP_USERNAME")
    with pytest.raises(ValueError, match="DAILYCAST_SMTP_USERNAME"):
        NotifierSettings()


def test_the_system_mails_through_smtp_when_it_is_configured(monkeypatch, tmp_path):
    for name in [k for k in os.environ if k.startswith(("DAILYCAST_", "OPENAI_", "GEMINI_", "GOOGLE_"))]:
        monkeypatch.delenv(name)  # the shell's settings: this test wants the defaults plus SMTP
    with smtp_server(starttls=True, login=(USER, PASSWORD)) as server:
        env = {
            "DAILYCAST_SMTP_HOST": server.host, "DAILYCAST_SMTP_PORT": server.port,
            "DAILYCAST_SMTP_USERNAME": USER, "DAILYCAST_SMTP_PASSWORD": PASSWORD,
            "DAILYCAST_SMTP_CA_FILE": server.ca_file, "DAILYCAST_SMTP_TIMEOUT_SECONDS": 5,
        }
        with running_system(monkeypatch, tmp_path / "data", **env) as api:
            created = api.create(user_id=1, languages=["en"], output_format="text")
            assert api.finished(created.json()["id"])["status"] == "completed"
            wait_for(lambda: server.envelopes, timeout=30)
            assert api.emails() == []  # nothing went to the outbox
    (received,) = server.envelopes
    assert received.authenticated_as == USER
    assert received.rcpt_tos == ["aiko@example.com"]
