"""Liveness, readiness and metrics: what an orchestrator and Prometheus ask the API.

Readiness answers in a few public words; why the database failed goes to the log only.
"""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from dailycast.database import database_answers
from dailycast.metrics import exposition
from dailycast.ops_http import readiness_body
from services.api.container import ApiContainer
from services.api.deps import ContainerDep
from services.api.responses import HealthOut, ReadinessOut

router = APIRouter(tags=["health"])


def problems(container: ApiContainer) -> list[str]:
    """Why the API cannot serve yet: none once the database answers and startup is done."""
    found = [] if database_answers(container.session_factory.kw["bind"]) else ["database unavailable"]
    return found if container.ready.is_set() else [*found, "starting"]


@router.get("/livez", response_model=HealthOut)
async def livez():
    """200 while the process answers at all: restart it when this fails."""
    return {"status": "alive"}


@router.get(
    "/readyz",
    responses={200: {"model": ReadinessOut}, 503: {"model": ReadinessOut, "description": "the database does not answer, or still starting"}},
)
def readyz(container: ContainerDep, response: Response):
    """200 once the API can serve (the database answers, startup done), else 503 and why."""
    body, response.status_code = readiness_body(problems(container))
    return body


@router.get(
    "/healthz",
    responses={200: {"model": HealthOut}, 503: {"model": HealthOut, "description": "the database does not answer, or still starting"}},
)
def healthz(container: ContainerDep, response: Response):
    """The seed's check, as /readyz: 200 `ok`, or 503 with the first problem."""
    found = problems(container)
    if found:
        response.status_code = status.HTTP_503_SERVICE_UNAVAILABLE
        return {"status": found[0]}
    return {"status": "ok"}


@router.get("/metrics", include_in_schema=False)
async def metrics():
    """This process's metrics in Prometheus's text format."""
    data, content_type = exposition()
    return Response(data, media_type=content_type)
