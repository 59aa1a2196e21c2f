"""Builds the API's container and its projector subscription from settings."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from dailycast.messaging.avro import SchemaSet
from dailycast.messaging.delivery import Subscription
from services.api.container import ApiContainer
from services.api.db import make_session_factory
from services.api.projector import CONSUMER, Projector
from services.api.settings import ApiSettings
from services.tts.bootstrap import build_store


def build_container(settings: ApiSettings, engine: Engine, schemas: SchemaSet) -> ApiContainer:
    return ApiContainer(
        settings=settings,
        session_factory=make_session_factory(engine),
        schemas=schemas,
        audio_store=build_store(settings),  # tts's own choice, so links point where tts wrote
        jwt_secret=settings.resolved_jwt_secret(),
    )


def projector_subscription(container: ApiContainer) -> Subscription:
    return Subscription(CONSUMER, Projector(container.session_factory).handlers())
