from __future__ import annotations

import json
import sys

import click

from skyledger.cli import cli
from skyledger.cli.options import EXIT_USAGE, err_console
from skyledger.evaluate import describe, load_gold, match_report, score
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
    return [claim.gold_view() for claim in claims]


@cli.command("eval")
@click.argument("gold_path", metavar="GOLD.jsonl", type=click.Path(exists=True, dir_okay=False))
@click.option("--errors", is_flag=True, help="List missed and spurious claims per report.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_command(gold_path: str, errors: bool, as_json: bool) -> None:
    """Score the extractor against gold claims (precision, recall, F1, field accuracy).

    A claim matches on claim_type, weapon, admin1 and count (weapon ignored for damage
    and casualties). The last four lines are a compact summary.

    Example: skyledger eval corpus/dev.jsonl --errors
    """
    try:
        reports = load_gold(gold_path)
    except (OSError, ValueError) as exc:
        err_console().print(f"error: {gold_path}: {exc}", markup=False)
        sys.exit(EXIT_USAGE)
    matches = []
    overshoots = {}  # report id -> totals whose listed parts add up to more than them
    for report in reports:
        system = system_claims(report)
        match = match_report(
            str(report.get("id")),
            report.get("lang"),
            report.get("claims") or [],
            system,
        )
        matches.append(match)
        overshoots[match.report_id] = (match.lang, mismatches(system))
    result = score(matches)
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
        click.echo("")
    for lang, row in result["by_lang"].items():
        click.echo(
            f"{lang}: P {row['precision']:.3f}  R {row['recall']:.3f}  F1 {row['f1']:.3f}  "
            f"({row['matched']} matched, {row['gold']} gold, {row['system']} system)"
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
