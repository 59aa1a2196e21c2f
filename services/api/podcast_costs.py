"""Each podcast attempt's cost (podcast_cost): recorded by the projector, read by staff.

PodcastRequested opens an attempt's row; ScriptReady records the writer's tokens and AudioReady
the characters billed, each priced as it comes (dailycast/costs.py) and counted in
`dailycast_estimated_cost_usd_total`. Events of an attempt older than the podcast's are recorded
too: what they cost was spent.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Row, distinct, func, select
from sqlalchemy.orm import Session

from dailycast import events as ev
from dailycast.costs import Prices, script_cost, speech_cost, usd
from dailycast.metrics import ESTIMATED_COST, Tally
from services.api.db import PodcastCost


def _opened(session: Session, e: ev.PodcastRequested, prices: Prices) -> list[Tally]:
    # An attempt is requested once, and its event applied once (processed_event): its row is new.
    session.add(PodcastCost(podcast_id=e.podcast_id, attempt=e.attempt, for_date=e.for_date))
    return []


def _script(session: Session, e: ev.ScriptReady, prices: Prices) -> list[Tally]:
    cost = session.get(PodcastCost, (e.podcast_id, e.attempt))
    if cost is None:  # requested before costs were kept
        return []
    cost.llm_provider, cost.llm_model = e.writer, e.model
    cost.input_tokens, cost.output_tokens = e.input_tokens, e.output_tokens
    cost.script_cost_micro_usd = script_cost(prices, e.writer, e.input_tokens, e.output_tokens)
    return _counted(e.writer, cost.script_cost_micro_usd)


def _speech(session: Session, e: ev.AudioReady, prices: Prices) -> list[Tally]:
    cost = session.get(PodcastCost, (e.podcast_id, e.attempt))
    if cost is None or not e.tracks:
        return []
    billed = [track.billed_characters for track in e.tracks]
    cost.tts_provider = e.tracks[0].synthesizer
    cost.speech_characters = None if None in billed else sum(billed)
    cost.speech_cost_micro_usd = speech_cost(prices, e.tracks)
    return _counted(cost.tts_provider, cost.speech_cost_micro_usd)


def _counted(provider: str, micro_usd: int | None) -> list[Tally]:
    return [] if micro_usd is None else [(ESTIMATED_COST, (provider,), usd(micro_usd))]


RECORDERS = {ev.PodcastRequested: _opened, ev.ScriptReady: _script, ev.AudioReady: _speech}


def record_cost(session: Session, event, prices: Prices) -> list[Tally]:
    """What the event says its attempt cost, into its row; what the cost counter gets for it."""
    recorder = RECORDERS.get(type(event))
    return recorder(session, event, prices) if recorder else []


def attempt_costs(session: Session, podcast_id: int) -> list[PodcastCost]:
    """Every recorded attempt of the podcast, first to last (also of a deleted podcast)."""
    return list(session.scalars(
        select(PodcastCost).where(PodcastCost.podcast_id == podcast_id).order_by(PodcastCost.attempt)))


def _sum(column):
    return func.coalesce(func.sum(column), 0).label(column.key)  # of no known values: 0, not NULL


def daily_costs(session: Session, first: date | None, last: date | None) -> list[Row]:
    """Per podcast date from `first` to `last` (each included, None: no bound) with any attempt:
    podcasts, attempts, tokens, characters and the estimates (their known parts)."""
    c = PodcastCost
    query = select(
        c.for_date, func.count(distinct(c.podcast_id)).label("podcasts"), func.count().label("attempts"),
        *(_sum(column) for column in (c.input_tokens, c.output_tokens, c.speech_characters,
                                      c.script_cost_micro_usd, c.speech_cost_micro_usd)),
    ).group_by(c.for_date).order_by(c.for_date)
    if first is not None:
        query = query.where(c.for_date >= first)
    if last is not None:
        query = query.where(c.for_date <= last)
    return list(session.execute(query))
