"""Build the gazetteer (data/gazetteer.sqlite) from the GeoNames extracts.

Run through scripts/build_gazetteer.py. `build_tables` is pure (same input, same rows), so a
test can rebuild in memory and compare content checksums with the committed file.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import re
import sqlite3
from collections import defaultdict
from importlib import resources
from pathlib import Path

from skyledger.datafile import read_yaml
from skyledger.geo.forms import name_forms
from skyledger.geo.normalize import latin_fold, name_key, script_of
from skyledger.geo.translit import romanisations

FORMAT_VERSION = "1"
# Key prefixes: plain keys are place and region names; these mark derived indexes.
FOLD, REGION_STEM, DISTRICT_STEM = "~", "@", "#"
# Entry kinds: P place, R region (admin1, ref is the ISO code), D district (admin2), C country.
BASE, INFLECTED, ROMANISED = 0, 1, 2
COUNTRY_POINTS = {  # GeoNames country features: id, lat, lon
    "RU": (2017370, 60.0, 100.0, "Russia"),
    "UA": (690791, 49.0, 32.0, "Ukraine"),
    "BY": (630336, 53.0, 28.0, "Belarus"),
}
CYR_COLUMNS = {
    "names_ru": ("ru",),
    "names_uk": ("uk",),
    "names_be": ("ru", "uk"),
    "names_cyr_ambiguous": ("ru", "uk"),
}
LATIN_ADJ = re.compile(r"(?:sk|ck|tsk|zk)(?:iy|yy|yi|ij|ii|i|y|oy|aya|a|e|oe|oye|ye|ie|iye)$")
CYR_ADJ = re.compile(
    r"(?:ск|цк|зьк|ськ|цьк)(?:ий|ый|ой|ого|ому|ым|им|ом|ім|ая|ую|ое|ие|их|ими|ых|ыми|а|ої|ій|у|ою|е|і)$"
)
DISTRICT_NOISE = {
    "miskrada",
    "miskaya",
    "raionu",
    "rajon",
    "selsovet",
    "gorsovet",
    "rayon",
    "raion",
    "okrug",
    "gorodskoy",
    "urban",
    "district",
    "municipal",
    "munitsipalnyy",
    "municipality",
    "city",
    "of",
    "gorod",
    "miska",
    "rada",
    "mis'ka",
}
REGION_TYPES_EN = {
    "oblast",
    "region",
    "krai",
    "kray",
    "republic",
    "of",
    "the",
    "autonomous",
    "okrug",
    "city",
    "voblasc",
    "voblasts",
    "horad",
}


def data_file(name: str) -> str:
    return resources.files("skyledger.geo").joinpath(f"data/{name}").read_text("utf-8")


def read_tsv(path: Path) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def latin_stem(key: str) -> str:
    """'kirishskiy rayon' -> 'kirish'; 'gorodskoy okrug sochi' -> 'sochi'."""
    words = [w for w in key.split(" ") if w not in DISTRICT_NOISE]
    return LATIN_ADJ.sub("", " ".join(words)) if words else ""


def cyrillic_stem(key: str) -> str:
    """'киришском' -> 'кириш'; 'харківський' -> 'харків'."""
    return CYR_ADJ.sub("", key)


class Keys:
    """key -> {(kind, id): (rank, form, lemma)}, keeping one entry per place and key.

    A key that is a form of the place's main Cyrillic name keeps that name as its lemma (rank 0),
    even when an alternate spelling (GeoNames lists some inflected forms, such as 'Полтаве') has
    it as a base form.
    """

    def __init__(self) -> None:
        self.entries: dict[str, dict[tuple[str, int | str], tuple[int, int, str]]] = defaultdict(
            dict
        )

    def add(
        self, key: str, kind: str, ref: int | str, form: int, lemma: str = "", rank: int = 0
    ) -> None:
        if not key or len(key) > 80:
            return
        slot = self.entries[key]
        new = (rank, form, lemma.replace("|", " ").replace(",", " "))
        old = slot.get((kind, ref))
        if old is None or new < old:
            slot[(kind, ref)] = new

    def add_latin(self, key: str, kind: str, ref: int | str, form: int) -> None:
        self.add(key, kind, ref, form)
        self.add(FOLD + latin_fold(key), kind, ref, form)

    def add_cyrillic(
        self, name: str, langs: tuple[str, ...], kind: str, ref: int | str, rank: int = 0
    ) -> None:
        key = name_key(name)
        if not key:
            return
        self.add(key, kind, ref, BASE, name, rank)
        for lang in langs:
            for form in name_forms(key, lang):
                self.add(form, kind, ref, INFLECTED, name, rank)
        for latin in romanisations(key, langs):
            self.add_latin(latin, kind, ref, ROMANISED)

    def rows(self) -> list[tuple[str, str]]:
        out = []
        for key in sorted(self.entries):
            refs = sorted(self.entries[key].items(), key=lambda item: (item[1][1], str(item[0])))
            out.append((key, "|".join(f"{k}{i},{f},{lemma}" for (k, i), (_, f, lemma) in refs)))
        return out


def polygon_centroid(geometry: dict) -> tuple[float, float] | None:
    """Area-weighted centroid (lat, lon) of a GeoJSON (Multi)Polygon's outer rings."""
    polygons = (
        geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    )
    area_sum = cx = cy = 0.0
    for polygon in polygons:
        ring = polygon[0]
        for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
            cross = x0 * y1 - x1 * y0
            area_sum += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
    if abs(area_sum) < 1e-12:
        return None
    return round(cy / (3 * area_sum), 5), round(cx / (3 * area_sum), 5)


