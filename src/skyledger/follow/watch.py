"""The watch loop: poll each enabled source when it is due, store what is new, keep going.

One source failing never stops the others: its failure is logged in one line and it is
retried after an exponentially growing pause (its interval doubled per failure in a row,
at most an hour, or the interval when that is longer). `stop` (set by SIGINT/SIGTERM)
ends the loop between sources: the source being polled is finished and its reports
stored in their transaction first.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from skyledger.follow.registry import SourceEntry, list_sources, save_state
from skyledger.ingest import ingest
from skyledger.sources.live.http import Fetcher, FetchError
from skyledger.sources.live.poll import PollError, Unsupported
from skyledger.sources.live.pollers import poll_source

log = logging.getLogger("skyledger.watch")

MAX_BACKOFF = 3600
IDLE_MAX = 30.0  # seconds between looks at the registry, so added sources start soon


@dataclass
class WatchSummary:
    polls: int = 0
    stored: int = 0
    claims: int = 0
    failed_sources: list[int] = field(default_factory=list)
    skipped_sources: list[int] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed_sources


def utcnow() -> datetime:
    return datetime.now(UTC)


def backoff_seconds(every: int, failures: int) -> int:
    """Pause before the next try after `failures` failures in a row."""
    return min(every * 2**failures, max(MAX_BACKOFF, every))


def next_due(entry: SourceEntry) -> datetime | None:
    """When the source should be polled next; None means now."""
    retry_at = entry.state.get("retry_at")
    if retry_at:
        try:
            return datetime.fromisoformat(retry_at)
        except (TypeError, ValueError):
            return None  # a damaged state: poll now, the next save repairs it
    if entry.last_polled is None:
        return None
    return entry.last_polled + timedelta(seconds=entry.every)


def is_due(entry: SourceEntry, now: datetime) -> bool:
    due = next_due(entry)
    return due is None or due <= now


def describe(entry: SourceEntry) -> str:
    return f"source {entry.id} ({entry.kind} {entry.name})"


def poll_and_store(
    engine: Engine, entry: SourceEntry, fetcher: Fetcher, summary: WatchSummary, now: datetime
) -> None:
    """One poll of one source, its new reports stored, its state saved."""
    try:
        result = poll_source(entry.as_source(), entry.state, fetcher)
        summary.polls += 1
    except (PollError, FetchError) as exc:
        _record_failure(engine, entry, str(exc), summary, now, getattr(exc, "retry_after", None))
        return
    except Unsupported:
        raise
    except Exception as exc:  # a parser bug must not stop the other sources
        log.debug("poll of %s failed", describe(entry), exc_info=True)
        _record_failure(engine, entry, f"unexpected {type(exc).__name__}: {exc}", summary, now)
        return
    outcome = ingest(
        engine, result.items, on_error=lambda error: log.warning("%s: %s", describe(entry), error)
    )
    state = {
        key: value
        for key, value in result.state.items()
        if key not in ("failures", "retry_at", "last_error")
    }
    save_state(engine, entry.id, state, now)
    summary.stored += outcome.stored
    summary.claims += outcome.claims
    if result.unchanged:
        log.info("%s: not modified", describe(entry))
    else:
        unreadable = f", {outcome.failed} unreadable" if outcome.failed else ""
        log.info(
            "%s: %d new, stored %d, %d claims%s%s",
            describe(entry),
            outcome.read - outcome.failed,
            outcome.stored,
            outcome.claims,
            unreadable,
            "".join(f"; {note}" for note in result.notes),
        )


def _record_failure(
    engine: Engine,
    entry: SourceEntry,
    reason: str,
    summary: WatchSummary,
    now: datetime,
    retry_after: int | None = None,
) -> None:
    summary.polls += 1
    failures = int(entry.state.get("failures", 0)) + 1
    # A server's own Retry-After (429, 503) wins over our schedule, within a day.
    pause = max(backoff_seconds(entry.every, failures), min(retry_after or 0, 24 * 3600))
    state = {
        **entry.state,
        "failures": failures,
        "retry_at": (now + timedelta(seconds=pause)).isoformat(),
        "last_error": reason[:500],
    }
    save_state(engine, entry.id, state, now)
    summary.failed_sources.append(entry.id)
    log.warning(
        "%s failed: %s (%d in a row; next try in %s)",
        describe(entry),
        reason,
        failures,
        _duration(pause),
    )


def _duration(seconds: int) -> str:
    if seconds < 120:
        return f"{seconds} s"
    if seconds < 7200:
        return f"{seconds // 60} min"
    return f"{seconds / 3600:.1f} h"


def watch(
    engine: Engine,
    fetcher: Fetcher,
    *,
    once: bool = False,
    stop: threading.Event | None = None,
    clock: Callable[[], datetime] = utcnow,
) -> WatchSummary:
    """Poll until `stop` is set; with `once`, poll every enabled source one time, due or not."""
    stop = stop or threading.Event()
    summary = WatchSummary()
    warned: set[int] = set()
    while not stop.is_set():
        try:
            entries = _poll_round(
                engine, fetcher, summary, once=once, stop=stop, clock=clock, warned=warned
            )
        except SQLAlchemyError as exc:
            if once:
                raise
            log.error("ledger unavailable: %s; trying again in %d s", _first_line(exc), IDLE_MAX)
            stop.wait(IDLE_MAX)
            continue
        if once:
            break
        stop.wait(_idle_seconds(entries, warned, clock()))
    return summary


def _poll_round(engine, fetcher, summary, *, once, stop, clock, warned) -> list[SourceEntry]:
    """Poll the sources that are due (all of them with `once`); returns them as they now stand."""
    for entry in list_sources(engine, enabled_only=True):
        if stop.is_set():
            break
        if not (once or is_due(entry, clock())):
            continue
        try:
            poll_and_store(engine, entry, fetcher, summary, clock())
        except Unsupported as exc:
            summary.skipped_sources.append(entry.id)
            if entry.id not in warned:
                log.warning("%s skipped: %s", describe(entry), exc)
                warned.add(entry.id)
    return list_sources(engine, enabled_only=True)


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc)
    return text.splitlines()[0] if text else type(exc).__name__


def _idle_seconds(entries: list[SourceEntry], skipped: set[int], now: datetime) -> float:
    waits = [
        (due - now).total_seconds() if (due := next_due(entry)) else 0.0
        for entry in entries
        if entry.id not in skipped
    ]
    return max(0.5, min([IDLE_MAX, *waits]))
