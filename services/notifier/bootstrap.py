"""Builds the notifier from settings: the mailer and sent log, bound to the handler."""

from __future__ import annotations

from functools import partial

from dailycast import events as ev
from dailycast.messaging.delivery import Subscription
from dailycast.probes import Probe, ProbeFailed
from dailycast.service import Resources, Service
from services.notifier.handlers import forget_deleted_podcast, notify_learner
from services.notifier.mailer import Mailer, MailDeliveryError, OutboxMailer
from services.notifier.sent_log import SqlSentLog
from services.notifier.settings import NotifierSettings
from services.notifier.smtp_mailer import SmtpMailer

GROUP = "notifier"
PORTS = ("mail",)


def build(resources: Resources, mailer: Mailer | None = None) -> Service:
    settings = NotifierSettings()
    sent_log = SqlSentLog(resources.engine())
    notify = partial(
        notify_learner,
        mailer=mailer or build_mailer(settings),
        sent_log=sent_log,
        public_url=settings.resolved_public_url(),
        sender=settings.sender,
    )
    forget = partial(forget_deleted_podcast, sent_log=sent_log)
    return Service(
        "notifier",
        subscriptions=[
            Subscription(GROUP, {ev.PodcastCompleted: notify, ev.PodcastFailed: notify, ev.PodcastDeleted: forget})
        ],
        probes=[mail_probe(build_mailer(settings))],
    )


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


def mail_probe(mailer: SmtpMailer | OutboxMailer) -> Probe:
    """SMTP answers (and accepts the login), or the outbox folder is writable; sends nothing."""

    async def check() -> None:
        try:
            await mailer.check()
        except MailDeliveryError as exc:  # its text repeats the detail; the cause is what matters
            cause = exc.__cause__
            raise ProbeFailed(f"{type(cause).__name__}: {cause}" if cause else str(exc)) from exc

    return Probe("mail", "smtp" if isinstance(mailer, SmtpMailer) else "outbox", mailer.describe(), check)
