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

GROUP = "notifier"


def subscription(settings: NotifierSettings, engine: Engine, mailer: Mailer | None = None) -> Subscription:
    notify = partial(
        notify_learner,
        mailer=mailer or OutboxMailer(settings.resolved_outbox_dir()),
        sent_log=SqlSentLog(engine),
        public_url=settings.resolved_public_url(),
        sender=settings.sender,
    )
    return Subscription(GROUP, {ev.PodcastCompleted: notify, ev.PodcastFailed: notify})
