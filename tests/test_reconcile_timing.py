from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reconcile_cases import at
from skyledger.reconcile.timing import MOSCOW, bucket_day, bucket_of, ledger_day, reference_time


@pytest.mark.parametrize(
    ("moment", "day"),
    [
        ("2025-06-02T07:05:00+03:00", "2025-06-02"),  # morning bulletin
        ("2025-06-02T20:59:00+03:00", "2025-06-02"),  # the day's last reposts
        ("2025-06-02T21:00:00+03:00", "2025-06-03"),  # the next attack night begins
        ("2025-06-01T23:30:00+03:00", "2025-06-02"),  # late in the night before
        ("2025-06-02T00:00:00+00:00", "2025-06-02"),  # a report dated only by its day
        ("2025-06-02T00:00:00+02:00", "2025-06-02"),  # ... in Kyiv's winter time
        ("2025-06-02T17:59:00+00:00", "2025-06-02"),
    ],
)
def test_ledger_days_run_from_21_to_21_moscow_time(moment, day):
    assert ledger_day(at(moment)) == date.fromisoformat(day)


def test_window_end_comes_before_publication():
    start, end, published = (
        at("2025-06-01T20:00+03:00"),
        at("2025-06-02T07:00+03:00"),
        at("2025-06-03T10:00+03:00"),
    )
    assert reference_time(start, end, published) == end
    assert reference_time(start, None, published) == start
    assert reference_time(None, None, published) == published
    assert reference_time(None, None, None) is None


@pytest.mark.parametrize(
    ("moment", "bucket", "day"),
    [
        ("2025-06-02T07:05:00+03:00", "2025-06-02|destroyed|uav", date(2025, 6, 2)),
        (None, "u:abcdef0123456789|destroyed|uav", None),
    ],
)
def test_buckets(moment, bucket, day):
    value = bucket_of("destroyed", "uav", at(moment) if moment else None, "abcdef0123456789ffff")
    assert value == bucket
    assert bucket_day(value) == day


@given(
    st.datetimes(
        min_value=datetime(2020, 1, 1), max_value=datetime(2030, 1, 1), timezones=st.just(UTC)
    )
)
def test_a_ledger_day_is_the_moscow_date_or_the_next(moment):
    moscow_date = moment.astimezone(MOSCOW).date()
    assert ledger_day(moment) - moscow_date in (timedelta(0), timedelta(days=1))
    assert (ledger_day(moment) == moscow_date) == (moment.astimezone(MOSCOW).hour < 21)
