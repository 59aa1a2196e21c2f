"""/api/podcasts/: the seed's REST contract."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Header, HTTPException, Query, Request, Response, status
from fastapi.responses import FileResponse, JSONResponse

from dailycast.accuracy import accuracy_check
from dailycast.events import WHOLE_PODCAST, AudioTrack
from dailycast.progress import progress
from services.api import podcasts as commands
from services.api import ratings, views
from services.api.db import DailyPodcast
from services.api.deps import ContainerDep, CurrentPrincipal, DatabaseGateDep, SessionDep
from services.api.documents import audio_route
from services.api.params import Page, PageSize, PodcastId, UserIdFilter
from services.api.responses import (
    API, AUDIO, CHAPTERS, FORBIDDEN, INVALID, INVALID_BODY, NOT_FOUND, RANGE_HEADER, RATE_LIMITED, TRANSCRIPT,
)
from services.api.safe_json import ModelResponse, RawJSONResponse, model_json
from services.api.schemas import (
    AnswersIn, AnswersOut, PodcastCreate, PodcastOut, PodcastPage, ProgressOut, RatingIn, RatingOut, RegenerateIn,
    TranscriptOut,
)
from services.api.track_media import audio_response, chapters_response, transcript_response

router = APIRouter(prefix="/api/podcasts", tags=["podcasts"])

# An opaque string of visible ASCII characters, chosen by the client, one per request it may retry.
IdempotencyKeyHeader = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key", min_length=1, max_length=200, pattern=r"^[!-~]+$",
        description="a retry with the same key (and body) gets the first answer and makes no new podcast; "
        "the same key with another body is 422; keys are kept 24 hours",
    ),
]


def _podcast_out(row: DailyPodcast | views.PodcastRecord, container: ContainerDep) -> PodcastOut:
    def link(key: str, language: str) -> str:
        # A store that serves its files directly (S3) gives a link; otherwise the API serves them.
        return container.audio_store.url(key) or audio_route(row.id, language)

    return PodcastOut.model_validate(row, context=link)


def _podcast_json(row: views.PodcastRecord, container: ContainerDep) -> bytes:
    return model_json(_podcast_out(row, container))


def _answers_out(row: DailyPodcast | views.PodcastRecord) -> ModelResponse:
    summary = progress(row.questions_asked, row.student_answers, row.primary_language, row.grades).summary
    return ModelResponse(AnswersOut(podcast_id=row.id, answers=row.student_answers, progress=summary))


def _missing(podcast_id: int) -> HTTPException:
    return HTTPException(status.HTTP_404_NOT_FOUND, f"No podcast {podcast_id}")


def _visible(session: SessionDep, principal: CurrentPrincipal, podcast_id: int) -> DailyPodcast:
    try:
        return commands.get_visible_podcast(session, principal, podcast_id)
    except commands.NotFound:
        raise _missing(podcast_id) from None


# The reads are async and do all their database work in one DatabaseGate.read, so a read takes no
# worker thread on either database (services/api/deps.py).
async def _visible_record(
    gate: DatabaseGateDep, principal: CurrentPrincipal, podcast_id: int, only: tuple[str, ...] | None = None
) -> views.PodcastRecord:
    record = await gate.read(views.visible_podcast, principal, podcast_id, only)
    if record is None:
        raise _missing(podcast_id)
    return record


@router.post(
    "/",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=PodcastOut,
    responses={**API, **FORBIDDEN, **INVALID_BODY, **RATE_LIMITED},
)
def create_podcast(
    body: PodcastCreate,
    session: SessionDep,
    principal: CurrentPrincipal,
    container: ContainerDep,
    idempotency_key: IdempotencyKeyHeader = None,
):
    """Accept a podcast request at once; it is generated through the events and shows `pending` until then."""
    idempotency = None
    if idempotency_key is not None:
        idempotency = commands.Idempotency(idempotency_key, commands.fingerprint(body.model_dump(mode="json")))
    accepted = commands.request_podcast(
        session, container.schemas, principal, body.user_id, body.requested_languages(), body.output_format,
        None,  # the learner's local today
        render=lambda row: _podcast_out(row, container).model_dump(mode="json"),
        minutes=body.minutes,
        daily_limit=container.settings.daily_request_limit,
        idempotency=idempotency,
    )
    if not accepted.replayed:
        container.outbox_wakeup.notify()
    return JSONResponse(accepted.response, status_code=status.HTTP_202_ACCEPTED)


@router.get("/", response_model=PodcastPage, responses={**API, **INVALID})
async def list_podcasts(
    request: Request,
    gate: DatabaseGateDep,
    principal: CurrentPrincipal,
    container: ContainerDep,
    page: Page = 1,
    page_size: PageSize = None,
    user_id: UserIdFilter = None,
    status_: Annotated[Literal["pending", "generating", "completed", "failed"] | None, Query(alias="status")] = None,
):
    """Your podcasts, newest first (staff: everyone's, or one user's)."""
    size = page_size or container.settings.page_size
    offset = (page - 1) * size

    def link(n: int) -> str:
        return str(request.url.include_query_params(page=n, page_size=size))

    if container.audio_store.links_directly:  # links made for each read: no stored documents
        count, rows = await gate.read(views.list_podcasts, principal, user_id, status_, offset, size)
        results = [_podcast_out(r, container) for r in rows]
    else:
        count, results = await gate.read(
            views.list_documents, principal, user_id, status_, offset, size, container.document_cache)
    head = PodcastPage(
        count=count,
        next=link(page + 1) if page * size < count else None,
        previous=link(page - 1) if page > 1 else None,
        results=[],
    )
    # The page's own fields, then its podcasts' JSON joined in: stored documents are sent as they are.
    shown = [r if isinstance(r, bytes) else _podcast_json(r, container) for r in results]
    return RawJSONResponse(model_json(head)[: -len(b"[]}")] + b"[" + b",".join(shown) + b"]}")


@router.get("/{podcast_id}/", response_model=PodcastOut, responses={**API, **NOT_FOUND, **INVALID})
async def get_podcast(podcast_id: PodcastId, gate: DatabaseGateDep, principal: CurrentPrincipal, container: ContainerDep):
    if container.audio_store.links_directly:  # links made for each read: no stored documents
        return ModelResponse(_podcast_out(await _visible_record(gate, principal, podcast_id), container))
    shown = await gate.read(views.visible_document, principal, podcast_id, container.document_cache)
    if shown is None:
        raise _missing(podcast_id)
    return RawJSONResponse(shown if isinstance(shown, bytes) else _podcast_json(shown, container))


@router.get("/{podcast_id}/progress/", response_model=ProgressOut, responses={**API, **NOT_FOUND, **INVALID})
async def get_progress(podcast_id: PodcastId, gate: DatabaseGateDep, principal: CurrentPrincipal):
    row = await _visible_record(gate, principal, podcast_id, views.FOR_ANSWERS)
    result = progress(row.questions_asked, row.student_answers, row.primary_language, row.grades)
    return ModelResponse(ProgressOut(podcast_id=row.id, progress=result.summary, questions=result.questions))


@router.get("/{podcast_id}/transcript/", response_model=TranscriptOut, responses={**API, **NOT_FOUND, **INVALID})
async def get_transcript_text(podcast_id: PodcastId, gate: DatabaseGateDep, principal: CurrentPrincipal):
    """Every language's script, for reading instead of listening: an audio-only podcast's too,
    which the podcast itself keeps out of sight (the seed's format)."""
    row = await _visible_record(gate, principal, podcast_id, ("scripts",))
    return ModelResponse(TranscriptOut(podcast_id=row.id, scripts=row.scripts))


@router.get("/{podcast_id}/answers/", response_model=AnswersOut, responses={**API, **NOT_FOUND, **INVALID})
async def get_answers(podcast_id: PodcastId, gate: DatabaseGateDep, principal: CurrentPrincipal):
    return _answers_out(await _visible_record(gate, principal, podcast_id, views.FOR_ANSWERS))


@router.put(
    "/{podcast_id}/answers/", response_model=AnswersOut,
    responses={**API, **FORBIDDEN, **NOT_FOUND, **INVALID_BODY},
)
def put_answers(
    podcast_id: PodcastId, body: AnswersIn, session: SessionDep, principal: CurrentPrincipal, container: ContainerDep
):
    """Save answers keyed by question id or text; earlier answers to other questions stay, and so does a
    newer answer than one written at `written_at`."""
    row = commands.save_answers(session, container.schemas, _visible(session, principal, podcast_id), principal,
                                body.answers, body.written_at)
    container.outbox_wakeup.notify()  # its AnswerSubmitted: graded the sooner
    return _answers_out(row)  # every answer of the podcast as now stored (a concurrent save's too)


def _rating_out(row: DailyPodcast, thumbs: dict[str, str]) -> RatingOut:
    topics = {topic: thumb for topic, thumb in thumbs.items() if topic != WHOLE_PODCAST}
    return RatingOut(podcast_id=row.id, podcast=thumbs.get(WHOLE_PODCAST), topics=topics,
                     rateable_topics=ratings.podcast_topics(row))


@router.get("/{podcast_id}/rating/", response_model=RatingOut, responses={**API, **NOT_FOUND, **INVALID})
def get_rating(podcast_id: PodcastId, session: SessionDep, principal: CurrentPrincipal):
    """The learner's thumbs for the podcast and its topics."""
    row = _visible(session, principal, podcast_id)
    return _rating_out(row, ratings.thumbs_of(session, row.id))


@router.put(
    "/{podcast_id}/rating/", response_model=RatingOut, responses={**API, **FORBIDDEN, **NOT_FOUND, **INVALID_BODY},
)
def put_rating(podcast_id: PodcastId, body: RatingIn, session: SessionDep, principal: CurrentPrincipal,
               container: ContainerDep):
    """Thumbs up or down (or none, to take one back) for the podcast and its topics: the next podcasts
    choose the topics thumbed up more, those thumbed down less. Other thumbs given before stay."""
    row = _visible(session, principal, podcast_id)
    thumbs = ratings.rate_podcast(session, container.schemas, row, principal, body.ratings())
    container.outbox_wakeup.notify()
    return _rating_out(row, thumbs)


@router.get("/{podcast_id}/accuracy-check/", responses={**API, **NOT_FOUND, **INVALID})
def get_accuracy_check(podcast_id: PodcastId, session: SessionDep, principal: CurrentPrincipal, container: ContainerDep):
    """Checks of the content: courses named, 3 questions, languages right, length, audio present."""
    row = _visible(session, principal, podcast_id)  # sync: detecting languages is work for a thread
    return {"podcast_id": row.id, **accuracy_check(views.podcast_content(row, container.settings.spoken_by()))}


@router.post(
    "/{podcast_id}/regenerate/",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=PodcastOut,
    responses={**API, **FORBIDDEN, **NOT_FOUND, **INVALID_BODY},
)
def regenerate_podcast(
    podcast_id: PodcastId, session: SessionDep, principal: CurrentPrincipal, container: ContainerDep,
    body: RegenerateIn | None = None,
):
    """Staff: make the podcast again as its next attempt (one email per attempt); the learner sees the newest."""
    try:
        row = commands.regenerate_podcast(session, container.schemas, principal, podcast_id,
                                          fresh_learner=body is not None and body.fresh_learner)
    except commands.NotFound:
        raise _missing(podcast_id) from None
    container.outbox_wakeup.notify()
    return JSONResponse(_podcast_out(row, container).model_dump(mode="json"), status_code=status.HTTP_202_ACCEPTED)


@router.delete(
    "/{podcast_id}/", status_code=status.HTTP_204_NO_CONTENT, responses={**API, **NOT_FOUND, **INVALID}
)
def delete_podcast(podcast_id: PodcastId, session: SessionDep, principal: CurrentPrincipal, container: ContainerDep):
    commands.delete_podcast(session, container.schemas, _visible(session, principal, podcast_id))
    container.outbox_wakeup.notify()
    return Response(status_code=status.HTTP_204_NO_CONTENT)


def _track(session: SessionDep, principal: CurrentPrincipal, podcast_id: int, language: str) -> AudioTrack:
    row = _visible(session, principal, podcast_id)
    track = next((t for t in row.audio_tracks if t.language == language), None)
    if track is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"No {language} audio for podcast {podcast_id}")
    return track


