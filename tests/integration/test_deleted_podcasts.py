"""Work for a deleted podcast is skipped: no audio is synthesized, no email is sent."""

from __future__ import annotations

import asyncio
import threading
from functools import partial

import pytest
import sqlalchemy as sa

from dailycast import events as ev
from dailycast.storage.audio_store import LocalAudioStore
from services.notifier.handlers import forget_deleted_podcast, notify_learner
from services.notifier.mailer import OutboxMailer
from services.notifier.sent_log import SqlSentLog, metadata
from services.scriptgen.cancellations import SqlCancellations
from services.scriptgen.cancellations import metadata as cancellations_metadata
from services.scriptgen.handlers import cancel_script, write_script
from services.tts.handlers import delete_audio, synthesize_audio
from system.builder import Adapters
from tests.utils.factories import podcast_requested, written_script
from tests.utils.fakes import FakeSynthesizer, FakeWriter
from tests.utils.system import wait_for


async def script_ready(podcast_id: int, output_format: str = "audio") -> ev.ScriptReady:
    (ready,) = await write_script(podcast_requested(podcast_id=podcast_id, output_format=output_format),
                                  writer=FakeWriter())
    return ready


def deleted(podcast_id: int) -> ev.PodcastDeleted:
    return ev.PodcastDeleted(ev.new_event_id(), ev.utcnow(), podcast_id)


async def test_tts_does_not_speak_a_script_whose_podcast_was_deleted(tmp_path):
    store, speech = LocalAudioStore(tmp_path / "audio"), FakeSynthesizer()
    speak = partial(synthesize_audio, synthesizer=speech, store=store, voice_provider="local", pause_seconds=2)
    ready = await script_ready(7)

    assert await delete_audio(deleted(7), store=store) == []
    assert await delete_audio(deleted(7), store=store) == []  # redelivered: harmless
    assert await speak(ready) == []  # the podcast is gone: nothing to say about it
    assert await speak(ready) == []
    assert speech.calls == []
    assert not list((tmp_path / "audio").rglob("*.mp3")) and not (tmp_path / "audio" / "podcasts" / "7").exists()

    other = await script_ready(8)  # another podcast is spoken as ever
    assert [type(e) for e in await speak(other)] == [ev.AudioReady, ev.PodcastCompleted]
    assert len(speech.calls) == 1


async def test_audio_made_before_the_deletion_is_removed(tmp_path):
    store = LocalAudioStore(tmp_path / "audio")
    ready = await script_ready(9)
    await synthesize_audio(ready, synthesizer=FakeSynthesizer(), store=store, voice_provider="local", pause_seconds=2)
    assert (tmp_path / "audio" / "podcasts" / "9").exists()
    await delete_audio(deleted(9), store=store)
    assert not (tmp_path / "audio" / "podcasts" / "9").exists()


@pytest.fixture
def sent_log(tmp_path):
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'notifier.db'}")
    metadata.create_all(engine)
    yield SqlSentLog(engine)
    engine.dispose()


def completed(podcast_id: int, attempt: int = 1) -> ev.PodcastCompleted:
    recipient = ev.Recipient(5, "Ada", "ada@example.com", "en")
    return ev.PodcastCompleted(ev.new_event_id(), ev.utcnow(), podcast_id, attempt, ["en"], "text", recipient)


async def test_no_email_for_a_deleted_podcast_and_its_sent_log_goes(tmp_path, sent_log):
    outbox = tmp_path / "outbox"
    notify = partial(notify_learner, mailer=OutboxMailer(outbox), sent_log=sent_log,
                     public_url="https://dailycast.example", sender="Dailycast <a@b.c>")
    await notify(completed(21))  # finished before it was deleted: told as usual
    assert await sent_log.was_sent(21, 1)

    assert await forget_deleted_podcast(deleted(21), sent_log=sent_log) == []
    assert await forget_deleted_podcast(deleted(21), sent_log=sent_log) == []  # redelivered
    assert await forget_deleted_podcast(deleted(22), sent_log=sent_log) == []
    assert not await sent_log.was_sent(21, 1)  # the sent log keeps nothing of a deleted podcast

    await notify(completed(21))  # a redelivery after the deletion
    await notify(completed(22))  # completed after its deletion (the deletion came first in the log)
    await notify(completed(22, attempt=2))
    await notify(completed(23))
    assert sorted(p.name for p in outbox.glob("*.eml")) == ["podcast-21-1@dailycast.eml", "podcast-23-1@dailycast.eml"]


