"""What the API's routes and background tasks share, built once by the bootstrap."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from sqlalchemy.orm import sessionmaker

from dailycast.messaging.avro import SchemaSet
from services.api.outbox import Wakeup
from services.api.settings import ApiSettings
from services.tts.audio_store import AudioStore


@dataclass
class ApiContainer:
    settings: ApiSettings
    session_factory: sessionmaker
    schemas: SchemaSet
    audio_store: AudioStore
    jwt_secret: str
    outbox_wakeup: Wakeup = field(default_factory=Wakeup)
    ready: asyncio.Event = field(default_factory=asyncio.Event)
