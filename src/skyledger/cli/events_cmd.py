from __future__ import annotations

import json
from datetime import date, datetime

import click
from rich.table import Table

from skyledger.cli import cli
from skyledger.cli.options import (
    cells,
    checked,
    db_option,
    format_option,
    open_ledger,
    out_console,
)
from skyledger.filter_values import check_area
from skyledger.reconcile import reports_carrying, update_events
from skyledger.reconcile.timing import bucket_day


def area_option(command):
    return click.option(
        "--area",
        callback=checked(check_area),
        metavar="CODE",
        help="Region (ISO 3166-2, e.g. RU-KLU) or country (RU).",
    )(command)


@cli.command("events")
@area_option
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="From this ledger day on (YYYY-MM-DD).",
)
@format_option("table", "json")
@db_option
def events_command(area: str | None, since: datetime | None, fmt: str, db_url: str | None) -> None:
    """Events: claims about the same happening, with the range of figures claimed.

    Each event has low, best and high counts over its claimants (best: the median
    claimant's figure, the lower one of two), `conflict` when claimants disagree,
    and its claims with who made them and which reports repeat them. Ledger days
    run from 21:00 to 21:00 Moscow time. Claims still queued are reconciled first.

    Example: skyledger events --area RU-KLU --since 2025-05-01 --format json
    """
    with open_ledger(db_url, create=False) as ledger:
        update_events(ledger.engine)
        rows = ledger.event_days(area=area, since=since.date() if since else None)
    if fmt == "json":
        click.echo(
            json.dumps(
                [event_json(row) for row in rows], ensure_ascii=False, indent=1, default=_iso
            )
        )
        return
    console = out_console()
    console.print(events_table(rows, console.width))


def event_json(row: dict) -> dict:
    data = {key: value for key, value in row.items() if key != "claims"}
    data["claims"] = [
        {
            "id": statement["claim_id"],
            "claimant": statement["claimant"],
            "count": statement["count"],
            "count_qualifier": statement["count_qualifier"],
            "killed": statement["killed"],
            "injured": statement["injured"],
            "agrees": statement["agrees"],
            "superseded": statement["superseded"],
            "parts": statement.get("parts", [statement["claim_id"]]),
            "citations": statement["citations"],
        }
        for statement in row["claims"]
    ]
    return data


def _iso(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


WIDE = 120  # columns from which every field has a column of its own


def events_table(rows: list[dict], width: int = WIDE) -> Table:
    """The events as a table; on a narrow terminal each event is one cell, so "who said
    what" keeps most of the width and wraps between words."""
    if width < WIDE:
        return narrow_events_table(rows)
    table = Table(title=f"{len(rows)} events")
    for column in ("id", "day", "claim type", "weapon", "area", "low", "best", "high", "conflict"):
        table.add_column(column, no_wrap=True)
    table.add_column("who said what", overflow="fold", min_width=20)
    for row in rows:
        day = bucket_day(row["key"])
        table.add_row(
            *cells(
                row["id"],
                day.isoformat() if day else "undated",
                row["claim_type"],
                row["weapon"] or "",
                row["admin1"] or f"{row['country'] or ''} total".strip(),
                *("" if row[k] is None else str(row[k]) for k in ("low", "best", "high")),
                "yes" if row["conflict"] else "",
                "; ".join(_said(s) for s in row["claims"]),
            )
        )
    return table


def narrow_events_table(rows: list[dict]) -> Table:
    table = Table(title=f"{len(rows)} events", show_lines=True)
    table.add_column("event", no_wrap=True)
    table.add_column("who said what", overflow="fold", ratio=1)
    for row in rows:
        day = bucket_day(row["key"])
        low, best, high = (row[k] for k in ("low", "best", "high"))
        figures = (
            "" if best is None else str(best) if low == high else f"{low}–{high} (best {best})"
        )
        event = "\n".join(
            part
            for part in (
                f"#{row['id']} {day.isoformat() if day else 'undated'}",
                f"{row['claim_type']} {row['weapon'] or ''}".strip(),
                row["admin1"] or f"{row['country'] or ''} total".strip(),
                figures,
                "conflict" if row["conflict"] else "",
            )
            if part
        )
        table.add_row(*cells(event, "\n".join(_said(s) for s in row["claims"])))
    return table


def _said(statement: dict) -> str:
    figure = statement["count"]
    if statement["killed"] is not None or statement["injured"] is not None:
        figure = f"killed {_n(statement['killed'])}, injured {_n(statement['injured'])}"
    repeats = reports_carrying(statement)
    return f"{statement['claimant_name']}: {_n(figure)}" + (f" (×{repeats})" if repeats > 1 else "")


def _n(value) -> str:
    return "?" if value is None else str(value)
