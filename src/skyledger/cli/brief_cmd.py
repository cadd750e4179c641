from __future__ import annotations

from datetime import datetime

import click

from skyledger.brief import FORMATS, brief
from skyledger.cli import cli
from skyledger.cli.events_cmd import area_option
from skyledger.cli.options import db_option, open_ledger
from skyledger.reconcile import update_events


@cli.command("brief")
@click.option(
    "--date",
    "day",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Ledger day (YYYY-MM-DD); default: all.",
)
@area_option
@click.option(
    "--format", "fmt", type=click.Choice(sorted(FORMATS)), required=True, help="Markdown or HTML."
)
@click.option(
    "--output",
    "-o",
    type=click.File("w", encoding="utf-8"),
    default="-",
    help="File to write (default: stdout).",
)
@db_option
def brief_command(
    day: datetime | None, area: str | None, fmt: str, output, db_url: str | None
) -> None:
    """Write a briefing: who claimed what for a day and an area, every figure cited.

    Headline figures, then each region with its claimants' figures side by side
    (where they conflict, both are given), casualties and damage as claimed, and
    the claimants' Russian or Ukrainian wording; each figure is footnoted to its
    claims and their sources. Nothing in it is stated as fact.

    Example: skyledger brief --date 2025-06-02 --area RU-KLU --format md
    """
    with open_ledger(db_url, create=False) as ledger:
        update_events(ledger.engine)
        text = brief(ledger.engine, day=day.date() if day else None, area=area, fmt=fmt)
    output.write(text)
