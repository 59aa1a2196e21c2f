"""The outbox keeps accepted requests until the log has them; the sweeper ends stuck podcasts."""

from datetime import timedelta

from sqlalchemy import update

from dailycast.events import utcnow
from dailycast.failure_reasons import failure_reason
from system.builder import Adapters
from services.api.db import DailyPodcast
from services.api.outbox import OutboxRelay, Wakeup
from services.api.sweeper import fail_stuck_podcasts
from tests.utils.fakes import SlowWriter
from tests.utils.system import running_system, wait_for


class DownProducer:
    """A log that refuses every message, as a broker that is down does."""

    def __init__(self):
        self.attempts = 0

    async def send(self, message):
        self.attempts += 1
        raise ConnectionError("broker unavailable")


class RecordingProducer:
    def __init__(self):
        self.sent = []

    async def send(self, message):
        self.sent.append(message)


async def test_relay_keeps_messages_while_the_log_is_down(monkeypatch, tmp_path):
    with running_system(monkeypatch, tmp_path) as api:
        factory = api.container.session_factory
        api.system.services["api"].relay.producer = DownProducer()  # the running relay loses its log, too
        created = api.create(output_format="text")
        assert created.status_code == 202  # accepted although nothing can be published

        down = OutboxRelay(factory, DownProducer(), Wakeup())
        try:
            await down.relay_once()
        except ConnectionError:
            pass
        assert down.pending_count() == 1

        back = RecordingProducer()
        assert await OutboxRelay(factory, back, Wakeup()).relay_once() == 1
        assert [m.topic for m in back.sent] == ["dailycast.podcast-events"]
        assert api.system.schemas.decode(back.sent[0].value).podcast_id == created.json()["id"]
        assert down.pending_count() == 0


def test_stuck_podcasts_are_failed_and_the_learner_is_told(monkeypatch, tmp_path):
    with running_system(monkeypatch, tmp_path, Adapters(writer=SlowWriter()),
                        DAILYCAST_WRITER_TIMEOUT_SECONDS=600) as api:
        pid = api.create(output_format="text").json()["id"]
        container = api.container
        assert fail_stuck_podcasts(container.session_factory, container.schemas, timedelta(minutes=5)) == 0
        with container.session_factory.begin() as session:  # as if requested an hour ago
            session.execute(update(DailyPodcast).values(updated_at=utcnow() - timedelta(hours=1)))
        assert fail_stuck_podcasts(container.session_factory, container.schemas, timedelta(minutes=5)) == 1
        container.outbox_wakeup.notify()
        podcast = api.get(f"/api/podcasts/{pid}/").json()
        assert podcast["status"] == "failed" and podcast["error_message"] == failure_reason("timeout", "ja")
        outbox = api.system.settings.data_dir / "outbox"
        wait_for(lambda: list(outbox.glob("*.eml")), timeout=10)
        assert fail_stuck_podcasts(container.session_factory, container.schemas, timedelta(minutes=5)) == 0
