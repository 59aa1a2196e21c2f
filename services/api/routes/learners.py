"""/api/learners/: the learners as the read model knows them (all, for staff; your own, for its locale)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Request, status
from pydantic import BaseModel
from sqlalchemy import select

from dailycast.preferences import DeliveryPreferences
from services.api import podcasts as commands
from services.api import feeds, preferences
from services.api.auth import Principal
from services.api.db import Learner
from services.api.deps import ContainerDep, CurrentPrincipal, SessionDep
from services.api.params import Digits
from services.api.routes.feeds import feed_path
from services.api.responses import API, FORBIDDEN, INVALID, INVALID_BODY, NO_LEARNER
from services.api.schemas import MAX_ID, PreferencesIn, PreferencesOut

router = APIRouter(prefix="/api/learners", tags=["learners"])


class LearnerOut(BaseModel):
    id: int
    name: str
    email: str
    locale: str


def _learner_out(row: Learner) -> LearnerOut:
    return LearnerOut(id=row.id, name=row.name, email=row.email, locale=row.locale)


@router.get("/", response_model=list[LearnerOut], responses={**API, **FORBIDDEN})
def list_learners(session: SessionDep, principal: CurrentPrincipal):
    """Every active learner, by id (staff only: 403 for learners)."""
    if not principal.is_staff:
        raise commands.Forbidden("only staff may list learners")
    rows = session.scalars(select(Learner).where(Learner.active.is_(True)).order_by(Learner.id)).all()
    return [_learner_out(r) for r in rows]


LearnerId = Annotated[int, Path(ge=1, le=MAX_ID, description="the learner's id (1 to 2^63-1)"), Digits]


def _out(user_id: int, chosen: DeliveryPreferences) -> PreferencesOut:
    return PreferencesOut(
        user_id=user_id, daily=chosen.daily, languages=chosen.languages, output_format=chosen.output_format,
        minutes=chosen.minutes, delivery_time=chosen.delivery_time.strftime("%H:%M"), time_zone=chosen.time_zone,
    )


def _whose(principal: Principal, user_id: int) -> int:
    if not principal.may_see(user_id):
        raise commands.Forbidden("only staff may see or change another learner's preferences")
    return user_id


def _read(session: SessionDep, user_id: int) -> PreferencesOut:
    try:
        return _out(user_id, preferences.preferences_of(session, user_id))
    except preferences.UnknownLearner:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"No learner {user_id}") from None


def _write(session: SessionDep, container: ContainerDep, user_id: int, body: PreferencesIn) -> PreferencesOut:
    try:
        return _out(user_id, preferences.change_preferences(session, container.schemas, user_id, body.preferences()))
    except preferences.UnknownLearner:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"No learner {user_id}") from None


class FeedOut(BaseModel):
    url: str  # the learner's private feed: secret, for their podcast app only


def _feed_out(request: Request, user_id: int, token: str) -> FeedOut:
    return FeedOut(url=str(request.base_url).rstrip("/") + feed_path(user_id, token))


@router.get("/me/feed", response_model=FeedOut, responses={**API, **NO_LEARNER})
def get_my_feed(request: Request, session: SessionDep, principal: CurrentPrincipal, container: ContainerDep):
    """Your private podcast feed's URL (RSS, for a podcast app); keep it to yourself."""
    try:
        return _feed_out(request, principal.user_id, feeds.current_token(session, container.jwt_secret, principal.user_id))
    except feeds.UnknownFeed:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"No learner {principal.user_id}") from None


@router.post("/me/feed/rotate", response_model=FeedOut, responses={**API, **NO_LEARNER})
def rotate_my_feed(request: Request, session: SessionDep, principal: CurrentPrincipal, container: ContainerDep):
    """A new feed URL; the old one stops working at once (subscribe again with the new one)."""
    try:
        token = feeds.rotate_feed(session, container.schemas, container.jwt_secret, principal.user_id)
    except feeds.UnknownFeed:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"No learner {principal.user_id}") from None
    container.outbox_wakeup.notify()
    return _feed_out(request, principal.user_id, token)


# "me" before "{user_id}": the router tries routes in order.
@router.get("/me", response_model=LearnerOut, responses={**API, **NO_LEARNER})
def get_my_learner(session: SessionDep, principal: CurrentPrincipal):
    """Your own learner record, its locale included (404 for staff, who are no learner)."""
    row = session.get(Learner, principal.user_id)
    if row is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"No learner {principal.user_id}")
    return _learner_out(row)


@router.get("/me/preferences", response_model=PreferencesOut, responses={**API, **NO_LEARNER})
def get_my_preferences(session: SessionDep, principal: CurrentPrincipal):
    """Your delivery preferences (your locale's defaults until you save some)."""
    return _read(session, principal.user_id)


@router.put("/me/preferences", response_model=PreferencesOut, responses={**API, **NO_LEARNER, **INVALID_BODY})
def put_my_preferences(body: PreferencesIn, session: SessionDep, principal: CurrentPrincipal, container: ContainerDep):
    """Replace your delivery preferences; a bad value is 422 naming its field."""
    return _write(session, container, principal.user_id, body)


@router.get(
    "/{user_id}/preferences", response_model=PreferencesOut, responses={**API, **FORBIDDEN, **NO_LEARNER, **INVALID}
)
def get_learner_preferences(user_id: LearnerId, session: SessionDep, principal: CurrentPrincipal):
    """A learner's delivery preferences (staff, or the learner)."""
    return _read(session, _whose(principal, user_id))


@router.put(
    "/{user_id}/preferences", response_model=PreferencesOut,
    responses={**API, **FORBIDDEN, **NO_LEARNER, **INVALID_BODY},
)
def put_learner_preferences(
    user_id: LearnerId, body: PreferencesIn, session: SessionDep, principal: CurrentPrincipal, container: ContainerDep
):
    """Replace a learner's delivery preferences (staff, or the learner)."""
    return _write(session, container, _whose(principal, user_id), body)
