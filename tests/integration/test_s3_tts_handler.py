"""tts's handlers with real eSpeak NG speech and the S3 store on moto's server."""

import json

from dailycast import events as ev
from services.scriptgen.handlers import write_script
from services.tts.handlers import delete_audio, synthesize_audio
from services.tts.mp3 import read_mp3
from dailycast.storage.s3_audio_store import S3AudioStore
from services.tts.synthesizers.espeak import EspeakSynthesizer
from tests.utils.factories import podcast_requested, written_script
from tests.utils.fakes import FakeWriter
from tests.utils.moto_server import moto, moto_server  # noqa: F401 (fixtures)


class CountingEspeak(EspeakSynthesizer):
    calls = 0

    async def synthesize(self, ssml, voice):
        self.calls += 1
        return await super().synthesize(ssml, voice)


def keys(s3, bucket: str) -> list[str]:
    return sorted(item["Key"] for item in s3.list_objects_v2(Bucket=bucket).get("Contents", []))


async def test_audio_lands_in_s3_and_goes_with_the_podcast(moto):
    (ready,) = await write_script(
        podcast_requested(podcast_id=41, languages=("en", "es"), output_format="audio"),
        writer=FakeWriter(script=lambda request: written_script(request, minutes=0.5)),
    )
    s3 = moto.client("s3")
    store = S3AudioStore(moto.bucket(), s3)
    speech = CountingEspeak()
    speak = dict(synthesizer=speech, store=store, voice_provider="local", pause_seconds=2)

    audio_ready, completed = await synthesize_audio(ready, **speak)
    assert isinstance(audio_ready, ev.AudioReady) and isinstance(completed, ev.PodcastCompleted)
    assert keys(s3, store.bucket) == [
        "podcasts/41/attempt-1/en.mp3",
        "podcasts/41/attempt-1/es.mp3",
        "podcasts/41/attempt-1/tracks.json",
    ]
    for track in audio_ready.tracks:
        mp3 = s3.get_object(Bucket=store.bucket, Key=track.audio_key)["Body"].read()
        assert 5 < track.duration_seconds == read_mp3(mp3).duration_seconds
        assert [t.question_id for t in track.question_times] == ["q1", "q2", "q3"]
    manifest = json.loads(s3.get_object(Bucket=store.bucket, Key="podcasts/41/attempt-1/tracks.json")["Body"].read())
    assert [t["audio_key"] for t in manifest] == [t.audio_key for t in audio_ready.tracks]

    again = await synthesize_audio(ready, **speak)  # a redelivered ScriptReady: same events, no new speech
    assert [e.event_id for e in again] == [audio_ready.event_id, completed.event_id]
    assert again[0].tracks == audio_ready.tracks and speech.calls == 2

    deleted = ev.PodcastDeleted(ev.new_event_id(), ev.utcnow(), 41)
    assert await delete_audio(deleted, store=store) == []
    assert keys(s3, store.bucket) == ["deleted-podcasts/41"]  # the tombstone: a late script is not spoken
    assert await synthesize_audio(ready, **speak) == [] and speech.calls == 2
