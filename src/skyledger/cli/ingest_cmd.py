from __future__ import annotations

import json
import sys

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from skyledger.cli import cli
from skyledger.cli.options import EXIT_SOME_FAILED, db_option, err_console, open_ledger
from skyledger.records import Source
from skyledger.store.db import LedgerError


@cli.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@db_option
@click.option("--claimant", help="Default claimant for reports whose text names nobody.")
@click.option("--lang", type=click.Choice(["en", "ru", "uk"]), help="Language of every input (else detected).")
@click.option("--batch-size", default=500, show_default=True, type=click.IntRange(1, 100_000), help="Reports per transaction.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON on stdout.")
def ingest(paths, db_url, claimant, lang, batch_size, as_json) -> None:
    """Read files and directories (recursively) into the ledger.

    Formats: plain text and Markdown (one report a file), JSON Lines in the
    extraction contract's format, Telegram Desktop exports (result.json),
    RSS/Atom feeds and saved HTML article pages. Ingesting the same inputs again
    stores nothing new. A bad input is reported with its file and line; the rest
    goes on and the exit code is 1.

    Example: skyledger ingest reports/ channel/result.json feed.xml
    """
    errors = err_console()
    source = None
    if claimant or lang:
        source = Source(kind="file", name="files", claimant=claimant, lang=lang)
    with open_ledger(db_url) as ledger:
        progress = Progress(
            TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=errors, transient=True, disable=not errors.is_terminal,
        )
        with progress:
            task = progress.add_task("ingest", total=None)
            try:
                summary = ledger.ingest(
                    paths,
                    source=source,
                    batch_size=batch_size,
                    on_error=lambda e: errors.print(f"[red]error:[/red] {e}", markup=True, highlight=False),
                    on_progress=lambda n: progress.advance(task, n),
                )
            except LedgerError as exc:
                errors.print(f"[red]error:[/red] {exc}")
                sys.exit(EXIT_SOME_FAILED)
    line = (
        f"read {summary.read}, stored {summary.stored}, already present {summary.present}, "
        f"failed {summary.failed}; {summary.claims} claims"
    )
    if as_json:
        click.echo(json.dumps(summary.as_dict()))
    else:
        click.echo(line)
        if summary.read and not summary.stored and not summary.failed:
            click.echo("nothing new: every report was already in the ledger")
    if not summary.ok:
        sys.exit(EXIT_SOME_FAILED)
