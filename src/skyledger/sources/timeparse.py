"""Publication times as sources write them, made timezone-aware.

Every failure is a ValueError with a message fit to show next to the file name.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from skyledger.records import check_year
from skyledger.sources.limits import json_type

_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_published(
    value: object, tz: str | None = None, *, check: bool = True
) -> tuple[datetime | None, str | None]:
    """ISO 8601 timestamp or date -> (aware datetime, "datetime" | "date").

    A timestamp without a zone is read in `tz` (the source's zone), else UTC.
    A bare date becomes midnight in that zone with precision "date".
    Missing or blank -> (None, None). Raises ValueError with a readable message on anything
    else, a year outside the ledger's bounds included (unless `check` is false: the Report
    record then refuses it).
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if not isinstance(value, str):
        raise ValueError(f"published must be an ISO 8601 string, not {json_type(value)}")
    text = value.strip()
    zone = source_zone(tz)
    try:
        if _DATE_ONLY.match(text):
            stamp = datetime.combine(date.fromisoformat(text), time(0, 0), tzinfo=zone)
            precision = "date"
        else:
            stamp = datetime.fromisoformat(text.replace("Z", "+00:00"))
            precision = "datetime"
    except ValueError:
        raise ValueError(f"published {text[:40]!r} is not an ISO 8601 date or time") from None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=zone)
    return (check_year(stamp) if check else stamp), precision


def from_unix(seconds: object) -> datetime:
    """Seconds since 1970 (a number or a string of digits) -> aware UTC datetime."""
    if isinstance(seconds, bool) or not isinstance(seconds, int | float | str):
        raise ValueError(f"unix time must be a number, not {json_type(seconds)}")
    try:
        stamp = datetime.fromtimestamp(int(seconds), tz=UTC)
    except (ValueError, OverflowError, OSError):
        raise ValueError(f"unix time {str(seconds)[:40]!r} is not a valid time") from None
    return check_year(stamp)


def source_zone(tz: str | None):
    """The IANA zone a source writes local times in; UTC when it says none."""
    if not tz:
        return UTC
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {tz!r}") from None
