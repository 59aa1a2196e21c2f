"""/api/platform-events/: the platform's events as JSON, for platforms that cannot produce to Kafka
(services/api/platform_events.py; the contract is docs/platform-events.md)."""

from __future__ import annotations

from fastapi import APIRouter, status

from services.api import platform_events
from services.api.deps import ContainerDep, PlatformPublisher, SessionDep
from services.api.responses import API, FORBIDDEN, INVALID_BODY
from services.api.safe_json import ModelResponse

router = APIRouter(prefix="/api/platform-events", tags=["platform"])


@router.post(
    "/", status_code=status.HTTP_202_ACCEPTED, response_model=platform_events.PlatformEventsOut,
    responses={**API, **FORBIDDEN, **INVALID_BODY},
)
def post_platform_events(
    _: PlatformPublisher, body: platform_events.PlatformEventsIn, session: SessionDep, container: ContainerDep
):
    """The platform's service token or staff: one event or an array of up to 500, each `{"type": ...}` and
    the fields of its Avro schema (or an Open edX enrollment event), published to the learner topic.

    Accepted (202) once in the outbox: all of them, or none (422, naming the event and its field). They are
    then applied as if produced to Kafka: a repeated `event_id` changes nothing."""
    ids = platform_events.publish(session, container.schemas, [event.event() for event in body])
    container.outbox_wakeup.notify()
    return ModelResponse(platform_events.PlatformEventsOut(event_ids=ids), status_code=status.HTTP_202_ACCEPTED)
