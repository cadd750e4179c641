"""POST /api/reports: ingest reports in the extraction contract's JSON, behind a token."""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Body, Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from skyledger.ledger import Ledger
from skyledger.records import EARLIEST_YEAR, LATEST_YEAR, Lang, Report, Source
from skyledger.sources.limits import MAX_REPORT_BYTES
from skyledger.sources.timeparse import parse_published

router = APIRouter(prefix="/api")
bearer = HTTPBearer(
    auto_error=False,
    description="The token in `skyledger serve --token-file` or $SKYLEDGER_TOKEN.",
)


def published_time(value: object) -> datetime | None:
    """The same reading of `published` as every file format: an ISO 8601 string (UTC when
    no zone is given) of a year within the ledger's bounds; numbers are refused."""
    return parse_published(value)[0]


def storable_text(value: object) -> object:
    """Text without NUL characters; refused when it holds lone surrogates (no database
    stores them)."""
    if not isinstance(value, str):
        return value  # the field's type check says what is wrong
    value = value.replace("\x00", "")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError(
            f"holds invalid Unicode (a lone surrogate at character {exc.start})"
        ) from None
    return value


Storable = BeforeValidator(storable_text)


class IncomingReport(BaseModel):
    """One report as `skyledger extract` reads it, plus where it came from."""

    model_config = ConfigDict(extra="ignore")

    id: Annotated[
        str | int,
        Storable,
        Field(description="The report's id at its source (message id, URL)."),
    ]
    text: Annotated[str, Storable, Field(min_length=1, description="Not only NUL or white space.")]
    lang: Lang | None = None
    published: Annotated[
        datetime | None,
        BeforeValidator(published_time),
        Field(
            description=f"ISO 8601; UTC when no zone is given; a year from {EARLIEST_YEAR} to {LATEST_YEAR}."
        ),
    ] = None
    source_url: Annotated[str, Storable, Field(max_length=2000)] | None = Field(
        None, description="Linked when http(s), else kept as text."
    )
    source: Annotated[
        str, Storable, Field(min_length=1, max_length=1000, description="Source name.")
    ] = "api"
    claimant: Annotated[str, Storable, Field(max_length=300)] | None = Field(
        None, description="Default claimant."
    )

    @field_validator("text")
    @classmethod
    def _some_text(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("is empty (only NUL or white space)")
        return value.strip()

    def to_report(self) -> Report:
        return Report(
            source=Source(kind="api", name=self.source, claimant=self.claimant or None),
            external_id=str(self.id)[:1000] or "-",
            url=self.source_url or None,
            published=self.published,
            published_precision="datetime" if self.published else None,
            lang=self.lang,
            text=self.text,
        )


def require_token(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> None:
    expected = request.app.state.token
    if not expected:
        raise HTTPException(
            403, "ingest is disabled: start the server with --token-file or SKYLEDGER_TOKEN set"
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
    """Extracts each report's claims, stores them and updates the events they belong to,
    as every other write does; a report already stored is skipped."""
    items = payload if isinstance(payload, list) else [payload]
    for item in items:
        if len(item.text.encode("utf-8")) > MAX_REPORT_BYTES:
            raise HTTPException(413, f"report {item.id!r} is over {MAX_REPORT_BYTES} bytes")
    ledger = Ledger(engine=request.app.state.engine)
    summary = ledger.ingest_reports([item.to_report() for item in items])
    return {**summary.as_dict(), "report_ids": summary.report_ids}
