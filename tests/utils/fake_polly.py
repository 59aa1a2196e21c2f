"""A long SSML document for the Polly tests.

moto answers SynthesizeSpeech with 8 zero bytes, so the tests of joining, durations and mark
offsets use bench/provider_replies.py's speech model (10 ms a character, breaks as written).
"""

from __future__ import annotations

from dailycast.scripts import Question
from services.tts.ssml import build_ssml


def long_ssml(sentences: int = 40) -> tuple[str, list[Question]]:
    questions = [Question(f"q{n}", {"en": f"What is question number {n}?"}) for n in (1, 2, 3)]
    body = [f"This is sentence number {i} of the episode." for i in range(sentences)]
    for n, q in enumerate(questions, 1):
        body.insert(len(body) * n // 4, q.text["en"])
    return build_ssml(" ".join(body), questions, "en", 2), questions
