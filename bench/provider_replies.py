"""What an LLM and Amazon Polly answer, built from the request alone: for the tests' fake servers
and the benchmarks' simulated providers (bench/simulated_providers.py).

- `completion`: OpenAI's or Gemini's answer around a model's text, with its token usage.
- `script_reply`: the JSON a model writes for a podcast, in each requested language, naming the
  prompt's courses (`prompt_courses`), with three questions and about 6 minutes of text. A
  `behaviour` shapes it wrong on purpose (tests/utils/fake_llm_server.py's behaviours).
- `polly_output`: Polly's answer to SynthesizeSpeech under a predictable speech model (10 ms a
  character, breaks as written): real MP3 frames made by LAME, or the SSML speech marks.
"""

from __future__ import annotations

import json
import re
import time

import lameenc

from bench.instant import PHRASES
from dailycast.languages import length_units
from dailycast.scripts import QUESTIONS_PER_PODCAST
from dailycast.speech_length import DEFAULT_MINUTES, Speech

SECONDS_PER_CHARACTER = 0.01


def prompt_courses(prompt: str) -> list[str]:
    """The course titles listed under '- courses' in the prompt (see services/scriptgen/prompt.py)."""
    courses, listing = [], False
    for line in prompt.splitlines():
        if line.startswith("- courses ("):
            listing = True
        elif listing and line.startswith("  - "):
            courses.append(line[4:])
        else:
            listing = False
    return courses


def prompt_lengths(prompt: str) -> dict[str, int]:
    """The length the prompt asks for in each language ("  - French (fr): about 1170 words ..."),
    by language code (see services/scriptgen/prompt.py)."""
    return {code: int(units) for code, units in re.findall(r"^  - [^(\n]+\((\w+)\): about (\d+) ", prompt, re.M)}


def structured_reply(schema: dict, prompt: str, behaviour: str = "good") -> dict:
    """What a model answers to a structured-output request: a grade to the graders' (by their
    schema), a script otherwise."""
    if "key_points_covered" in schema["properties"]:
        return grade_reply(prompt)
    languages = schema["properties"]["scripts"]["required"]
    return script_reply(languages, prompt_courses(prompt), behaviour, prompt_lengths(prompt))


def grade_reply(prompt: str) -> dict:
    """A grader's answer (services/scriptgen/grading_prompt.py): the first key point covered, half marks."""
    return {"key_points_covered": [1], "score": 0.5, "feedback": "The model says: a good start; add the rest."}


def script_reply(languages: list[str], courses: list[str], behaviour: str = "good",
                 lengths: dict[str, int] | None = None) -> dict:
    """The JSON a model would write for these languages, shaped by the behaviour: each script as long
    as `lengths` asks (the prompt's, prompt_lengths), else 6 minutes of local speech."""
    def voice(lang: str) -> str:  # the language the text is really written in
        if behaviour != "wrong-language":
            return lang
        return "fr" if lang == "en" else "en"

    questions = {lang: [PHRASES[voice(lang)][2].format(n=n) for n in (1, 2, 3)] for lang in languages}
    scripts = {lang: _script(voice(lang), lang, courses, questions[lang], behaviour, (lengths or {}).get(lang))
               for lang in languages}
    return {
        "scripts": scripts,
        "questions": [
            {"text": {lang: questions[lang][i] for lang in languages}, "key_points": [f"point {i + 1}"]}
            for i in range(3)
        ],
    }


def _script(voice: str, lang: str, courses: list[str], questions: list[str], behaviour: str, units: int | None) -> str:
    opening, filler, _ = PHRASES[voice]
    named = ", ".join(courses) if behaviour != "no-courses" else "…"
    parts = [opening.format(courses=named), *questions]
    # The length is measured in the slot's language, as the checks will measure it.
    goal = units or Speech().units_for(lang, DEFAULT_MINUTES, QUESTIONS_PER_PODCAST)
    goal = 40 if behaviour == "too-short" else goal
    missing = goal - length_units(" ".join(parts), lang)
    fillers = max(0, -(-missing // max(1, length_units(filler, lang))))
    if behaviour == "english-paragraph" and voice != "en":  # a paragraph the model wrote in English
        english = " ".join([PHRASES["en"][1]] * 3)
        return "\n\n".join([parts[0], english, " ".join([*[filler] * fillers, *questions])])
    return " ".join([parts[0], *[filler] * fillers, *questions])


def completion(kind: str, body: dict, text: str, total: int, thoughts: int = 0) -> dict:
    """The provider's ("openai" or "gemini") answer to `body`, whose text is `text`, costing `total` tokens
    (a quarter of them the prompt's), and Gemini `thoughts` more."""
    prompt_tokens = total // 4
    if kind == "openai":
        return {
            "id": "chatcmpl-fake",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body.get("model", "?"),
            "choices": [{"index": 0, "message": {"role": "assistant", "content": text, "refusal": None},
                         "finish_reason": "stop", "logprobs": None}],
            "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": total - prompt_tokens, "total_tokens": total},
        }
    return {
        "candidates": [{"content": {"role": "model", "parts": [{"text": text}]}, "finishReason": "STOP", "index": 0}],
        "usageMetadata": {
            "promptTokenCount": prompt_tokens,
            "candidatesTokenCount": total - prompt_tokens,
            **({"thoughtsTokenCount": thoughts} if thoughts else {}),
            "totalTokenCount": total + thoughts,
        },
        "modelVersion": "gemini-fake-001",
    }


def encode(seconds: float, rate: int, bitrate: int = 48) -> bytes:
    """`seconds` of silence as MP3 frames at `rate` Hz."""
    encoder = lameenc.Encoder()
    encoder.set_channels(1)
    encoder.set_in_sample_rate(rate)
    encoder.set_out_sample_rate(rate)
    encoder.set_bit_rate(bitrate)
    encoder.set_quality(9)  # fastest: frames are what count, not fidelity
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


def polly_output(params: dict, mp3=encode) -> bytes:
    """What Polly would send for a SynthesizeSpeech request, under the fake speech model.

    `mp3(seconds, rate)` makes the audio (the simulated providers pass a cached `encode`)."""
    seconds, marks = fake_speech(params["Text"])
    if params["OutputFormat"] == "mp3":
        return mp3(seconds, int(params["SampleRate"]))
    lines = [{"time": round(at * 1000), "type": "ssml", "start": 0, "end": 0, "value": name} for name, at in marks]
    return "\n".join(json.dumps(line) for line in lines).encode()
