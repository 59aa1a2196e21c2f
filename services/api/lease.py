"""A lease in the database: one holder at a time (the scheduler of one API replica), until it expires.

The holder renews it well before it runs out; if the holder dies, another takes it once it has.
Replicas' clocks may differ a little, so for a moment two may believe they hold it: what they
do must be safe twice anyway (the scheduler's daily_request key makes it so); the lease only
keeps replicas from doing the same work at once.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import or_, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import sessionmaker

from dailycast.events import utcnow
from services.api.db import Lease


def take_lease(session_factory: sessionmaker, name: str, holder: str, ttl: timedelta) -> bool:
    """Take or renew the lease for `ttl`; False while someone else holds it."""
    now = utcnow()
    with session_factory.begin() as session:
        # On PostgreSQL a concurrent taker waits for this row and then sees it renewed: no match.
        taken = session.execute(
            update(Lease).where(Lease.name == name, or_(Lease.holder == holder, Lease.expires_at < now))
            .values(holder=holder, expires_at=now + ttl)
        ).rowcount
    if taken:
        return True
    try:
        with session_factory.begin() as session:
            session.add(Lease(name=name, holder=holder, expires_at=now + ttl))
    except IntegrityError:  # it exists and is someone else's
        return False
    return True


def give_back(session_factory: sessionmaker, name: str, holder: str) -> None:
    """End the lease now, if this holder has it, so another replica need not wait for it to expire."""
    with session_factory.begin() as session:
        session.execute(update(Lease).where(Lease.name == name, Lease.holder == holder).values(expires_at=utcnow()))
