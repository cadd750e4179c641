"""POST /api/reports: ingest reports in the extraction contract's JSON, behind a token."""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Body, Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from skyledger.ledger import Ledger
from skyledger.records import EARLIEST_YEAR, LATEST_YEAR, Lang, Report, Source, invalid_because
from skyledger.sources import InputError
from skyledger.sources.limits import MAX_REPORT_BYTES, clean_text
from skyledger.sources.timeparse import parse_published
from skyledger.untrusted import printable
from skyledger.users import authenticate

router = APIRouter(prefix="/api")
bearer = HTTPBearer(
    auto_error=False,
    description="The token in `skyledger serve --token-file` or $SKYLEDGER_TOKEN.",
)


def published_time(value: object) -> datetime | None:
    """`published` as every file format reads it: an ISO 8601 string, UTC when no zone is
    given (numbers are refused). Its year is checked with the report's other contents."""
    return parse_published(value, check=False)[0]


def without_nul(value: object) -> object:
    return value.replace("\x00", "") if isinstance(value, str) else value


NoNul = BeforeValidator(without_nul)


class IncomingReport(BaseModel):
    """One report as `skyledger extract` reads it, plus where it came from."""

    model_config = ConfigDict(extra="ignore")

    id: Annotated[
        str | int, NoNul, Field(description="The report's id at its source (message id, URL).")
    ]
    text: Annotated[str, Field(min_length=1)]
    lang: Lang | None = None
    published: Annotated[
        datetime | None,
        BeforeValidator(published_time),
        Field(
            description=f"ISO 8601; UTC when no zone is given. A year outside {EARLIEST_YEAR}-"
            f"{LATEST_YEAR} fails the report (named in `errors`)."
        ),
    ] = None
    source_url: Annotated[str, NoNul, Field(max_length=2000)] | None = Field(
        None, description="Linked when http(s), else kept as text."
    )
    source: Annotated[
        str, NoNul, Field(min_length=1, max_length=1000, description="Source name.")
    ] = "api"
    claimant: Annotated[str, NoNul, Field(max_length=300)] | None = Field(
        None, description="Default claimant."
    )

    def to_report(self) -> Report | InputError:
        """The Report, or an InputError naming what no report may hold (the checks every
        file format passes: a text of only NUL or white space, a year out of bounds)."""
        record = printable(str(self.id), one_line=True)[:100]
        text, error = clean_text(self.text)
        if error:
            return InputError("api", f"text: {error}", record=record)
        try:
            return Report(
                source=Source(kind="api", name=self.source, claimant=self.claimant or None),
                external_id=str(self.id)[:1000] or "-",
                url=self.source_url or None,
                published=self.published,
                published_precision="datetime" if self.published else None,
                lang=self.lang,
                text=text,
            )
        except ValidationError as exc:
            reasons = invalid_because(exc)
            return InputError("api", reasons, record=record)


def require_token(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> None:
    if credentials and authenticate(request.app.state.engine, credentials.credentials):
        return  # a reviewer's or admin's own token
    expected = request.app.state.token
    if not expected:
        raise HTTPException(
            403,
            "ingest is disabled: use a reviewer's token (skyledger users add), or start "
            "the server with --token-file or SKYLEDGER_TOKEN set",
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
        503: {"description": "The ledger cannot be written (locked, read-only, disk full)"},
    },
)
def post_reports(
    request: Request, payload: Annotated[IncomingReport | list[IncomingReport], Body()]
) -> dict:
    """Extracts each report's claims, stores them and updates the events they belong to,
    as every other write does; a report already stored is skipped. A report that cannot
    be stored (a text of only NUL, a year out of bounds, an id no database holds) counts
    as failed and is named in `errors` with why; the others are stored."""
    items = payload if isinstance(payload, list) else [payload]
    for item in items:
        if len(item.text.encode("utf-8")) > MAX_REPORT_BYTES:
            raise HTTPException(413, f"report {item.id!r} is over {MAX_REPORT_BYTES} bytes")
    ledger = Ledger(engine=request.app.state.engine)
    summary = ledger.ingest_reports([item.to_report() for item in items])
    errors = [{"id": error.record, "message": error.message} for error in summary.errors]
    return {**summary.as_dict(), "report_ids": summary.report_ids, "errors": errors}
