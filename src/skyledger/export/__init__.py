"""Exports: the claims of a ledger as CSV, GeoJSON, JSON Lines or an ACLED-like table.

`render(claims, format)` turns claim dicts (store/queries.iter_claims) into text chunks,
so the CLI writes them to a file and the API streams them. Columns: docs/exports.md.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from datetime import datetime

from skyledger.export.columns import ACLED_COLUMNS, CSV_COLUMNS, acled_row, csv_row
from skyledger.export.geometry import claim_geometry

FORMATS = ("csv", "geojson", "jsonl", "acled")
MEDIA_TYPES = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "geojson": ("application/geo+json", "geojson"),
    "jsonl": ("application/x-ndjson", "jsonl"),
    "acled": ("text/csv; charset=utf-8", "acled.csv"),
}
NEEDS_TEXT = dict.fromkeys(FORMATS, True)  # every record quotes its evidence words
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def render(claims: Iterable[dict], fmt: str) -> Iterator[str]:
    if fmt == "csv":
        return _csv(claims, CSV_COLUMNS, csv_row)
    if fmt == "acled":
        return _csv(claims, ACLED_COLUMNS, acled_row)
    if fmt == "geojson":
        return _geojson(claims)
    if fmt == "jsonl":
        return (_json(csv_row(c)) + "\n" for c in claims)
    raise ValueError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, default=_default)


def _default(value):
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"cannot export {type(value).__name__}")


def _cell(value):
    """Text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return "" if value is None else value


def _csv(claims: Iterable[dict], columns: tuple[str, ...], to_row) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for claim in claims:
        writer.writerow({key: _cell(value) for key, value in to_row(claim).items()})
        if buffer.tell() > 64 * 1024:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def geojson_feature(claim: dict) -> dict:
    geometry, _precision = claim_geometry(claim)
    return {
        "type": "Feature",
        "id": claim["id"],
        "geometry": geometry,
        "properties": csv_row(claim),
    }


def _geojson(claims: Iterable[dict]) -> Iterator[str]:
    yield '{"type":"FeatureCollection","features":[\n'
    first = True
    for claim in claims:
        yield ("" if first else ",\n") + _json(geojson_feature(claim))
        first = False
    yield "\n]}\n"
