"""What the API sends for one track, to its owner (bearer token) and to their feed (the feed's
token): the MP3 (HEAD and Range answered), its WebVTT transcript and its JSON chapters."""

from __future__ import annotations

from fastapi import Request, Response
from fastapi.responses import FileResponse, RedirectResponse

from dailycast.events import AudioTrack
from dailycast.storage.audio_store import AudioStore
from dailycast.transcript import chapters_json, webvtt
from services.api.responses import AUDIO_MEDIA_TYPE

VTT_MEDIA_TYPE = "text/vtt"
CHAPTERS_MEDIA_TYPE = "application/json+chapters"


def audio_response(store: AudioStore, track: AudioTrack, request: Request) -> Response:
    """The file (Starlette answers HEAD and Range), or a fresh presigned link to it for this method."""
    direct = store.url(track.audio_key, request.method)
    if direct:
        return RedirectResponse(direct)
    return FileResponse(store.path(track.audio_key), media_type=AUDIO_MEDIA_TYPE)


def transcript_response(track: AudioTrack) -> Response:
    return Response(webvtt(track.sentences), media_type=f"{VTT_MEDIA_TYPE}; charset=utf-8")


def chapters_response(track: AudioTrack) -> Response:
    return Response(chapters_json(track.chapters), media_type=CHAPTERS_MEDIA_TYPE)
