from __future__ import annotations

import click

from skyledger.cli import cli
from skyledger.cli.options import EXIT_SOME_FAILED, db_option, err_console
from skyledger.store.db import LedgerError


@cli.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port."
)
@click.option(
    "--token",
    envvar="SKYLEDGER_TOKEN",
    default=None,
    metavar="TOKEN",
    help="Bearer token that enables POST /api/reports (default: $SKYLEDGER_TOKEN; none: ingest off).",
)
def serve(db_url: str | None, host: str, port: int, token: str | None) -> None:
    """Serve the REST API, its docs (/docs) and the offline dashboard (/).

    Reads are public; ingest over HTTP needs the token.

    Example: skyledger serve --port 8000 --db sqlite:///ledger.db
    """
    import uvicorn

    from skyledger.api import create_app

    try:
        app = create_app(db_url, token=token)
    except LedgerError as exc:
        err_console().print(f"[red]error:[/red] {exc}")
        raise SystemExit(EXIT_SOME_FAILED) from exc
    click.echo(
        f"skyledger: dashboard at http://{host}:{port}/  API docs at http://{host}:{port}/docs",
        err=True,
    )
    uvicorn.run(app, host=host, port=port, log_level="info")
