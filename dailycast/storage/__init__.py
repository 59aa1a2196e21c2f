"""Where podcast audio is kept: the AudioStore port, a local folder and Amazon S3.

tts writes the audio and the API hands it out, so both build the store here from the same
settings and agree on where each key lives.
"""

from __future__ import annotations

import asyncio

from dailycast.folders import folder_problem
from dailycast.probes import Probe
from dailycast.settings import CommonSettings
from dailycast.storage.audio_store import AudioStore, LocalAudioStore


def build_audio_store(settings: CommonSettings) -> AudioStore:
    """S3 when DAILYCAST_S3_BUCKET is set, else the local folder."""
    if settings.s3_bucket:
        # Imported here: boto3 is loaded only by the processes that keep audio on S3.
        from dailycast.aws import s3_client
        from dailycast.storage.s3_audio_store import S3AudioStore

        client = s3_client(settings.aws_region, settings.s3_endpoint_url)
        return S3AudioStore(settings.s3_bucket, client, settings.audio_url_ttl_seconds, settings.s3_prefix)
    return LocalAudioStore(settings.audio_dir)


def audio_store_probe(settings: CommonSettings) -> Probe:
    """The store the settings choose; its check writes nothing."""
    if not settings.s3_bucket:
        folder = settings.audio_dir.resolve()
        return Probe("audio store", "local folder", f"{folder}, served by the API to each podcast's owner",
                     lambda: asyncio.to_thread(_folder_note, folder))
    endpoint = f" at {settings.s3_endpoint_url}" if settings.s3_endpoint_url else ""
    detail = (f"s3://{settings.s3_bucket}/{settings.s3_prefix}{endpoint}, private, "
              f"presigned links valid {settings.audio_url_ttl_seconds} s")
    return Probe("audio store", "s3", detail, lambda: asyncio.to_thread(_bucket_note, settings))


def _folder_note(folder) -> str:
    problem = folder_problem(folder)
    if problem:
        raise PermissionError(problem)
    return "writable" if folder.exists() else "can be made at start"


def _bucket_note(settings: CommonSettings) -> str:
    from dailycast.aws import s3_client

    s3_client(settings.aws_region, settings.s3_endpoint_url).head_bucket(Bucket=settings.s3_bucket)
    return "reachable"
