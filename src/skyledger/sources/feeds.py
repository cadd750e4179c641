"""RSS and Atom feeds, read by feedparser; one report an entry."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import feedparser

from skyledger.records import Report, Source
from skyledger.sources.errors import InputError
from skyledger.sources.htmltext import html_to_text
from skyledger.sources.limits import MAX_REPORT_BYTES


def looks_like_feed(head: bytes) -> bool:
    sample = head[:2048].lower()
    return b"<rss" in sample or b"<feed" in sample or b"<rdf:rdf" in sample


def parse_feed(path: Path | str, data: bytes, source: Source | None = None) -> Iterator[Report | InputError]:
    where = str(path)
    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        reason = getattr(feed.get("bozo_exception"), "args", ["malformed feed"])
        yield InputError(where, f"not a readable RSS/Atom feed: {reason[0] if reason else 'malformed'}")
        return
    name = feed.feed.get("link") or feed.feed.get("title") or where
    source = source or Source(kind="rss", name=str(name))
    for index, entry in enumerate(feed.entries):
        record = entry.get("id") or entry.get("link") or f"#{index}"
        text = entry_text(entry)
        if not text:
            yield InputError(where, "entry has no text", record=str(record))
            continue
        if len(text.encode("utf-8")) > MAX_REPORT_BYTES:
            yield InputError(where, f"entry text is over {MAX_REPORT_BYTES:,} bytes", record=str(record))
            continue
        yield Report(
            source=source,
            external_id=str(record),
            url=entry.get("link"),
            published=entry_time(entry),
            published_precision="datetime" if entry_time(entry) else None,
            lang=source.lang,
            text=text,
        )


def entry_text(entry) -> str:
    title = html_to_text(entry.get("title", ""))
    bodies = [c.get("value", "") for c in entry.get("content", []) if isinstance(c, dict)]
    body = html_to_text(bodies[0] if bodies else entry.get("summary", ""))
    if body.startswith(title):
        title = ""
    return "\n\n".join(part for part in (title, body) if part).strip()


def entry_time(entry) -> datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)
