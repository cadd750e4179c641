from __future__ import annotations

import json
import sys

import click

from skyledger.cli import cli
from skyledger.cli.options import (
    EXIT_SOME_FAILED,
    db_option,
    err_console,
    open_ledger,
    print_error,
)
from skyledger.ingest_engines import (
    ENGINES,
    EVENT_MODES,
    EngineError,
    EngineUnavailable,
    out_of_collection,
    require_engine,
    start_early,
    warm_up,
)
from skyledger.sources import read_paths

# The ledger's modules (the database layer, the terminal's progress bar) are imported in
# the command, once the workers' fork server is loading: the two overlap.

EXIT_INTERRUPTED = 130  # the shell's convention for Ctrl-C


@cli.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@db_option
@click.option("--claimant", help="Default claimant for reports whose source names nobody.")
@click.option(
    "--lang",
    type=click.Choice(["en", "ru", "uk"]),
    help="Language of inputs that do not state one (else detected).",
)
@click.option(
    "--batch-size",
    default=500,
    show_default=True,
    type=click.IntRange(1, 100_000),
    help="Reports per transaction.",
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 512),
    help="Processes extracting in parallel on this machine (with --engine dask and no "
    "--scheduler: the local cluster's workers).",
)
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default="local",
    show_default=True,
    help="Where extraction runs: processes on this machine, or a Dask cluster.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Dask scheduler (tcp://host:8786) for --engine dask; 'local' or none starts a "
    "cluster of --workers processes here.",
)
@click.option(
    "--events",
    type=click.Choice(EVENT_MODES),
    default="batch",
    show_default=True,
    help="When events are brought up to date: after each batch, for the days it touched, "
    "or once at the end (deferred: each day's events built once, for bulk loads).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON on stdout.")
def ingest(
    paths, db_url, claimant, lang, batch_size, workers, engine, scheduler, events, as_json
) -> None:
    """Read files and directories (recursively) into the ledger.

    Formats: plain text and Markdown (one report a file), JSON Lines in the
    extraction contract's format, Telegram Desktop exports (result.json),
    RSS/Atom feeds and saved HTML article pages. Ingesting the same inputs
    again stores nothing new and says so; a changed text under an id already
    stored (an edited file, a repeated JSON Lines id) is kept beside the first
    as an edit, its id followed by "@edit-<hash>". A bad input is reported on stderr
    with its file and line or record; the rest goes on and the exit code is 1.
    In folders, hidden files, SQLite databases (such as the ledger itself) and
    media files are skipped. The summary line counts what was read, stored,
    already present and failed.

    With --workers N, extraction (and geocoding) runs in N processes; with
    --engine dask, on the workers of a Dask cluster. Either way this process
    reads the inputs and writes the ledger, and the claims are the same.

    Example: skyledger ingest reports/ channel/result.json feed.xml
    """
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    try:
        require_engine(engine)
    except EngineUnavailable as exc:
        raise click.UsageError(str(exc)) from exc
    start_early(engine, workers)
    from skyledger.cli.progress import expected_reports, progress_bar
    from skyledger.ingest import with_defaults
    from skyledger.store.db import LedgerError

    errors = err_console()
    with open_ledger(db_url) as ledger:
        progress = progress_bar(errors, "ingesting")
        if engine == "local" and workers == 1:  # extraction runs in this process
            warm_up()
        else:
            out_of_collection()
        with progress:
            total = expected_reports(paths) if errors.is_terminal else None
            task = progress.add_task("ingest", total=total)
            try:
                summary = ledger.ingest_reports(
                    with_defaults(read_paths(paths), claimant=claimant, lang=lang),
                    batch_size=batch_size,
                    on_error=lambda e: print_error(errors, e),
                    on_progress=lambda n: progress.advance(task, n),
                    workers=workers,
                    engine=engine,
                    scheduler=scheduler,
                    events=events,
                )
            except (LedgerError, EngineError) as exc:  # stop; what is committed stays
                print_error(errors, exc)
                sys.exit(EXIT_SOME_FAILED)
            except KeyboardInterrupt:
                errors.print(
                    "interrupted: stored batches are kept; run the same command again to finish"
                )
                sys.exit(EXIT_INTERRUPTED)
    if as_json:
        click.echo(json.dumps(summary.as_dict()))
    else:
        click.echo(summary.line())
        if summary.nothing_new:
            click.echo("nothing new: " + _why_nothing_new(summary))
    if not summary.ok:
        sys.exit(EXIT_SOME_FAILED)


def _why_nothing_new(summary) -> str:
    if summary.present and not summary.failed:
        return "every report was already in the ledger"
    if summary.present:
        return "every readable report was already in the ledger"
    if summary.failed:
        return "no input could be read"
    return "no reports found in the given paths"
