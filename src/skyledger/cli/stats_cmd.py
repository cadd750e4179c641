from __future__ import annotations

import json

import click

from skyledger.cli import cli
from skyledger.cli.options import db_option, open_ledger, out_console
from skyledger.untrusted import printable


@cli.command("stats")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the counts as one JSON object.")
def stats(db_url: str | None, as_json: bool) -> None:
    """Counts of reports, claims, events and sources in the ledger.

    Claims a reviewer rejected are not counted (see `skyledger review`).

    With --json: {"reports": N, "claims": N, "events": N, "sources": N,
    "claims_by_type": {...}, "reports_by_lang": {...}}.

    Example: skyledger stats --json
    """
    with open_ledger(db_url, create=False) as ledger:
        counts = ledger.stats()
    if as_json:
        click.echo(json.dumps(counts, ensure_ascii=False))
        return
    console = out_console()
    for key, value in counts.items():
        if isinstance(value, dict):
            value = ", ".join(f"{name} {n}" for name, n in value.items()) or "-"
        console.print(printable(f"{key:>16}: {value}"), markup=False, emoji=False)
