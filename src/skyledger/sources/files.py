"""Reading paths: files and directories (recursively), each format by its own parser.

`read_paths` yields Report records and InputError records in file order; a file
that cannot be read yields an error and the walk goes on. While walking a
directory, hidden entries and SQLite databases with their -wal/-shm/-journal
companions (a ledger kept next to its inputs) and media files (a Telegram
export's photos) are passed over quietly; broken links, pipes and unreadable
folders are reported.
"""

from __future__ import annotations

import io
import json
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from skyledger.records import Report, Source
from skyledger.sources.errors import InputError
from skyledger.sources.feeds import looks_like_feed, parse_feed
from skyledger.sources.htmltext import looks_like_html, parse_html_page
from skyledger.sources.jsonlines import parse_jsonl
from skyledger.sources.limits import (
    MAX_FILE_BYTES,
    MAX_PAGE_BYTES,
    MAX_REPORT_BYTES,
    json_error,
    too_large,
)
from skyledger.sources.telegram_export import is_telegram_export, parse_telegram_export
from skyledger.sources.textfile import parse_text

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
HTML_SUFFIXES = {".html", ".htm"}
SKIPPED_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}
SQLITE_HEADER = b"SQLite format 3\x00"
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
HEAD_BYTES = 8192
# Files that sit beside reports but never are one (a Telegram export's media and page
# assets): passed over quietly in folders, reported when named.
MEDIA_SUFFIXES = {
    ".jpg",
    ".jpeg",
    ".png",
    ".gif",
    ".webp",
    ".heic",
    ".bmp",
    ".tif",
    ".tiff",
    ".svg",
    ".ico",
    ".mp4",
    ".mov",
    ".webm",
    ".mkv",
    ".avi",
    ".mp3",
    ".ogg",
    ".oga",
    ".opus",
    ".m4a",
    ".wav",
    ".tgs",
    ".css",
    ".js",
    ".map",
    ".woff",
    ".woff2",
    ".ttf",
}


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Every file under the given paths, sorted; what cannot be a report is skipped or reported."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        elif path.is_file():
            yield path
        else:
            yield _not_a_file(path)


def _walk(folder: Path) -> Iterator[Path | InputError]:
    errors: list[OSError] = []
    for root, dirs, names in os.walk(folder, onerror=errors.append):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            child = Path(root) / name
            if (
                name.startswith(".")
                or name in SKIPPED_NAMES
                or child.suffix.lower() in MEDIA_SUFFIXES
            ):
                continue
            if is_database_file(child):
                continue
            yield child if child.is_file() else _not_a_file(child)
        while errors:  # folders os.walk could not list
            error = errors.pop(0)
            yield InputError(
                str(error.filename or folder), f"cannot read folder: {error.strerror or error}"
            )


def _not_a_file(path: Path) -> InputError:
    if path.is_symlink() and not path.exists():
        return InputError(str(path), "broken symbolic link")
    if not path.exists():
        return InputError(str(path), "no such file or directory")
    return InputError(str(path), "not a regular file (a pipe, socket or device)")


def is_database_file(path: Path) -> bool:
    """A SQLite database or one of its companion files (never a report)."""
    name = path.name
    for suffix in SQLITE_COMPANIONS:
        if name.endswith(suffix) and path.with_name(name[: -len(suffix)]).exists():
            return True
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return False
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False  # reported when the file itself is read


def read_paths(
    paths: Iterable[str | Path], source: Source | None = None
) -> Iterator[Report | InputError]:
    for item in iter_files(paths):
        if isinstance(item, InputError):
            yield item
        else:
            yield from read_file(item, source)


def read_file(path: Path, source: Source | None = None) -> Iterator[Report | InputError]:
    where = str(path)
    suffix = path.suffix.lower()
    try:
        problem = too_large(path.stat().st_size, _size_limit(suffix))
        if problem:
            yield InputError(where, problem)
            return
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
            problem = not_a_report(head)
            if problem:
                yield InputError(where, problem)
                return
            if suffix in JSONL_SUFFIXES:
                if head.startswith(UTF16_BOMS):
                    yield InputError(where, "not UTF-8 but UTF-16 (re-save the file as UTF-8)")
                    return
                handle.seek(0)  # streamed: one bounded line in memory at a time
                yield from parse_jsonl(path, handle, source)
                return
            data = head + handle.read()
    except OSError as exc:
        yield InputError(where, f"cannot read: {exc.strerror or exc}")
        return
    yield from parse_bytes(path, data, source)


def not_a_report(head: bytes) -> str | None:
    """Why a file whose first bytes are `head` holds no report, or None."""
    if head.startswith(SQLITE_HEADER):
        return "a SQLite database (a ledger?), not a report"
    if head.startswith(UTF16_BOMS):
        return None  # UTF-16 text has NUL bytes; its parser decodes or names it
    if b"\x00" in head:
        return "binary file (NUL bytes), not a report"
    return None


def _size_limit(suffix: str) -> int:
    if suffix in TEXT_SUFFIXES:
        return MAX_REPORT_BYTES
    if suffix in FEED_SUFFIXES or suffix in HTML_SUFFIXES:
        return MAX_PAGE_BYTES
    return MAX_FILE_BYTES


def parse_bytes(
    path: Path, data: bytes, source: Source | None = None
) -> Iterator[Report | InputError]:
    """Pick the parser by the file's suffix, then by its first bytes."""
    suffix = path.suffix.lower()
    head = data[:4096].lstrip()
    problem = not_a_report(data[:HEAD_BYTES])
    if problem:
        yield InputError(str(path), problem)
    elif suffix == ".json":
        yield from _parse_json_document(path, data, source)
    elif suffix in JSONL_SUFFIXES:
        yield from parse_jsonl(path, io.BytesIO(data), source)
    elif suffix in FEED_SUFFIXES or (suffix not in HTML_SUFFIXES and looks_like_feed(head)):
        yield from parse_feed(path, data, source)
    elif suffix in HTML_SUFFIXES or looks_like_html(head):
        yield from parse_html_page(path, data, source)
    elif suffix in TEXT_SUFFIXES or not suffix:
        yield from parse_text(path, data, source)
    else:
        yield InputError(
            str(path),
            f"unknown file type {suffix!r} (expected .txt, .md, .jsonl, .json, .rss, .atom, .xml, .html)",
        )


def _parse_json_document(
    path: Path, data: bytes, source: Source | None
) -> Iterator[Report | InputError]:
    try:
        document = json.loads(data)
    except UnicodeDecodeError as exc:
        yield InputError(
            str(path),
            f"not UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start} (re-save the file as UTF-8)",
        )
        return
    except json.JSONDecodeError as exc:
        yield InputError(str(path), json_error(exc), line=exc.lineno)
        return
    except RecursionError:
        yield InputError(str(path), "invalid JSON: nested too deeply")
        return
    if is_telegram_export(document):
        yield from parse_telegram_export(path, document, source)
    else:
        yield InputError(
            str(path), "JSON file is not a Telegram Desktop export (no 'messages' or 'chats' list)"
        )
