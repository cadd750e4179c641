"""Plain text and Markdown: one report a file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from skyledger.records import Report, Source
from skyledger.sources.errors import InputError
from skyledger.sources.limits import MAX_REPORT_BYTES, decode_utf8


def parse_text(path: Path, data: bytes, source: Source | None = None) -> Iterator[Report | InputError]:
    if len(data) > MAX_REPORT_BYTES:
        yield InputError(str(path), f"text is {len(data):,} bytes; a report may be at most {MAX_REPORT_BYTES:,}")
        return
    text, error = decode_utf8(data)
    if error:
        yield InputError(str(path), error)
        return
    if not text.strip():
        yield InputError(str(path), "empty text")
        return
    source = source or Source(kind="file", name="files")
    yield Report(source=source, external_id=str(path.resolve()), text=text.strip())
