"""The FastAPI application: JSON under /api, the offline dashboard at /, docs at /docs."""

from __future__ import annotations

import base64
import hashlib
import os
import re
from contextlib import asynccontextmanager
from importlib import resources

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from skyledger import __version__
from skyledger.api import ingest, reviews, routes
from skyledger.api.limits import BodyLimit
from skyledger.store.db import (
    LedgerError,
    bound_statements,
    condition,
    describe,
    open_engine,
    query_timeout,
    timed_out,
)
from skyledger.store.queries import InvalidCursor

TOKEN_ENV = "SKYLEDGER_TOKEN"
GZIP_FROM_BYTES = 64 * 1024
STATIC = resources.files("skyledger") / "web" / "static"

DESCRIPTION = """A ledger of claims about aerial attacks, with provenance.

Every figure is a *claim* attributed to its claimant, never a verified fact.
Reads are public (unless served `--private`); writes need a bearer token: a reviewer's
(`skyledger users add`) for reviews, a reviewer's or the server's for `POST /api/reports`.

Contains data from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0.
Made with Natural Earth.
"""


# The page may load and call nothing but this server, and runs no inline script: report
# text that slipped into the markup could not execute.
DASHBOARD_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'"
)
# JSON, CSV and the rest are never documents to render: nothing may load or frame them.
API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'"
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


def docs_page() -> tuple[bytes, str]:
    """The bundled Swagger UI page and its CSP, which allows its one inline script by hash."""
    page = get_swagger_ui_html(
        openapi_url="/openapi.json",
        title="skyledger API",
        swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
        swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
        swagger_favicon_url="/static/favicon.svg",
        swagger_ui_parameters={"validatorUrl": None},
    ).body
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"
        for script in _INLINE_SCRIPT.findall(page.decode())
    )
    return page, DASHBOARD_CSP.replace("script-src 'self'", f"script-src 'self' {hashes}")


class SecurityHeaders:
    """ASGI middleware: every response, errors and static files included, says what a
    browser may do with it (CSP, nosniff, no framing, no referrer)."""

    def __init__(self, app, policies: dict[str, str]):
        self.app = app
        self.policies = policies  # path -> its CSP; API_CSP elsewhere

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = self.policies.get(scope["path"], API_CSP)
        extra = [(b"content-security-policy", policy.encode())] + [
            (name.lower().encode(), value.encode()) for name, value in SECURITY_HEADERS.items()
        ]

        async def with_headers(message):
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                headers = list(message.get("headers", []))
                headers += [(name, value) for name, value in extra if name not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


class FieldProblem(BaseModel):
    field: str
    message: str


class Problem(BaseModel):
    """Every error answer: `detail` says what is wrong; `errors` names each invalid field."""

    detail: str
    errors: list[FieldProblem] | None = None


ERROR_RESPONSES = {
    400: {"model": Problem, "description": "A request that cannot be read"},
    404: {"model": Problem, "description": "No such record or path"},
    422: {"model": Problem, "description": "An invalid parameter or body"},
    503: {"model": Problem, "description": "The ledger cannot answer now (busy, or too slow)"},
}


def create_app(
    db_url: str | None = None,
    token: str | None = None,
    engine: Engine | None = None,
    private: bool = False,
    timeout: float | None = None,
) -> FastAPI:
    """The app over the ledger at `db_url`; `token` (or $SKYLEDGER_TOKEN) enables ingest,
    as does a reviewer's token; `private` makes reads need a token too.

    No statement runs longer than `timeout` seconds (else $SKYLEDGER_QUERY_TIMEOUT, else
    10): a request past it answers 503 and its connection goes back to the pool.
    """
    engine = engine or open_engine(db_url)
    timeout = timeout or query_timeout()
    bound_statements(engine, timeout)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        engine.dispose()

    app = FastAPI(
        title="skyledger",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
        responses=ERROR_RESPONSES,
    )
    app.state.engine = engine
    app.state.token = token or os.environ.get(TOKEN_ENV) or None
    app.state.private = private
    docs_html, docs_csp = docs_page()
    app.add_middleware(BodyLimit)
    # Large answers (a year of daily series is megabytes of JSON) travel compressed to
    # clients that accept it, about a tenth of their size; at the fastest level, as the
    # default level costs more time than it saves bytes.
    app.add_middleware(GZipMiddleware, minimum_size=GZIP_FROM_BYTES, compresslevel=1)
    app.add_middleware(SecurityHeaders, policies={"/": DASHBOARD_CSP, "/docs": docs_csp})
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(InvalidCursor, invalid_cursor)
    app.add_exception_handler(LedgerError, ledger_unavailable)
    app.add_exception_handler(DBAPIError, database_refused(timeout))
    readers = [Depends(reviews.require_reader)]
    app.include_router(routes.router, dependencies=readers)
    app.include_router(ingest.router)
    app.include_router(reviews.router, dependencies=readers)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    page = (STATIC / "index.html").read_text(encoding="utf-8")

    @app.get("/", include_in_schema=False)
    async def dashboard() -> HTMLResponse:
        # The first view is the whole ledger; a shared URL carries its own filters.
        return HTMLResponse(page)

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(docs_html)

    return app


def _location(loc) -> str:
    return ".".join(str(part) for part in loc if part not in ("query", "body", "path"))


async def validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = [
        {"field": _location(e.get("loc", ())), "message": e.get("msg", "")} for e in exc.errors()
    ]
    message = (
        "; ".join(f"{e['field'] or 'body'}: {e['message']}" for e in errors) or "invalid request"
    )
    return JSONResponse({"detail": message, "errors": errors}, status_code=422)


async def invalid_cursor(_request: Request, exc: InvalidCursor) -> JSONResponse:
    return JSONResponse(
        {"detail": f"{exc}: pass the `next` value of a previous page"}, status_code=422
    )


async def ledger_unavailable(_request: Request, exc: LedgerError) -> JSONResponse:
    """A ledger that is locked, read-only or full refuses the write; the server stays up."""
    return JSONResponse({"detail": str(exc)}, status_code=503)


def database_refused(timeout: float):
    """A statement stopped at its time limit, or a ledger that is locked, read-only or full,
    answers 503 with the reason; any other database error stays a server error."""

    async def answer(_request: Request, exc: DBAPIError) -> JSONResponse:
        if timed_out(exc):
            detail = (
                f"the query took longer than {timeout:g} s and was stopped; "
                "narrow the filters (a shorter time window, a region, a weapon) and try again"
            )
            return JSONResponse({"detail": detail}, status_code=503)
        if condition(exc):
            return JSONResponse({"detail": describe(exc)}, status_code=503)
        raise exc

    return answer
