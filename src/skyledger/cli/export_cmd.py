from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from skyledger import export
from skyledger.cli import cli
from skyledger.cli.options import (
    EXIT_SOME_FAILED,
    EXIT_USAGE,
    claim_filter_options,
    claim_filters,
    db_option,
    err_console,
    open_ledger,
)
from skyledger.export.gold import render_gold
from skyledger.export.paths import BASE_DIR_ENV, UnsafePath, output_path
from skyledger.store.queries import iter_claims


@cli.command("export")
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice((*export.FORMATS, "gold")),
    default="csv",
    show_default=True,
    help="gold: fully reviewed reports in the evaluation corpus format (docs/review.md).",
)
@click.option(
    "--output",
    "-o",
    "output",
    default=None,
    metavar="PATH",
    help="File to write (default: stdout).",
)
@click.option(
    "--base-dir",
    envvar=BASE_DIR_ENV,
    default=None,
    metavar="DIR",
    help=f"Keep output inside this directory (default: ${BASE_DIR_ENV}).",
)
@claim_filter_options
def export_claims(db_url, fmt, output, base_dir, **filter_values):
    """Write the ledger's claims as CSV, GeoJSON, JSON Lines or an ACLED-like table.

    `--format gold` writes reviewed reports with their effective claims, one a line, as
    an evaluation set for `skyledger eval` (filters do not apply to it).

    Columns and the ACLED mapping are described in docs/exports.md.

    Example: skyledger export --format geojson --admin1 RU-KLU -o kaluga.geojson
    """
    filters = claim_filters(**filter_values)
    target = None
    if output:
        try:
            target = output_path(output, base_dir)
        except UnsafePath as exc:
            err_console().print(f"[red]error:[/red] {exc}")
            raise SystemExit(EXIT_USAGE) from exc
    with open_ledger(db_url, create=False) as ledger:
        if fmt == "gold":
            chunks = render_gold(ledger.engine)
        else:
            chunks = export.render(
                iter_claims(ledger.engine, filters, with_text=export.NEEDS_TEXT[fmt]), fmt
            )
        try:
            if target is None:
                write_stdout(chunks)
                return
            write_file(target, chunks)
        except OSError as exc:
            where = target or "standard output"
            err_console().print(f"[red]error:[/red] cannot write {where}: {exc.strerror or exc}")
            raise SystemExit(EXIT_SOME_FAILED) from exc
    err_console().print(f"wrote {target}")


def write_stdout(chunks) -> None:
    try:
        for chunk in chunks:
            sys.stdout.write(chunk)
        sys.stdout.flush()
    except OSError:
        # Nothing more can reach stdout; without this the interpreter's last flush of it
        # fails again at exit and prints a second, unhelpful error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise


def write_file(target: Path, chunks) -> None:
    """Through a `.part` file renamed at the end, so readers never see half an export.

    A device or pipe (/dev/stdout, a FIFO) is written directly: renaming over it would
    replace the device with a file.
    """
    if target.exists() and not target.is_file():
        with target.open("w", encoding="utf-8", newline="") as handle:
            for chunk in chunks:
                handle.write(chunk)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    try:
        with partial.open("w", encoding="utf-8", newline="") as handle:
            for chunk in chunks:
                handle.write(chunk)
        partial.replace(target)
    except OSError:
        partial.unlink(missing_ok=True)  # a full disk keeps no half export
        raise
