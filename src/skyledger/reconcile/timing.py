"""When a claim happened, as far as the ledger can tell: its ledger day and bucket.

Rule: a claim's reference time is the end of its window, else the start of its
window, else its report's publication time. Ledger days run from 21:00 to 21:00
Moscow time (UTC+3, no daylight saving), so an attack night, the morning's
bulletins about it and the day's reposts share one day; a report dated only by its
day (midnight) falls on that day. A claim with no time at all cannot be placed: it
is reconciled only with the other claims of its own report.

Claims are reconciled in buckets of (ledger day, claim type, weapon); a new claim
recomputes the events of its bucket and of no other.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

MOSCOW = timezone(timedelta(hours=3))
# 21:00 in Moscow is midnight of the next ledger day.
DAY_SHIFT = timedelta(hours=3)


def reference_time(
    window_start: datetime | None, window_end: datetime | None, published: datetime | None
) -> datetime | None:
    return window_end or window_start or published


def ledger_day(moment: datetime) -> date:
    return (moment.astimezone(MOSCOW) + DAY_SHIFT).date()


def bucket_of(
    claim_type: str,
    weapon: str | None,
    moment: datetime | None,
    report_hash: str,
) -> str:
    """'2025-05-23|destroyed|uav', or 'u:<report hash>|destroyed|uav' when undated."""
    when = ledger_day(moment).isoformat() if moment else f"u:{report_hash[:16]}"
    return f"{when}|{claim_type}|{weapon or '-'}"


def claim_bucket(claim, report) -> str:
    """The bucket of a claim of this report, as the ledger will hold it."""
    moment = reference_time(claim.window_start, claim.window_end, report.published)
    return bucket_of(claim.claim_type, claim.weapon, moment, report.content_hash)


def bucket_day(bucket: str) -> date | None:
    head = bucket.split("|", 1)[0]
    return None if head.startswith("u:") else date.fromisoformat(head)
