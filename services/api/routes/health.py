"""Liveness and readiness."""

from __future__ import annotations

from fastapi import APIRouter, Response, status
from sqlalchemy import text

from services.api.deps import ContainerDep
from services.api.responses import HealthOut

router = APIRouter(tags=["health"])


@router.get(
    "/healthz",
    responses={200: {"model": HealthOut}, 503: {"model": HealthOut, "description": "the database does not answer, or still starting"}},
)
def healthz(container: ContainerDep, response: Response):
    """200 once the system is ready (database answers, consumers running, demo data in place)."""
    try:
        with container.session_factory() as session:
            session.execute(text("SELECT 1"))
    except Exception as exc:
        response.status_code = status.HTTP_503_SERVICE_UNAVAILABLE
        return {"status": "database unavailable", "detail": str(exc)}
    if not container.ready.is_set():
        response.status_code = status.HTTP_503_SERVICE_UNAVAILABLE
        return {"status": "starting"}
    return {"status": "ok"}