def point_in_geometry(lat: float, lon: float, geometry: dict) -> bool:
    polygons = (
        geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    )
    inside = False
    for polygon in polygons:
        ring = polygon[0]
        for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
            if (y0 > lat) != (y1 > lat) and lon < (x1 - x0) * (lat - y0) / (y1 - y0) + x0:
                inside = not inside
    return inside


def read_boundaries(data_dir: Path) -> dict[str, dict]:
    path = data_dir / "boundaries" / "admin1_ru_ua_by_neighbours.geojson"
    if not path.exists():
        return {}
    features = json.loads(path.read_text("utf-8"))["features"]
    return {f["properties"]["iso3166_2"]: f["geometry"] for f in features if f["geometry"]}


def build_tables(data_dir: Path) -> dict[str, list[tuple]]:
    geonames = data_dir / "geonames"
    admin1_rows = read_tsv(geonames / "admin1.tsv")
    place_rows = read_tsv(geonames / "places_ru_ua_by.tsv.gz")
    admin2_rows = read_tsv(geonames / "admin2_ru_ua_by.tsv")
    boundaries = read_boundaries(data_dir)
    keys = Keys()

    places = []
    folds_by_admin1: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for row in sorted(place_rows, key=lambda r: int(r["geonameid"])):
        gid, iso = int(row["geonameid"]), row["iso3166_2"]
        cyrillic: list[tuple[str, tuple[str, ...]]] = []
        for column, langs in CYR_COLUMNS.items():
            cyrillic += [(n, langs) for n in row[column].split("|") if n and script_of(n) == "cyr"]
        name_ru = canonical_name(cyrillic, "ru", row["name"])
        name_uk = canonical_name(cyrillic, "uk", row["name"])
        for name, langs in cyrillic:
            rank = 0 if name in (name_ru, name_uk) else 1
            keys.add_cyrillic(name, langs, "P", gid, rank)
        latin = [row["name"], *row["names_latin"].split("|")]
        for name in latin:
            if name and script_of(name) == "lat":
                keys.add_latin(name_key(name), "P", gid, BASE)
        folds = {latin_fold(name_key(row["name"]))}
        for name, langs in cyrillic:
            folds.update(latin_fold(r) for r in romanisations(name_key(name), langs))
        population = int(row["population"] or 0)
        for fold in sorted(folds):
            folds_by_admin1[iso].append((fold, population, gid))
        places.append(
            (
                gid,
                row["name"],
                name_ru,
                name_uk,
                round(float(row["lat"]), 5),
                round(float(row["lon"]), 5),
                iso,
                population,
                "|".join(dict.fromkeys(n for n, _ in cyrillic)),
                "|".join(sorted(folds)),
            )
        )
    place_by_id = {p[0]: p for p in places}

    admin1 = []
    colloquial = read_yaml(data_file("regions_colloquial.yaml"))
    for row in sorted(admin1_rows, key=lambda r: r["iso3166_2"]):
        iso = row["iso3166_2"]
        ref = iso
        in_region = [p for p in places if p[6] == iso]
        capital = max(in_region, key=lambda p: (p[7], -p[0])) if in_region else None
        lat, lon = centroid_or_capital(boundaries.get(iso), capital)
        admin1.append(
            (
                iso,
                row["country"],
                int(row["geonames_admin1_geonameid"] or 0),
                row["name_en"],
                row["name_ru"],
                row["name_uk"],
                lat,
                lon,
                capital[0] if capital else None,
            )
        )
        cyr_names = [row["name_ru"], row["name_uk"], row["colloquial_uk"], row["colloquial_ru"]]
        lat_names = [row["name_en"], row["geonames_name"], row["iso_name"]]
        for name in [*cyr_names, *colloquial.get(iso, [])]:
            if not name:
                continue
            if script_of(name) == "cyr":
                keys.add_cyrillic(name, ("ru", "uk"), "R", ref)
                stem = cyrillic_stem(name_key(name).split(" ")[0])
                if stem != name_key(name).split(" ")[0]:
                    keys.add(REGION_STEM + stem, "R", ref, BASE, name)
            else:
                lat_names.append(name)
        for name in lat_names:
            if not name:
                continue
            key = name_key(name)
            keys.add_latin(key, "R", ref, BASE)
            core = " ".join(w for w in key.split(" ") if w not in REGION_TYPES_EN)
            if core:
                keys.add(REGION_STEM + core, "R", ref, BASE, name)
                keys.add(REGION_STEM + latin_fold(latin_stem(core) or core), "R", ref, ROMANISED)
        for name in (row["name_ru"], row["name_uk"]):
            first = name_key(name).split(" ")[0]
            stem = cyrillic_stem(first)
            if stem != first:
                for latin in romanisations(stem, ("ru", "uk")):
                    keys.add(REGION_STEM + latin_fold(latin), "R", ref, ROMANISED)

    admin2 = []
    for row in sorted(admin2_rows, key=lambda r: int(r["geonameid"])):
        gid, iso = int(row["geonameid"]), row["iso3166_2"]
        stem = latin_fold(latin_stem(name_key(row["name"])))
        seat = find_seat(stem, folds_by_admin1.get(iso, []))
        lat = lon = None
        if seat is not None:
            lat, lon = place_by_id[seat][4], place_by_id[seat][5]
        admin2.append((gid, row["name"], iso, stem, lat, lon, seat))
        if stem:
            keys.add(DISTRICT_STEM + stem, "D", gid, BASE)
        keys.add_latin(name_key(row["name"]), "D", gid, BASE)

    words = {lang: read_yaml(data_file(f"words_{lang}.yaml")) for lang in ("ru", "uk", "en")}
    for lang_words in words.values():
        for country, names in lang_words["countries"].items():
            for name in names:
                keys.add(name_key(name), "C", COUNTRY_POINTS[country][0], BASE)
    countries = [
        (iso, gid, lat, lon, name) for iso, (gid, lat, lon, name) in sorted(COUNTRY_POINTS.items())
    ]
    return {
        "places": places,
        "admin1": admin1,
        "admin2": admin2,
        "countries": countries,
        "keys": keys.rows(),
    }


