from __future__ import annotations

import gc
import sys

import click

from skyledger.cli import cli
from skyledger.cli.options import (
    EXIT_SOME_FAILED,
    err_console,
    format_option,
    json_line,
    jsonl,
    print_error,
)
from skyledger.collection import fewer_collections
from skyledger.extract import extract
from skyledger.records import LANGS
from skyledger.sources.timeparse import parse_published


@cli.command("extract")
@format_option("jsonl", "table")
@click.option(
    "--min-confidence",
    type=click.FloatRange(0.0, 1.0),
    default=0.0,
    show_default=True,
    metavar="X",
    help="Print only claims whose confidence is at least X (precision for recall).",
)
def extract_command(fmt: str, min_confidence: float) -> None:
    """Extract claims from reports on stdin; print them on stdout (no ledger).

    Input: JSON Lines, one report a line: {"id", "text", "lang"?, "published"?,
    "source_url"?}. Output: one line a report, {"id", "claims": [...]}. A bad
    line gets an error on stderr naming its line; the rest goes on (exit 1).

    Example: skyledger extract --format jsonl < reports.jsonl > claims.jsonl
    """
    errors = None  # made at the first bad line: a clean run never loads the console
    failed = 0
    frozen: set = set()  # languages whose data is loaded and frozen
    fewer_collections()
    for number, raw in enumerate(sys.stdin.buffer, start=1):
        if not raw.strip():
            continue
        try:
            item = json_line(raw)
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise ValueError("expected an object with a string 'text'")
            if not isinstance(item.get("claimant"), str | None):
                raise ValueError("'claimant' must be a string or null")
            lang = item.get("lang") if item.get("lang") in LANGS else guessed_lang(item["text"])
            published, _ = parse_published(item.get("published"))
        except (ValueError, UnicodeDecodeError) as exc:
            failed += 1
            errors = errors or err_console()
            print_error(errors, f"<stdin>, line {number}: {exc}")
            continue
        claims = extract(
            item["text"], published=published, lang=lang, claimant=item.get("claimant")
        )
        if lang not in frozen:
            # the language data a language's first report loaded lives as long as the process:
            # kept out of the collector, later collections do not walk its objects again
            gc.freeze()
            frozen.add(lang)
        if min_confidence > 0:
            claims = confident(claims, min_confidence)
        if fmt == "jsonl":
            payload = {"id": item.get("id"), "claims": [claim_json(c) for c in claims]}
            sys.stdout.write(jsonl(payload) + "\n")
        else:
            for claim in claims:
                click.echo(
                    f"{item.get('id')}\t{claim.claimant}\t{claim.claim_type}\t{claim.weapon}\t"
                    f"{claim.count}\t{claim.admin1}"
                )
    sys.stdout.flush()
    if failed:
        sys.exit(EXIT_SOME_FAILED)


def confident(claims: list, threshold: float) -> list:
    """The claims at or above the threshold; a part whose total is left out stands alone."""
    kept = [c for c in claims if c.confidence >= threshold]
    ids = {c.id for c in kept}
    return [
        c if c.parent in ids or c.parent is None else c.model_copy(update={"parent": None})
        for c in kept
    ]


def claim_json(claim) -> dict:
    """A claim in the gold format's shape, with everything else it knows beside."""
    data = claim.model_dump(mode="json")
    data["places_detail"] = data["places"]
    data["places"] = [p["normal"] or p["text"] for p in data["places"]]  # as gold_view() has them
    return data


def guessed_lang(text: str) -> str | None:
    """The language of a report that names none (its detector loaded at the first such line:
    a feed that gives languages starts without it)."""
    from skyledger.sources.langid import detect_lang

    return detect_lang(text)
