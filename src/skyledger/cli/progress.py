"""Progress on a terminal: a bar with the total and the time left when the total is known
before the work starts, else a count and the time spent."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from skyledger.sources.files import HEAD_BYTES, file_kind, iter_files

LINE_CHUNK = 1 << 20


def progress_bar(console: Console, label: str) -> Progress:
    return Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("left"),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )


def expected_reports(paths: Iterable[str | Path]) -> int | None:
    """How many reports the inputs hold, when that is known without parsing them: a text
    file is one, a JSON Lines file one a non-blank line. None when any input is a feed,
    page or export (their reports are counted only as they are parsed)."""
    total = 0
    for item in iter_files(paths):
        if not isinstance(item, Path):
            continue  # an input that fails is no report
        try:
            with item.open("rb") as handle:
                kind = file_kind(item.suffix.lower(), handle.read(HEAD_BYTES))
                if kind == "text":
                    total += 1
                elif kind == "jsonl":
                    handle.seek(0)
                    total += _lines(handle)
                else:
                    return None
        except OSError:
            continue
    return total


def _lines(handle) -> int:
    """Non-blank lines, read in chunks (a large file is never held whole)."""
    count, pending = 0, b""
    while chunk := handle.read(LINE_CHUNK):
        lines = (pending + chunk).split(b"\n")
        pending = lines.pop()
        count += sum(1 for line in lines if line.strip())
    return count + (1 if pending.strip() else 0)
