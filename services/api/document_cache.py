"""Podcast documents kept in the API's memory by row version, so PostgreSQL's reads skip their bytes.

A page of 15 podcasts is about 240 KB of stored documents: fetched from the server, decoded into
text and encoded again for every read, most of a list's cost. A document changes only with its row,
and every update gives a PostgreSQL row a new version (its `xmin`), so a read asks only for the
versions of the page's rows and fetches the documents it does not hold. Correct across replicas:
what is cached is keyed by what the database says now, never trusted on its own.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

Version = tuple[int, str]  # (podcast id, row version)


class DocumentCache:
    """The most recently used documents (UTF-8) up to `max_bytes`; safe to share between threads."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self._documents: OrderedDict[Version, bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, version: Version) -> bytes | None:
        with self._lock:
            document = self._documents.get(version)
            if document is not None:
                self._documents.move_to_end(version)
            return document

    def put(self, version: Version, document: bytes) -> None:
        if len(document) > self.max_bytes:
            return
        with self._lock:
            old = self._documents.pop(version, None)
            self._size += len(document) - (len(old) if old is not None else 0)
            self._documents[version] = document
            while self._size > self.max_bytes:
                _, dropped = self._documents.popitem(last=False)
                self._size -= len(dropped)

    def __len__(self) -> int:
        return len(self._documents)
