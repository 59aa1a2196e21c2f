"""The accuracy check of a podcast's content: what the seed's accuracy-check endpoint returns."""

from __future__ import annotations

from dataclasses import dataclass, field

from dailycast.events import AudioTrack
from dailycast.language_check import text_languages
from dailycast.readings import REWRITTEN, reading_problems
from dailycast.scripts import QUESTIONS_PER_PODCAST, Question
from dailycast.speech_length import DEFAULT_MINUTES, Speech, is_about

# Audio this much off its script's estimate at the voice's calibrated rate was cut or repeated,
# or the voice no longer speaks at the rate it was calibrated at (calibrate it again).
PACE_TOLERANCE = 0.15
# The silence after a question (the speech service's pause, 5 s by default) is at least this long.
MIN_PAUSE_SECONDS = 2.0
LOCAL_SYNTHESIZER = "espeak"  # reads what dailycast.readings gives it, so its reading is checked


@dataclass(frozen=True)
class PodcastContent:
    status: str
    languages: list[str]
    output_format: str
    courses: list[str]
    scripts: dict[str, str]
    questions: list[Question]
    answers: dict[str, str]
    tracks: list[AudioTrack] = field(default_factory=list)
    minutes: int = DEFAULT_MINUTES  # the audio's length asked for
    speech: Speech = Speech()  # the provider (when no track says) and the pause after each question


def accuracy_check(p: PodcastContent) -> dict:
    """Each check passes or not; the score is the share that passed."""
    checks: list[tuple[str, bool, str, bool]] = []  # name, passed, message, is_issue

    def check(name: str, passed: bool, message: str, issue: bool = True) -> None:
        checks.append((name, passed, message, issue))

    check("completed", p.status == "completed", f"podcast is {p.status}, not completed")
    scripts, estimates = {}, {}
    for lang in p.languages:
        text = p.scripts.get(lang, "")
        estimates[lang] = minutes = _speech(p, lang).minutes(text, lang, len(p.questions)) if text else 0.0
        scripts[lang] = {"characters": len(text), "estimated_minutes": round(minutes, 2)}
        check(f"script_{lang}", bool(text), f"no {lang} script")
        if text:
            found = text_languages(text, lang)
            check(f"language_{lang}", found.reads_as == lang, f"{lang} script reads as {found.reads_as}")
            foreign = [f"paragraph {i + 1} of the {lang} script reads as {other}" for i, other in found.foreign]
            check(f"paragraphs_{lang}", not foreign, "; ".join(foreign))
            unasked = [q.id for q in p.questions if not q.text.get(lang) or q.text[lang] not in text]
            check(f"questions_in_{lang}", not unasked, f"{', '.join(unasked)} not asked verbatim in the {lang} script")
            check(f"length_{lang}", is_about(minutes, p.minutes),
                  f"{lang} script would last {minutes:.1f} min spoken, not {p.minutes}", issue=False)
    mentioned = {c: all(c in p.scripts.get(lang, "") for lang in p.languages) for c in p.courses}
    check("courses_mentioned", all(mentioned.values()),
          f"courses not named: {[c for c, ok in mentioned.items() if not ok]}")
    check("questions", len(p.questions) == QUESTIONS_PER_PODCAST,
          f"{len(p.questions)} questions, expected {QUESTIONS_PER_PODCAST}")
    wants_audio = p.output_format in ("audio", "both")
    seconds_of = {t.language: t.duration_seconds for t in p.tracks}
    for track in p.tracks if wants_audio else []:
        timing = question_time_problems(track, p.questions)
        check(f"question_times_{track.language}", not timing, f"{track.language} audio: {'; '.join(timing)}")
        if track.synthesizer == LOCAL_SYNTHESIZER and track.language in REWRITTEN:
            misread = reading_problems(p.scripts.get(track.language, ""), track.language)
            check(f"reading_{track.language}", not misread, f"{track.language} reading: {'; '.join(misread)}")
    durations = {}
    for lang in p.languages if wants_audio else []:
        seconds = seconds_of.get(lang)
        check(f"audio_{lang}", seconds is not None, f"no {lang} audio")
        if seconds is not None:
            durations[lang] = round(seconds, 1)
            check(f"duration_{lang}", is_about(seconds / 60, p.minutes),
                  f"{lang} audio lasts {_clock(seconds)}, not {p.minutes} min ±10 %")
            estimate = estimates.get(lang) or seconds / 60
            check(f"pace_{lang}", abs(seconds / 60 / estimate - 1) <= PACE_TOLERANCE,
                  f"{lang} audio lasts {_clock(seconds)} against {_clock(estimate * 60)} for its script at the "
                  "voice's calibrated rate", issue=False)
    answered = sum(1 for q in p.questions if (p.answers.get(q.id) or "").strip())
    passed = sum(1 for _, ok, _, _ in checks if ok)
    return {
        "accuracy_score": round(passed / len(checks), 3),
        "issues": [msg for _, ok, msg, issue in checks if not ok and issue],
        "warnings": [msg for _, ok, msg, issue in checks if not ok and not issue],
        "metadata": {"languages": p.languages, "output_format": p.output_format, "status": p.status,
                     "checks_passed": passed, "checks_total": len(checks)},
        "content_checks": {
            "script_length": scripts,
            "courses_mentioned": {"expected": p.courses, "found": [c for c, ok in mentioned.items() if ok]},
            "audio": {"required": wants_audio, "present": sorted(durations)},
            "duration_seconds": durations,
            "minutes_requested": p.minutes,
            "qa_status": {"questions_count": len(p.questions), "answered_count": answered},
        },
    }


def question_time_problems(track: AudioTrack, questions: list[Question]) -> list[str]:
    """What is wrong with where the track says its questions are: each one timed, inside the audio,
    in order, its pause after its start, and a silence of MIN_PAUSE_SECONDS before what comes next."""
    timed = {t.question_id: t for t in track.question_times}
    problems = [f"no time for {q.id}" for q in questions if q.id not in timed]
    previous_end = 0.0
    for q in (q for q in questions if q.id in timed):
        t = timed[q.id]
        if not 0 <= t.starts_at <= t.pause_at <= track.duration_seconds:
            problems.append(f"{q.id} starts at {t.starts_at:.1f} s and pauses at {t.pause_at:.1f} s, "
                            f"before its start or past the end ({track.duration_seconds:.1f} s)")
            continue
        if t.starts_at < previous_end:
            problems.append(f"{q.id} starts at {t.starts_at:.1f} s, before the one asked before it ends")
        previous_end = t.pause_at
    ends = sorted((timed[q.id].pause_at, timed[q.id].starts_at) for q in questions if q.id in timed)
    following = [start for _, start in ends[1:]] + [track.duration_seconds]
    for (pause_at, _), next_start in zip(ends, following):
        if next_start - pause_at < MIN_PAUSE_SECONDS:
            problems.append(f"no pause after the question that pauses at {pause_at:.1f} s "
                            f"({next_start - pause_at:.1f} s before what follows)")
    return problems


def _speech(p: PodcastContent, language: str) -> Speech:
    """The speech a track was made with (local or Polly, by its engine), else the configured one."""
    engine = next((t.engine for t in p.tracks if t.language == language and t.engine), None)
    if engine is None:
        return p.speech
    return Speech("local" if engine == "local" else "polly", p.speech.pause_seconds)


def _clock(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"
