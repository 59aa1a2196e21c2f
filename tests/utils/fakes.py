"""Fakes of the ports: they subclass nothing of ours but the port's shape, and record calls."""

from __future__ import annotations

import asyncio

from dailycast.scripts import WriterError, WritingRequest, WrittenScript
from services.tts.synthesizers.base import SynthesisError, SynthesizedAudio, Voice
from tests.utils.factories import written_script


class FakeWriter:
    def __init__(self, name: str = "fake", script=None):
        self.name = name
        self.requests: list[WritingRequest] = []
        self._script = script

    async def write(self, request: WritingRequest) -> WrittenScript:
        self.requests.append(request)
        return self._script(request) if self._script else written_script(request, self.name)


class FailingWriter:
    def __init__(self, name: str = "failing", error: Exception | None = None):
        self.name = name
        self.calls = 0
        self.error = error or WriterError("the model is down")

    async def write(self, request: WritingRequest) -> WrittenScript:
        self.calls += 1
        raise self.error


class SlowWriter:
    name = "slow"

    async def write(self, request: WritingRequest) -> WrittenScript:
        await asyncio.sleep(60)
        raise AssertionError("never reached")


class FakeSynthesizer:
    """Silent 'audio' with marks where the questions are; records every call."""

    name = "fake-speech"

    def __init__(self):
        self.calls: list[tuple[str, Voice]] = []

    async def synthesize(self, ssml: str, voice: Voice) -> SynthesizedAudio:
        self.calls.append((ssml, voice))
        marks = {}
        for n in (1, 2, 3):
            if f'name="q{n}"' in ssml:
                marks[f"q{n}"], marks[f"q{n}-end"] = 100.0 * n, 100.0 * n + 3
        return SynthesizedAudio(b"\xff\xfb" + bytes(100), 360.0, marks)


class FailingSynthesizer:
    name = "failing-speech"

    def __init__(self):
        self.calls = 0

    async def synthesize(self, ssml: str, voice: Voice) -> SynthesizedAudio:
        self.calls += 1
        raise SynthesisError("the speech engine is down")
