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
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from skyledger.records import Report, Source
from skyledger.sources.errors import InputError
from skyledger.sources.feeds import looks_like_feed, parse_feed
from skyledger.sources.htmltext import looks_like_html, parse_html_page
from skyledger.sources.isolation import isolated
from skyledger.sources.jsonlines import parse_jsonl
from skyledger.sources.limits import MAX_FILE_BYTES, MAX_PAGE_BYTES, MAX_REPORT_BYTES, too_large
from skyledger.sources.telegram_export import parse_telegram_export
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
        yield from _folder_errors(errors, folder)
    yield from _folder_errors(errors, folder)  # the last folders listed fail after the loop


def _folder_errors(errors: list[OSError], folder: Path) -> Iterator[InputError]:
    """Folders os.walk could not list, each an error."""
    while errors:
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
    """A file's reports, each with the file as its `origin`; its kind and size are decided
    from its name, first bytes and size before anything more is read. Markup and JSON
    exports are parsed in the bounded parser process (see skyledger.sources.isolation)."""
    origin = str(path.resolve())
    for item in _read_file(path, source):
        if isinstance(item, Report) and item.origin is None:
            item.origin = origin
        yield item


def _read_file(path: Path, source: Source | None = None) -> Iterator[Report | InputError]:
    where = str(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
            kind = file_kind(path.suffix.lower(), head)
            problem = kind_problem(kind, os.fstat(handle.fileno()).st_size)
            if problem:
                yield InputError(where, problem)
                return
            if kind == "jsonl":
                handle.seek(0)  # streamed: one bounded line in memory at a time
                yield from parse_jsonl(path, handle, source)
                return
            if kind == "text":
                data = head + handle.read(MAX_REPORT_BYTES + 1 - len(head))
    except OSError as exc:
        yield InputError(where, f"cannot read: {exc.strerror or exc}")
        return
    if kind == "text":
        yield from parse_text(path, data, source)
    else:
        yield from isolated(where, parse_path, kind, path, source)


def parse_path(kind: str, path: Path, source: Source | None) -> Iterator[Report | InputError]:
    """Parse a feed, page or export file (in the parser process)."""
    try:
        with path.open("rb") as handle:
            if kind == "telegram-export":
                yield from parse_telegram_export(path, handle, source)
                return
            data = handle.read(MAX_PAGE_BYTES + 1)
    except OSError as exc:
        yield InputError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    yield from PARSERS[kind](path, data, source)


def file_kind(suffix: str, head: bytes) -> str:
    """What a file holds, by its suffix, then its first bytes: a parser's name, or why none fits."""
    if head.startswith(SQLITE_HEADER):
        return "a SQLite database (a ledger?), not a report"
    if suffix in JSONL_SUFFIXES:
        if head.startswith(UTF16_BOMS):
            return "not UTF-8 but UTF-16 (re-save the file as UTF-8)"
        return "jsonl"  # NUL bytes are judged line by line
    if b"\x00" in head and not head.startswith(UTF16_BOMS):  # UTF-16 text has NULs
        return "binary file (NUL bytes), not a report"
    sample = head[:4096].lstrip()
    if suffix == ".json":
        return "telegram-export"
    if suffix in FEED_SUFFIXES or (suffix not in HTML_SUFFIXES and looks_like_feed(sample)):
        return "feed"
    if suffix in HTML_SUFFIXES or looks_like_html(sample):
        return "html"
    if suffix in TEXT_SUFFIXES or not suffix:
        return "text"
    return f"unknown file type {suffix!r} (expected .txt, .md, .jsonl, .json, .rss, .atom, .xml, .html)"


def kind_problem(kind: str, size: int) -> str | None:
    """Why a file of this kind and size is refused unread, or None."""
    if kind not in SIZE_LIMITS:
        return kind  # file_kind's reason
    return too_large(size, SIZE_LIMITS[kind])


def parse_bytes(
    path: Path, data: bytes, source: Source | None = None
) -> Iterator[Report | InputError]:
    """A file's bytes parsed as `read_file` would, in this process."""
    kind = file_kind(path.suffix.lower(), data[:HEAD_BYTES])
    problem = kind_problem(kind, len(data))
    if problem:
        yield InputError(str(path), problem)
    elif kind in ("jsonl", "telegram-export"):
        yield from STREAM_PARSERS[kind](path, io.BytesIO(data), source)
    else:
        yield from PARSERS[kind](path, data, source)


PARSERS = {"text": parse_text, "feed": parse_feed, "html": parse_html_page}
STREAM_PARSERS = {"jsonl": parse_jsonl, "telegram-export": parse_telegram_export}
SIZE_LIMITS = {
    "text": MAX_REPORT_BYTES,
    "feed": MAX_PAGE_BYTES,
    "html": MAX_PAGE_BYTES,
    "jsonl": MAX_FILE_BYTES,  # streamed
    "telegram-export": MAX_FILE_BYTES,  # streamed
}
