"""Replays: staff request chosen podcasts again, each as its next attempt (services/api/replay.py).

A resource of its own, `/api/replays/`: under `/api/podcasts/` its path would also be a podcast's.
"""

from __future__ import annotations

from fastapi import APIRouter

from services.api import podcasts as commands
from services.api import replay as replaying
from services.api.deps import ContainerDep, CurrentPrincipal, SessionDep
from services.api.responses import API, FORBIDDEN, INVALID_BODY
from services.api.schemas import REPLAY_LIMIT, ReplayIn, ReplayOut

router = APIRouter(prefix="/api/replays", tags=["podcasts"])


@router.post("/", response_model=ReplayOut, responses={**API, **FORBIDDEN, **INVALID_BODY})
def replay_podcasts(body: ReplayIn, session: SessionDep, principal: CurrentPrincipal, container: ContainerDep):
    """Staff: request the chosen podcasts again, each as its next attempt (`dailycast replay` from a shell).

    At most 1,000 a request (422 beyond: narrow the choice, or use the command)."""
    if not principal.is_staff:
        raise commands.Forbidden("only staff may replay podcasts")
    try:
        selection = replaying.Selection(tuple(body.podcast_ids), body.user_id, body.from_date, body.to_date, body.failed)
    except replaying.SelectionError as exc:
        raise commands.InvalidInput(exc.field, str(exc)) from None
    ids = replaying.chosen_ids(session, selection)
    if len(ids) > REPLAY_LIMIT:
        raise commands.InvalidInput("podcast_ids", f"{len(ids)} podcasts chosen, at most {REPLAY_LIMIT} a request")
    session.rollback()  # each replay is a transaction of its own
    if body.dry_run:
        return ReplayOut(dry_run=True, podcast_ids=ids, skipped={})
    done = replaying.replay(container.session_factory, container.schemas, principal, ids, body.fresh_learner)
    container.outbox_wakeup.notify()
    return ReplayOut(dry_run=False, podcast_ids=done.requested, skipped=done.skipped)
