"""scriptgen's handlers: a request in, a script (and for text podcasts, completion) out; an answer in, its grade out."""

from __future__ import annotations

import logging

from dailycast import events as ev
from dailycast.grading import AnswerToGrade
from dailycast.metrics import timed
from dailycast.progress import is_answered
from dailycast.scripts import WriterError, WritingRequest
from dailycast.speech_length import Speech
from services.scriptgen.cancellations import Cancellations
from services.scriptgen.graders.chain import GraderChain
from services.scriptgen.writers.base import ScriptWriter

log = logging.getLogger(__name__)


async def write_script(
    event: ev.PodcastRequested,
    *,
    writer: ScriptWriter,
    cancellations: Cancellations | None = None,
    speech: Speech = Speech(),
) -> list:
    """Write the podcast's script. A replayed request is written again from its input.

    A podcast deleted while its request waited gets nothing: no script, no event (there is no
    podcast left to complete or to fail). Without `cancellations`, every request is written.
    `speech` is who will speak it: the script is sized for the minutes asked, spoken by that voice.
    """
    if cancellations is not None and await cancellations.is_cancelled(event.podcast_id):
        log.info("podcast %s was deleted: no script for it", event.podcast_id)
        return []
    request = WritingRequest(event.podcast_id, event.for_date, event.languages, event.learner, event.minutes, speech)
    try:
        with timed("writer"):
            written = await writer.write(request)
    except WriterError as exc:
        log.warning("no writer could write podcast %s: %s", event.podcast_id, exc)
        return [ev.failed_after(event, "scriptgen", str(exc))]
    ready = ev.ScriptReady(
        event_id=ev.derived_event_id(event.event_id, "ScriptReady"),
        occurred_at=ev.utcnow(),
        podcast_id=event.podcast_id,
        attempt=event.attempt,
        languages=event.languages,
        output_format=event.output_format,
        scripts=[ev.ScriptText(lang, written.scripts[lang]) for lang in event.languages],
        questions=written.questions,
        courses=event.learner.courses,
        writer=written.writer,
        recipient=event.recipient,
        model=written.model,
        tokens_used=written.tokens_used,
        input_tokens=written.usage.input_tokens if written.usage else None,
        output_tokens=written.usage.output_tokens if written.usage else None,
    )
    if event.output_format != "text":
        return [ready]
    # Text podcasts need nothing more, so scriptgen is the last step and decides completion.
    return [ready, ev.completed_after(event)]


async def grade_answer(event: ev.AnswerSubmitted, *, graders: GraderChain) -> list:
    """Grade the answer against its question's key points. A redelivered answer is graded again,
    and its AnswerGraded has the same id: the projector keeps the first."""
    if not event.key_points or not is_answered(event.answer):
        return []  # nothing to grade it against, or nothing said
    item = AnswerToGrade(event.question, event.key_points, event.answer, event.language)
    with timed("grader"):
        grader, grade = await graders.grade(item)
    return [
        ev.AnswerGraded(
            event_id=ev.derived_event_id(event.event_id, "AnswerGraded"),
            occurred_at=ev.utcnow(),
            podcast_id=event.podcast_id,
            attempt=event.attempt,
            question_id=event.question_id,
            answered_at=event.occurred_at,
            key_points_covered=grade.key_points_covered,
            score=grade.score,
            feedback=grade.feedback,
            grader=grader.name,
            model=grader.model,
        )
    ]


async def cancel_script(event: ev.PodcastDeleted, *, cancellations: Cancellations) -> list:
    await cancellations.cancel(event.podcast_id)
    return []
