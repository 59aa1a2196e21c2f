"""The accuracy check of a podcast's content: what the seed's accuracy-check endpoint returns."""

from __future__ import annotations

from dataclasses import dataclass, field

from dailycast.events import AudioTrack
from dailycast.language_check import detected_language
from dailycast.languages import MAX_MINUTES, MIN_MINUTES, reading_minutes
from dailycast.scripts import QUESTIONS_PER_PODCAST, Question

# Synthesized speech runs at its own pace; durations outside this share of the reading
# estimate mean something went wrong (truncated or repeated audio).
PLAUSIBLE_AUDIO_RATIO = (0.5, 1.8)


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


def accuracy_check(p: PodcastContent) -> dict:
    """Each check passes or not; the score is the share that passed."""
    checks: list[tuple[str, bool, str, bool]] = []  # name, passed, message, is_issue

    def check(name: str, passed: bool, message: str, issue: bool = True) -> None:
        checks.append((name, passed, message, issue))

    check("completed", p.status == "completed", f"podcast is {p.status}, not completed")
    scripts = {}
    for lang in p.languages:
        text = p.scripts.get(lang, "")
        minutes = reading_minutes(text, lang) if text else 0.0
        scripts[lang] = {"characters": len(text), "estimated_minutes": round(minutes, 2)}
        check(f"script_{lang}", bool(text), f"no {lang} script")
        if text:
            found = detected_language(text)
            check(f"language_{lang}", found == lang, f"{lang} script reads as {found}")
            check(f"length_{lang}", MIN_MINUTES <= minutes <= MAX_MINUTES,
                  f"{lang} script reads in {minutes:.1f} min, not about 6", issue=False)
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
            estimate = reading_minutes(p.scripts.get(lang, ""), lang) * 60 or seconds
            low, high = PLAUSIBLE_AUDIO_RATIO
            durations[lang] = round(seconds, 1)
            check(f"duration_{lang}", low <= seconds / estimate <= high,
                  f"{lang} audio lasts {seconds:.0f} s against {estimate:.0f} s of text", issue=False)
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
            "qa_status": {"questions_count": len(p.questions), "answered_count": answered},
        },
    }
