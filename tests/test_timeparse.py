"""Publication times: ISO 8601 in, timezone-aware out, readable errors."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from skyledger.sources.timeparse import from_unix, parse_published

MSK = timezone(timedelta(hours=3))


@pytest.mark.parametrize(
    ("value", "tz", "expected"),
    [
        (None, None, (None, None)),
        ("", None, (None, None)),
        ("   ", None, (None, None)),
        ("2026-05-01", None, (datetime(2026, 5, 1, tzinfo=UTC), "date")),
        (
            "2026-05-01",
            "Europe/Moscow",
            (datetime(2026, 5, 1, tzinfo=ZoneInfo("Europe/Moscow")), "date"),
        ),
        ("2026-05-01T10:00:00Z", None, (datetime(2026, 5, 1, 10, tzinfo=UTC), "datetime")),
        (
            "2026-05-01T10:00:00+03:00",
            "Europe/Kyiv",
            (datetime(2026, 5, 1, 10, tzinfo=MSK), "datetime"),
        ),
        ("2026-05-01T10:00:00", None, (datetime(2026, 5, 1, 10, tzinfo=UTC), "datetime")),
        ("2026-05-01T10:00:00", "Europe/Kyiv", (datetime(2026, 5, 1, 7, tzinfo=UTC), "datetime")),
        ("2026-05-01 10:00", None, (datetime(2026, 5, 1, 10, tzinfo=UTC), "datetime")),
        (
            " 2026-05-01T10:00:00.250+00:00 ",
            None,
            (datetime(2026, 5, 1, 10, 0, 0, 250000, tzinfo=UTC), "datetime"),
        ),
    ],
)
def test_parse_published(value, tz, expected):
    published, precision = parse_published(value, tz)
    assert (published, precision) == expected
    assert published is None or published.tzinfo is not None


@pytest.mark.parametrize(
    ("value", "tz", "message"),
    [
        ("yesterday", None, "published 'yesterday' is not an ISO 8601 date or time"),
        ("2026-13-01", None, "is not an ISO 8601 date or time"),
        ("2026-02-30", None, "is not an ISO 8601 date or time"),
        ("01.05.2026", None, "is not an ISO 8601 date or time"),
        (1714000000, None, "published must be an ISO 8601 string, not number"),
        (["2026-05-01"], None, "not array"),
        ("0001-01-01T00:00:00+05:00", None, "published year 1 is out of range"),
        ("9999-12-31T23:59:59-05:00", None, "out of range"),
        ("2026-05-01T10:00:00", "Mars/Olympus", "unknown time zone 'Mars/Olympus'"),
        ("2026-05-01T10:00:00", "../../etc/passwd", "unknown time zone"),
    ],
)
def test_parse_published_errors(value, tz, message):
    with pytest.raises(ValueError, match=None) as caught:
        parse_published(value, tz)
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [
        ("1777622400", datetime(2026, 5, 1, 8, tzinfo=UTC)),
        (1777622400, datetime(2026, 5, 1, 8, tzinfo=UTC)),
        (1777622400.9, datetime(2026, 5, 1, 8, tzinfo=UTC)),
    ],
)
def test_from_unix(seconds, expected):
    assert from_unix(seconds) == expected


@pytest.mark.parametrize(
    "seconds", ["soon", "", None, True, 10**20, float("nan"), float("inf"), -(10**12), [1]]
)
def test_from_unix_errors(seconds):
    with pytest.raises(ValueError):
        from_unix(seconds)
