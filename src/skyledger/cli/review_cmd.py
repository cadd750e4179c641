"""`skyledger review`: the queue, one claim with its evidence, or a decision on it."""

from __future__ import annotations

import getpass
import json
import os
import re

import click
from rich.table import Table

from skyledger.cli import cli
from skyledger.cli.options import (
    EXIT_SOME_FAILED,
    EXIT_USAGE,
    cells,
    claim_filter_options,
    claim_filters,
    db_option,
    err_console,
    format_option,
    open_ledger,
    out_console,
    print_error,
)
from skyledger.review import FIELDS, ReviewError, StaleReview
from skyledger.store import queries
from skyledger.untrusted import printable

REVIEWER_ENV = "SKYLEDGER_REVIEWER"
SPAN = re.compile(r"^(\d+)[:-](\d+)$")


def parse_setting(value: str) -> tuple[str, object]:
    """`count=28` -> ("count", "28"); an empty value or `null` clears the field; places are
    separated by `;`."""
    name, sep, raw = value.partition("=")
    name = name.strip()
    if not sep or name not in FIELDS:
        raise click.BadParameter(
            f"expected FIELD=VALUE with FIELD one of {', '.join(FIELDS)}", param_hint="--set"
        )
    raw = raw.strip()
    if raw in ("", "null"):
        return name, [] if name == "places" else None
    if name == "places":
        return name, [part.strip() for part in raw.split(";") if part.strip()]
    return name, raw


@cli.command("review")
@click.argument("claim_id", metavar="[CLAIM]", type=int, required=False)
@click.option("--confirm", "action", flag_value="confirm", help="The claim is right as it stands.")
@click.option("--reject", "action", flag_value="reject", help="The report makes no such claim.")
@click.option(
    "--set",
    "settings",
    multiple=True,
    metavar="FIELD=VALUE",
    help="Correct a field (repeatable), e.g. --set count=28.",
)
@click.option("--note", help="Why, in a few words; kept with the review.")
@click.option(
    "--add",
    "add_report",
    type=int,
    metavar="REPORT",
    help="Add a claim the extractor missed to this report (needs --span and --set).",
)
@click.option("--span", metavar="START:END", help="With --add: the characters that state it.")
@click.option(
    "--report",
    "whole_report",
    type=int,
    metavar="REPORT",
    help="With --confirm: the report's claims are complete (even when it has none).",
)
@click.option(
    "--as",
    "reviewer",
    envvar=REVIEWER_ENV,
    metavar="NAME",
    help=f"Who reviews (default: ${REVIEWER_ENV}, else the login name).",
)
@click.option(
    "--version",
    "version",
    type=int,
    help="The claim's version you looked at: refused if it changed meanwhile.",
)
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 1000))
@claim_filter_options
@format_option("table", "json")
@db_option
def review_command(
    claim_id, action, settings, note, add_report, span, whole_report, reviewer, version, limit,
    fmt, db_url, **filter_values,
) -> None:  # fmt: skip
    """Review claims: the queue, one claim with its evidence, or a decision on it.

    Without CLAIM: unreviewed claims, those that most need eyes first (low confidence,
    in a conflict, place unresolved, large counts, new sources), and how many are left.
    With CLAIM alone: the claim, its evidence in the report and its review history.
    With --confirm, --reject or --set: the decision, recorded with its reviewer; the
    claim's effective values (the extractor's and the latest review's) are used from
    then on by events, exports, briefings and the API. Nothing is overwritten.

    Example: skyledger review 42 --set count=28 --note "the governor's post says 28"
    """
    fields = dict(parse_setting(item) for item in settings)
    filters = claim_filters(**filter_values)
    if fields and action:
        raise click.UsageError("--set corrects the claim; give it without --confirm/--reject")
    if fields and not action:
        action = "correct"
    who = reviewer or _login()
    # every review names a claim or report of an existing ledger: a mistyped --db is an error
    with open_ledger(db_url, create=False) as ledger:
        try:
            if whole_report is not None:
                if action != "confirm" or claim_id is not None:
                    raise click.UsageError("--report REPORT goes with --confirm alone")
                review_id = ledger.confirm_report(whole_report, who, note)
                click.echo(f"report {whole_report} confirmed complete (review {review_id})")
                return
            if add_report is not None:
                outcome = ledger.add_claim(add_report, who, fields, _span(span), note=note)
                return _show_outcome(outcome, "added", fmt)
            if claim_id is None:
                if action:
                    raise click.UsageError("name the CLAIM to --confirm or --reject")
                return _show_queue(ledger, filters, limit, fmt)
            if action is None:
                return _show_claim(ledger, claim_id, fmt)
            outcome = ledger.review(
                claim_id, action, who, fields=fields or None, note=note, version=version
            )
        except ReviewError as exc:
            print_error(err_console(), exc)
            raise SystemExit(EXIT_USAGE) from exc
        except StaleReview as exc:
            print_error(err_console(), f"{exc}; kept in the history as stale, not applied")
            click.echo(json.dumps(exc.current, ensure_ascii=False, indent=1))
            raise SystemExit(EXIT_SOME_FAILED) from exc
    _show_outcome(outcome, STATUS_WORDS[action], fmt)


