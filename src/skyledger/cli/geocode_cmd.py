from __future__ import annotations

import json
import sys

import click

from skyledger.cli import cli
from skyledger.cli.options import (
    EXIT_SOME_FAILED,
    err_console,
    format_option,
    json_line,
    jsonl,
    out_console,
)

OUTPUT_KEYS = ("geonameid", "name", "lat", "lon", "admin1", "precision", "candidates", "normal",
               "confidence")  # fmt: skip


@cli.command("geocode")
@format_option("jsonl", "table")
@click.option(
    "--eval", "eval_file", type=click.Path(exists=True, dir_okay=False), default=None,
    help="Score a JSON Lines test set (expected answers in each line) instead of reading stdin.",
)  # fmt: skip
def geocode_command(fmt: str, eval_file: str | None) -> None:
    """Geocode place mentions from stdin: GeoNames id, ISO 3166-2 admin1, coordinates.

    Input: JSON Lines, one mention a line: {"id", "mention", "context"?, "lang"?, "admin1"?}.
    Output: {"id", "geonameid", "name", "lat", "lon", "admin1", "precision", "candidates",
    "normal", "confidence"}, with null fields when unresolved. A bad line gets an error on
    stderr naming its line; the rest goes on (exit 1). With --eval FILE, prints the test set's
    accuracy (within 10 km) and the answers outside the stated admin1.
    Contains data from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0.

    Example: echo '{"id": 1, "mention": "над Малоярославцем", "admin1": "RU-KLU"}' | skyledger geocode
    """
    if eval_file:
        report_evaluation(eval_file, fmt)
        return
    from skyledger.geo import geocode

    errors = err_console()
    rows, failed = [], 0
    for number, raw in enumerate(sys.stdin.buffer, start=1):
        if not raw.strip():
            continue
        try:
            item = json_line(raw)
            check_item(item)
        except (ValueError, UnicodeDecodeError) as exc:
            failed += 1
            errors.print(f"error: <stdin>, line {number}: {exc}", markup=False)
            continue
        found = geocode(item["mention"], item.get("context"), item.get("lang"), item.get("admin1"))
        row = {"id": item.get("id")} | {key: found[key] for key in OUTPUT_KEYS}
        if fmt == "jsonl":
            sys.stdout.write(jsonl(row) + "\n")
        else:
            rows.append((item["mention"], row))
    if fmt == "table":
        print_table(rows)
    sys.stdout.flush()
    if failed:
        sys.exit(EXIT_SOME_FAILED)


def check_item(item) -> None:
    if not isinstance(item, dict) or not isinstance(item.get("mention"), str):
        raise ValueError("expected an object with a string 'mention'")
    for key in ("context", "lang", "admin1"):
        if item.get(key) is not None and not isinstance(item[key], str):
            raise ValueError(f"'{key}' must be a string or null")


def print_table(rows: list[tuple[str, dict]]) -> None:
    from rich.table import Table

    table = Table("id", "mention", "precision", "name", "admin1", "lat", "lon", "conf.")
    for mention, row in rows:
        table.add_row(
            str(row["id"]), mention, row["precision"], row["name"] or "", row["admin1"] or "",
            "" if row["lat"] is None else f"{row['lat']:.4f}",
            "" if row["lon"] is None else f"{row['lon']:.4f}", f"{row['confidence']:.2f}",
        )  # fmt: skip
    out_console().print(table)


def report_evaluation(path: str, fmt: str) -> None:
    from skyledger.geo.evaluate import evaluate, read_items

    summary = evaluate(read_items(path))
    if fmt == "jsonl":
        click.echo(json.dumps(summary, ensure_ascii=False))
        return
    console = out_console()
    console.print(
        f"{summary['correct']}/{summary['total']} correct ({summary['accuracy']:.1%} within 10 km "
        f"or right precision); outside the stated admin1: {summary['outside_admin1']}"
    )
    for tag, counts in summary["by_tag"].items():
        console.print(f"  {tag:>16}: {counts['correct']}/{counts['total']}")
    for row in summary["failures"]:
        got = row["got"]
        console.print(
            f"  miss {row['id']}: {row['mention']!r} -> {got['precision']} {got['name']} "
            f"{got['admin1']} ({row['distance_km'] and round(row['distance_km'], 1)} km)",
            markup=False,
        )
