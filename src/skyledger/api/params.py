"""Query parameters shared by the list endpoints, declared once."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from fastapi import Path, Query, Request
from fastapi.exceptions import RequestValidationError
from rapidfuzz import process

from skyledger.filter_values import (
    BadFilter,
    check_admin1,
    check_country,
    country_codes,
    region_codes,
)
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
        str | None,
        Query(
            pattern="^[A-Za-z]{2}$",
            description="ISO 3166-1 alpha-2, e.g. RU, UA.",
            json_schema_extra={"enum": country_codes()},
        ),
    ] = None,
    admin1: Annotated[
        str | None,
        Query(
            max_length=100,  # a region's name is answered with its code
            description="ISO 3166-2, e.g. RU-KLU, UA-63. Another value is refused with the "
            "nearest codes (a region's name in any language suggests its code).",
            json_schema_extra={"enum": region_codes()},
        ),
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
    # since after until is not checked here: no schema can state it, and the answer (none)
    # is then exactly what was asked for
    try:
        country, admin1 = check_country(country), check_admin1(admin1)
    except BadFilter as exc:
        raise refused(exc) from None
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


def refused(exc: BadFilter) -> RequestValidationError:
    """A 422 naming the parameter and its value, with the nearest valid values."""
    return RequestValidationError(
        [{"loc": ("query", exc.name), "msg": exc.message, "type": "value_error"}]
    )


def known_parameters(request: Request) -> None:
    """Refuse a query parameter the endpoint does not take: a misspelt filter would
    otherwise be ignored, and the answer would look like a filtered one."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    known = set(_query_names(dependant))
    unknown = [name for name in request.query_params if name not in known]
    if unknown:
        errors = [
            {
                "loc": ("query", name),
                "msg": f"unknown parameter {name!r}" + _did_you_mean(name, known),
                "type": "extra_forbidden",
            }
            for name in unknown
        ]
        raise RequestValidationError(errors)


def _query_names(dependant) -> list[str]:
    names = [param.alias for param in dependant.query_params]
    for sub in dependant.dependencies:
        names += _query_names(sub)
    return names


def _did_you_mean(name: str, known: set[str]) -> str:
    if not known:
        return "; this endpoint takes none"
    nearest = [m for m, score, _i in process.extract(name, sorted(known), limit=3) if score >= 60]
    if nearest:
        return f"; did you mean {', '.join(nearest)}?"
    return f"; it takes {', '.join(sorted(known))}"
