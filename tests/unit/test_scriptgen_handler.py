from dailycast import events as ev
from dailycast.failure_reasons import failure_reason
from dailycast.speech_length import Speech
from services.scriptgen.handlers import write_script
from tests.utils.factories import podcast_requested
from tests.utils.fakes import FailingWriter, FakeWriter


async def test_text_podcast_is_completed_by_scriptgen():
    request = podcast_requested(output_format="text", languages=("en", "ja"))
    ready, completed = await write_script(request, writer=FakeWriter())
    assert isinstance(ready, ev.ScriptReady) and isinstance(completed, ev.PodcastCompleted)
    assert [s.language for s in ready.scripts] == ["en", "ja"]
    assert ready.courses == request.learner.courses and ready.recipient.email == request.learner.email
    assert completed.podcast_id == request.podcast_id and completed.attempt == request.attempt


async def test_audio_podcast_goes_on_to_tts():
    (ready,) = await write_script(podcast_requested(output_format="audio"), writer=FakeWriter())
    assert isinstance(ready, ev.ScriptReady) and ready.output_format == "audio"


async def test_same_request_gives_same_event_ids():
    request = podcast_requested(output_format="text")
    first = await write_script(request, writer=FakeWriter())
    again = await write_script(request, writer=FakeWriter())
    assert [e.event_id for e in first] == [e.event_id for e in again]
    other = await write_script(podcast_requested(output_format="text"), writer=FakeWriter())
    assert {e.event_id for e in other}.isdisjoint(e.event_id for e in first)


async def test_writer_failure_fails_the_podcast_readably():
    (failed,) = await write_script(podcast_requested(), writer=FailingWriter())
    assert isinstance(failed, ev.PodcastFailed)
    assert failed.step == "scriptgen" and failed.reason == failure_reason("scriptgen", "ja")  # the learner is ja-JP
    assert "the model is down" in failed.detail


async def test_the_writer_is_asked_for_the_minutes_and_the_voice_that_will_speak():
    writer = FakeWriter()
    polly = Speech("polly", 3.0)
    await write_script(podcast_requested(minutes=10), writer=writer, speech=polly)
    (asked,) = writer.requests
    assert (asked.minutes, asked.speech) == (10, polly)
    await write_script(podcast_requested(), writer=writer)
    assert (writer.requests[1].minutes, writer.requests[1].speech) == (6, Speech("local", 5.0))
