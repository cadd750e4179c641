"""Plain text and Markdown: one report a file, identified by its absolute path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from skyledger.records import Report, Source
from skyledger.sources.errors import InputError
from skyledger.sources.limits import MAX_REPORT_BYTES, clean_text, decode_utf8, too_large


def parse_text(
    path: Path, data: bytes, source: Source | None = None
) -> Iterator[Report | InputError]:
    problem = too_large(len(data), MAX_REPORT_BYTES, "text")
    if problem:
        yield InputError(str(path), problem)
        return
    text, error = decode_utf8(data)
    if not error:
        text, error = clean_text(text)
    if error:
        yield InputError(str(path), error)
        return
    source = source or Source(kind="file", name="files")
    yield Report(source=source, external_id=str(path.resolve()), lang=source.lang, text=text)
