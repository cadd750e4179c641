"""Publication times as sources write them, made timezone-aware."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_published(value: str | None, tz: str | None = None) -> tuple[datetime | None, str | None]:
    """ISO 8601 timestamp or date -> (aware datetime, "datetime" | "date").

    A timestamp without a zone is read in `tz` (the source's zone), else UTC.
    A bare date becomes midnight in that zone with precision "date".
    Raises ValueError with a readable message on anything else.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if not isinstance(value, str):
        raise ValueError(f"published must be an ISO 8601 string, not {type(value).__name__}")
    text = value.strip()
    zone = ZoneInfo(tz) if tz else UTC
    if _DATE_ONLY.match(text):
        day = date.fromisoformat(text)
        return datetime.combine(day, time(0, 0), tzinfo=zone), "date"
    try:
        stamp = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"published {text[:40]!r} is not an ISO 8601 date or time") from None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=zone)
    return stamp, "datetime"


def from_unix(seconds: int | float | str) -> datetime:
    return datetime.fromtimestamp(int(seconds), tz=UTC)
