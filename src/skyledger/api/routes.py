"""Read endpoints: each one calls a function of store/queries.py and returns its result."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response, StreamingResponse

from skyledger import export
from skyledger.api.params import (
    DEFAULT_PAGE,
    Cursor,
    ExportFormat,
    Limit,
    RecordId,
    filters,
    known_parameters,
)
from skyledger.store import queries
from skyledger.store.queries import Filters

router = APIRouter(prefix="/api", dependencies=[Depends(known_parameters)])
Filtered = Annotated[Filters, Depends(filters)]


def engine_of(request: Request):
    return request.app.state.engine


def as_json(data) -> Response:
    """JSON written directly: FastAPI's generic encoder costs several times the query."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=_encode)
    return Response(body, media_type="application/json")


def _encode(value):
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"cannot encode {type(value).__name__}")


def found(item: dict | None, kind: str, item_id: int) -> Response:
    if item is None:
        raise HTTPException(404, f"{kind} {item_id} not found")
    return as_json(item)


def listing(items: list[dict]) -> Response:
    return as_json({"items": items, "next": None})


@router.get("/reports", tags=["reports"], summary="Reports, newest first")
def list_reports(
    request: Request, f: Filtered, cursor: Cursor = None, limit: Limit = DEFAULT_PAGE
) -> Response:
    """Reports with a text excerpt and their number of claims. Claim filters keep reports
    that carry at least one matching claim."""
    return as_json(queries.list_reports(engine_of(request), f, cursor, limit).as_dict())


@router.get(
    "/reports/{report_id}", tags=["reports"], summary="One report with its full text and claims"
)
def get_report(request: Request, report_id: RecordId) -> Response:
    return found(queries.get_report(engine_of(request), report_id), "report", report_id)


@router.get("/claims", tags=["claims"], summary="Claims, newest first")
def list_claims(
    request: Request, f: Filtered, cursor: Cursor = None, limit: Limit = DEFAULT_PAGE
) -> Response:
    """Each claim with its claimant, type, weapon, count, area, places and `geo_precision`."""
    return as_json(queries.list_claims(engine_of(request), f, cursor, limit).as_dict())


@router.get(
    "/claims/{claim_id}", tags=["claims"], summary="One claim with its report text and evidence"
)
def get_claim(request: Request, claim_id: RecordId) -> Response:
    """`evidence` maps each field to a [start, end) span of `report.text`."""
    return found(queries.get_claim(engine_of(request), claim_id), "claim", claim_id)


@router.get("/events", tags=["events"], summary="Events, newest first")
def list_events(
    request: Request,
    f: Filtered,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_PAGE,
    conflict: Annotated[
        bool | None, Query(description="Only events whose claimants disagree (or agree).")
    ] = None,
) -> Response:
    """Claims grouped as one happening, with low/best/high counts. Time filters apply to
    the first report; claimant and q keep events with a matching claim."""
    return as_json(queries.list_events(engine_of(request), f, cursor, limit, conflict).as_dict())


@router.get("/events/{event_id}", tags=["events"], summary="One event with its claims")
def get_event(request: Request, event_id: RecordId) -> Response:
    return found(queries.get_event(engine_of(request), event_id), "event", event_id)


@router.get("/places", tags=["areas"], summary="Resolved places named by matching claims")
def list_places(
    request: Request, f: Filtered, limit: Annotated[int, Query(ge=1, le=10_000)] = 1000
) -> Response:
    """Places with coordinates, most-claimed first, with claim and claimant counts."""
    return listing(queries.places(engine_of(request), f, limit))


@router.get("/regions", tags=["areas"], summary="Claims and events per admin1 region")
def list_regions(request: Request, f: Filtered) -> Response:
    """What the dashboard's map colours: claims, claimed total, events and conflicts per region."""
    return listing(queries.regions(engine_of(request), f))


@router.get("/timeseries", tags=["areas"], summary="Claims per day, area and claimant")
def get_timeseries(
    request: Request,
    f: Filtered,
    by_area: Annotated[
        bool, Query(description="One series per area (false: areas summed).")
    ] = True,
) -> Response:
    """Days are UTC days of publication of the reports that make the claims."""
    return listing(queries.timeseries(engine_of(request), f, by_area=by_area))


@router.get("/sources", tags=["sources"], summary="Sources with their health")
def list_sources(
    request: Request, days: Annotated[int, Query(ge=1, le=366, description="Days of history.")] = 14
) -> Response:
    """Reports per source per day; `silent` is true when a source has published nothing for
    two days before the ledger's newest report."""
    return listing(queries.source_health(engine_of(request), days=days))


@router.get("/stats", tags=["stats"], summary="Totals and filter values")
def get_stats(request: Request, f: Filtered) -> Response:
    return as_json(queries.stats(engine_of(request), f))


@router.get(
    "/export",
    tags=["export"],
    summary="Matching claims as CSV, GeoJSON, JSON Lines or an ACLED-like table",
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "The file, in the media type of its format",
            "content": {
                media.split(";")[0]: {"schema": {"type": "object" if "json" in media else "string"}}
                for media, _suffix in export.MEDIA_TYPES.values()
            },
        }
    },
)
def get_export(request: Request, f: Filtered, format: ExportFormat = "csv") -> StreamingResponse:  # noqa: A002
    """The same files `skyledger export` writes; columns are documented in docs/exports.md."""
    rows = queries.iter_claims(engine_of(request), f, with_text=export.NEEDS_TEXT[format])
    media, suffix = export.MEDIA_TYPES[format]
    return StreamingResponse(
        export.render(rows, format),
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="skyledger-claims.{suffix}"'},
    )
