"""The platform's events as JSON, for platforms that cannot produce to Kafka (POST /api/platform-events/).

Each platform event's JSON form is derived from its Avro schema (`event_json`), so the JSON is
checked against the same contract as Kafka's messages; Open edX's enrollment events have a form of
their own (`openedx`). A body is one event or a batch; its events are staged in the outbox in one
transaction, all or none, and the relay sends them to the learner topic with the key and headers of
any other event, so the projector applies each of them once, by its id, as it would a producer's.
"""

from __future__ import annotations

from typing import Annotated, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from sqlalchemy.orm import Session

from dailycast.events import EVENT_TYPES, LEARNER_EVENTS, new_event_id, utcnow
from dailycast.messaging.avro import SchemaSet, default_schemas
from dailycast.messaging.records import from_record
from services.api.event_json import json_model
from services.api.openedx import OpenEdxEnrollmentIn
from services.api.outbox import add_to_outbox

BATCH_LIMIT = 500  # events a request may carry: one transaction, a row of the outbox each
SOURCE = "dailycast/api/platform-events"  # their ce_source: in through the API, from outside
ENVELOPE = frozenset({"event_id", "occurred_at"})  # may be left out: a new id, the time it is accepted


class PlatformEventIn(BaseModel):
    model_config = ConfigDict(extra="forbid")  # a misspelt field is a 422, not a value silently dropped

    def event(self) -> object:
        """The event a producer would have written; a new id and the present time where the JSON gave none."""
        values = dict(self)  # the values as validated (times as times), not dumped again
        del values["type"]
        values["event_id"] = values["event_id"] or new_event_id()
        values["occurred_at"] = values["occurred_at"] or utcnow()
        return from_record(EVENT_TYPES[self.type].cls, values)


# On the learners' topic (a learner's events keep their order) but the API's own: a rotation
# is the learner's choice, never the platform's.
API_ONLY = frozenset({"FeedRotated"})
# Made at import, from the schemas the package ships: the route's signature is made of them.
EVENT_MODELS: dict[str, type[PlatformEventIn]] = {
    name: json_model(default_schemas().latest[name].parsed, PlatformEventIn, ENVELOPE)
    for name, declared in EVENT_TYPES.items() if declared.topic == LEARNER_EVENTS and name not in API_ONLY
}
EventIn = Annotated[Union[(*EVENT_MODELS.values(), OpenEdxEnrollmentIn)], Field(discriminator="type")]
Batch = Annotated[list[EventIn], Field(min_length=1, max_length=BATCH_LIMIT)]


def _a_batch(body: object) -> object:
    return [body] if isinstance(body, dict) else body


# One event, or a JSON array of them; either way a batch, so an error's `loc` starts with the event's index.
PlatformEventsIn = Annotated[Batch, BeforeValidator(_a_batch, json_schema_input_type=Union[EventIn, Batch])]


class PlatformEventsOut(BaseModel):
    event_ids: list[str] = Field(
        description="each event's id, in the order posted: as sent, new where none was, derived for Open edX's"
    )


def publish(session: Session, schemas: SchemaSet, events: list) -> list[str]:
    """Stage the events in the outbox, in order, in one transaction; their ids."""
    add_to_outbox(session, events, schemas, SOURCE)
    session.commit()
    return [event.event_id for event in events]
