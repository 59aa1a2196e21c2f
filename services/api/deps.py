"""FastAPI dependencies, as Annotated aliases the routes declare."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from services.api.auth import InvalidToken, Principal, read_token
from services.api.container import ApiContainer

_bearer = HTTPBearer(auto_error=False, description="the platform's JWT (`dailycast token` in development)")


def get_container(request: Request) -> ApiContainer:
    return request.app.state.container


ContainerDep = Annotated[ApiContainer, Depends(get_container)]


def get_session(container: ContainerDep) -> Iterator[Session]:
    with container.session_factory() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


def get_principal(
    container: ContainerDep, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> Principal:
    if credentials is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Not authenticated", {"WWW-Authenticate": "Bearer"})
    try:
        return read_token(container.jwt_secret, credentials.credentials)
    except InvalidToken as exc:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED, f"Invalid token: {exc}", {"WWW-Authenticate": "Bearer"}
        ) from exc


CurrentPrincipal = Annotated[Principal, Depends(get_principal)]
