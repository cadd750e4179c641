"""RSS and Atom feeds, read by feedparser; one report an entry.

An entry's text is its title followed by its content (or summary), markup removed.
Its id is the entry's guid/id, else its link, else its position in the feed.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from skyledger.records import Report, Source, check_year
from skyledger.sources.errors import InputError
from skyledger.sources.htmltext import html_to_text
from skyledger.sources.limits import clean_text


def looks_like_feed(head: bytes) -> bool:
    sample = head[:2048].lower()
    return b"<rss" in sample or b"<feed" in sample or b"<rdf:rdf" in sample


def parse_feed(
    path: Path | str, data: bytes, source: Source | None = None
) -> Iterator[Report | InputError]:
    import feedparser  # here: an ingest that meets no feed never loads it

    where = str(path)
    try:
        feed = feedparser.parse(data)
    except Exception as exc:  # feedparser's own decoders fail on some invalid bytes
        yield InputError(where, f"not a readable RSS/Atom feed: {type(exc).__name__}")
        return
    if not feed.entries:
        if feed.bozo:
            yield InputError(where, f"not a readable RSS/Atom feed: {_reason(feed)}")
        elif not feed.get("version"):
            yield InputError(where, "not an RSS/Atom feed (no <rss>, <feed> or <rdf:RDF> root)")
        return  # a well-formed feed with no entries holds nothing to store
    name = _text(feed.feed.get("link")) or _text(feed.feed.get("title")) or where
    source = source or Source(kind="rss", name=name[:1000])
    for index, entry in enumerate(feed.entries):
        record = _text(entry.get("id")) or _text(entry.get("link")) or f"#{index}"
        text, error = clean_text(entry_text(entry))
        if error:
            yield InputError(
                where, "entry has no text" if error == "empty text" else error, record=record
            )
            continue
        published = entry_time(entry)
        yield Report(
            source=source,
            external_id=record,
            url=_text(entry.get("link")) or None,
            published=published,
            published_precision="datetime" if published else None,
            lang=source.lang,
            text=text,
        )


def entry_text(entry) -> str:
    title = html_to_text(_text(entry.get("title")))
    contents = entry.get("content") or []
    bodies = [c.get("value", "") for c in contents if isinstance(c, dict)]
    body = html_to_text(_text(bodies[0]) if bodies else _text(entry.get("summary")))
    if body.startswith(title):
        title = ""
    return "\n\n".join(part for part in (title, body) if part).strip()


def entry_time(entry) -> datetime | None:
    """When the entry was published (else last updated), in UTC; None when unknown or absurd."""
    for key in ("published_parsed", "updated_parsed"):
        parsed = dict.get(entry, key)  # plain lookup: feedparser's own maps one key onto the other
        if not parsed:
            continue
        try:
            return check_year(datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC))
        except (ValueError, OverflowError, OSError):
            continue
    return None


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _reason(feed) -> str:
    exception = feed.get("bozo_exception")
    message = str(getattr(exception, "args", [None])[0] or exception or "malformed")
    return message.splitlines()[0][:200] if message else "malformed"
