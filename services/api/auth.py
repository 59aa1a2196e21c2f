"""Bearer JWTs as the platform issues them: `sub` is the user id, `is_staff` marks staff."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import jwt

from dailycast.events import utcnow

ALGORITHM = "HS256"


@dataclass(frozen=True)
class Principal:
    user_id: int
    is_staff: bool = False

    def may_see(self, owner_id: int) -> bool:
        return self.is_staff or self.user_id == owner_id


class InvalidToken(Exception):
    pass


def issue_token(secret: str, user_id: int, is_staff: bool = False, ttl: timedelta = timedelta(days=7)) -> str:
    now = utcnow()
    claims = {"sub": str(user_id), "is_staff": is_staff, "iat": now, "exp": now + ttl}
    return jwt.encode(claims, secret, algorithm=ALGORITHM)


def read_token(secret: str, token: str) -> Principal:
    try:
        claims = jwt.decode(token, secret, algorithms=[ALGORITHM], options={"require": ["sub", "exp"]})
        return Principal(user_id=int(claims["sub"]), is_staff=bool(claims.get("is_staff", False)))
    except (jwt.PyJWTError, ValueError) as exc:
        raise InvalidToken(str(exc)) from exc
