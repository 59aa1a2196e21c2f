"""The rolling transcript's times, the chapters and the WebVTT and JSON written from them."""

import json

from dailycast.events import Chapter, QuestionTime, SentenceTime
from dailycast.scripts import Question
from dailycast.transcript import chapters, chapters_json, timed_sentences, webvtt

PARAGRAPHS = [["Welcome.", "Today: Django."], ["Why use models?", "Think it over."], ["Goodbye."]]
MARKS = {"s1": 0.0, "s2": 1.5, "s3": 4.0, "s4": 6.25, "s5": 13.0, "q1": 4.0, "q1-end": 8.0}
Q1 = Question("q1", {"en": "Why use models?"})


def test_a_sentence_ends_where_the_next_starts_or_where_the_pause_starts():
    timed = timed_sentences(PARAGRAPHS, MARKS, [8.0], 15.5)
    assert timed == [
        [SentenceTime(0, 1500, "Welcome."), SentenceTime(1500, 4000, "Today: Django.")],
        [SentenceTime(4000, 6250, "Why use models?"), SentenceTime(6250, 8000, "Think it over.")],
        [SentenceTime(13000, 15500, "Goodbye.")],
    ]


def test_a_sentence_whose_mark_was_lost_joins_the_one_before():
    marks = {k: v for k, v in MARKS.items() if k != "s2"}
    assert timed_sentences(PARAGRAPHS, marks, [], 15.5)[0] == [SentenceTime(0, 4000, "Welcome. Today: Django.")]


def test_no_marks_at_all_is_one_cue_for_the_whole_audio():
    timed = timed_sentences([["One.", "Two."]], {}, [], 3.0)
    assert timed == [[SentenceTime(0, 3000, "One. Two.")]]


def test_a_chapter_per_segment_and_per_question_the_question_taking_its_paragraphs_place():
    timed = timed_sentences(PARAGRAPHS, MARKS, [8.0], 15.5)
    found = chapters(timed, [Q1], [QuestionTime("q1", 4.0, 8.0)], "en")
    assert found == [Chapter(0, "Welcome."), Chapter(4000, "Why use models?"), Chapter(13000, "Goodbye.")]


def test_a_question_inside_a_segment_is_a_chapter_of_its_own():
    timed = timed_sentences([["Start here.", "Why use models?"]], {"s1": 0.0, "s2": 3.0}, [5.0], 9.0)
    found = chapters(timed, [Q1], [QuestionTime("q1", 3.0, 5.0)], "en")
    assert found == [Chapter(0, "Start here."), Chapter(3000, "Why use models?")]


def test_long_titles_are_cut_with_an_ellipsis():
    timed = [[SentenceTime(0, 10, "word " * 40)]]
    (chapter,) = chapters(timed, [], [], "en")
    assert len(chapter.title) == 80 and chapter.title.endswith("…")


def test_webvtt_has_a_cue_per_sentence_with_escaped_text():
    vtt = webvtt([SentenceTime(0, 1500, "Is 2 < 3 & 4 --> 5?"), SentenceTime(3_723_004, 3_725_000, "Two\n\nlines.")])
    assert vtt == (
        "WEBVTT\n\n"
        "1\n00:00:00.000 --> 00:00:01.500\nIs 2 &lt; 3 &amp; 4 --&gt; 5?\n\n"
        "2\n01:02:03.004 --> 01:02:05.000\nTwo lines.\n"
    )


def test_webvtt_without_sentences_is_a_valid_empty_document():
    assert webvtt([]) == "WEBVTT\n"


def test_json_chapters_in_seconds():
    assert json.loads(chapters_json([Chapter(0, "Intro"), Chapter(4250, "なぜ？")])) == {
        "version": "1.2.0", "chapters": [{"startTime": 0.0, "title": "Intro"}, {"startTime": 4.25, "title": "なぜ？"}],
    }
