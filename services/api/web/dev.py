"""Development sign-in: pick a demo learner (or staff) and get a token the API accepts.

Enabled by `DAILYCAST_DEV_SIGNIN` (default: on in the embedded runtime only). When it is off both
routes answer 404, as if they did not exist; production visitors paste the platform's token.
"""

from __future__ import annotations

from datetime import timedelta

from fastapi import APIRouter, Depends, HTTPException, status
from pydantic import BaseModel, ConfigDict, Field, StrictBool
from sqlalchemy import select

from services.api import podcasts as commands
from services.api.auth import issue_token
from services.api.db import Learner
from services.api.deps import ContainerDep, SessionDep
from services.api.schemas import UserId


TOKEN_TTL = timedelta(hours=12)
STAFF_USER_ID = 99  # the development staff member; not a learner


class DevTokenIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    user_id: UserId | None = Field(None, description="a learner's id; staff may leave it out")
    staff: StrictBool = False


def _enabled(container: ContainerDep) -> None:
    if not container.settings.dev_signin_enabled():
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Not Found")


# The check runs before the body is read, so a disabled instance answers 404 to anything.
router = APIRouter(prefix="/dev", tags=["development sign-in"], include_in_schema=False,
                   dependencies=[Depends(_enabled)])


@router.get("/learners")
def dev_learners(session: SessionDep) -> list[dict]:
    """The learners one may sign in as, for the sign-in page (no token needed: development only)."""
    rows = session.scalars(select(Learner).where(Learner.active.is_(True)).order_by(Learner.id)).all()
    return [{"id": r.id, "name": r.name, "locale": r.locale} for r in rows]


@router.post("/token")
def dev_token(body: DevTokenIn, container: ContainerDep, session: SessionDep) -> dict:
    """A bearer token for a learner, or for staff, signed with the API's own secret."""
    if body.staff:
        user_id = body.user_id if body.user_id is not None else STAFF_USER_ID
    else:
        if body.user_id is None or session.get(Learner, body.user_id) is None:
            raise commands.InvalidInput("user_id", f"no learner {body.user_id}")
        user_id = body.user_id
    settings = container.settings
    token = issue_token(container.jwt_secret, user_id, body.staff, ttl=TOKEN_TTL,
                        audience=settings.jwt_audience, issuer=settings.jwt_issuer)
    return {"token": token, "user_id": user_id, "is_staff": body.staff, "expires_in": int(TOKEN_TTL.total_seconds())}
