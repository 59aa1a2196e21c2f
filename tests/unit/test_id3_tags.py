"""Every track's MP3 carries ID3 tags and chapters that podcast apps read (mutagen reads them back)."""

import io
from datetime import date

from mutagen.mp3 import MP3

from bench.provider_replies import encode
from dailycast.events import Chapter
from services.tts.id3 import TrackTags, tagged
from services.tts.mp3 import read_mp3

MP3_AUDIO = encode(3.0, 22050)
TAGS = TrackTags("Dailycast 2025-01-02", "Dailycast", "Dailycast", "ja", date(2025, 1, 2),
                 [Chapter(0, "はじめに"), Chapter(1500, "なぜですか？")], 3056)


def test_title_artist_language_and_date_are_tagged_in_id3v2_3():
    tags = MP3(io.BytesIO(tagged(MP3_AUDIO, TAGS))).tags
    assert tags.version == (2, 3, 0)
    assert {k: [str(t) for t in tags[k].text] for k in ("TIT2", "TPE1", "TALB", "TLAN", "TDRC", "TCON")} == {
        "TIT2": ["Dailycast 2025-01-02"], "TPE1": ["Dailycast"], "TALB": ["Dailycast"], "TLAN": ["jpn"],
        "TDRC": ["2025-01-02"], "TCON": ["Podcast"],
    }


def test_chapters_follow_each_other_to_the_end_of_the_audio_listed_by_a_table_of_contents():
    tags = MP3(io.BytesIO(tagged(MP3_AUDIO, TAGS))).tags
    chapters = sorted(tags.getall("CHAP"), key=lambda c: c.start_time)
    assert [(c.start_time, c.end_time, c.sub_frames["TIT2"].text[0]) for c in chapters] == [
        (0, 1500, "はじめに"), (1500, 3056, "なぜですか？"),
    ]
    (toc,) = tags.getall("CTOC")
    assert toc.child_element_ids == [c.element_id for c in chapters]


def test_the_audio_frames_and_their_exact_length_are_unchanged():
    audio = read_mp3(tagged(MP3_AUDIO, TAGS))
    assert audio.frames == read_mp3(MP3_AUDIO).frames
