"""What the API's routes and background tasks share, built once by the bootstrap."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from functools import cached_property

from sqlalchemy.orm import sessionmaker

from dailycast.messaging.avro import SchemaSet
from dailycast.storage import AudioStore
from services.api.auth import TokenReader
from services.api.document_cache import DocumentCache
from services.api.outbox import Wakeup
from services.api.settings import ApiSettings


@dataclass
class ApiContainer:
    settings: ApiSettings
    session_factory: sessionmaker
    schemas: SchemaSet
    audio_store: AudioStore
    outbox_wakeup: Wakeup = field(default_factory=Wakeup)
    ready: asyncio.Event = field(default_factory=asyncio.Event)

    @cached_property
    def jwt_secret(self) -> str:
        # On first use, not at build: the embedded default writes its secret file, and building
        # (for the doctor, say) must change nothing.
        return self.settings.resolved_jwt_secret()

    @cached_property
    def document_cache(self) -> DocumentCache | None:
        """On PostgreSQL, documents by row version; SQLite's documents are read in this process anyway."""
        dialect = self.session_factory.kw["bind"].dialect.name
        if dialect == "sqlite" or not self.settings.document_cache_mb:
            return None
        return DocumentCache(self.settings.document_cache_mb * 1024 * 1024)

    @cached_property
    def tokens(self) -> TokenReader:
        return TokenReader(self.jwt_secret, audience=self.settings.jwt_audience, issuer=self.settings.jwt_issuer)
