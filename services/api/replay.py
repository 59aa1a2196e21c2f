"""Replaying podcasts: the ones an operator chooses are requested again, each as its next attempt.

`dailycast replay` and staff's `POST /api/replays/` choose by podcast id, learner, date
range or failed status (at least one), then regenerate each (services/api/podcasts.py's
`regenerate_podcast`, a transaction each): the learner sees the newest attempt and gets one email
per attempt. A podcast deleted meanwhile (or, with `fresh_learner`, whose learner left) is skipped
and said why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from dailycast.messaging.avro import SchemaSet
from services.api.auth import Principal
from services.api.db import DailyPodcast
from services.api.podcasts import InvalidInput, NotFound, regenerate_podcast

OPERATOR = Principal(user_id=0, is_staff=True)  # requested_by of a replay from the command line


class SelectionError(ValueError):
    """A selection that chooses nothing, or an impossible one; `field` names the culprit."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Selection:
    podcast_ids: tuple[int, ...] = ()
    user_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    failed: bool = False

    def __post_init__(self):
        if not (self.podcast_ids or self.user_id is not None or self.date_from or self.date_to or self.failed):
            raise SelectionError("podcast_ids", "choose what to replay: podcast ids, a learner, a date range or failed podcasts")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise SelectionError("to_date", f"the date range ends ({self.date_to}) before it starts ({self.date_from})")


def chosen_ids(session: Session, selection: Selection) -> list[int]:
    """The podcasts the selection names, oldest first."""
    query = select(DailyPodcast.id).order_by(DailyPodcast.id)
    if selection.podcast_ids:
        query = query.where(DailyPodcast.id.in_(selection.podcast_ids))
    if selection.user_id is not None:
        query = query.where(DailyPodcast.user_id == selection.user_id)
    if selection.date_from:
        query = query.where(DailyPodcast.for_date >= selection.date_from)
    if selection.date_to:
        query = query.where(DailyPodcast.for_date <= selection.date_to)
    if selection.failed:
        query = query.where(DailyPodcast.status == "failed")
    return list(session.scalars(query))


@dataclass
class Replayed:
    requested: list[int]
    skipped: dict[int, str]  # podcast id -> why: deleted meanwhile, or its learner gone (fresh_learner)


def replay(session_factory: sessionmaker, schemas: SchemaSet, principal: Principal, podcast_ids: list[int],
           fresh_learner: bool = False, progress: Callable[[int], object] = lambda n: None) -> Replayed:
    """Regenerate each podcast, one transaction each (a failure leaves those before it requested)."""
    done = Replayed([], {})
    for podcast_id in podcast_ids:
        with session_factory() as session:
            try:
                regenerate_podcast(session, schemas, principal, podcast_id, fresh_learner)
                done.requested.append(podcast_id)
            except NotFound:
                done.skipped[podcast_id] = "deleted meanwhile"
            except InvalidInput as exc:
                done.skipped[podcast_id] = str(exc)
        progress(1)
    return done
