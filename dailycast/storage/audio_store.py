"""The AudioStore port and its local-folder adapter."""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
from pathlib import Path, PurePosixPath
from typing import Protocol


def podcast_prefix(podcast_id: int) -> str:
    return f"podcasts/{podcast_id}/"


def audio_key(podcast_id: int, attempt: int, language: str) -> str:
    return f"{podcast_prefix(podcast_id)}attempt-{attempt}/{language}.mp3"


class AudioStore(Protocol):
    # Whether url() gives links (short-lived ones): then a response that holds them is made anew for each read.
    links_directly: bool

    async def put(self, key: str, data: bytes, content_type: str) -> None: ...

    async def get(self, key: str) -> bytes | None: ...

    async def delete_prefix(self, prefix: str) -> None: ...

    def url(self, key: str, method: str = "GET") -> str | None:
        """A direct, short-lived link to the object for a GET (or HEAD), or None when the API must serve it."""
        ...


class LocalAudioStore:
    """Audio files in a folder; the API serves them to their owner."""

    links_directly = False

    def __init__(self, root: Path):
        self.root = root.resolve()

    def path(self, key: str) -> Path:
        relative = PurePosixPath(key)
        if relative.is_absolute() or ".." in relative.parts:
            raise ValueError(f"bad audio key {key!r}")
        return self.root.joinpath(*relative.parts)

    async def put(self, key: str, data: bytes, content_type: str) -> None:
        await asyncio.to_thread(self._write, self.path(key), data)

    async def get(self, key: str) -> bytes | None:
        path = self.path(key)
        return await asyncio.to_thread(path.read_bytes) if path.exists() else None

    async def delete_prefix(self, prefix: str) -> None:
        await asyncio.to_thread(shutil.rmtree, self.path(prefix), True)

    def url(self, key: str, method: str = "GET") -> str | None:
        return None

    @staticmethod
    def _write(path: Path, data: bytes) -> None:
        # Write then rename, so a listener never gets half a file.
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".part-")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
