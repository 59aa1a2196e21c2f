"""Costs, for staff: what each attempt of a podcast used and is estimated to cost, and each day's sum
(services/api/podcast_costs.py). Learners see none of it (403), not even of their own podcasts."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, status

from dailycast.costs import usd
from services.api import podcasts as commands
from services.api.auth import Principal
from services.api.db import DailyPodcast, PodcastCost
from services.api.deps import CurrentPrincipal, SessionDep
from services.api.params import FromDate, PodcastId, ToDate
from services.api.podcast_costs import attempt_costs, daily_costs
from services.api.responses import API, FORBIDDEN, INVALID, NOT_FOUND
from services.api.schemas import AttemptCostOut, DayCostOut

router = APIRouter(prefix="/api", tags=["costs"])


def _staff_only(principal: Principal) -> None:
    if not principal.is_staff:
        raise commands.Forbidden("only staff may see costs")


def _usd(micro_usd: int | None) -> float | None:
    return None if micro_usd is None else usd(micro_usd)


def _attempt_out(cost: PodcastCost) -> AttemptCostOut:
    return AttemptCostOut(
        attempt=cost.attempt, for_date=cost.for_date, llm_provider=cost.llm_provider, llm_model=cost.llm_model,
        input_tokens=cost.input_tokens, output_tokens=cost.output_tokens,
        script_cost_usd=_usd(cost.script_cost_micro_usd), tts_provider=cost.tts_provider,
        speech_characters=cost.speech_characters, speech_cost_usd=_usd(cost.speech_cost_micro_usd),
        estimated_cost_usd=usd(cost.estimated_cost_micro_usd),
    )


@router.get("/costs/", response_model=list[DayCostOut], responses={**API, **FORBIDDEN, **INVALID})
def list_daily_costs(session: SessionDep, principal: CurrentPrincipal, from_date: FromDate = None,
                     to_date: ToDate = None):
    """Staff: per podcast date with any attempt, in order, what its attempts used and are estimated to cost."""
    _staff_only(principal)
    return [
        DayCostOut(
            for_date=day.for_date, podcasts=day.podcasts, attempts=day.attempts, input_tokens=day.input_tokens,
            output_tokens=day.output_tokens, speech_characters=day.speech_characters,
            script_cost_usd=usd(day.script_cost_micro_usd), speech_cost_usd=usd(day.speech_cost_micro_usd),
            estimated_cost_usd=usd(day.script_cost_micro_usd + day.speech_cost_micro_usd),
        )
        for day in daily_costs(session, from_date, to_date)
    ]


@router.get(
    "/podcasts/{podcast_id}/costs/", response_model=list[AttemptCostOut],
    responses={**API, **FORBIDDEN, **NOT_FOUND, **INVALID},
)
def get_podcast_costs(podcast_id: PodcastId, session: SessionDep, principal: CurrentPrincipal):
    """Staff: each attempt of the podcast, first to last; a deleted podcast's too."""
    _staff_only(principal)
    costs = attempt_costs(session, podcast_id)
    if not costs and session.get(DailyPodcast, podcast_id) is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"No podcast {podcast_id}")
    return [_attempt_out(cost) for cost in costs]
