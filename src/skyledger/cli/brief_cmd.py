from __future__ import annotations

from datetime import datetime

import click

from skyledger.brief import FORMATS, brief, latest_day
from skyledger.cli import cli
from skyledger.cli.events_cmd import area_option
from skyledger.cli.options import db_option, open_ledger
from skyledger.reconcile import update_events


@cli.command("brief")
@click.option(
    "--date",
    "day",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Ledger day (YYYY-MM-DD); default: the latest day with claims (in the area).",
)
@click.option("--all-days", is_flag=True, help="Every day of the ledger, undated claims included.")
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
    day: datetime | None, all_days: bool, area: str | None, fmt: str, output, db_url: str | None
) -> None:
    """Write a briefing: who claimed what for a day and an area, every figure cited.

    A lead paragraph (who claimed what, over which days, the largest figures, where
    claimants disagree), then the disagreements, then one line per day and claim with
    the claimants' figures side by side, undated claims last, with the claimants'
    Russian or Ukrainian wording; each figure is footnoted to its claims and their
    sources. Nothing in it is stated as fact. Without --date it covers the latest
    ledger day (all of an area whose claims carry no date).

    Example: skyledger brief --date 2025-06-02 --area RU-KLU --format md
    """
    if day and all_days:
        raise click.UsageError("--date and --all-days exclude each other")
    with open_ledger(db_url, create=False) as ledger:
        update_events(ledger.engine)
        chosen = day.date() if day else None if all_days else latest_day(ledger.engine, area)
        text = brief(ledger.engine, day=chosen, area=area, fmt=fmt)
    output.write(text)
