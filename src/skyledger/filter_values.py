"""Filter values checked before a query: a region or country code that no ledger can hold,
or a window that ends before it starts, is an error naming the value, with the nearest
valid ones (a region's name in English, Russian or Ukrainian suggests its ISO code).

The CLI turns `BadFilter` into exit code 2, the REST API into a 422.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from functools import cache
from importlib import resources

import yaml
from rapidfuzz import fuzz, process

from skyledger.export.areas import admin1_table

CODE = re.compile(r"^[A-Za-z]{2}-[A-Za-z0-9]{1,3}$")
SUGGESTIONS = 3


class BadFilter(ValueError):
    """A filter value that matches nothing a ledger can hold."""

    def __init__(self, name: str, value: object, problem: str, suggestions: list[str] = ()):
        self.name, self.value, self.suggestions = name, value, list(suggestions)
        hint = f"; did you mean {', '.join(self.suggestions)}?" if self.suggestions else ""
        self.message = f"{value!r}: {problem}{hint}"  # without the filter's name
        super().__init__(f"{name} {self.message}")


@cache
def region_names() -> dict[str, list[str]]:
    """ISO 3166-2 code -> its names: English, Russian, Ukrainian, short and colloquial."""
    names: dict[str, list[str]] = {}
    for code, entry in admin1_table().items():
        names.setdefault(code, []).extend(entry[k] for k in ("name_en", "name_ru", "name_uk"))
    lexicon = resources.files("skyledger") / "extract" / "lang" / "regions.yaml"
    for code, entry in yaml.safe_load(lexicon.read_text(encoding="utf-8")).items():
        names.setdefault(code, []).extend(entry[k] for k in ("en", "ru", "uk") if entry.get(k))
    colloquial = resources.files("skyledger") / "geo" / "data" / "regions_colloquial.yaml"
    for code, forms in yaml.safe_load(colloquial.read_text(encoding="utf-8")).items():
        names.setdefault(code, []).extend(forms)
    return names


@cache
def _choices() -> dict[str, str]:
    """Folded name or code -> code."""
    table = {}
    for code, names in region_names().items():
        table[code.lower()] = code
        for name in names:
            table.setdefault(name.casefold(), code)
    return table


def countries() -> set[str]:
    return {code[:2] for code in region_names()}


def label(code: str) -> str:
    entry = admin1_table().get(code)
    return f"{code} ({entry['name_en']})" if entry else code


def nearest_regions(value: str, limit: int = SUGGESTIONS) -> list[str]:
    """The region codes whose code or name is nearest to `value`, best first."""
    choices = _choices()
    found: list[str] = []
    for match, _score, _index in process.extract(
        value.casefold().strip(), list(choices), scorer=fuzz.WRatio, limit=limit * 6
    ):
        code = choices[match]
        if code not in found:
            found.append(code)
    return found[:limit]


def check_admin1(value: str | None, name: str = "admin1") -> str | None:
    """The ISO 3166-2 code, upper case; anything else is a BadFilter with suggestions."""
    if value is None or not value.strip():
        return None
    code = value.strip().upper()
    if code in region_names():
        return code
    problem = "no such region code" if CODE.match(value.strip()) else "not an ISO 3166-2 code"
    raise BadFilter(name, value, problem, [label(c) for c in nearest_regions(value)])


def check_country(value: str | None, name: str = "country") -> str | None:
    if value is None or not value.strip():
        return None
    code = value.strip().upper()
    if code in countries():
        return code
    nearest = [c for c, _s, _i in process.extract(code, sorted(countries()), limit=SUGGESTIONS)]
    raise BadFilter(name, value, "not a country this ledger covers", nearest)


def check_area(value: str | None, name: str = "area") -> str | None:
    """A country (RU) or a region (RU-KLU) code."""
    if value is None or not value.strip():
        return None
    if len(value.strip()) == 2 and value.strip().upper() in countries():
        return value.strip().upper()
    return check_admin1(value, name)


def region_codes() -> list[str]:
    """Every region code a filter accepts, in either case (for the API's description)."""
    codes = sorted(region_names())
    return codes + [c.lower() for c in codes]


def country_codes() -> list[str]:
    codes = sorted(countries())
    return codes + [c.lower() for c in codes]


def check_window(since: datetime | None, until: datetime | None) -> None:
    """A window that ends before it starts holds nothing: an error, not an empty answer."""
    since, until = (t.replace(tzinfo=t.tzinfo or UTC) if t else None for t in (since, until))
    if since is not None and until is not None and since >= until:
        raise BadFilter(
            "since",
            since.isoformat(),
            f"is not before until {until.isoformat()!r}: no time is in both",
        )
