"""The routes' path and query parameters, bounded once (see schemas' MAX_* and the README).

Query and path values arrive as text: a whole number is written in ASCII digits ("1.0", "1e3",
" 1", "1_000" and "true" are not), and outside its bounds it is a 422 naming the parameter. A
podcast id outside the ids that can exist is, like any unknown id, a 404 (after the token check).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from fastapi import Depends, HTTPException, Path, Query, status
from pydantic import BeforeValidator

from services.api.deps import CurrentPrincipal
from services.api.schemas import MAX_ID, MAX_PAGE, MAX_PAGE_SIZE, MAX_PODCAST_ID

_WHOLE_NUMBER = re.compile(r"-?[0-9]+")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _whole_number(value: object) -> object:
    if isinstance(value, str) and not _WHOLE_NUMBER.fullmatch(value):
        raise ValueError("must be a whole number written in digits")
    return value


Digits = BeforeValidator(_whole_number)


def _iso_date(value: object) -> object:
    # pydantic would also take "0" (1970-01-01) and a whole timestamp for a date.
    if isinstance(value, str) and not _ISO_DATE.fullmatch(value):
        raise ValueError("must be a date, YYYY-MM-DD")
    return value


IsoDateText = BeforeValidator(_iso_date)


async def _podcast_id(  # async: a bounds check needs no worker thread
    principal: CurrentPrincipal,  # first: no token is a 401 whatever the id
    podcast_id: Annotated[int, Path(description=f"1 to {MAX_PODCAST_ID}; any other id is unknown (404)"), Digits],
) -> int:
    if not 1 <= podcast_id <= MAX_PODCAST_ID:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"No podcast {podcast_id}")
    return podcast_id


PodcastId = Annotated[int, Depends(_podcast_id)]
# The validator after the Query: so the bounds show in the OpenAPI schema as minimum and maximum.
Page = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"the page, 1 to {MAX_PAGE}"), Digits]
PageSize = Annotated[
    int | None, Query(ge=1, le=MAX_PAGE_SIZE, description="podcasts per page; default DAILYCAST_PAGE_SIZE"), Digits
]
UserIdFilter = Annotated[
    int | None, Query(ge=1, le=MAX_ID, description="staff only: one learner's podcasts (1 to 2^63-1)"), Digits
]
FromDate = Annotated[date | None, Query(description="podcasts of this date (YYYY-MM-DD) or later"), IsoDateText]
ToDate = Annotated[date | None, Query(description="podcasts of this date (YYYY-MM-DD) or earlier"), IsoDateText]
