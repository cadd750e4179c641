"""POST /api/reports: ingest reports in the extraction contract's JSON, behind a token."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Body, Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field

from skyledger.ingest import ingest
from skyledger.records import Lang, Report, Source
from skyledger.sources.limits import MAX_REPORT_BYTES

router = APIRouter(prefix="/api")
bearer = HTTPBearer(
    auto_error=False,
    description="The token given to `skyledger serve --token` or $SKYLEDGER_TOKEN.",
)


class IncomingReport(BaseModel):
    """One report as `skyledger extract` reads it, plus where it came from."""

    model_config = ConfigDict(extra="ignore")

    id: Annotated[str | int, Field(description="The report's id at its source (message id, URL).")]
    text: Annotated[str, Field(min_length=1)]
    lang: Lang | None = None
    published: datetime | None = Field(None, description="ISO 8601; UTC when no zone is given.")
    source_url: Annotated[str | None, Field(max_length=2000)] = None
    source: Annotated[str, Field(min_length=1, max_length=1000, description="Source name.")] = "api"
    claimant: Annotated[str | None, Field(max_length=300, description="Default claimant.")] = None

    def to_report(self) -> Report:
        published = self.published
        if published is not None and published.tzinfo is None:
            published = published.replace(tzinfo=UTC)
        return Report(
            source=Source(
                kind="api",
                name=self.source.replace("\x00", ""),
                claimant=(self.claimant or "").replace("\x00", "") or None,
            ),
            external_id=str(self.id).replace("\x00", "")[:1000] or "-",
            url=self.source_url.replace("\x00", "") if self.source_url else None,
            published=published,
            published_precision="datetime" if published else None,
            lang=self.lang,
            text=self.text.replace("\x00", ""),
        )


def require_token(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> None:
    expected = request.app.state.token
    if not expected:
        raise HTTPException(
            403, "ingest is disabled: start the server with --token or set SKYLEDGER_TOKEN"
        )
    given = credentials.credentials if credentials else ""
    if not secrets.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(
            401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"}
        )


@router.post(
    "/reports",
    tags=["reports"],
    status_code=201,
    summary="Ingest one report or a list (needs the bearer token)",
    dependencies=[Depends(require_token)],
    responses={
        401: {"description": "Missing or wrong token"},
        403: {"description": "Ingest disabled"},
        413: {"description": "A report over 1 MB"},
        422: {"description": "Invalid report"},
        503: {"description": "The ledger cannot be written (locked, read-only, disk full)"},
    },
)
def post_reports(
    request: Request, payload: Annotated[IncomingReport | list[IncomingReport], Body()]
) -> dict:
    """Extracts each report's claims and stores them; a report already stored is skipped."""
    items = payload if isinstance(payload, list) else [payload]
    for item in items:
        if len(item.text.encode("utf-8")) > MAX_REPORT_BYTES:
            raise HTTPException(413, f"report {item.id!r} is over {MAX_REPORT_BYTES} bytes")
    try:
        reports = [item.to_report() for item in items]
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from exc
    summary = ingest(request.app.state.engine, reports)
    return {**summary.as_dict(), "report_ids": summary.report_ids}
