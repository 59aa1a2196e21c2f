"""PodcastOut reads a read-model row and its typed tracks and questions into the seed's JSON."""

from datetime import date, datetime, timezone

from dailycast.events import AudioTrack, QuestionTime
from services.api.db import DailyPodcast
from services.api.schemas import PodcastOut
from tests.utils.factories import questions

NOW = datetime(2026, 11, 24, 6, 30, tzinfo=timezone.utc)


def row(output_format: str = "both") -> DailyPodcast:
    tracks = [
        AudioTrack(lang, f"podcasts/7/attempt-1/{lang}.mp3", seconds, f"{lang}-voice", "fake",
                   [QuestionTime(f"q{n}", 100.0 * n, 100.0 * n + 3) for n in (1, 2, 3)])
        for lang, seconds in (("en", 361.5), ("ja", 358.2))
    ]
    return DailyPodcast(
        id=7, user_id=1, requested_by=1, for_date=date(2026, 11, 24), attempt=1, status="completed",
        error_message=None, language="en", primary_language="en", secondary_language="ja",
        output_format=output_format, minutes=6, script_text="Hello", scripts={"en": "Hello", "ja": "こんにちは"},
        audio_file=tracks[0].audio_key, audio_file_secondary=tracks[1].audio_key, duration_seconds=362,
        duration_seconds_secondary=358, llm_provider="template", llm_model=None, tts_provider="fake",
        included_courses=["Django Fundamentals"], questions_asked=questions(("en", "ja")),
        student_answers={"q1": "an answer"}, audio_tracks=tracks, created_at=NOW, updated_at=NOW,
    )


def link(key: str, language: str) -> str:
    return f"https://audio.example/{key}?lang={language}"


def test_tracks_and_questions_become_the_seeds_fields():
    out = PodcastOut.model_validate(row(), context=link).model_dump(mode="json")
    assert out["audio_file"] == link("podcasts/7/attempt-1/en.mp3", "en")
    assert out["audio_file_secondary"] == link("podcasts/7/attempt-1/ja.mp3", "ja")
    assert (out["duration_seconds"], out["duration_seconds_secondary"]) == (362, 358)
    assert out["audio"][1] == {
        "language": "ja",
        "url": link("podcasts/7/attempt-1/ja.mp3", "ja"),
        "duration_seconds": 358.2,
        "voice": "ja-voice",
        "question_times": [{"question_id": f"q{n}", "starts_at": 100.0 * n, "pause_at": 100.0 * n + 3} for n in (1, 2, 3)],
    }
    assert out["questions_asked"] == [f"Question number {n} in en?" for n in (1, 2, 3)]
    q2 = out["questions"][1]
    assert q2["text"] == {"en": "Question number 2 in en?", "ja": "Question number 2 in ja?"}
    assert q2["times"] == {lang: {"question_id": "q2", "starts_at": 200.0, "pause_at": 203.0} for lang in ("en", "ja")}
    assert out["scripts"] == {"en": "Hello", "ja": "こんにちは"} and out["script_text"] == "Hello"


def test_audio_only_podcasts_keep_their_script_to_themselves():
    out = PodcastOut.model_validate(row("audio"), context=link)
    assert out.script_text is None and out.scripts == {}
    assert len(out.questions) == 3 and len(out.audio) == 2
