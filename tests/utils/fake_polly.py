"""A stand-in for Polly's speech: real MP3 frames of a predictable length, and its speech marks.

moto answers SynthesizeSpeech with 8 zero bytes, so the tests of joining, durations and mark
offsets use this model: 10 ms a character, breaks as written.
"""

from __future__ import annotations

import json
import re

import lameenc

from dailycast.scripts import Question
from services.tts.ssml import build_ssml

SECONDS_PER_CHARACTER = 0.01


def encode(seconds: float, rate: int, bitrate: int = 48) -> bytes:
    encoder = lameenc.Encoder()
    encoder.set_channels(1)
    encoder.set_in_sample_rate(rate)
    encoder.set_out_sample_rate(rate)
    encoder.set_bit_rate(bitrate)
    encoder.set_quality(9)  # fastest: these tests need frames, not fidelity
    pcm = bytes(2 * round(seconds * rate))
    return bytes(encoder.encode(pcm) + encoder.flush())


def fake_speech(ssml: str) -> tuple[float, list[tuple[str, float]]]:
    """How long a document 'sounds' (10 ms a character, breaks as written) and where its marks are."""
    seconds, marks = 0.0, []
    for token in re.findall(r"<[^>]*>|[^<]+", ssml):
        if token.startswith("<mark"):
            marks.append((re.search(r'name="([^"]+)"', token).group(1), seconds))
        elif token.startswith("<break"):
            amount, unit = re.search(r'time="(\d+)(m?s)"', token).groups()
            seconds += int(amount) / (1000 if unit == "ms" else 1)
        elif not token.startswith("<"):
            seconds += len(token) * SECONDS_PER_CHARACTER
    return seconds, marks


def polly_output(params: dict) -> bytes:
    """What Polly would send for a SynthesizeSpeech request, under the fake speech model."""
    seconds, marks = fake_speech(params["Text"])
    if params["OutputFormat"] == "mp3":
        return encode(seconds, int(params["SampleRate"]))
    lines = [{"time": round(at * 1000), "type": "ssml", "start": 0, "end": 0, "value": name} for name, at in marks]
    return "\n".join(json.dumps(line) for line in lines).encode()


def long_ssml(sentences: int = 40) -> tuple[str, list[Question]]:
    questions = [Question(f"q{n}", {"en": f"What is question number {n}?"}) for n in (1, 2, 3)]
    body = [f"This is sentence number {i} of the episode." for i in range(sentences)]
    for n, q in enumerate(questions, 1):
        body.insert(len(body) * n // 4, q.text["en"])
    return build_ssml(" ".join(body), questions, "en", 2), questions
