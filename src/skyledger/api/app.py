"""The FastAPI application: JSON under /api, the offline dashboard at /, docs at /docs."""

from __future__ import annotations

import html
import os
from contextlib import asynccontextmanager
from importlib import resources

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool

from skyledger import __version__
from skyledger.api import ingest, routes
from skyledger.api.limits import BodyLimit
from skyledger.store import queries
from skyledger.store.db import LedgerError, open_engine
from skyledger.store.queries import InvalidCursor

TOKEN_ENV = "SKYLEDGER_TOKEN"
STATIC = resources.files("skyledger") / "web" / "static"

DESCRIPTION = """A ledger of claims about aerial attacks, with provenance.

Every figure is a *claim* attributed to its claimant, never a verified fact.
Reads are public; `POST /api/reports` needs a bearer token.

Contains data from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0.
Made with Natural Earth.
"""


# The page may load and call nothing but this server, and runs no inline script: report
# text that slipped into the markup could not execute.
DASHBOARD_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
}


def create_app(
    db_url: str | None = None, token: str | None = None, engine: Engine | None = None
) -> FastAPI:
    """The app over the ledger at `db_url`; `token` (or $SKYLEDGER_TOKEN) enables ingest."""
    engine = engine or open_engine(db_url)

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
    )
    app.state.engine = engine
    app.state.token = token or os.environ.get(TOKEN_ENV) or None
    app.add_middleware(BodyLimit)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(InvalidCursor, invalid_cursor)
    app.add_exception_handler(LedgerError, ledger_unavailable)
    app.include_router(routes.router)
    app.include_router(ingest.router)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    page = (STATIC / "index.html").read_text(encoding="utf-8")

    @app.get("/", include_in_schema=False)
    async def dashboard() -> HTMLResponse:
        # The newest publication time rides in the page, so the first view (the month up
        # to it) is asked for without a round trip first.
        latest = await run_in_threadpool(queries.latest_published, engine)
        stamp = html.escape(latest.isoformat()) if latest else ""
        return HTMLResponse(
            page.replace('data-latest=""', f'data-latest="{stamp}"', 1), headers=DASHBOARD_HEADERS
        )

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="skyledger API",
            swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
            swagger_ui_parameters={"validatorUrl": None},
        )

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
