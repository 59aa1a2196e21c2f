"""Builds scriptgen's writer chain from settings and binds it to the handler."""

from __future__ import annotations

from functools import partial

from dailycast import events as ev
from dailycast.messaging.delivery import Subscription
from services.scriptgen.handlers import write_script
from services.scriptgen.settings import ScriptgenSettings
from services.scriptgen.writers.base import ScriptWriter
from services.scriptgen.writers.chain import WriterChain
from services.scriptgen.writers.template import TemplateWriter

GROUP = "scriptgen"


def build_writer(settings: ScriptgenSettings) -> ScriptWriter:
    """The fallback chain; the template writer is always its last step."""
    return WriterChain([TemplateWriter()], step_timeout_seconds=settings.writer_timeout_seconds)


def subscription(settings: ScriptgenSettings, writer: ScriptWriter | None = None) -> Subscription:
    writer = writer or build_writer(settings)
    return Subscription(GROUP, {ev.PodcastRequested: partial(write_script, writer=writer)})
