import pytest

from dailycast.accuracy import PodcastContent, accuracy_check
from dailycast.events import AudioTrack, QuestionTime
from tests.utils.factories import questions

EN = ("Since you study Django Fundamentals and Python Advanced, this is what you should know about the "
      "framework and the language that you use. " * 40)
JA = "DjangoFundamentalsとPythonAdvancedを勉強しているので、今日はフレームワークについて話しましょう。" * 32


def timed(language: str, seconds: float, *times: tuple[str, float, float]) -> AudioTrack:
    return AudioTrack(language, f"{language}.mp3", seconds, f"{language}-voice", "espeak",
                      question_times=[QuestionTime(*t) for t in times])


GOOD_TIMES = (("q1", 200.0, 204.0), ("q2", 240.0, 244.0), ("q3", 280.0, 284.0))


def with_questions(script: str, language: str) -> str:
    return "\n\n".join([script, *(q.text[language] for q in questions((language,)))])


def audio(**seconds: float) -> list[AudioTrack]:
    return [timed(lang, s, *GOOD_TIMES) for lang, s in seconds.items()]


def content(**overrides) -> PodcastContent:
    values = dict(
        status="completed",
        languages=["en", "ja"],
        output_format="both",
        courses=["Django Fundamentals", "Python Advanced"],
        scripts={"en": with_questions(EN, "en"), "ja": with_questions(
            JA.replace("DjangoFundamentals", "Django Fundamentals").replace("PythonAdvanced", "Python Advanced"), "ja")},
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


FR = ("Puisque tu étudies Django Fundamentals et Python Advanced, voici ce qu'il faut savoir sur le "
      "cadre et le langage que tu utilises chaque jour. " * 30)


def french(**overrides) -> PodcastContent:
    values = dict(languages=["fr"], courses=["Django Fundamentals", "Python Advanced"],
                  scripts={"fr": with_questions(FR, "fr")}, questions=questions(("fr",)),
                  tracks=[timed("fr", 330.0, *GOOD_TIMES)])
    return content(**{**values, **overrides})


def test_a_french_podcast_with_its_questions_timed_scores_one():
    result = accuracy_check(french())
    assert result["issues"] == [] and result["accuracy_score"] == 1.0, result


def test_an_english_paragraph_in_a_french_script_is_an_issue():
    english = "Take a moment to think about it, then write your answer in the form below the player."
    result = accuracy_check(french(scripts={"fr": with_questions(FR + "\n\n" + english, "fr")}))
    assert result["accuracy_score"] < 1.0
    assert any("paragraph 2 of the fr script reads as en" in issue for issue in result["issues"]), result["issues"]


def test_a_question_missing_from_its_script_is_an_issue():
    asked = questions(("fr",))
    result = accuracy_check(french(scripts={"fr": FR + "\n\n" + asked[0].text["fr"]}))
    assert result["accuracy_score"] < 1.0
    assert any("q2" in issue and "not asked" in issue for issue in result["issues"]), result["issues"]


@pytest.mark.parametrize("times, reason", [
    ((("q1", 200.0, 204.0), ("q2", 240.0, 244.0), ("q3", 400.0, 404.0)), "past the end"),
    ((("q1", 200.0, 204.0), ("q2", 150.0, 154.0), ("q3", 280.0, 284.0)), "before"),
    ((("q1", 200.0, 198.0), ("q2", 240.0, 244.0), ("q3", 280.0, 284.0)), "before"),
    ((("q1", 200.0, 204.0), ("q2", 204.5, 208.0), ("q3", 280.0, 284.0)), "no pause"),
    ((("q1", 200.0, 204.0), ("q3", 280.0, 284.0)), "no time for q2"),
])
def test_broken_question_times_are_an_issue(times, reason):
    result = accuracy_check(french(tracks=[timed("fr", 330.0, *times)]))
    assert result["accuracy_score"] < 1.0
    assert any(reason in issue for issue in result["issues"]), result["issues"]


def test_japanese_the_local_voice_cannot_read_is_an_issue():
    ja = content().scripts["ja"]
    good = content(languages=["ja"], scripts={"ja": ja}, questions=questions(("ja",)),
                   tracks=[timed("ja", 360.0, *GOOD_TIMES)])
    assert accuracy_check(good)["issues"] == []
    bad = accuracy_check(content(languages=["ja"], scripts={"ja": ja + "\n\n彁の字を学びます。"}, questions=questions(("ja",)),
                                 tracks=[timed("ja", 360.0, *GOOD_TIMES)]))
    assert any("彁" in issue for issue in bad["issues"]), bad["issues"]
