"""ID3 tags on a track's MP3: what podcast apps and players show, and its chapters (CHAP, CTOC).

ID3v2.3, not 2.4: what Apple Podcasts and older players read best; mutagen writes both.
The tag goes before the audio frames, which mp3.read_mp3 skips, so durations stay exact.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from mutagen.id3 import CHAP, CTOC, ID3, TALB, TCON, TDRC, TIT2, TLAN, TPE1, CTOCFlags

from dailycast.events import Chapter
from dailycast.languages import THREE_LETTER_CODES

UTF16 = 1  # ID3v2.3 has no UTF-8; its text frames are Latin-1 or UTF-16


@dataclass(frozen=True)
class TrackTags:
    title: str
    artist: str
    album: str
    language: str  # ours: "en"
    recorded_on: date
    chapters: list[Chapter]
    duration_ms: int


def tagged(mp3: bytes, tags: TrackTags) -> bytes:
    """The MP3 with an ID3v2.3 tag in front: title, artist, album, language, date, genre, chapters."""
    id3 = ID3()
    for frame in (TIT2(text=[tags.title]), TPE1(text=[tags.artist]), TALB(text=[tags.album]),
                  TLAN(text=[THREE_LETTER_CODES[tags.language]]), TDRC(text=[tags.recorded_on.isoformat()]),
                  TCON(text=["Podcast"])):
        frame.encoding = UTF16
        id3.add(frame)
    ids = [f"chp{n}" for n in range(len(tags.chapters))]
    ends = [c.start_ms for c in tags.chapters[1:]] + [tags.duration_ms]
    id3.add(CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED, child_element_ids=ids,
                 sub_frames=[TIT2(encoding=UTF16, text=[tags.album])]))
    for element_id, chapter, end in zip(ids, tags.chapters, ends):
        id3.add(CHAP(element_id=element_id, start_time=chapter.start_ms, end_time=max(end, chapter.start_ms),
                     sub_frames=[TIT2(encoding=UTF16, text=[chapter.title])]))
    out = io.BytesIO()
    id3.save(out, v2_version=3)
    return out.getvalue() + mp3
