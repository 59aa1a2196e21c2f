"""Builds the notifier's mailer and sent log from settings and binds them to the handler."""

from __future__ import annotations

from functools import partial

from sqlalchemy.engine import Engine

from dailycast import events as ev
from dailycast.messaging.delivery import Subscription
from services.notifier.handlers import notify_learner
from services.notifier.mailer import Mailer, OutboxMailer
from services.notifier.sent_log import SqlSentLog
from services.notifier.settings import NotifierSettings
from services.notifier.smtp_mailer import SmtpMailer

GROUP = "notifier"


def build_mailer(settings: NotifierSettings) -> SmtpMailer | OutboxMailer:
    """SMTP when DAILYCAST_SMTP_HOST is set; otherwise the embedded default, the .eml outbox."""
    if not settings.smtp_host:
        return OutboxMailer(settings.resolved_outbox_dir())
    password = settings.smtp_password.get_secret_value() if settings.smtp_password else None
    return SmtpMailer(
        settings.smtp_host,
        settings.smtp_port,
        username=settings.smtp_username,
        password=password,
        tls_mode=settings.smtp_tls,
        timeout_seconds=settings.smtp_timeout_seconds,
        cert_bundle=settings.smtp_ca_file,
    )


def describe_mail(settings: NotifierSettings) -> tuple[str, str]:
    """(adapter, detail) of the mail port, for `dailycast doctor`; no secrets."""
    mailer = build_mailer(settings)
    return ("smtp" if isinstance(mailer, SmtpMailer) else "outbox"), mailer.describe()


async def check_mail(settings: NotifierSettings) -> None:
    """Raise unless the mailer can deliver: SMTP answers (and accepts the login), or the outbox is writable."""
    await build_mailer(settings).check()


def subscription(settings: NotifierSettings, engine: Engine, mailer: Mailer | None = None) -> Subscription:
    notify = partial(
        notify_learner,
        mailer=mailer or build_mailer(settings),
        sent_log=SqlSentLog(engine),
        public_url=settings.resolved_public_url(),
        sender=settings.sender,
    )
    return Subscription(GROUP, {ev.PodcastCompleted: notify, ev.PodcastFailed: notify})
