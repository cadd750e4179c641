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


class Gazetteer:
    """Places, regions and districts in memory, read once; the 200,000-odd name keys stay
    in the file.

    A report looks up a few dozen keys, so reading all of them at start-up (a tenth of a
    second) costs more than it saves: each key is read from the file's index on its first
    look-up, then kept parsed.
    """

    KEY_CACHE_LIMIT = 200_000

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self._refs: dict[str, list[Entry]] = {}
        self._path = path
        self._keys: sqlite3.Connection | None = None
        self._keys_pid = 0
        self._lock = threading.Lock()
        self._by_admin1: dict[str, list[Place]] = {}
        # rows made into records by `_make`: tuple's own constructor, no arguments to parse
        self.places = {r[0]: r for r in map(Place._make, conn.execute("SELECT * FROM places"))}
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
        """One key's stored entries, from the file (a connection per process and thread-safe)."""
        with self._lock:
            if self._keys is None or self._keys_pid != os.getpid():
                self._keys = connect(self._path, check_same_thread=False)
                self._keys_pid = os.getpid()
            row = self._keys.execute("SELECT refs FROM keys WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def fold_entries(self, fold: str) -> list[Entry]:
        return self.entries(FOLD + fold)

    def places_in(self, admin1: str) -> list[Place]:
        if not self._by_admin1:
            for place in self.places.values():
                self._by_admin1.setdefault(place.admin1, []).append(place)
        return self._by_admin1.get(admin1, [])

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
