from __future__ import annotations

import json
import sys

import click

from skyledger.cli import cli
from skyledger.cli.options import (
    EXIT_SOME_FAILED,
    EXIT_USAGE,
    db_option,
    err_console,
    open_ledger,
    print_error,
)
from skyledger.evaluate import (
    confidence_bands,
    describe,
    load_gold,
    match_report,
    same_claimant,
    score,
)
from skyledger.export.gold import reviewed_reports
from skyledger.extract import extract
from skyledger.extract.breakdown import mismatches
from skyledger.sources.timeparse import parse_published


def system_claims(report: dict) -> list[dict]:
    """Extract a gold report's text the way `skyledger extract` would."""
    try:
        published, _ = parse_published(report.get("published"))
    except ValueError:
        published = None
    claims = extract(report.get("text") or "", published=published, lang=report.get("lang"))
    return [
        {
            **claim.gold_view(),
            "confidence": claim.confidence,
            "id": claim.id,
            "parent": claim.parent,
        }
        for claim in claims
    ]


@cli.command("eval")
@click.argument(
    "gold_paths",
    metavar="[GOLD.jsonl]...",
    nargs=-1,
    required=False,
    type=click.Path(dir_okay=False),
)
@click.option(
    "--errors",
    is_flag=True,
    help="List missed and spurious claims, claimant disagreements and totals whose listed "
    "parts add up to more than them.",
)
@click.option(
    "--by-confidence",
    is_flag=True,
    help="Precision per confidence band, and the scores kept at each threshold.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option(
    "--since-review",
    is_flag=True,
    help="Score against the ledger's reviewed reports (what `export --format gold` writes).",
)
@click.option(
    "--system",
    "system_path",
    metavar="FILE.jsonl",
    type=click.Path(dir_okay=False),
    help="Score the claims in this file (same format, same report ids), not the extractor.",
)
@db_option
def eval_command(
    gold_paths: tuple[str, ...],
    errors: bool,
    by_confidence: bool,
    as_json: bool,
    since_review: bool,
    system_path: str | None,
    db_url: str | None,
) -> None:
    """Score the extractor against gold claims (precision, recall, F1, field accuracy).

    A claim matches on claim_type, weapon, admin1 and count (weapon ignored for damage
    and casualties). Several gold files are scored as one set. The last four lines
    are a compact summary. With --since-review the gold is what reviewers made of the
    ledger's reports: how the current extractor does on what people confirmed and
    corrected.

    Example: skyledger eval corpus/dev.jsonl --errors
    """
    if bool(gold_paths) == since_review:
        raise click.UsageError("give GOLD.jsonl or --since-review (one of them)")
    if since_review:
        with open_ledger(db_url, create=False) as ledger:
            reports = list(reviewed_reports(ledger.engine))
        if not reports:
            # scores over nothing would read as a perfect 1.000
            print_error(
                err_console(),
                "no fully reviewed report yet: review every claim of a report, or confirm "
                "a report that claims nothing with `skyledger review --confirm --report N`",
            )
            raise SystemExit(EXIT_SOME_FAILED)
    else:
        reports = [report for path in gold_paths for report in read_gold(path)]
    systems = None
    if system_path is not None:
        systems = {str(r.get("id")): r.get("claims") or [] for r in read_gold(system_path)}
    matches = []
    overshoots = {}  # report id -> totals whose listed parts add up to more than them
    for report in reports:
        rid = str(report.get("id"))
        system = system_claims(report) if systems is None else systems.get(rid, [])
        match = match_report(
            str(report.get("id")),
            report.get("lang"),
            report.get("claims") or [],
            system,
        )
        matches.append(match)
        overshoots[match.report_id] = (match.lang, mismatches(system))
    result = score(matches)
    if by_confidence:
        result["by_confidence"] = confidence_bands(matches)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    if errors:
        for report_id, (lang, found) in overshoots.items():
            for total, parts, added in found:
                click.echo(
                    f"parts {report_id} ({lang}) {describe(total)}: "
                    f"{len(parts)} parts listed after it add up to {added}"
                )
        for match in matches:
            if not match.missed and not match.spurious:
                continue
            click.echo(f"== {match.report_id} ({match.lang})")
            for claim in match.missed:
                click.echo(f"  missed   {describe(claim)}")
            for claim in match.spurious:
                click.echo(f"  spurious {describe(claim)}")
        for match in matches:
            for gold, system in match.matched:
                if not same_claimant(gold.get("claimant"), system.get("claimant")):
                    click.echo(
                        f"claimant {match.report_id} ({match.lang}) {describe(gold)} "
                        f"-> system [{system.get('claimant')}]"
                    )
        click.echo("")
    if by_confidence:
        for row in result["by_confidence"]:
            click.echo(
                f"confidence {row['band']}: precision {fmt(row['precision'])} "
                f"({row['matched']} of {row['system']})  kept at >= {row['band'][:4]}: "
                f"P {row['kept']['precision']:.3f}  R {row['kept']['recall']:.3f}  "
                f"F1 {row['kept']['f1']:.3f}"
            )
    for lang, row in result["by_lang"].items():
        click.echo(
            f"{lang}: P {row['precision']:.3f}  R {row['recall']:.3f}  F1 {row['f1']:.3f}  "
            f"({row['matched']} matched, {row['gold']} gold, {row['system']} system)"
        )
    click.echo(
        f"claimant agreement on matched claims: {fmt(result['claimant_agreement'])}  ("
        + "  ".join(f"{lang} {fmt(v)}" for lang, v in result["claimant_by_lang"].items())
        + ")"
    )
    row = result["overall"]
    click.echo(f"reports {len(reports)}, gold claims {row['gold']}, system claims {row['system']}")
    click.echo(f"overall: P {row['precision']:.3f}  R {row['recall']:.3f}  F1 {row['f1']:.3f}")
    click.echo(
        "field accuracy: count "
        f"{fmt(result['count_accuracy'])}  admin1 {fmt(result['admin1_accuracy'])}  "
        f"casualties {fmt(result['casualty_accuracy'])}  (over {result['aligned']} aligned)"
    )
    click.echo(
        "per language F1: "
        + "  ".join(f"{lang} {row['f1']:.3f}" for lang, row in result["by_lang"].items())
    )


def read_gold(path: str) -> list[dict]:
    try:
        return load_gold(path)
    except (OSError, ValueError) as exc:
        err_console().print(f"error: {path}: {exc}", markup=False)
        sys.exit(EXIT_USAGE)


def fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"
