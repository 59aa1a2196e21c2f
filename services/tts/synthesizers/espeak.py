"""Local speech with eSpeak NG: the library and voices ship in the espeakng-loader wheel."""

from __future__ import annotations

import asyncio
import ctypes
import threading
from dataclasses import dataclass, field

import lameenc

from dailycast.metrics import timed
from dailycast.readings import REWRITTEN
from services.tts.mp3 import read_mp3
from services.tts.synthesizers import _espeak_ctypes as c
from services.tts.synthesizers.base import SynthesizedAudio, SynthesisError, Voice
from services.tts.ssml import local_reading

MP3_BITRATE_KBPS = 48
MP3_QUALITY = 5  # LAME's 0 (best, slowest) .. 9 (worst, fastest)

# libespeak-ng keeps one global state (voice, callback, buffers): one synthesis at a time.
_lock = threading.Lock()
_engine: _Engine | None = None


class EspeakSynthesizer:
    name = "espeak"

    async def synthesize(self, ssml: str, voice: Voice) -> SynthesizedAudio:
        if voice.language in REWRITTEN:  # Japanese as kana: the voice reads no kanji and spells Latin
            ssml = await asyncio.to_thread(local_reading, ssml, voice.language)
        return await asyncio.to_thread(_synthesize, ssml, voice.name)


@dataclass
class _Take:
    pcm: bytearray = field(default_factory=bytearray)  # 16-bit mono samples
    marks: dict[str, float] = field(default_factory=dict)
    error: BaseException | None = None


class _Engine:
    def __init__(self) -> None:
        self._lib = c.load_library()
        rate = self._lib.espeak_Initialize(
            c.AUDIO_OUTPUT_SYNCHRONOUS, 0, c.data_path(), c.INITIALIZE_DONT_EXIT
        )
        if rate <= 0:
            raise SynthesisError(f"eSpeak NG could not start (error {rate})")
        self.sample_rate = rate
        self._take: _Take | None = None
        # libespeak-ng keeps only the C pointer; this reference keeps the thunk alive.
        self._callback = c.SynthCallback(self._on_audio)
        self._lib.espeak_SetSynthCallback(self._callback)

    def speak(self, ssml: str, voice_name: str) -> _Take:
        result = self._lib.espeak_SetVoiceByName(voice_name.encode())
        if result != c.EE_OK:
            raise SynthesisError(f"eSpeak NG has no voice {voice_name!r} (error {result})")
        text = ssml.encode()
        self._take = take = _Take()
        try:
            result = self._lib.espeak_Synth(
                text, len(text) + 1, 0, c.POS_CHARACTER, 0, c.CHARS_UTF8 | c.SSML, None, None
            )
        finally:
            self._take = None
        if take.error is not None:
            raise SynthesisError(f"eSpeak NG output could not be read: {take.error}")
        if result != c.EE_OK:
            raise SynthesisError(f"eSpeak NG failed to synthesize (error {result})")
        return take

    def phonemes(self, text: str, voice_name: str) -> str:
        if self._lib.espeak_SetVoiceByName(voice_name.encode()) != c.EE_OK:
            raise SynthesisError(f"eSpeak NG has no voice {voice_name!r}")
        buffer = ctypes.create_string_buffer(text.encode())
        position = ctypes.c_char_p(ctypes.addressof(buffer))
        clauses = []
        while position.value:  # espeak_TextToPhonemes moves the pointer past each clause
            clauses.append(self._lib.espeak_TextToPhonemes(ctypes.byref(position), c.CHARS_UTF8, 0).decode())
        return " | ".join(clauses)

    def _on_audio(self, wav, count, events) -> int:
        take = self._take
        try:
            if count > 0 and wav:
                take.pcm += ctypes.string_at(wav, count * ctypes.sizeof(ctypes.c_short))
            _collect_marks(events, take.marks)
            return 0
        except BaseException as error:  # an exception cannot cross into C; abort instead
            if take is not None:
                take.error = error
            return 1


def _collect_marks(events, marks: dict[str, float]) -> None:
    i = 0
    while events[i].type != c.EVENT_LIST_TERMINATED:
        event = events[i]
        if event.type == c.EVENT_MARK and event.id.name:
            marks[event.id.name.decode("utf-8", "replace")] = event.audio_position / 1000
        i += 1


def _synthesize(ssml: str, voice_name: str) -> SynthesizedAudio:
    take, sample_rate = _speak(ssml, voice_name)
    if not take.pcm.strip(b"\0"):  # eSpeak NG pads even an empty document with silence
        raise SynthesisError("eSpeak NG produced no audible speech")
    with timed("encoding"):
        mp3 = _encode_mp3(bytes(take.pcm), sample_rate)
    # The MP3's own length (LAME adds its delay and padding), so it agrees with what players show.
    return SynthesizedAudio(mp3=mp3, duration_seconds=read_mp3(mp3).duration_seconds, marks=take.marks)


def _speak(ssml: str, voice_name: str) -> tuple[_Take, int]:
    """The raw 16-bit mono PCM, marks and sample rate; encoding happens outside the lock."""
    with _lock:
        engine = _started_engine()
        return engine.speak(ssml, voice_name), engine.sample_rate


def phonemes(text: str, voice_name: str) -> str:
    """eSpeak NG's phoneme mnemonics for plain text, clause by clause: what the voice would say."""
    with _lock:
        return _started_engine().phonemes(text, voice_name)


def _started_engine() -> _Engine:
    global _engine
    if _engine is None:
        _engine = _Engine()
    return _engine


def _encode_mp3(pcm: bytes, sample_rate: int) -> bytes:
    encoder = lameenc.Encoder()
    encoder.set_channels(1)
    encoder.set_in_sample_rate(sample_rate)
    encoder.set_out_sample_rate(sample_rate)
    encoder.set_bit_rate(MP3_BITRATE_KBPS)
    encoder.set_quality(MP3_QUALITY)
    return bytes(encoder.encode(pcm) + encoder.flush())
