"""Exact MP3 durations from the frames, and joining MP3s, on real MP3s made by LAME."""

import io

import pytest
from mutagen.mp3 import MP3

from services.tts.mp3 import join_mp3, read_mp3
from bench.provider_replies import encode


@pytest.mark.parametrize("rate", [8000, 16000, 22050, 24000])
def test_duration_is_whole_frames_of_the_sample_rate(rate):
    data = encode(1.5, rate)
    audio = read_mp3(data)
    assert audio.sample_rate == rate and audio.frames == data
    assert audio.samples % 576 == 0  # MPEG-2 and 2.5 layer III: 576 samples a frame
    assert 1.5 <= audio.duration_seconds < 1.5 + 0.2  # LAME adds its delay and padding
    assert audio.duration_seconds == pytest.approx(MP3(io.BytesIO(data)).info.length, abs=0.001)


def test_tags_are_skipped_and_left_out():
    data = encode(1.0, 24000)
    id3v2 = b"ID3\x04\x00\x00\x00\x00\x00\x0a" + bytes(10)  # a 10-byte tag body
    id3v1 = b"TAG" + bytes(125)
    audio = read_mp3(id3v2 + data + id3v1)
    assert audio.frames == data and audio.samples == read_mp3(data).samples


def test_a_xing_info_frame_is_not_counted_as_audio():
    data = encode(1.0, 22050)
    first_length = 72 * 48000 // 22050 + ((data[2] >> 1) & 1)  # 48 kbps, and the padding bit
    info = bytearray(data[:first_length])
    info[4 + 9 : 4 + 13] = b"Info"  # after a mono MPEG-2 frame's 9 bytes of side information
    audio = read_mp3(bytes(info) + data)
    assert audio.frames == data


def test_a_cut_off_last_frame_is_dropped():
    data = encode(1.0, 16000)
    whole = read_mp3(data)
    cut = read_mp3(data[:-10])
    assert cut.samples == whole.samples - 576


@pytest.mark.parametrize("data", [b"", bytes(8), b"not an mp3 at all", b"\xff\xfb" + bytes(100)])
def test_what_is_not_mp3_is_refused(data):
    with pytest.raises(ValueError):
        read_mp3(data)


def test_junk_between_frames_is_refused():
    data = encode(0.5, 24000)
    with pytest.raises(ValueError, match="byte"):
        read_mp3(data + b"junk" + data)


def test_joined_mp3_lasts_the_sum_and_players_agree():
    parts = [read_mp3(encode(seconds, 24000)) for seconds in (0.7, 2.0, 1.1)]
    joined = join_mp3(parts)
    assert joined.samples == sum(p.samples for p in parts)
    assert joined.duration_seconds == pytest.approx(MP3(io.BytesIO(joined.frames)).info.length, abs=0.001)
    assert read_mp3(joined.frames) == joined


def test_sample_rates_must_agree_to_join():
    with pytest.raises(ValueError, match="sample rates"):
        join_mp3([read_mp3(encode(0.5, 24000)), read_mp3(encode(0.5, 22050))])

