from dailycast.accuracy import PodcastContent, accuracy_check
from dailycast.events import AudioTrack
from tests.utils.factories import questions

EN = ("Since you study Django Fundamentals and Python Advanced, this is what you should know about the "
      "framework and the language that you use. " * 40)
JA = "DjangoFundamentalsとPythonAdvancedを勉強しているので、今日はフレームワークについて話しましょう。" * 32


def audio(**seconds: float) -> list[AudioTrack]:
    return [AudioTrack(lang, f"{lang}.mp3", s, f"{lang}-voice", "fake") for lang, s in seconds.items()]


def content(**overrides) -> PodcastContent:
    values = dict(
        status="completed",
        languages=["en", "ja"],
        output_format="both",
        courses=["Django Fundamentals", "Python Advanced"],
        scripts={"en": EN, "ja": JA.replace("DjangoFundamentals", "Django Fundamentals").replace("PythonAdvanced", "Python Advanced")},
        questions=questions(("en", "ja")),
        answers={"q1": "an answer"},
        tracks=audio(en=330.0, ja=360.0),
    )
    return PodcastContent(**{**values, **overrides})


def test_a_good_podcast_scores_one():
    result = accuracy_check(content())
    assert result["issues"] == [] and result["warnings"] == []
    assert result["accuracy_score"] == 1.0
    checks = result["content_checks"]
    assert checks["courses_mentioned"]["found"] == ["Django Fundamentals", "Python Advanced"]
    assert checks["qa_status"] == {"questions_count": 3, "answered_count": 1}
    assert checks["audio"] == {"required": True, "present": ["en", "ja"]}
    assert set(checks["script_length"]) == {"en", "ja"}
    assert result["metadata"]["checks_total"] == result["metadata"]["checks_passed"]


def test_each_fault_is_reported_and_lowers_the_score():
    faults = {
        "courses": content(courses=["Django Fundamentals", "Astronomy"]),
        "questions": content(questions=questions(("en", "ja"))[:2]),
        "language": content(scripts={"en": EN, "ja": EN}),
        "audio": content(tracks=audio(en=330.0)),
    }
    for name, podcast in faults.items():
        result = accuracy_check(podcast)
        assert result["issues"], name
        assert result["accuracy_score"] < 1.0, name


def test_length_and_implausible_duration_are_warnings():
    result = accuracy_check(content(scripts={"en": EN[:500], "ja": content().scripts["ja"]}, tracks=audio(en=330.0, ja=30.0)))
    assert any("not about 6" in w for w in result["warnings"])
    assert any("audio lasts" in w for w in result["warnings"])


def test_text_podcast_needs_no_audio():
    result = accuracy_check(content(output_format="text", tracks=[]))
    assert result["content_checks"]["audio"] == {"required": False, "present": []}
    assert result["accuracy_score"] == 1.0
