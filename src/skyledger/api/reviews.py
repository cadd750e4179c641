"""Reviews over HTTP: a claim's history, a reviewer's decision, a claim the extractor missed.

Writes need a person's token (`skyledger users add`); every review records who made
it. Reads are public unless the server runs with `serve --private`, when every /api
read needs a token too (a person's or the server's ingest token).
"""

from __future__ import annotations

import secrets
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from skyledger import review as reviewing
from skyledger.api.ingest import bearer
from skyledger.api.params import RecordId, filters
from skyledger.api.routes import as_json
from skyledger.store.queries import Filters
from skyledger.users import User, authenticate

router = APIRouter(prefix="/api")
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
UNAUTHORIZED = {"WWW-Authenticate": "Bearer"}


def person(request: Request, credentials: Credentials) -> User | None:
    """The user whose token came with the request, if any."""
    token = credentials.credentials if credentials else ""
    return authenticate(request.app.state.engine, token) if token else None


def require_reviewer(request: Request, credentials: Credentials) -> User:
    """A reviewer's or admin's token: 401 without a valid one, 403 for the ingest token,
    which belongs to no person and so cannot sign a review."""
    user = person(request, credentials)
    if user is not None:
        return user
    token = credentials.credentials if credentials else ""
    expected = request.app.state.token
    if token and expected and secrets.compare_digest(token.encode(), expected.encode()):
        raise HTTPException(403, "reviews need a person's token (skyledger users add NAME)")
    raise HTTPException(401, "a reviewer's bearer token is required", headers=UNAUTHORIZED)


def require_reader(request: Request) -> None:
    """Reads are public, unless the server is private: then any valid token. (The header
    is read by hand: a public server's schema declares no security on its reads.)"""
    if not getattr(request.app.state, "private", False):
        return
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    token = token.strip() if scheme.lower() == "bearer" else ""
    expected = request.app.state.token
    if token and expected and secrets.compare_digest(token.encode(), expected.encode()):
        return
    if not token or authenticate(request.app.state.engine, token) is None:
        raise HTTPException(401, "this ledger is private: a bearer token is required",
                            headers=UNAUTHORIZED)  # fmt: skip


Reviewer = Annotated[User, Depends(require_reviewer)]


class ReviewIn(BaseModel):
    """One decision on a claim."""

    model_config = ConfigDict(extra="forbid")

    action: Literal["confirm", "correct", "reject"]
    fields: dict[str, Any] | None = Field(
        None,
        description='For `correct`: the fields to set, e.g. {"count": 28}. '
        f"Any of: {', '.join(reviewing.FIELDS)}.",
    )
    note: Annotated[str, Field(max_length=2000)] | None = None
    version: Annotated[int, Field(ge=0)] | None = Field(
        None,
        description="The claim's `version` the reviewer looked at; a claim reviewed since "
        "answers 409 with its current values.",
    )


class AddedClaimIn(BaseModel):
    """A claim the extractor missed, with the characters of the report that state it."""

    model_config = ConfigDict(extra="forbid")

    fields: dict[str, Any] = Field(description="At least claim_type; see ReviewIn.fields.")
    span: Annotated[list[int], Field(min_length=2, max_length=2)] = Field(
        description="[start, end) of the evidence in the report's text."
    )
    note: Annotated[str, Field(max_length=2000)] | None = None


class Conflict(BaseModel):
    detail: str
    current: dict[str, Any]
    review_id: int


WRITE_RESPONSES = {
    401: {"description": "No valid reviewer token"},
    403: {"description": "A token that belongs to no person"},
    503: {"description": "The ledger cannot be written (locked, read-only, disk full)"},
}


@router.get("/reviews/queue", tags=["reviews"], summary="Unreviewed claims, most in need first")
def get_queue(
    request: Request,
    f: Annotated[Filters, Depends(filters)],
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> Response:
    """Claims nobody has reviewed, ordered by need (low confidence, in a conflict, place
    unresolved, large count, new source), each with its `reasons`; `left` counts them all."""
    items, left = reviewing.queue(request.app.state.engine, f, limit)
    return as_json({"items": items, "left": left})


@router.get("/claims/{claim_id}/reviews", tags=["reviews"], summary="A claim's review history")
def get_reviews(request: Request, claim_id: RecordId) -> dict:
    """Every review of the claim, oldest first: applied, stale and re-review ones alike,
    each with its reviewer, action, corrected fields, the extractor's values, note, time."""
    from skyledger.store import queries

    claim = queries.get_claim(request.app.state.engine, claim_id)
    if claim is None:
        raise HTTPException(404, f"claim {claim_id} not found")
    items = reviewing.history(request.app.state.engine, claim_id)
    return {
        "items": items,
        "review_status": claim["review_status"],
        "version": claim["version"],
    }


@router.post(
    "/claims/{claim_id}/reviews",
    tags=["reviews"],
    status_code=201,
    summary="Confirm, correct or reject a claim (needs a reviewer token)",
    responses={**WRITE_RESPONSES, 409: {"model": Conflict, "description": "A stale version"}},
)
async def post_review(
    request: Request, claim_id: RecordId, user: Reviewer, body: Annotated[ReviewIn, Body()]
) -> dict:
    """The review is recorded with its reviewer; the claim's effective values, its events
    and everything read from them follow at once. With `version`, a claim another
    reviewer changed meanwhile is not changed again: the review is kept in the history
    as `stale` and the answer is 409 with the claim as it now stands."""
    try:
        return await written(
            reviewing.review,
            request,
            claim_id,
            body.action,
            user.name,
            fields=body.fields,
            note=body.note,
            version=body.version,
        )
    except reviewing.StaleReview as exc:
        return JSONResponse(
            {"detail": str(exc), "current": exc.current, "review_id": exc.review_id},
            status_code=409,
        )


@router.post(
    "/reports/{report_id}/claims",
    tags=["reviews"],
    status_code=201,
    summary="Add a claim the extractor missed (needs a reviewer token)",
    responses=WRITE_RESPONSES,
)
async def post_added_claim(
    request: Request, report_id: RecordId, user: Reviewer, body: Annotated[AddedClaimIn, Body()]
) -> dict:
    """The claim joins the ledger with review_status `added`, its evidence span and its
    reviewer, and is reconciled into events like any other."""
    return await written(
        reviewing.add_claim,
        request,
        report_id,
        user.name,
        body.fields,
        (body.span[0], body.span[1]),
        note=body.note,
    )


async def written(write, request: Request, *args, **options) -> dict:
    """Run a review write off the event loop; its refusals as 404 or 422."""
    try:
        outcome = await run_in_threadpool(write, request.app.state.engine, *args, **options)
    except reviewing.ReviewError as exc:
        _refuse(exc)
    return {"review_id": outcome.review_id, "claim": outcome.claim}


def _refuse(exc: reviewing.ReviewError):
    message = str(exc)
    if message.startswith(("no claim", "no report")):
        raise HTTPException(404, message) from exc
    raise HTTPException(422, message) from exc
