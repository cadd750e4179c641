"""Query parameters shared by the list endpoints, declared once."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from fastapi import Path, Query

from skyledger.records import ClaimType, Weapon
from skyledger.store.queries import CURSOR_PATTERN, DEFAULT_LIMIT, MAX_ID, MAX_LIMIT, Filters

ExportFormat = Literal["csv", "geojson", "jsonl", "acled"]


def filters(
    since: Annotated[
        datetime | None,
        Query(description="Reports published at or after (ISO 8601; UTC when no zone)."),
    ] = None,
    until: Annotated[
        datetime | None, Query(description="Reports published before (ISO 8601).")
    ] = None,
    country: Annotated[
        str | None, Query(pattern="^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2, e.g. RU, UA.")
    ] = None,
    admin1: Annotated[
        str | None, Query(max_length=8, description="ISO 3166-2, e.g. RU-KLU, UA-63.")
    ] = None,
    weapon: Annotated[Weapon | None, Query()] = None,
    claim_type: Annotated[ClaimType | None, Query()] = None,
    claimant: Annotated[str | None, Query(max_length=300, description="Exact claimant.")] = None,
    q: Annotated[
        str | None,
        Query(max_length=500, description="Words that must all occur in the report text."),
    ] = None,
    undated: Annotated[
        bool | None,
        Query(
            description="Claims of reports with no known time: true keeps them in a since/until "
            "window, false leaves them out; by default a window leaves them out."
        ),
    ] = None,
) -> Filters:
    return Filters(
        since=since,
        until=until,
        country=country,
        admin1=admin1,
        weapon=weapon,
        claim_type=claim_type,
        claimant=claimant,
        q=q,
        undated=undated,
    )


Cursor = Annotated[
    str | None,
    Query(pattern=CURSOR_PATTERN, description="The `next` value of the previous page."),
]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")]
RecordId = Annotated[int, Path(ge=1, le=MAX_ID)]
DEFAULT_PAGE = DEFAULT_LIMIT
