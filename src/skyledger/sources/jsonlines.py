"""JSON Lines in the extraction contract's input format.

Each line: {"id": ..., "text": ..., "lang": optional, "published": optional,
"source_url": optional, "claimant": optional}. A bad line is reported with its
number and the rest of the file goes on. Lines are read with a bound, so a huge
line costs at most MAX_LINE_BYTES of memory however long it is.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from skyledger.records import LANGS, Report, Source
from skyledger.sources.errors import InputError
from skyledger.sources.limits import MAX_LINE_BYTES, clean_text, json_error, json_type, too_large
from skyledger.sources.outlets import UNNAMED, outlet_source
from skyledger.sources.timeparse import parse_published

_DRAIN_CHUNK = 1 << 20


def bounded_lines(handle: BinaryIO, limit: int = MAX_LINE_BYTES) -> Iterator[tuple[bytes, int]]:
    """(line, its size in bytes) for each line; a line over `limit` comes back empty."""
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        size = len(line)
        if size <= limit:
            yield line, size
            continue
        while not line.endswith(b"\n"):  # skip the rest of the line, chunk by chunk
            line = handle.readline(_DRAIN_CHUNK)
            if not line:
                break
            size += len(line)
        yield b"", size


def parse_jsonl(
    path: Path, handle: BinaryIO, source: Source | None = None
) -> Iterator[Report | InputError]:
    where = str(path)
    origin = str(Path(path).resolve())
    for number, (raw, size) in enumerate(bounded_lines(handle), start=1):
        problem = too_large(size, MAX_LINE_BYTES, "line")
        if problem:
            yield InputError(where, problem, line=number)
            continue
        if not raw.strip():
            continue
        if b"\x00" in raw:  # decided per line: one binary line costs only itself
            yield InputError(where, "binary data (NUL bytes), not a JSON line", line=number)
            continue
        try:
            item = json.loads(raw)
        except UnicodeDecodeError as exc:
            yield InputError(
                where,
                f"not UTF-8: byte 0x{raw[exc.start]:02x} at column {exc.start + 1}",
                line=number,
            )
            continue
        except json.JSONDecodeError as exc:
            yield InputError(where, json_error(exc), line=number)
            continue
        except RecursionError:
            yield InputError(where, "invalid JSON: nested too deeply", line=number)
            continue
        try:
            yield report_from_item(item, source=source, origin=origin)
        except ValueError as exc:
            yield InputError(where, str(exc), line=number, record=_record_id(item))


def report_from_item(
    item: object, source: Source | None = None, origin: str | None = None
) -> Report:
    """One extraction-contract object -> Report; ValueError says what is wrong.

    Its source is `source` when given, else the outlet its `source_url` names (see
    skyledger.sources.outlets); the line's `claimant` is the report's own default.
    """
    if not isinstance(item, dict):
        raise ValueError(f"expected a JSON object, got {json_type(item)}")
    missing = [key for key in ("id", "text") if item.get(key) is None]
    if missing:
        raise ValueError(f"missing field(s): {', '.join(missing)}")
    if (
        not isinstance(item["id"], str | int | float)
        or isinstance(item["id"], bool)
        or item["id"] == ""
    ):
        raise ValueError("field 'id' must be a non-empty string or a number")
    if not isinstance(item["text"], str):
        raise ValueError(f"field 'text' must be a string, not {json_type(item['text'])}")
    text, error = clean_text(item["text"])
    if error:
        raise ValueError(error)
    lang = item.get("lang")
    if lang is not None and lang not in LANGS:
        raise ValueError(f"field 'lang' must be one of {', '.join(LANGS)}, not {lang!r}")
    published, precision = parse_published(item.get("published"), source.tz if source else None)
    url = item.get("source_url") or item.get("url")
    if url is not None and not isinstance(url, str):
        raise ValueError("field 'source_url' must be a string")
    claimant = str(item["claimant"]) if item.get("claimant") else None
    source = source or outlet_source(url) or UNNAMED
    return Report(
        source=source,
        claimant=claimant,
        origin=origin,
        external_id=str(item["id"]),
        url=url or None,
        published=published,
        published_precision=precision,
        lang=lang or source.lang,
        text=text,
    )


def _record_id(item: object) -> str | None:
    if isinstance(item, dict) and isinstance(item.get("id"), str | int):
        return str(item["id"])[:100]
    return None
