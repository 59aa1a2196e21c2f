"""tts's handlers: speak every language of a script, store it, complete the podcast."""

from __future__ import annotations

import asyncio
import json
import logging

from dailycast import events as ev
from dailycast.metrics import timed
from dailycast.messaging.records import from_record, to_record
from dailycast.storage.audio_store import AudioStore, audio_key, podcast_prefix
from dailycast.transcript import chapters, script_sentences, timed_sentences
from services.tts.id3 import TrackTags, tagged
from services.tts.ssml import build_ssml, question_marks
from services.tts.synthesizers.base import SynthesisError, Synthesizer
from services.tts.voices import pick_voice

log = logging.getLogger(__name__)


def _manifest_key(podcast_id: int, attempt: int) -> str:
    return f"{podcast_prefix(podcast_id)}attempt-{attempt}/tracks.json"


def tombstone_key(podcast_id: int) -> str:
    """Marks a deleted podcast; outside its prefix, so removing the podcast's audio keeps it."""
    return f"deleted-podcasts/{podcast_id}"


async def synthesize_audio(
    event: ev.ScriptReady,
    *,
    synthesizer: Synthesizer,
    store: AudioStore,
    voice_provider: str,
    pause_seconds: float,
) -> list:
    """Make the audio of every language; tts finishes audio podcasts, so it completes them.

    The track list is stored last, as a manifest: a redelivered ScriptReady finds it and emits
    the same events again (same ids) without synthesizing twice.

    A podcast deleted meanwhile is not spoken: its PodcastDeleted precedes this ScriptReady on the
    podcast's partition (the API appends it while scriptgen writes), and left a tombstone. Nothing
    is emitted then: there is no podcast left to complete or to fail.
    """
    if event.output_format == "text":
        return []
    if await store.get(tombstone_key(event.podcast_id)) is not None:
        log.info("podcast %s was deleted: no audio for its script", event.podcast_id)
        return []
    manifest = _manifest_key(event.podcast_id, event.attempt)
    stored = await store.get(manifest)
    if stored is not None:
        tracks = from_record(list[ev.AudioTrack], json.loads(stored))
    else:
        try:
            tracks = await asyncio.gather(
                *(_speak(event, lang, synthesizer, store, voice_provider, pause_seconds) for lang in event.languages)
            )
        except (SynthesisError, ValueError) as exc:
            log.warning("no audio for podcast %s: %s", event.podcast_id, exc)
            return [ev.failed_after(event, "tts", str(exc))]
        # The tracks as in AudioReady's Avro records (and the read model's JSON), read back alike.
        await store.put(manifest, json.dumps(to_record(tracks)).encode(), "application/json")
    return [_audio_ready(event, list(tracks)), ev.completed_after(event)]


async def _speak(
    event: ev.ScriptReady,
    language: str,
    synthesizer: Synthesizer,
    store: AudioStore,
    voice_provider: str,
    pause_seconds: float,
) -> ev.AudioTrack:
    voice = pick_voice(language, voice_provider)
    script = event.script(language)
    ssml = build_ssml(script, event.questions, language, pause_seconds)
    with timed("synthesis"):
        audio = await synthesizer.synthesize(ssml, voice)
    times = [ev.QuestionTime(qid, start, pause) for qid, start, pause in question_marks(audio.marks, event.questions)]
    paragraphs = timed_sentences(script_sentences(script), audio.marks, [t.pause_at for t in times], audio.duration_seconds)
    sections = chapters(paragraphs, event.questions, times, language)
    key = audio_key(event.podcast_id, event.attempt, language)
    mp3 = tagged(audio.mp3, _track_tags(event, language, sections, audio.duration_seconds))
    with timed("upload"):
        await store.put(key, mp3, "audio/mpeg")
    return ev.AudioTrack(language, key, audio.duration_seconds, voice.name, synthesizer.name, times,
                         engine=voice.engine, billed_characters=audio.billed_characters,
                         sentences=[s for p in paragraphs for s in p], chapters=sections, size_bytes=len(mp3))


def _track_tags(event: ev.ScriptReady, language: str, sections: list[ev.Chapter], seconds: float) -> TrackTags:
    # ScriptReady carries no podcast date: the day it was written is the recording's date.
    day = event.occurred_at.date()
    return TrackTags(title=f"Dailycast {day.isoformat()}: {', '.join(event.courses)}".rstrip(": "),
                     artist="Dailycast", album=f"Dailycast: {event.recipient.name}", language=language,
                     recorded_on=day, chapters=sections, duration_ms=round(seconds * 1000))


async def delete_audio(event: ev.PodcastDeleted, *, store: AudioStore) -> list:
    """A deleted podcast's audio goes too, and a tombstone stays so a script still on its way is
    not spoken (deleting twice is harmless). The tombstone first: a crash in between is redelivered."""
    tombstone = tombstone_key(event.podcast_id)
    if await store.get(tombstone) is None:
        await store.put(tombstone, event.occurred_at.isoformat().encode(), "text/plain")
    await store.delete_prefix(podcast_prefix(event.podcast_id))
    return []


def _audio_ready(event: ev.ScriptReady, tracks: list[ev.AudioTrack]) -> ev.AudioReady:
    return ev.AudioReady(
        event_id=ev.derived_event_id(event.event_id, "AudioReady"),
        occurred_at=ev.utcnow(),
        podcast_id=event.podcast_id,
        attempt=event.attempt,
        tracks=tracks,
    )

