"""/api/learners/: the platform's learners as the read model knows them (staff only; the admin page's list)."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel
from sqlalchemy import select

from services.api import podcasts as commands
from services.api.db import Learner
from services.api.deps import CurrentPrincipal, SessionDep
from services.api.responses import API, FORBIDDEN

router = APIRouter(prefix="/api/learners", tags=["learners"])


class LearnerOut(BaseModel):
    id: int
    name: str
    email: str
    locale: str


@router.get("/", response_model=list[LearnerOut], responses={**API, **FORBIDDEN})
def list_learners(session: SessionDep, principal: CurrentPrincipal):
    """Every active learner, by id (staff only: 403 for learners)."""
    if not principal.is_staff:
        raise commands.Forbidden("only staff may list learners")
    rows = session.scalars(select(Learner).where(Learner.active.is_(True)).order_by(Learner.id)).all()
    return [LearnerOut(id=r.id, name=r.name, email=r.email, locale=r.locale) for r in rows]
