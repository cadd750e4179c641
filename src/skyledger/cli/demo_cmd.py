from __future__ import annotations

from collections import defaultdict
from importlib import resources
from pathlib import Path

import click
from platformdirs import user_data_dir
from rich.table import Table

from skyledger.cli import cli
from skyledger.cli.options import EXIT_SOME_FAILED, cells, err_console, open_ledger, out_console

SAMPLES = resources.files("skyledger") / "samples"


def demo_db_url() -> tuple[str, Path]:
    path = Path(user_data_dir("skyledger", appauthor=False)) / "demo.db"
    return f"sqlite:///{path}", path


@cli.command("demo")
@click.option(
    "--db",
    "db_url",
    default=None,
    metavar="URL",
    help="Ledger to fill (default: a fresh demo.db in the user data directory).",
)
def demo(db_url: str | None) -> None:
    """Ingest the bundled sample reports into a fresh ledger and show what was found.

    The samples are short reports written for skyledger in English, Russian and
    Ukrainian (ministry bulletins, governors, an air force, news), including one
    duplicate and one broken record, plus the seed report the project started from.

    Example: skyledger demo
    """
    console, errors = out_console(), err_console()
    location = None
    if db_url is None:
        db_url, location = demo_db_url()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{location}{suffix}").unlink(missing_ok=True)
    with resources.as_file(SAMPLES) as folder, open_ledger(db_url) as ledger:
        console.print(f"[bold]Ingesting the bundled samples[/bold] from {folder}")
        summary = ledger.ingest(
            [folder], on_error=lambda e: errors.print(f"  expected error: {e}", markup=False)
        )
        console.print(
            f"read {summary.read}, stored {summary.stored}, already present {summary.present}, failed {summary.failed}\n"
        )
        rows = ledger.claims()
        console.print(claims_table(rows))
        console.print(region_table(rows))
        console.print(f"\nThe ledger is at [bold]{location or db_url}[/bold]")
    db_hint = f"--db sqlite:///{location}" if location else f"--db {db_url}"
    console.print("Try next:")
    for line in (
        f"skyledger stats --json {db_hint}",
        f"skyledger events {db_hint}",
        f"skyledger brief --area RU-KLU --format md {db_hint}",
        f"skyledger serve {db_hint}",
        'echo \'{"id": 1, "text": "Air defence shot down 3 drones over Bryansk Oblast."}\' | skyledger extract',
    ):
        console.print(f"  {line}", markup=False)
    if summary.failed != 1:  # the samples hold exactly one broken record
        raise SystemExit(EXIT_SOME_FAILED)


def claims_table(rows: list[dict]) -> Table:
    table = Table(title="Claims found", show_lines=False)
    for column in ("report", "claimant", "claim type", "weapon", "count", "region", "places"):
        table.add_column(column)
    for row in rows:
        count = "" if row["count"] is None else str(row["count"])
        if row["count_qualifier"] in ("at_least", "approx"):
            count = ("≥" if row["count_qualifier"] == "at_least" else "~") + count
        if row["claim_type"] == "casualties":
            count = f"killed {_n(row['killed'])}, injured {_n(row['injured'])}"
        table.add_row(
            *cells(
                row["report_id"],
                row["claimant"] or "",
                row["claim_type"],
                row["weapon"] or "",
                count,
                row["admin1"] or row["country"] or "",
                ", ".join(p.get("normal") or p["text"] for p in row["places"]),
            )
        )
    return table


def region_table(rows: list[dict]) -> Table:
    table = Table(title="Per region: claims and the largest count each claim type reached")
    for column in (
        "region",
        "claims",
        "destroyed",
        "launched",
        "hit",
        "debris",
        "damage",
        "casualties",
    ):
        table.add_column(column)
    grouped: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        if row["admin1"]:
            grouped[row["admin1"]].append(row)
    for region in sorted(grouped):
        cells = [region, str(len(grouped[region]))]
        for kind in ("destroyed", "launched", "hit", "debris", "damage", "casualties"):
            counts = [r["count"] for r in grouped[region] if r["claim_type"] == kind]
            known = [c for c in counts if c is not None]
            cells.append(str(max(known)) if known else ("yes" if counts else ""))
        table.add_row(*cells)
    return table


def _n(value: int | None) -> str:
    return "?" if value is None else str(value)
