from __future__ import annotations

import json
import sys

import click

from skyledger.cli import cli
from skyledger.cli.options import EXIT_USAGE, err_console
from skyledger.evaluate import (
    breakdown_mismatches,
    confidence_bands,
    describe,
    load_gold,
    match_report,
    same_claimant,
    score,
)
from skyledger.extract import extract
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
    metavar="GOLD.jsonl...",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, dir_okay=False),
)
@click.option(
    "--errors",
    is_flag=True,
    help="List missed and spurious claims, claimant disagreements and totals whose parts do "
    "not add up.",
)
@click.option(
    "--by-confidence",
    is_flag=True,
    help="Precision per confidence band, and the scores kept at each threshold.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_command(
    gold_paths: tuple[str, ...], errors: bool, by_confidence: bool, as_json: bool
) -> None:
    """Score the extractor against gold claims (precision, recall, F1, field accuracy).

    A claim matches on claim_type, weapon, admin1 and count (weapon ignored for damage
    and casualties). Several gold files are scored as one set. The last four lines
    are a compact summary.

    Example: skyledger eval corpus/dev.jsonl --errors
    """
    reports = []
    for gold_path in gold_paths:
        try:
            reports.extend(load_gold(gold_path))
        except (OSError, ValueError) as exc:
            err_console().print(f"error: {gold_path}: {exc}", markup=False)
            sys.exit(EXIT_USAGE)
    matches = []
    for report in reports:
        match = match_report(
            str(report.get("id")),
            report.get("lang"),
            report.get("claims") or [],
            system_claims(report),
        )
        matches.append(match)
    result = score(matches)
    if by_confidence:
        result["by_confidence"] = confidence_bands(matches)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    if errors:
        for match in matches:
            if not match.missed and not match.spurious:
                continue
            click.echo(f"== {match.report_id} ({match.lang})")
            for claim in match.missed:
                click.echo(f"  missed   {describe(claim)}")
            for claim in match.spurious:
                click.echo(f"  spurious {describe(claim)}")
        for match in matches:
            for total, parts in breakdown_mismatches(match):
                click.echo(
                    f"parts    {match.report_id} ({match.lang}) {describe(total)}: parts add up "
                    f"to {sum(p['count'] for p in parts)}"
                )
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


def fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"
