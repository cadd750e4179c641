"""JSON Lines in the extraction contract's input format.

Each line: {"id": ..., "text": ..., "lang": optional, "published": optional,
"source_url": optional, "claimant": optional}. A bad line is reported with its
number and the rest of the file goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

from skyledger.records import LANGS, Report, Source
from skyledger.sources.errors import InputError
from skyledger.sources.limits import MAX_REPORT_BYTES
from skyledger.sources.timeparse import parse_published


def parse_jsonl(path: Path, lines: Iterable[bytes], source: Source | None = None) -> Iterator[Report | InputError]:
    where = str(path)
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        if len(raw) > MAX_REPORT_BYTES * 2:
            yield InputError(where, f"line is {len(raw):,} bytes; a report may be at most {MAX_REPORT_BYTES:,}", line=number)
            continue
        try:
            item = json.loads(raw)
        except UnicodeDecodeError as exc:
            yield InputError(where, f"not UTF-8: byte 0x{raw[exc.start]:02x} at column {exc.start + 1}", line=number)
            continue
        except json.JSONDecodeError as exc:
            yield InputError(where, f"invalid JSON: {exc.msg} at column {exc.colno}", line=number)
            continue
        try:
            yield report_from_item(item, default_source=source or Source(kind="jsonl", name=str(path.resolve())))
        except ValueError as exc:
            yield InputError(where, str(exc), line=number)


def report_from_item(item: object, default_source: Source) -> Report:
    """One extraction-contract object -> Report; ValueError says what is wrong."""
    if not isinstance(item, dict):
        raise ValueError(f"expected a JSON object, got {type(item).__name__}")
    missing = [key for key in ("id", "text") if item.get(key) in (None, "")]
    if missing:
        raise ValueError(f"missing field(s): {', '.join(missing)}")
    text = item["text"]
    if not isinstance(text, str):
        raise ValueError("field 'text' must be a string")
    if not text.strip():
        raise ValueError("empty text")
    if len(text.encode("utf-8")) > MAX_REPORT_BYTES:
        raise ValueError(f"text is over {MAX_REPORT_BYTES:,} bytes")
    lang = item.get("lang")
    if lang is not None and lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, not {lang!r}")
    published, precision = parse_published(item.get("published"), default_source.tz)
    url = item.get("source_url") or item.get("url")
    if url is not None and not isinstance(url, str):
        raise ValueError("field 'source_url' must be a string")
    source = default_source
    if item.get("claimant"):
        source = source.model_copy(update={"claimant": str(item["claimant"])})
    return Report(
        source=source,
        external_id=str(item["id"]),
        url=url if url and urlsplit(url).scheme in ("http", "https") else None,
        published=published,
        published_precision=precision,
        lang=lang or source.lang,
        text=text.strip(),
    )
