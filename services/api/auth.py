"""Bearer JWTs as the platform issues them: `sub` is the user id, `is_staff` marks staff.

Claims are read strictly: `sub` is a user id (a decimal string, as RFC 7519 has it, or a JSON
integer) from 1 to MAX_ID, `is_staff` a JSON boolean; `aud` and `iss` are required and checked when
configured. Anything else is an InvalidToken (401), never a server error.

The platform's services may instead hold a service token (DAILYCAST_PLATFORM_EVENTS_TOKEN), a
shared secret that lets them post platform events and nothing else (`is_service_token`).

A client sends the same token with every request, and checking its signature and claims costs
more than a whole cached read: `TokenReader` keeps the principals of tokens it has verified
(never a refusal) and checks only their expiry again at each use.
"""

from __future__ import annotations

import hmac
import re
import time
from collections import OrderedDict
from dataclasses import dataclass
from datetime import timedelta

import jwt
from pydantic import SecretStr

from dailycast.events import utcnow
from services.api.schemas import MAX_ID

ALGORITHM = "HS256"
_DECIMAL = re.compile(r"[1-9][0-9]*")  # ASCII digits only, no sign, space or leading zero


@dataclass(frozen=True)
class Principal:
    user_id: int
    is_staff: bool = False

    def may_see(self, owner_id: int) -> bool:
        return self.is_staff or self.user_id == owner_id


class InvalidToken(Exception):
    pass


def _is_user_id(value: object) -> bool:
    return type(value) is int and 1 <= value <= MAX_ID


def issue_token(
    secret: str,
    user_id: int,
    is_staff: bool = False,
    ttl: timedelta = timedelta(days=7),
    *,
    audience: str | None = None,
    issuer: str | None = None,
) -> str:
    """A token read_token accepts; give the configured audience and issuer (ApiSettings.jwt_*)."""
    if not _is_user_id(user_id):
        raise ValueError(f"user id must be a whole number from 1 to {MAX_ID}")
    if not isinstance(is_staff, bool):
        raise ValueError("is_staff must be a boolean")
    now = utcnow()
    claims = {"sub": str(user_id), "is_staff": is_staff, "iat": now, "exp": now + ttl}
    if audience:
        claims["aud"] = audience
    if issuer:
        claims["iss"] = issuer
    return jwt.encode(claims, secret, algorithm=ALGORITHM)


def _user_id(sub: object) -> int:
    if isinstance(sub, str) and len(sub) <= len(str(MAX_ID)) and _DECIMAL.fullmatch(sub):
        sub = int(sub)
    if not _is_user_id(sub):
        raise InvalidToken(f"sub must be a user id, a whole number from 1 to {MAX_ID}")
    return sub


def read_token(secret: str, token: str, *, audience: str | None = None, issuer: str | None = None) -> Principal:
    return _verified(secret, token, audience, issuer)[0]


def _verified(secret: str, token: str, audience: str | None, issuer: str | None) -> tuple[Principal, float]:
    """The token's principal and its expiry (seconds since the epoch)."""
    required = ["sub", "exp"] + (["aud"] if audience else []) + (["iss"] if issuer else [])
    # `sub` is checked below, more strictly (PyJWT would refuse a JSON integer and accept "0" or " 1").
    options = {"require": required, "verify_sub": False}
    try:
        claims = jwt.decode(
            token, secret, algorithms=[ALGORITHM], audience=audience or None, issuer=issuer or None, options=options
        )
    except (jwt.PyJWTError, ValueError, TypeError, OverflowError) as exc:
        raise InvalidToken(str(exc)) from exc
    is_staff = claims.get("is_staff", False)
    if not isinstance(is_staff, bool):
        raise InvalidToken("is_staff must be true or false")
    return Principal(user_id=_user_id(claims.get("sub")), is_staff=is_staff), float(claims["exp"])


def is_service_token(configured: SecretStr | None, presented: str) -> bool:
    """The configured service token, compared in constant time: how long a refusal takes says
    nothing of how much of a guess was right."""
    return configured is not None and hmac.compare_digest(configured.get_secret_value().encode(), presented.encode())


class TokenReader:
    """read_token for one secret, audience and issuer, remembering up to `size` verified tokens
    (least recently used out first) until they expire."""

    def __init__(self, secret: str, *, audience: str | None = None, issuer: str | None = None, size: int = 10_000):
        self._check = (secret, audience, issuer)
        self._size = size
        self._known: OrderedDict[str, tuple[Principal, float]] = OrderedDict()

    def read(self, token: str) -> Principal:
        known = self._known.get(token)
        if known is None:
            known = self._known[token] = _verified(self._check[0], token, *self._check[1:])
            if len(self._known) > self._size:
                self._known.popitem(last=False)
        else:
            self._known.move_to_end(token)
        principal, expires = known
        if time.time() >= expires:  # PyJWT's rule: expired at `exp` itself
            del self._known[token]
            raise InvalidToken("Signature has expired")
        return principal
