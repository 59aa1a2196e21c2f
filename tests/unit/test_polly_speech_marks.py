"""Polly's speech marks read, and pieces' marks moved by the exact audio before them."""

import pytest

from services.tts.mp3 import read_mp3
from services.tts.synthesizers.polly import Take, join_takes, parse_speech_marks
from bench.provider_replies import encode

# As Polly answers OutputFormat=json, SpeechMarkTypes=["ssml"] (other types show how they are skipped).
POLLY_MARKS = b"""{"time":0,"type":"sentence","start":7,"end":30,"value":"Hello there."}
{"time":1250,"type":"ssml","start":45,"end":64,"value":"q1"}
{"time":3987,"type":"ssml","start":110,"end":133,"value":"q1-end"}

{"time":4100,"type":"word","start":140,"end":145,"value":"Think"}
"""


def test_ssml_marks_are_read_in_seconds():
    assert parse_speech_marks(POLLY_MARKS) == {"q1": 1.25, "q1-end": 3.987}


def test_no_marks_is_an_empty_result():
    assert parse_speech_marks(b"") == {}


@pytest.mark.parametrize(
    "body",
    [bytes(8), b"{not json}", b'{"time": 5}', b"[1, 2]", b"\xff\xfe", b'"text"'],
    ids=["moto-zero-bytes", "bad-json", "no-type", "not-an-object", "not-utf8", "a-string"],
)
def test_unreadable_marks_are_refused(body):
    with pytest.raises(ValueError, match="speech marks"):
        parse_speech_marks(body)


def test_marks_move_by_the_exact_length_of_the_pieces_before():
    first, second, third = (read_mp3(encode(s, 24000)) for s in (1.0, 2.5, 0.5))
    joined = join_takes([Take(first, {"q1": 0.2}), Take(second, {"q2": 1.0, "q2-end": 2.0}), Take(third, {})])
    assert joined.mp3 == first.frames + second.frames + third.frames
    assert joined.duration_seconds == (first.samples + second.samples + third.samples) / 24000
    assert joined.marks == {
        "q1": 0.2,
        "q2": round(first.samples / 24000 + 1.0, 3),
        "q2-end": round(first.samples / 24000 + 2.0, 3),
    }
    assert joined.marks["q2"] > 1.0 + first.duration_seconds - 0.001  # LAME's padding counted, not guessed


def test_a_repeated_mark_keeps_its_first_time():
    audio = read_mp3(encode(0.5, 22050))
    assert join_takes([Take(audio, {"m": 0.1}), Take(audio, {"m": 0.2})]).marks == {"m": 0.1}
