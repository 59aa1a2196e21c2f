"""Amazon Polly through boto3: a long SSML document is cut into requests spoken concurrently.

Each piece (see ssml_chunks) is one SynthesizeSpeech request for the MP3 and, when it holds
marks, a second one with OutputFormat=json for the SSML speech marks, whose times count from
the piece's start. The pieces' MP3 frames are joined in order, and each mark is moved by the
exact length of the audio before its piece.

Every request first takes a slot of its engine's quota (requests a second, shared by every tts
replica when the quota lives in the database). If Polly still throttles us after botocore's own
retries, the request waits a growing pause and is made again, for up to `patience_seconds`:
throttling slows a podcast down, it does not fail it.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import time
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass

from botocore.exceptions import BotoCoreError, ClientError

from dailycast.metrics import POLLY_CHARACTERS, PROVIDER_REQUESTS, timed
from dailycast.quotas import LocalQuota, Quota, Rate

from services.tts.mp3 import Mp3Audio, join_mp3, read_mp3
from services.tts.ssml import english_terms
from services.tts.ssml_chunks import MAX_BILLED, MAX_CHARS, split_ssml
from services.tts.synthesizers.base import SynthesisError, SynthesizedAudio, Voice
from services.tts.voices import DEFAULT_SAMPLE_RATE

log = logging.getLogger(__name__)

SAMPLE_RATES = ("8000", "16000", "22050", "24000")  # what Polly accepts for MP3
# Polly's quotas of SynthesizeSpeech requests a second; generative and long-form share neural's.
DEFAULT_REQUESTS_PER_SECOND = {"neural": 8.0, "standard": 80.0}
THROTTLED = ("ThrottlingException", "TooManyRequestsException", "Throttling")


class Throttled(SynthesisError):
    """Polly refused for now: too many requests."""


@dataclass(frozen=True)
class Take:
    """One piece's audio and its marks (seconds from the piece's start)."""

    audio: Mp3Audio
    marks: dict[str, float]
    billed_characters: int = 0  # of its requests, the marks' included


class PollySynthesizer:
    name = "polly"

    def __init__(
        self,
        client,
        quotas: Mapping[str, Quota] | None = None,
        max_concurrency: int = 8,
        sample_rate: str | None = None,
        max_chars: int = MAX_CHARS,
        max_billed: int = MAX_BILLED,
        patience_seconds: float = 600.0,
        first_pause_seconds: float = 1.0,
    ):
        """`client` is a boto3 Polly client (boto3 clients may be shared between threads).

        `quotas`: each engine's requests-a-second quota; by default Polly's, for this process alone.
        """
        if sample_rate is not None and sample_rate not in SAMPLE_RATES:
            raise ValueError(f"Polly's MP3 sample rates are {', '.join(SAMPLE_RATES)}; got {sample_rate!r}")
        self._client = client
        self._quotas = {engine: LocalQuota(f"polly/{engine}", Rate(rate)) for engine, rate in DEFAULT_REQUESTS_PER_SECOND.items()}
        self._quotas.update(quotas or {})
        self._slots = asyncio.Semaphore(max_concurrency)
        # boto3 blocks: a thread per slot of its own, not asyncio's shared pool (CPUs + 4 threads).
        self._threads = ThreadPoolExecutor(max_concurrency, thread_name_prefix="polly")
        self._patience, self._first_pause = patience_seconds, first_pause_seconds
        self._sample_rate = sample_rate
        self._max_chars, self._max_billed = max_chars, max_billed

    def sample_rate(self, engine: str) -> str:
        return self._sample_rate or DEFAULT_SAMPLE_RATE.get(engine, "24000")

    async def synthesize(self, ssml: str, voice: Voice) -> SynthesizedAudio:
        ssml = english_terms(ssml, voice.language)
        try:
            pieces = split_ssml(ssml, self._max_chars, self._max_billed)
        except ValueError as exc:
            raise SynthesisError(f"the script cannot be cut into Polly requests: {exc}") from exc
        if not pieces:
            raise SynthesisError("the script has nothing to say")
        takes = await asyncio.gather(*(self._take(piece, voice) for piece in pieces))
        try:
            with timed("encoding"):
                return join_takes(list(takes))
        except ValueError as exc:
            raise SynthesisError(f"Amazon Polly's audio could not be joined: {exc}") from exc

    async def _take(self, piece: str, voice: Voice) -> Take:
        asked = dict(Engine=voice.engine, VoiceId=voice.name, TextType="ssml", Text=piece)
        requests = [self._request(voice.engine, **asked, OutputFormat="mp3", SampleRate=self.sample_rate(voice.engine))]
        if "<mark" in piece:  # speech marks are billed too: ask only where there are some
            requests.append(self._request(voice.engine, **asked, OutputFormat="json", SpeechMarkTypes=["ssml"]))
        (audio, billed), *marks = await asyncio.gather(*requests)
        billed += sum(characters for _, characters in marks)
        try:
            return Take(read_mp3(audio), parse_speech_marks(marks[0][0]) if marks else {}, billed)
        except ValueError as exc:
            raise SynthesisError(f"Amazon Polly returned unusable output: {exc}") from exc

    async def _request(self, engine: str, **params) -> tuple[bytes, int]:
        """What Polly answered, and the characters it billed for it."""
        quota = self._quotas.get(engine, self._quotas["neural"])
        give_up_at = time.monotonic() + self._patience
        pause = self._first_pause
        while True:
            async with self._slots:
                await quota.take()
                try:
                    return await asyncio.get_running_loop().run_in_executor(self._threads, self._call, params)
                except Throttled:
                    wait = pause * random.uniform(1.0, 1.5)
                    if time.monotonic() + wait > give_up_at:
                        raise
            log.warning("Amazon Polly throttled us; asking again in %.1f s", wait)
            await asyncio.sleep(wait)  # without holding a slot
            pause = min(pause * 2, 30.0)

    def _call(self, params: dict) -> tuple[bytes, int]:
        try:
            response = self._client.synthesize_speech(**params)
            with closing(response["AudioStream"]) as stream:
                audio = stream.read()
        except ClientError as exc:
            throttled = exc.response.get("Error", {}).get("Code") in THROTTLED
            PROVIDER_REQUESTS.labels("polly", "throttled" if throttled else "error").inc()
            raise (Throttled if throttled else SynthesisError)(f"Amazon Polly failed: {exc}") from exc
        except BotoCoreError as exc:
            PROVIDER_REQUESTS.labels("polly", "error").inc()
            raise SynthesisError(f"Amazon Polly failed: {exc}") from exc
        PROVIDER_REQUESTS.labels("polly", "ok").inc()
        billed = response.get("RequestCharacters") or 0
        POLLY_CHARACTERS.labels(params["Engine"]).inc(billed)
        return audio, billed


def parse_speech_marks(body: bytes) -> dict[str, float]:
    """SSML <mark> name -> seconds, from Polly's speech marks (one JSON object a line, time in ms)."""
    marks: dict[str, float] = {}
    try:
        for line in body.decode("utf-8").splitlines():
            if line.strip():
                mark = json.loads(line)
                if mark["type"] == "ssml":
                    marks.setdefault(mark["value"], mark["time"] / 1000)
    except (ValueError, KeyError, TypeError) as exc:  # JSONDecodeError and UnicodeError are ValueErrors
        raise ValueError(f"speech marks unreadable: {exc!r}") from exc
    return marks


def join_takes(takes: list[Take]) -> SynthesizedAudio:
    """One audio: the takes' frames in order, each take's marks moved by the audio before it."""
    marks: dict[str, float] = {}
    before = 0  # samples, so that offsets stay exact
    for take in takes:
        offset = before / take.audio.sample_rate
        for name, seconds in take.marks.items():
            marks.setdefault(name, round(offset + seconds, 3))
        before += take.audio.samples
    audio = join_mp3([take.audio for take in takes])
    return SynthesizedAudio(audio.frames, audio.duration_seconds, marks, sum(take.billed_characters for take in takes))
