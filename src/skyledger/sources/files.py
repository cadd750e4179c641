"""Reading paths: files and directories (recursively), each format by its own parser.

`read_paths` yields Report records and InputError records in file order; a file
that cannot be read yields an error and the walk goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from skyledger.records import Report, Source
from skyledger.sources.errors import InputError
from skyledger.sources.feeds import looks_like_feed, parse_feed
from skyledger.sources.htmltext import looks_like_html, parse_html_page
from skyledger.sources.jsonlines import parse_jsonl
from skyledger.sources.limits import MAX_FILE_BYTES
from skyledger.sources.telegram_export import is_telegram_export, parse_telegram_export
from skyledger.sources.textfile import parse_text

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
HTML_SUFFIXES = {".html", ".htm"}
SKIPPED_NAMES = {".DS_Store", "Thumbs.db"}


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Every file under the given paths, sorted, hidden files and folders skipped."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path).parts
                if child.is_file() and not any(part.startswith(".") for part in relative):
                    if child.name not in SKIPPED_NAMES:
                        yield child
        elif path.is_file():
            yield path
        elif path.exists():
            yield InputError(str(path), "not a regular file")
        else:
            yield InputError(str(path), "no such file or directory")


def read_paths(paths: Iterable[str | Path], source: Source | None = None) -> Iterator[Report | InputError]:
    for item in iter_files(paths):
        if isinstance(item, InputError):
            yield item
        else:
            yield from read_file(item, source)


def read_file(path: Path, source: Source | None = None) -> Iterator[Report | InputError]:
    where = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            yield InputError(where, f"file is {size:,} bytes, over the {MAX_FILE_BYTES:,} limit")
            return
        suffix = path.suffix.lower()
        if suffix in JSONL_SUFFIXES:
            with path.open("rb") as handle:  # streamed: one line in memory at a time
                yield from parse_jsonl(path, handle, source)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(where, f"cannot read: {exc.strerror or exc}")
        return
    yield from parse_bytes(path, data, source)


def parse_bytes(path: Path, data: bytes, source: Source | None = None) -> Iterator[Report | InputError]:
    """Pick the parser by the file's suffix, then by its first bytes."""
    suffix = path.suffix.lower()
    head = data[:4096].lstrip()
    if b"\x00" in data[:8192]:
        yield InputError(str(path), "binary file (NUL bytes), not a report")
    elif suffix == ".json":
        yield from _parse_json_document(path, data, source)
    elif suffix in FEED_SUFFIXES or (suffix not in HTML_SUFFIXES and looks_like_feed(head)):
        yield from parse_feed(path, data, source)
    elif suffix in HTML_SUFFIXES or looks_like_html(head):
        yield from parse_html_page(path, data, source)
    elif suffix in JSONL_SUFFIXES:
        yield from parse_jsonl(path, data.splitlines(), source)
    elif suffix in TEXT_SUFFIXES or not suffix:
        yield from parse_text(path, data, source)
    else:
        yield InputError(str(path), f"unknown file type {suffix!r} (expected .txt, .md, .jsonl, .json, .rss, .xml, .html)")


def _parse_json_document(path: Path, data: bytes, source: Source | None) -> Iterator[Report | InputError]:
    try:
        document = json.loads(data)
    except UnicodeDecodeError as exc:
        yield InputError(str(path), f"not UTF-8: byte at offset {exc.start}")
        return
    except json.JSONDecodeError as exc:
        yield InputError(str(path), f"invalid JSON: {exc.msg}", line=exc.lineno)
        return
    if is_telegram_export(document):
        yield from parse_telegram_export(path, document, source)
    else:
        yield InputError(str(path), "JSON file is not a Telegram Desktop export (no 'messages' list)")
