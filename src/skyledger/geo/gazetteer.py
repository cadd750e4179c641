"""The gazetteer file, loaded once (lazily) into dictionaries."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from skyledger.geo.build import FOLD

GAZETTEER_FILE = "data/gazetteer.sqlite"
ATTRIBUTION = "Contains data from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0"
BASE, INFLECTED, ROMANISED = 0, 1, 2


class Place(NamedTuple):
    geonameid: int
    name: str
    name_ru: str
    name_uk: str
    lat: float
    lon: float
    admin1: str
    population: int
    names_cyr: str
    folds: str


class Region(NamedTuple):
    iso: str
    country: str
    geonameid: int
    name_en: str
    name_ru: str
    name_uk: str
    lat: float
    lon: float
    capital: int | None


class District(NamedTuple):
    geonameid: int
    name: str
    admin1: str
    stem: str
    lat: float | None
    lon: float | None
    seat: int | None


class Country(NamedTuple):
    iso: str
    geonameid: int
    lat: float
    lon: float
    name: str


class Entry(NamedTuple):
    kind: str  # P place, R region, D district, C country
    ref: int | str
    form: int  # BASE, INFLECTED or ROMANISED
    lemma: str  # the dictionary form a Cyrillic key came from


@dataclass
class Gazetteer:
    keys: dict[str, str]
    places: dict[int, Place]
    regions: dict[str, Region]
    districts: dict[int, District]
    countries: dict[int, Country]
    _by_admin1: dict[str, list[Place]] = field(default_factory=dict)

    def entries(self, key: str) -> list[Entry]:
        refs = self.keys.get(key)
        return parse_refs(refs) if refs else []

    def places_in(self, admin1: str) -> list[Place]:
        if not self._by_admin1:
            for place in self.places.values():
                self._by_admin1.setdefault(place.admin1, []).append(place)
        return self._by_admin1.get(admin1, [])

    def fold_entries(self, fold: str) -> list[Entry]:
        return self.entries(FOLD + fold)


def parse_refs(refs: str) -> list[Entry]:
    out = []
    for item in refs.split("|"):
        ref, form, lemma = item.split(",", 2)
        kind, ident = ref[0], ref[1:]
        out.append(Entry(kind, ident if kind == "R" else int(ident), int(form), lemma))
    return out


def default_path() -> Path:
    return Path(str(resources.files("skyledger.geo").joinpath(GAZETTEER_FILE)))


def open_readonly(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)


@cache
def load(path: Path | None = None) -> Gazetteer:
    """Read the whole gazetteer into memory (≈0.4 s); cached for the process."""
    conn = open_readonly(path or default_path())
    try:
        return Gazetteer(
            keys=dict(conn.execute("SELECT key, refs FROM keys")),
            places={r[0]: Place(*r) for r in conn.execute("SELECT * FROM places")},
            regions={r[0]: Region(*r) for r in conn.execute("SELECT * FROM admin1")},
            districts={r[0]: District(*r) for r in conn.execute("SELECT * FROM admin2")},
            countries={r[1]: Country(*r) for r in conn.execute("SELECT * FROM countries")},
        )
    finally:
        conn.close()
