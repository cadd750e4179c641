"""One poll of one source: fetch what changed, turn it into reports, say what to remember.

Pollers are plain readers: a source (Source) and its saved state in, a Poll out (see
skyledger.sources.live.poll). Nothing is saved here: `skyledger.follow.watch` stores the
reports, then the state; if the process stops between the two, the next poll sees the
same reports again and the ledger skips them (reports are unique by content hash and by
source and external id).
"""

from __future__ import annotations

import time
from pathlib import Path

from skyledger.records import Report, Source
from skyledger.sources.errors import InputError
from skyledger.sources.feeds import parse_feed
from skyledger.sources.files import iter_files, read_file
from skyledger.sources.htmltext import parse_html_page
from skyledger.sources.isolation import ParseFailed, run_isolated
from skyledger.sources.live.http import Fetcher
from skyledger.sources.live.poll import (
    Poll,
    PollError,
    Unsupported,
    channel_poll,
    fresh_errors,
    fresh_reports,
)
from skyledger.sources.telegram_web import page_url, parse_channel_page

MAX_PAGES = 5  # preview pages read per poll when catching up on a busy channel
FILE_SETTLE_SECONDS = 2.0  # a file changed this recently may still be being written


def poll_source(source: Source, state: dict, fetcher: Fetcher) -> Poll:
    """What is new at `source` since `state`, and the state to save after storing it."""
    pollers = {
        "rss": poll_feed,
        "web": poll_page,
        "telegram-web": poll_telegram_web,
        "folder": poll_folder,
        "telegram-api": poll_telegram_api,
    }
    if source.kind not in pollers:
        raise Unsupported(f"kind {source.kind!r} cannot be watched")
    return pollers[source.kind](source, dict(state), fetcher)


def parsed(parse, *args) -> list:
    """What a fetched body parses to, parsed in the bounded parser process."""
    try:
        return list(run_isolated(parse, *args))
    except ParseFailed as exc:
        raise PollError(str(exc)) from None


def _validators(state: dict) -> dict:
    return {"etag": state.get("etag"), "last_modified": state.get("last_modified")}


def poll_feed(source: Source, state: dict, fetcher: Fetcher) -> Poll:
    fetched = fetcher.get(source.name, **_validators(state))
    if fetched.unchanged:
        return Poll([], state, unchanged=True)
    found = parsed(parse_feed, source.name, fetched.body, source)
    reports = [item for item in found if isinstance(item, Report)]
    errors = [item for item in found if isinstance(item, InputError)]
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


def poll_page(source: Source, state: dict, fetcher: Fetcher) -> Poll:
    fetched = fetcher.get(source.name, **_validators(state))
    if fetched.unchanged:
        return Poll([], state, unchanged=True)
    items = parsed(parse_html_page, source.name, fetched.body, source, source.name)
    reports = [item for item in items if isinstance(item, Report)]
    if not reports:
        reason = next((item.message for item in items if isinstance(item, InputError)), "no text")
        raise PollError(reason)
    # The registered address names the page, whatever canonical URL it declares.
    reports = [report.model_copy(update={"external_id": source.name}) for report in reports[:1]]
    recent = dict(state.get("recent", {}))
    items: list[Report | InputError] = list(fresh_reports(reports, recent))
    state.update(recent=recent, etag=fetched.etag, last_modified=fetched.last_modified)
    return Poll(items, state)


def poll_telegram_web(source: Source, state: dict, fetcher: Fetcher) -> Poll:
    """The latest preview page, and older pages back to the last post seen (at most MAX_PAGES)."""
    last_id = state.get("last_id")
    posts = parsed(parse_channel_page, fetcher.get(page_url(source.name)).text)
    if not posts:
        raise PollError(
            "no posts on the preview page (not a public channel, or the page is not a preview)"
        )
    requests = 1
    while last_id is not None and min(p.id for p in posts) > last_id + 1 and requests < MAX_PAGES:
        older = parsed(
            parse_channel_page,
            fetcher.get(page_url(source.name, before=min(p.id for p in posts))).text,
        )
        requests += 1
        if not older:
            break
        posts = older + posts
    poll = channel_poll(posts, source, state)
    if last_id is not None and min(p.id for p in posts) > last_id + 1 and requests >= MAX_PAGES:
        poll.notes.append(f"more than {MAX_PAGES} pages of new posts; older ones skipped")
    return poll


def poll_folder(source: Source, state: dict, fetcher: Fetcher) -> Poll:
    """Files that are new or changed since the last poll (by modification time and size)."""
    folder = Path(source.name)
    if not folder.is_dir():
        raise PollError(f"folder {source.name} is missing")
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
            items.extend(read_file(path, source))
            present[key] = stamp
    state["files"] = present
    return Poll(items, state)


def poll_telegram_api(source: Source, state: dict, fetcher: Fetcher) -> Poll:
    from skyledger.sources.live import telegram_api  # Telethon stays optional

    return telegram_api.poll_telegram_api(source, state)
