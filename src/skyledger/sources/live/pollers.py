"""One poll of one source: fetch what changed, turn it into reports, say what to remember.

A poll returns the reports that are new since the source's saved state, and the state
to save once they are stored. Nothing is saved here: if the process stops between the
two, the next poll sees the same reports again and the ledger skips them (reports are
unique by content hash and by source and external id).

Edits: a post, entry or page whose text changed since it was stored becomes a new
report whose external id is the original's plus "@edit-<hash>", so the ledger keeps
what was claimed first and what it was changed to, each with its own time of ingest.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from skyledger.records import Report
from skyledger.sources.errors import InputError
from skyledger.sources.feeds import parse_feed
from skyledger.sources.files import iter_files, read_file
from skyledger.sources.htmltext import parse_html_page
from skyledger.sources.isolation import ParseFailed, run_isolated
from skyledger.sources.live.http import Fetcher
from skyledger.sources.registry import SourceEntry
from skyledger.sources.telegram_web import ChannelPost, page_url, parse_channel_page, post_report

RECENT_LIMIT = 300  # texts remembered per source, to notice edits of recent posts
MAX_PAGES = 5  # preview pages read per poll when catching up on a busy channel
FILE_SETTLE_SECONDS = 2.0  # a file changed this recently may still be being written


class PollError(Exception):
    """The source could not be read this time (the message says why)."""


class Unsupported(Exception):
    """This kind of source cannot be polled by this installation."""


@dataclass
class Poll:
    items: list[Report | InputError]
    state: dict
    unchanged: bool = False  # the server said 304 Not Modified
    notes: list[str] = field(default_factory=list)


def poll_source(entry: SourceEntry, fetcher: Fetcher) -> Poll:
    pollers = {
        "rss": poll_feed,
        "web": poll_page,
        "telegram-web": poll_telegram_web,
        "folder": poll_folder,
        "telegram-api": poll_telegram_api,
    }
    if entry.kind not in pollers:
        raise Unsupported(f"kind {entry.kind!r} cannot be watched")
    return pollers[entry.kind](entry, fetcher)


def fresh_reports(reports: Iterable[Report], recent: dict[str, str]) -> list[Report]:
    """Reports not seen before, and new versions of seen ones whose text changed.

    `recent` maps external id -> short text hash and is updated in place. It keeps
    RECENT_LIMIT ids, or twice what the source serves, the ones served last kept.
    """
    fresh, served = [], 0
    for report in reports:
        served += 1
        key, digest = report.external_id, report.content_hash[:16]
        seen = recent.pop(key, None)
        recent[key] = digest  # (re)inserted last, so ids still served are not forgotten
        if seen == digest:
            continue
        if seen is not None:
            report = report.model_copy(update={"external_id": f"{key}@edit-{digest}"})
        fresh.append(report)
    limit = max(RECENT_LIMIT, 2 * served)
    for stale in list(recent)[: max(0, len(recent) - limit)]:
        del recent[stale]
    return fresh


def fresh_errors(errors: Iterable[InputError], recent: dict[str, str]) -> list[InputError]:
    """Entry-level errors once each, not again on every poll."""
    fresh = []
    for error in errors:
        key = f"error:{error.record or error.message}"
        if key not in recent:
            recent[key] = "!"
            fresh.append(error)
    return fresh


def parsed(parse, *args) -> list:
    """What a fetched body parses to, parsed in the bounded parser process."""
    try:
        return list(run_isolated(parse, *args))
    except ParseFailed as exc:
        raise PollError(str(exc)) from None


def _validators(state: dict) -> dict:
    return {"etag": state.get("etag"), "last_modified": state.get("last_modified")}


def poll_feed(entry: SourceEntry, fetcher: Fetcher) -> Poll:
    state = dict(entry.state)
    fetched = fetcher.get(entry.name, **_validators(state))
    if fetched.unchanged:
        return Poll([], state, unchanged=True)
    items = parsed(parse_feed, entry.name, fetched.body, entry.as_source())
    reports = [item for item in items if isinstance(item, Report)]
    errors = [item for item in items if isinstance(item, InputError)]
    if not reports and errors:  # junk served as a feed, or nothing in it readable
        whole = [error.message for error in errors if error.record is None]
        raise PollError(
            whole[0] if whole else f"no readable entry in the feed ({errors[0].message})"
        )
    recent = dict(state.get("recent", {}))
    items: list[Report | InputError] = [
        *fresh_reports(reports, recent),
        *fresh_errors(errors, recent),
    ]
    state.update(recent=recent, etag=fetched.etag, last_modified=fetched.last_modified)
    return Poll(items, state)


def poll_page(entry: SourceEntry, fetcher: Fetcher) -> Poll:
    state = dict(entry.state)
    fetched = fetcher.get(entry.name, **_validators(state))
    if fetched.unchanged:
        return Poll([], state, unchanged=True)
    items = parsed(parse_html_page, entry.name, fetched.body, entry.as_source(), entry.name)
    reports = [item for item in items if isinstance(item, Report)]
    if not reports:
        reason = next((item.message for item in items if isinstance(item, InputError)), "no text")
        raise PollError(reason)
    # The registered address names the page, whatever canonical URL it declares.
    reports = [report.model_copy(update={"external_id": entry.name}) for report in reports[:1]]
    recent = dict(state.get("recent", {}))
    items: list[Report | InputError] = list(fresh_reports(reports, recent))
    state.update(recent=recent, etag=fetched.etag, last_modified=fetched.last_modified)
    return Poll(items, state)


def poll_telegram_web(entry: SourceEntry, fetcher: Fetcher) -> Poll:
    """The latest preview page, and older pages back to the last post seen (at most MAX_PAGES)."""
    state = dict(entry.state)
    last_id = state.get("last_id")
    posts = parsed(parse_channel_page, fetcher.get(page_url(entry.name)).text)
    if not posts:
        raise PollError(
            "no posts on the preview page (not a public channel, or the page is not a preview)"
        )
    requests = 1
    while last_id is not None and min(p.id for p in posts) > last_id + 1 and requests < MAX_PAGES:
        older = parsed(
            parse_channel_page,
            fetcher.get(page_url(entry.name, before=min(p.id for p in posts))).text,
        )
        requests += 1
        if not older:
            break
        posts = older + posts
    poll = channel_poll(posts, entry)
    if last_id is not None and min(p.id for p in posts) > last_id + 1 and requests >= MAX_PAGES:
        poll.notes.append(f"more than {MAX_PAGES} pages of new posts; older ones skipped")
    return poll


def channel_poll(posts: list[ChannelPost], entry: SourceEntry) -> Poll:
    """New posts since the last id seen, and edited ones still remembered, as reports."""
    state = dict(entry.state)
    last_id = state.get("last_id")
    recent = dict(state.get("recent", {}))
    wanted = [post for post in _unique(posts) if _worth_reading(post, last_id, recent)]
    source = entry.as_source()
    reports = [report for post in wanted if (report := post_report(post, source)) is not None]
    items: list[Report | InputError] = list(fresh_reports(reports, recent))
    state.update(recent=recent, last_id=max([p.id for p in posts] + [last_id or 0]))
    return Poll(items, state)


def _unique(posts: list[ChannelPost]) -> list[ChannelPost]:
    return sorted({post.id: post for post in posts}.values(), key=lambda post: post.id)


def _worth_reading(post: ChannelPost, last_id: int | None, recent: dict[str, str]) -> bool:
    """New posts, and older ones still remembered (to notice an edit)."""
    return last_id is None or post.id > last_id or post.key in recent


def poll_folder(entry: SourceEntry, fetcher: Fetcher) -> Poll:
    """Files that are new or changed since the last poll (by modification time and size)."""
    folder = Path(entry.name)
    if not folder.is_dir():
        raise PollError(f"folder {entry.name} is missing")
    state = dict(entry.state)
    seen: dict[str, str] = dict(state.get("files", {}))
    present: dict[str, str] = {}
    items: list[Report | InputError] = []
    settled_before = time.time() - FILE_SETTLE_SECONDS
    for path in iter_files([folder]):
        if isinstance(path, InputError):
            items.append(path)
            continue
        try:
            info = path.stat()
        except OSError:
            continue  # removed while we looked
        key, stamp = str(path.relative_to(folder)), f"{info.st_mtime_ns}:{info.st_size}"
        if seen.get(key) == stamp:
            present[key] = stamp
        elif info.st_mtime <= settled_before:
            items.extend(read_file(path, entry.as_source()))
            present[key] = stamp
    state["files"] = present
    return Poll(items, state)


def poll_telegram_api(entry: SourceEntry, fetcher: Fetcher) -> Poll:
    from skyledger.sources.live import telegram_api  # Telethon stays optional

    return telegram_api.poll_telegram_api(entry)
