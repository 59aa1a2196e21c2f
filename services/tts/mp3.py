"""MPEG audio frames: exact durations and joining MP3 files, without decoding.

A duration read from the frames is exact (frames x samples per frame / sample rate), where
a bitrate-based estimate is not. Joining keeps only audio frames: an ID3 tag or a Xing/Info
header in the middle of a file would be heard as a glitch, or make players believe the whole
file is as long as its first part.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

_BITRATES_KBPS = {  # layer III, by bitrate index
    "1": (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    "2": (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
_SAMPLE_RATES = {"1": (44100, 48000, 32000), "2": (22050, 24000, 16000), "2.5": (11025, 12000, 8000)}
_VERSIONS = {0: "2.5", 2: "2", 3: "1"}
_TRAILING_TAGS = (b"TAG", b"APETAGEX", b"LYRICSBEGIN")


@dataclass(frozen=True)
class Mp3Audio:
    frames: bytes  # MPEG audio frames only: no tags, no Xing/Info header
    sample_rate: int
    samples: int

    @property
    def duration_seconds(self) -> float:
        return self.samples / self.sample_rate


@dataclass(frozen=True)
class _Header:
    length: int
    samples: int
    sample_rate: int
    side_info: int  # bytes of side information after the 4-byte header


def read_mp3(data: bytes) -> Mp3Audio:
    """The audio frames of an MP3 (MPEG layer III); ValueError if there are none or junk."""
    start = position = _after_id3(data)
    first = last = start  # the audio frames are data[first:last]: they follow each other
    samples, rate = 0, None
    while position + 4 <= len(data) and not data.startswith(_TRAILING_TAGS, position):
        header = _header(data[position : position + 4])
        if header is None:
            raise ValueError(f"not an MPEG audio frame at byte {position}")
        if rate is not None and header.sample_rate != rate:
            raise ValueError(f"sample rate changes at byte {position}")
        if position + header.length > len(data):
            break  # a cut-off last frame: decoders drop it too
        if position == start and _is_info_frame(data[position : position + header.length], header):
            first = position + header.length
        else:
            samples += header.samples
        rate = header.sample_rate
        position = last = position + header.length
    if not samples:
        raise ValueError("no MPEG audio in the data")
    return Mp3Audio(data[first:last], rate, samples)


def join_mp3(parts: list[Mp3Audio]) -> Mp3Audio:
    """One MP3 from several of the same sample rate, in order."""
    rates = {p.sample_rate for p in parts}
    if len(rates) != 1:
        raise ValueError(f"cannot join MP3s of sample rates {sorted(rates)}")
    return Mp3Audio(b"".join(p.frames for p in parts), rates.pop(), sum(p.samples for p in parts))


def _after_id3(data: bytes) -> int:
    if not data.startswith(b"ID3") or len(data) < 10:
        return 0
    size = (data[6] << 21) | (data[7] << 14) | (data[8] << 7) | data[9]  # "syncsafe" integer
    footer = 10 if data[5] & 0x10 else 0
    return 10 + size + footer


@functools.lru_cache(maxsize=1024)
def _header(four: bytes) -> _Header | None:
    """A frame's 4-byte header read; cached, since a file repeats a few headers thousands of times."""
    b0, b1, b2, b3 = four
    if b0 != 0xFF or b1 & 0xE0 != 0xE0:
        return None
    version = _VERSIONS.get((b1 >> 3) & 3)
    layer_three = (b1 >> 1) & 3 == 1
    bitrate_index, rate_index = b2 >> 4, (b2 >> 2) & 3
    if version is None or not layer_three or bitrate_index in (0, 15) or rate_index == 3:
        return None
    table = "1" if version == "1" else "2"
    bitrate = _BITRATES_KBPS[table][bitrate_index] * 1000
    rate = _SAMPLE_RATES[version][rate_index]
    mono = b3 >> 6 == 3
    per_frame = 1152 if version == "1" else 576
    length = per_frame // 8 * bitrate // rate + ((b2 >> 1) & 1)
    side_info = (17 if mono else 32) if version == "1" else (9 if mono else 17)
    return _Header(length, per_frame, rate, side_info)


def _is_info_frame(frame: bytes, header: _Header) -> bool:
    """A Xing/Info/VBRI header frame: metadata that carries no audio."""
    at = 4 + header.side_info
    return frame[at : at + 4] in (b"Xing", b"Info") or frame[36:40] == b"VBRI"