class GatedWriter(FakeWriter):
    """Holds its first script until the test opens the gate (so the test can delete the podcast first)."""

    def __init__(self):
        super().__init__()
        self.gate = threading.Event()
        self.holding = False

    async def write(self, request):
        if not self.requests:
            self.holding = True
            while not self.gate.is_set():
                await asyncio.sleep(0.02)
        return await super().write(request)


def test_a_podcast_deleted_before_its_script_is_ready_gets_no_audio_and_no_email(system_on):
    writer, speech = GatedWriter(), FakeSynthesizer()
    # One partition: the second podcast's completion means the first one's events were all handled.
    with system_on(Adapters(writer=writer, synthesizer=speech), DAILYCAST_PARTITIONS=1) as api:
        first = api.create(output_format="audio", languages=["en"]).json()["id"]
        wait_for(lambda: writer.holding, what="the writer holding the first script")
        assert api.client.delete(f"/api/podcasts/{first}/", headers=api.auth(1)).status_code == 204
        # PodcastRequested, PodcastDeleted, then (once the gate opens) ScriptReady: tts sees the deletion first.
        # The deletion is in the log before the gate opens (else, on a busy machine, the relay may send it after).
        wait_for(lambda: api.system.services["api"].relay.pending_count() == 0, what="the deletion published")
        writer.gate.set()
        second = api.create(output_format="audio", languages=["en"]).json()["id"]
        assert api.finished(second)["status"] == "completed"
        wait_for(lambda: api.emails(), what="the second podcast's email")
        assert [p.name for p in api.emails()] == [f"podcast-{second}-1@dailycast.eml"]
        assert len(writer.requests) == 2 and len(speech.calls) == 1
        audio = api.system.settings.audio_dir / "podcasts"
        assert not (audio / str(first)).exists()
        assert api.get(f"/api/podcasts/{first}/").status_code == 404


async def test_scriptgen_writes_no_script_for_a_cancelled_podcast(tmp_path):
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'scriptgen.db'}")
    cancellations_metadata.create_all(engine)
    cancellations, writer = SqlCancellations(engine), FakeWriter()
    write = partial(write_script, writer=writer, cancellations=cancellations)

    assert await cancel_script(deleted(31), cancellations=cancellations) == []
    assert await cancel_script(deleted(31), cancellations=cancellations) == []  # redelivered: harmless
    assert await write(podcast_requested(podcast_id=31)) == []
    assert writer.requests == []
    assert [type(e) for e in await write(podcast_requested(podcast_id=32))] == [ev.ScriptReady]
    engine.dispose()


def test_a_podcast_deleted_while_its_request_waits_for_scriptgen_gets_no_script(system_on):
    writer = GatedWriter()
    # One message at a time on one partition: the second request waits behind the first.
    with system_on(Adapters(writer=writer), DAILYCAST_PARTITIONS=1, DAILYCAST_WORKER_CONCURRENCY=1) as api:
        first = api.create(output_format="text", languages=["en"]).json()["id"]
        wait_for(lambda: writer.holding, what="the writer holding the first script")
        waiting = api.create(output_format="text", languages=["en"]).json()["id"]
        assert api.client.delete(f"/api/podcasts/{waiting}/", headers=api.auth(1)).status_code == 204
        cancelled = SqlCancellations(api.system.resources.engine())
        # scriptgen hears of the deletion while it is still writing the first script, not after it.
        wait_for(lambda: asyncio.run(cancelled.is_cancelled(waiting)), what="scriptgen told of the deletion")
        writer.gate.set()
        third = api.create(output_format="text", languages=["en"]).json()["id"]
        assert api.finished(third)["status"] == "completed"
        assert api.finished(first)["status"] == "completed"
        assert [r.podcast_id for r in writer.requests] == [first, third]
