"""Records for notebooks: lists of the REST API's dicts that become pandas DataFrames.

pandas is optional (`pip install "skyledger[pandas]"`); nothing here imports it until
`to_pandas()` is called.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from skyledger.filter_values import check_admin1, check_area, check_country, check_window
from skyledger.store.queries import Filters


class Records(list):
    """A list of record dicts (claims or events) as the REST API returns them."""

    def to_pandas(self):
        """A pandas DataFrame, one row per record; times as timezone-aware timestamps."""
        try:
            import pandas
        except ImportError:
            raise ImportError('to_pandas() needs pandas: pip install "skyledger[pandas]"') from None
        frame = pandas.DataFrame.from_records(list(self))
        for name in frame.columns:
            if self and isinstance(self[0].get(name), datetime):
                frame[name] = pandas.to_datetime(frame[name], utc=True)
        return frame


def _moment(value: date | datetime | str | None) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    if isinstance(value, str):
        return datetime.fromisoformat(value)
    return datetime(value.year, value.month, value.day, tzinfo=UTC)


def filters_of(area: str | None = None, **given) -> Filters:
    """The REST API's filters from keyword arguments; `area` is a country (RU) or a region
    (RU-KLU) code, and `since`/`until` take a date, a datetime or an ISO 8601 string.
    A value no ledger can match raises `skyledger.filter_values.BadFilter` (a ValueError)."""
    area = check_area(area)
    if area:
        given.setdefault("country" if len(area) == 2 else "admin1", area)
    for name in ("since", "until"):
        given[name] = _moment(given.get(name))
    check_window(given["since"], given["until"])
    given["country"] = check_country(given.get("country"))
    given["admin1"] = check_admin1(given.get("admin1"))
    return Filters(**given).cleaned()
