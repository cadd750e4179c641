"""What one poll of a live source gives: the reports that are new since its saved state,
and the state to save once they are stored. Shared by every poller (the web preview, the
Telegram API), so none of them imports another.

Edits: a post, entry or page whose text changed since it was stored becomes a new
report whose external id is the original's plus "@edit-<hash>", so the ledger keeps
what was claimed first and what it was changed to, each with its own time of ingest.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from skyledger.records import EDIT_DIGEST_LENGTH, Report, Source, edit_id
from skyledger.sources.errors import InputError
from skyledger.sources.telegram_web import ChannelPost, post_report

RECENT_LIMIT = 300  # texts remembered per source, to notice edits of recent posts


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


def fresh_reports(reports: Iterable[Report], recent: dict[str, str]) -> list[Report]:
    """Reports not seen before, and new versions of seen ones whose text changed.

    `recent` maps external id -> short text hash and is updated in place. It keeps
    RECENT_LIMIT ids, or twice what the source serves, the ones served last kept.
    """
    fresh, served = [], 0
    for report in reports:
        served += 1
        key, digest = report.external_id, report.content_hash[:EDIT_DIGEST_LENGTH]
        seen = recent.pop(key, None)
        recent[key] = digest  # (re)inserted last, so ids still served are not forgotten
        if seen == digest:
            continue
        if seen is not None:
            report = report.model_copy(update={"external_id": edit_id(key, report.content_hash)})
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


def channel_poll(posts: list[ChannelPost], source: Source, state: dict) -> Poll:
    """New posts since the last id seen, and edited ones still remembered, as reports."""
    state = dict(state)
    last_id = state.get("last_id")
    recent = dict(state.get("recent", {}))
    wanted = [post for post in _unique(posts) if _worth_reading(post, last_id, recent)]
    reports = [report for post in wanted if (report := post_report(post, source)) is not None]
    items: list[Report | InputError] = list(fresh_reports(reports, recent))
    state.update(recent=recent, last_id=max([p.id for p in posts] + [last_id or 0]))
    return Poll(items, state)


def _unique(posts: list[ChannelPost]) -> list[ChannelPost]:
    return sorted({post.id: post for post in posts}.values(), key=lambda post: post.id)


def _worth_reading(post: ChannelPost, last_id: int | None, recent: dict[str, str]) -> bool:
    """New posts, and older ones still remembered (to notice an edit)."""
    return last_id is None or post.id > last_id or post.key in recent
