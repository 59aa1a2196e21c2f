"""`dailycast dlq list|show|redrive` as an operator runs it, on both runtimes.

The notifier cannot send mail, so a PodcastCompleted is dead-lettered; the operator lists it,
reads why, fixes the mail and redrives it: the learner gets the email once, the other consumer
groups of the topic do not handle it again, and a second redrive sends nothing.
"""

from __future__ import annotations

import os
import subprocess
import time

from services.notifier.mailer import MailDeliveryError, OutboxMailer
from system.builder import Adapters
from tests.utils.processes import ROOT
from tests.utils.system import wait_for

DAILYCAST = ROOT / ".venv" / "bin" / "dailycast"


class MailThatBreaks:
    """The outbox mailer, refusing while `broken` (the mail server is down until the operator fixes it)."""

    def __init__(self):
        self.broken = True
        self.mailer: OutboxMailer | None = None

    async def send(self, message) -> None:
        if self.broken:
            raise MailDeliveryError("the mail server refused the connection", transient=True)
        await self.mailer.send(message)


def dlq(*args: str) -> str:
    """The command's output; it runs with the test's settings (its runtime, database, topics)."""
    run = subprocess.run([str(DAILYCAST), "dlq", *args], cwd=ROOT, env=dict(os.environ), capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    return run.stdout


def test_a_dead_letter_is_listed_explained_and_redriven_once(system_on):
    mail = MailThatBreaks()
    with system_on(Adapters(mailer=mail)) as api:
        mail.mailer = OutboxMailer(api.system.settings.data_dir / "outbox")
        podcast = api.create(1, languages=["en"], output_format="text").json()
        assert api.finished(podcast["id"])["status"] == "completed"

        def one_listed() -> str | None:
            out = dlq("list")
            return out if "1 dead letters" in out else None

        listed = wait_for(one_listed, 60, interval=0.5, what="the dead letter listed")
        (line,) = [x for x in listed.splitlines() if x.startswith("dailycast.podcast-events.dlq/")]
        letter = line.split()[0]
        assert "notifier" in line and "PodcastCompleted" in line and "mail server refused" in line
        assert dlq("list", "--since", "2000-01-01").count(letter) == 1
        assert "0 dead letters of 1" in dlq("list", "--topic", "platform.learner-events")

        shown = dlq("show", letter)
        assert "dlq_group: notifier" in shown and "MailDeliveryError" in shown and "Traceback" in shown
        assert f'"podcast_id": {podcast["id"]}' in shown

        assert "would redrive 1" in dlq("redrive", "--dry-run") and not api.emails()
        mail.broken = False  # the operator fixed the mail server
        assert f"redriven {letter} to dailycast.podcast-events for notifier" in dlq("redrive", letter)
        wait_for(lambda: len(api.emails()) == 1, 60, what="the email, once redriven")

        again = dlq("redrive")
        assert "redriven 0; 1 already redriven before" in again
        assert "[redriven]" in dlq("list")
        time.sleep(2)  # time enough for a second email, or another group's second go, to show
        assert len(api.emails()) == 1
        assert api.get(f"/api/podcasts/{podcast['id']}/").json()["status"] == "completed"