def canonical_name(cyrillic: list[tuple[str, tuple[str, ...]]], lang: str, main: str) -> str:
    """The Cyrillic name in `lang` the dictionary knows and whose romanisation is closest to
    GeoNames' main name: 'Калуга' over 'Калугæ', 'Малоярославец' over 'Малоярославетс'."""
    from rapidfuzz import fuzz

    from skyledger.geo.forms import analyzer

    target = latin_fold(name_key(main))
    best, best_score = "", -1.0
    for name, langs in cyrillic:
        if lang not in langs:
            continue
        romanised = romanisations(name_key(name), (lang,))
        score = max(fuzz.ratio(latin_fold(r), target) for r in romanised) - 5 * (len(langs) > 1)
        if all(analyzer(lang).word_is_known(w) for w in name_key(name).split(" ")):
            score += 30
        if score > best_score:
            best, best_score = name, score
    return best


def centroid_or_capital(geometry: dict | None, capital: tuple | None) -> tuple[float, float]:
    """The polygon's centroid when it falls inside the region, else its most populous place."""
    if geometry:
        centre = polygon_centroid(geometry)
        if centre and point_in_geometry(*centre, geometry):
            return centre
    if capital:
        return capital[4], capital[5]
    return 0.0, 0.0


def find_seat(stem: str, folds: list[tuple[str, int, int]]) -> int | None:
    """The place a district is named after (Kirishskiy -> Kirishi, Zhizdrinskiy -> Zhizdra,
    Sevskiy -> Sevsk): the longest shared prefix, then the largest population."""
    found = seat_match(stem, folds)
    return found[1] if found else None


