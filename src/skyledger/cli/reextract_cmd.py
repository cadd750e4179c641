from __future__ import annotations

import json

import click

from skyledger.cli import cli
from skyledger.cli.options import db_option, err_console, open_ledger
from skyledger.cli.progress import progress_bar
from skyledger.extract import EXTRACTOR_VERSION
from skyledger.reextract import reextract
from skyledger.untrusted import printable


@cli.command("reextract")
@db_option
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def reextract_command(db_url: str | None, dry_run: bool, as_json: bool) -> None:
    """Extract stored reports again with the current rules and show what changes.

    Prints claims added, removed and changed per claim type and region, and each
    change of claimant ("claimant  3  Russian Ministry of Defense -> ..."), and each
    review whose claim would change or vanish (kept as `needs re-review`). Without
    --dry-run the changed reports' claims are replaced (one transaction a report)
    and record the current extractor version; reviews move to the new claim with the
    same evidence span, and claims reviewers added stay.

    Example: skyledger reextract --dry-run
    """
    ledger = open_ledger(db_url, create=False)
    progress = progress_bar(err_console(), "re-extracting")
    try:
        with progress:
            result = reextract(
                ledger.engine,
                dry_run=dry_run,
                track=lambda rows: progress.track(rows, total=len(rows)),
            )
    finally:
        ledger.close()
    summary = result.summary()
    summary["extractor_version"] = EXTRACTOR_VERSION
    if as_json:
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
        return
    for label, part in (("added", "added"), ("removed", "removed"), ("changed", "changed")) + (
        ("claimant", "claimants"),
    ):
        for key, count in summary[part].items():
            click.echo(printable(f"{label:8} {count:5}  {key}", one_line=True))
    for item in summary["needs_rereview"]:
        span = "-".join(map(str, item["span"])) if item["span"] else "?"
        click.echo(
            f"needs re-review  review {item['review_id']} ({item['action']} by "
            f"{printable(item['reviewer'], one_line=True)}) of claim {item['claim_id']}, "
            f"report {item['report_id']} characters {span}: claim {item['reason']}"
        )
    verb = "would change" if dry_run else "changed"
    click.echo(
        f"{summary['reports']} reports read, {summary['reports_changed']} {verb} "
        f"(claims +{summary['claims_added']} -{summary['claims_removed']} ~{summary['claims_changed']}, "
        f"{summary['claimants_changed']} claimant(s) changed); "
        f"extractor {EXTRACTOR_VERSION}"
        + (f"; {summary['reviews_reattached']} reviews re-attached" if not dry_run else "")
        + ("; dry run, nothing written" if dry_run else "")
    )
