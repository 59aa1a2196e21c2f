"""/api/feeds/{user_id}/{token}/: a learner's private podcast feed and what it links to.

No sign-in (podcast apps have none): the token in the path is the authority, and it opens only
that learner's own podcasts. Every link is the API's own, so it keeps working in an app for as
long as the token does (the audio may be a redirect to a presigned link made at that moment).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Request, Response, status
from fastapi.responses import FileResponse

from dailycast.events import AudioTrack
from dailycast.languages import LANGUAGE_NAMES, language_of_locale
from dailycast.podcast_feed import Channel, Item, rss
from services.api import feeds
from services.api.db import DailyPodcast
from services.api.deps import ContainerDep, SessionDep
from services.api.params import MAX_PODCAST_ID, Digits
from services.api.responses import AUDIO, CHAPTERS, FEED, INVALID, NO_FEED, RANGE_HEADER, TRANSCRIPT
from services.api.schemas import MAX_ID
from services.api.track_media import audio_response, chapters_response, transcript_response

router = APIRouter(prefix="/api/feeds", tags=["feeds"])

UserId = Annotated[int, Path(ge=1, le=MAX_ID), Digits]
# Not params.PodcastId: that one asks for a bearer token first, which podcast apps do not have.
PodcastId = Annotated[int, Path(ge=1, le=MAX_PODCAST_ID), Digits]
Token = Annotated[str, Path(pattern=r"^[0-9a-f]{32}$", description="the feed's secret")]
RSS_MEDIA_TYPE = "application/rss+xml"


def feed_path(user_id: int, token: str) -> str:
    return f"/api/feeds/{user_id}/{token}/feed.rss"


def _no_feed() -> HTTPException:
    return HTTPException(status.HTTP_404_NOT_FOUND, "No such feed")


def _track(session: SessionDep, container: ContainerDep, user_id: int, token: str, podcast_id: int,
           language: str) -> AudioTrack:
    try:
        feeds.feed_learner(session, container.jwt_secret, user_id, token)
        return feeds.feed_track(session, user_id, podcast_id, language)
    except feeds.UnknownFeed:
        raise _no_feed() from None


@router.get("/{user_id}/{token}/feed.rss", response_class=Response, responses={**FEED, **INVALID})
def get_feed(user_id: UserId, token: Token, request: Request, session: SessionDep, container: ContainerDep):
    """The learner's podcasts as RSS 2.0 + iTunes + Podcasting 2.0: an item per podcast and language."""
    try:
        learner = feeds.feed_learner(session, container.jwt_secret, user_id, token)
    except feeds.UnknownFeed:
        raise _no_feed() from None
    base = str(request.base_url).rstrip("/")
    here = f"{base}/api/feeds/{user_id}/{token}"
    channel = Channel(
        title=f"Dailycast: {learner.name}", description=f"{learner.name}'s daily learning podcast, made for them.",
        link=f"{base}/podcasts/", language=language_of_locale(learner.locale), image_url=f"{base}/static/img/cover.png",
    )
    items = [_item(row, track, here) for row in feeds.feed_podcasts(session, user_id) for track in row.audio_tracks]
    return Response(rss(channel, items), media_type=f"{RSS_MEDIA_TYPE}; charset=utf-8")


def _item(row: DailyPodcast, track: AudioTrack, here: str) -> Item:
    files = f"{here}/{row.id}/{track.language}"
    courses = ", ".join(row.included_courses)
    return Item(
        guid=f"dailycast:{row.id}:{row.attempt}:{track.language}",
        title=f"{row.for_date.isoformat()} ({LANGUAGE_NAMES.get(track.language, track.language)})",
        description=f"Your Dailycast for {row.for_date.isoformat()}" + (f": {courses}." if courses else "."),
        published=row.created_at, language=track.language, enclosure_url=f"{files}.mp3",
        length_bytes=track.size_bytes or 0, duration_seconds=track.duration_seconds,
        transcript_url=f"{files}.vtt", chapters_url=f"{files}.json",
    )


@router.api_route(
    "/{user_id}/{token}/{podcast_id}/{language}.mp3", methods=["GET", "HEAD"], response_class=FileResponse,
    responses={**AUDIO, **NO_FEED, **INVALID}, openapi_extra=RANGE_HEADER,
)
def get_feed_audio(user_id: UserId, token: Token, podcast_id: PodcastId, language: str, request: Request,
                   session: SessionDep, container: ContainerDep):
    """An enclosure: the MP3, with HEAD and Range answered."""
    return audio_response(container.audio_store, _track(session, container, user_id, token, podcast_id, language),
                          request)


@router.get("/{user_id}/{token}/{podcast_id}/{language}.vtt", responses={**TRANSCRIPT, **NO_FEED, **INVALID})
def get_feed_transcript(user_id: UserId, token: Token, podcast_id: PodcastId, language: str, session: SessionDep,
                        container: ContainerDep):
    """`podcast:transcript`: the WebVTT transcript."""
    return transcript_response(_track(session, container, user_id, token, podcast_id, language))


@router.get("/{user_id}/{token}/{podcast_id}/{language}.json", responses={**CHAPTERS, **NO_FEED, **INVALID})
def get_feed_chapters(user_id: UserId, token: Token, podcast_id: PodcastId, language: str, session: SessionDep,
                      container: ContainerDep):
    """`podcast:chapters`: the JSON chapters."""
    return chapters_response(_track(session, container, user_id, token, podcast_id, language))