def seat_match(stem: str, folds: list[tuple[str, int, int]]) -> tuple[tuple, int] | None:
    """(rank, geonameid) of the best place for a folded district stem, None when none is close."""
    if len(stem) < 3:
        return None
    best = None
    opening = stem[:3]  # a close or short match shares at least the stem's first three letters
    for fold, population, gid in folds:
        if not fold.startswith(opening):
            continue
        shared = _shared_prefix(stem, fold)
        close = shared >= 4 and shared >= min(len(stem), len(fold)) - 1
        short = shared == len(stem) and len(fold) <= len(stem) + 2
        if close or short:
            rank = (shared, population, -gid)
            if best is None or rank > best[0]:
                best = (rank, gid)
    return best


def _shared_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE places (geonameid INTEGER PRIMARY KEY, name TEXT, name_ru TEXT, name_uk TEXT,
  lat REAL, lon REAL, admin1 TEXT, population INTEGER, names_cyr TEXT, folds TEXT);
CREATE TABLE admin1 (iso TEXT PRIMARY KEY, country TEXT, geonameid INTEGER, name_en TEXT,
  name_ru TEXT, name_uk TEXT, lat REAL, lon REAL, capital INTEGER) WITHOUT ROWID;
CREATE TABLE admin2 (geonameid INTEGER PRIMARY KEY, name TEXT, admin1 TEXT, stem TEXT,
  lat REAL, lon REAL, seat INTEGER);
CREATE TABLE countries (iso TEXT PRIMARY KEY, geonameid INTEGER, lat REAL, lon REAL, name TEXT)
  WITHOUT ROWID;
CREATE TABLE keys (key TEXT PRIMARY KEY, refs TEXT) WITHOUT ROWID;
"""
TABLE_ORDER = ("places", "admin1", "admin2", "countries", "keys")


def content_checksum(tables: dict[str, list[tuple]]) -> str:
    digest = hashlib.sha256(FORMAT_VERSION.encode())
    for name in TABLE_ORDER:
        for row in tables[name]:
            digest.update(json.dumps([name, *row], ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()


def read_tables(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    order = {
        "places": "geonameid",
        "admin1": "iso",
        "admin2": "geonameid",
        "countries": "iso",
        "keys": "key",
    }
    return {
        name: [tuple(r) for r in conn.execute(f"SELECT * FROM {name} ORDER BY {order[name]}")]
        for name in TABLE_ORDER
    }


def write_sqlite(tables: dict[str, list[tuple]], path: Path) -> str:
    path.unlink(missing_ok=True)
    checksum = content_checksum(tables)
    conn = sqlite3.connect(path)
    conn.executescript(SCHEMA)
    for name in TABLE_ORDER:
        rows = tables[name]
        marks = ",".join("?" * len(rows[0]))
        conn.executemany(f"INSERT INTO {name} VALUES ({marks})", rows)
    conn.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [
            ("format", FORMAT_VERSION),
            ("checksum", checksum),
            (
                "attribution",
                "Contains data from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0",
            ),
        ],
    )
    conn.commit()
    conn.execute("VACUUM")
    conn.close()
    return checksum
