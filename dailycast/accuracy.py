"""The accuracy check of a podcast's content: what the seed's accuracy-check endpoint returns."""

from __future__ import annotations

from dataclasses import dataclass, field

from dailycast.events import AudioTrack
from dailycast.language_check import detected_language
from dailycast.scripts import QUESTIONS_PER_PODCAST, Question
from dailycast.speech_length import DEFAULT_MINUTES, Speech, is_about

# Audio this much off its script's estimate at the voice's calibrated rate was cut or repeated,
# or the voice no longer speaks at the rate it was calibrated at (calibrate it again).
PACE_TOLERANCE = 0.15


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
            found = detected_language(text)
            check(f"language_{lang}", found == lang, f"{lang} script reads as {found}")
            check(f"length_{lang}", is_about(minutes, p.minutes),
                  f"{lang} script would last {minutes:.1f} min spoken, not {p.minutes}", issue=False)
    mentioned = {c: all(c in p.scripts.get(lang, "") for lang in p.languages) for c in p.courses}
    check("courses_mentioned", all(mentioned.values()),
          f"courses not named: {[c for c, ok in mentioned.items() if not ok]}")
    check("questions", len(p.questions) == QUESTIONS_PER_PODCAST,
          f"{len(p.questions)} questions, expected {QUESTIONS_PER_PODCAST}")
    wants_audio = p.output_format in ("audio", "both")
    seconds_of = {t.language: t.duration_seconds for t in p.tracks}
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


def _speech(p: PodcastContent, language: str) -> Speech:
    """The speech a track was made with (local or Polly, by its engine), else the configured one."""
    engine = next((t.engine for t in p.tracks if t.language == language and t.engine), None)
    if engine is None:
        return p.speech
    return Speech("local" if engine == "local" else "polly", p.speech.pause_seconds)


def _clock(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"
