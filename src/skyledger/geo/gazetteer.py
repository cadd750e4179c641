"""The gazetteer file, loaded once (lazily) into dictionaries."""

from __future__ import annotations

import os
import sqlite3
import threading
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


class PlaceTable:
    """The places by geonameid, each read from the file on its first look-up and kept: a run
    looks at a few hundred of the 11,000, and reading them all cost more than its reports."""

    def __init__(self, rows) -> None:
        self._rows = rows  # (sql, args) -> rows read from the gazetteer file
        self._known: dict[int, Place | None] = {}
        self._by_admin1: dict[str, list[Place]] = {}

    def get(self, geonameid, default=None):
        known = self._known
        if geonameid in known:
            place = known[geonameid]
        elif isinstance(geonameid, str | bytes) or geonameid is None:
            return default  # the file would read "123" as 123: no key of the table is text
        else:
            rows = self._rows("SELECT * FROM places WHERE geonameid = ?", (geonameid,))
            place = known[geonameid] = Place._make(rows[0]) if rows else None
        return default if place is None else place

    def __getitem__(self, geonameid) -> Place:
        place = self.get(geonameid)
        if place is None:
            raise KeyError(geonameid)
        return place

    def __contains__(self, geonameid) -> bool:
        return self.get(geonameid) is not None

    def in_admin1(self, admin1: str) -> list[Place]:
        """The places of one admin1, in the file's order."""
        found = self._by_admin1.get(admin1)
        if found is None:
            rows = self._rows("SELECT * FROM places WHERE admin1 = ?", (admin1,))
            found = self._by_admin1[admin1] = [self._kept(Place._make(row)) for row in rows]
        return found

    def _kept(self, place: Place) -> Place:  # one record per place, however it was read
        return self._known.setdefault(place.geonameid, place)


class Gazetteer:
    """Regions and districts in memory, read once; the 11,000 places and the 200,000-odd name
    keys stay in the file.

    A report looks up a few dozen keys and places, so reading all of them at start-up (a
    tenth of a second) costs more than it saves: each is read from the file's index on its
    first look-up, then kept parsed.
    """

    KEY_CACHE_LIMIT = 200_000

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self._refs: dict[str, list[Entry]] = {}
        self._path = path
        self._keys: sqlite3.Connection | None = None
        self._keys_pid = 0
        self._lock = threading.Lock()
        self.places = PlaceTable(self._rows)
        # rows made into records by `_make`: tuple's own constructor, no arguments to parse
        self.regions = {r[0]: r for r in map(Region._make, conn.execute("SELECT * FROM admin1"))}
        self.districts = {
            r[0]: r for r in map(District._make, conn.execute("SELECT * FROM admin2"))
        }
        self.countries = {
            r[1]: r for r in map(Country._make, conn.execute("SELECT * FROM countries"))
        }
        self.meta = dict(conn.execute("SELECT key, value FROM meta"))

    def entries(self, key: str) -> list[Entry]:
        found = self._refs.get(key)
        if found is None:
            raw = self._read(key)
            found = parse_refs(raw) if raw else []
            if len(self._refs) >= self.KEY_CACHE_LIMIT:
                self._refs.clear()
            self._refs[key] = found
        return found

    def _read(self, key: str) -> str | None:
        """One key's stored entries, from the file."""
        rows = self._rows("SELECT refs FROM keys WHERE key = ?", (key,))
        return rows[0][0] if rows else None

    def _rows(self, sql: str, args: tuple) -> list[tuple]:
        """Rows read from the file (a connection per process, thread-safe)."""
        with self._lock:
            if self._keys is None or self._keys_pid != os.getpid():
                self._keys = connect(self._path, check_same_thread=False)
                self._keys_pid = os.getpid()
            return self._keys.execute(sql, args).fetchall()

    def fold_entries(self, fold: str) -> list[Entry]:
        return self.entries(FOLD + fold)

    def places_in(self, admin1: str) -> list[Place]:
        return self.places.in_admin1(admin1)

    def all_keys(self) -> list[str]:
        conn = connect(self._path)
        try:
            return [key for (key,) in conn.execute("SELECT key FROM keys ORDER BY key")]
        finally:
            conn.close()


def parse_refs(refs: str) -> list[Entry]:
    out = []
    for item in refs.split("|"):
        ref, form, lemma = item.split(",", 2)
        kind, ident = ref[0], ref[1:]
        out.append(Entry(kind, ident if kind == "R" else int(ident), int(form), lemma))
    return out


def default_path() -> Path:
    return Path(str(resources.files("skyledger.geo").joinpath(GAZETTEER_FILE)))


@cache
def load(path: Path | None = None) -> Gazetteer:
    """Read the gazetteer file (read-only) into memory, all but its name keys; cached for the
    process."""
    where = str(path or default_path())
    conn = connect(where)
    try:
        return Gazetteer(conn, where)
    finally:
        conn.close()


def connect(path: str, check_same_thread: bool = True) -> sqlite3.Connection:
    return sqlite3.connect(
        f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=check_same_thread
    )
