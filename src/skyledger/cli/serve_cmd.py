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
    "--token-file",
    type=click.File("r", encoding="utf-8"),
    help="File whose first line is the bearer token that enables POST /api/reports "
    "(default: $SKYLEDGER_TOKEN; neither: ingest off).",
)
@click.option(
    "--private", is_flag=True, help="Reads need a token too (a reviewer's or the server's)."
)
def serve(db_url: str | None, host: str, port: int, token_file, private: bool) -> None:
    """Serve the REST API, its docs (/docs) and the offline dashboard (/).

    Reads are public unless --private; reviews need a reviewer's token (skyledger users
    add); ingest over HTTP needs a reviewer's token or the server's, read from $SKYLEDGER_TOKEN or
    --token-file, never from the command line, where every user of the machine sees it.

    Example: skyledger serve --port 8000 --token-file /etc/skyledger/token --db sqlite:///ledger.db
    """
    import uvicorn

    from skyledger.api import create_app

    token = None
    if token_file is not None:
        token = token_file.readline().strip()
        if not token:
            raise click.BadParameter("the file holds no token", param_hint="--token-file")
    try:
        app = create_app(db_url, token=token, private=private)
    except LedgerError as exc:
        err_console().print(f"[red]error:[/red] {exc}")
        raise SystemExit(EXIT_SOME_FAILED) from exc
    click.echo(
        f"skyledger: dashboard at http://{host}:{port}/  API docs at http://{host}:{port}/docs",
        err=True,
    )
    uvicorn.run(app, host=host, port=port, log_level="info")