@router.api_route(
    "/{podcast_id}/audio/{language}", methods=["GET", "HEAD"], response_class=FileResponse,
    responses={**AUDIO, **API, **NOT_FOUND, **INVALID}, openapi_extra=RANGE_HEADER,
)
def get_audio(
    podcast_id: PodcastId, language: str, request: Request, session: SessionDep, principal: CurrentPrincipal,
    container: ContainerDep,
):
    """The MP3 of one language, to its owner and staff; supports HEAD and HTTP range requests."""
    return audio_response(container.audio_store, _track(session, principal, podcast_id, language), request)


@router.get(
    "/{podcast_id}/transcript/{language}.vtt",
    responses={**API, **NOT_FOUND, **INVALID, **TRANSCRIPT},
)
def get_transcript_vtt(podcast_id: PodcastId, language: str, session: SessionDep, principal: CurrentPrincipal):
    """The WebVTT transcript of one language's audio: a cue per sentence (owner and staff)."""
    return transcript_response(_track(session, principal, podcast_id, language))


@router.get(
    "/{podcast_id}/chapters/{language}.json", responses={**API, **NOT_FOUND, **INVALID, **CHAPTERS},
)
def get_chapters(podcast_id: PodcastId, language: str, session: SessionDep, principal: CurrentPrincipal):
    """Podcasting 2.0 JSON chapters of one language's audio: a segment or a question each (owner and staff)."""
    return chapters_response(_track(session, principal, podcast_id, language))