STATUS_WORDS = {"confirm": "confirmed", "correct": "corrected", "reject": "rejected"}


def _login() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return os.environ.get("USER") or "unknown"


def _span(value: str | None) -> tuple[int, int]:
    match = SPAN.match(value or "")
    if not match:
        raise click.BadParameter("give the evidence as START:END characters", param_hint="--span")
    return int(match[1]), int(match[2])


def _show_outcome(outcome, done: str, fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps({"review_id": outcome.review_id, "claim": outcome.claim}))
        return
    claim = outcome.claim
    click.echo(
        printable(
            f"claim {claim['id']} {done} (version {claim['version']}): "
            f"{claim['claimant'] or 'unattributed'}, {claim['claim_type']} "
            f"{claim['weapon'] or ''} count={claim['count']} admin1={claim['admin1']}",
            one_line=True,
        )
    )


def _show_queue(ledger, filters, limit: int, fmt: str) -> None:
    items, left = ledger.review_queue(filters, limit)
    if fmt == "json":
        click.echo(
            json.dumps(
                {"left": left, "items": [_queue_json(i) for i in items]},
                ensure_ascii=False,
                default=str,
            )
        )
        return
    table = Table("claim", "needs", "claimant", "type", "weapon", "count", "area", "evidence")
    for item in items:
        table.add_row(
            *cells(
                item["id"],
                ", ".join(item["reasons"]),
                item["claimant"] or "-",
                item["claim_type"],
                item["weapon"] or "-",
                "-" if item["count"] is None else item["count"],
                item["admin1"] or item["country"] or "-",
                _quote(ledger, item),
            )
        )
    console = out_console()
    console.print(table)
    console.print(f"{left} claim{'s' if left != 1 else ''} left to review")


def _queue_json(item: dict) -> dict:
    keep = ("id", "report_id", "claimant", "claim_type", "weapon", "count", "admin1", "country")
    return {
        **{k: item[k] for k in keep},
        "confidence": item["confidence"],
        "reasons": item["reasons"],
    }


def _quote(ledger, item: dict) -> str:
    claim = queries.get_claim(ledger.engine, item["id"])
    span = (claim["evidence"] or {}).get("claim")
    if not span:
        return ""
    return " ".join(claim["report"]["text"][span[0] : span[1]].split())[:120]


def _show_claim(ledger, claim_id: int, fmt: str) -> None:
    claim = queries.get_claim(ledger.engine, claim_id)
    if claim is None:
        print_error(err_console(), f"no claim {claim_id}")
        raise SystemExit(EXIT_USAGE)
    history = ledger.reviews(claim_id)
    if fmt == "json":
        claim.pop("report")
        click.echo(
            json.dumps({"claim": claim, "reviews": history}, ensure_ascii=False, default=str)
        )
        return
    console = out_console()
    text = claim["report"]["text"]
    start, end = (claim["evidence"] or {}).get("claim") or (0, 0)
    console.print(
        printable(
            f"claim {claim_id} ({claim['review_status']}, version {claim['version']}) "
            f"from report {claim['report_id']} ({claim['source']})",
            one_line=True,
        ),
        markup=False,
    )
    for name in FIELDS:
        if name != "places":
            console.print(printable(f"  {name}: {claim[name]}", one_line=True), markup=False)
    before = printable(text[max(0, start - 200) : start])
    console.print(before, markup=False, end="")
    console.print(printable(text[start:end]), style="bold reverse", markup=False, end="")
    console.print(printable(text[end : end + 200]), markup=False)
    for item in history:
        console.print(
            printable(
                f"  {item['created']} {item['reviewer']} {item['action']} {item['status']}"
                f" {json.dumps(item['fields'], ensure_ascii=False)} {item['note'] or ''}",
                one_line=True,
            ),
            markup=False,
        )
