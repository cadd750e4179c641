"""The gazetteer file: built by scripts/build_gazetteer.py, checked in, never edited by hand."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from skyledger.geo.build import (
    content_checksum,
    cyrillic_stem,
    find_seat,
    latin_stem,
    read_tables,
)
from skyledger.geo.forms import name_forms
from skyledger.geo.gazetteer import ATTRIBUTION, Gazetteer, connect, default_path, load
from skyledger.geo.normalize import latin_fold, name_key
from skyledger.geo.translit import romanise

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT.parent / "shared" / "data"


def committed_tables() -> tuple[dict, str]:
    conn = sqlite3.connect(f"file:{default_path()}?mode=ro", uri=True)
    try:
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        return read_tables(conn), meta["checksum"]
    finally:
        conn.close()


def test_file_fits_in_the_wheel():
    assert default_path().stat().st_size <= 30 * 1024 * 1024


def test_committed_content_matches_its_checksum():
    """Catches hand edits: the rows must hash to the checksum the build stored."""
    tables, checksum = committed_tables()
    assert content_checksum(tables) == checksum


@pytest.mark.slow
@pytest.mark.skipif(not (DATA_DIR / "geonames").is_dir(), reason="GeoNames extracts not present")
def test_rebuild_matches_committed_file():
    """Regenerates the gazetteer in memory, in a process of its own as the build script runs:
    rerun scripts/build_gazetteer.py if this fails."""
    _, checksum = committed_tables()
    code = (
        "import sys; from pathlib import Path; "
        "from skyledger.geo.build import build_tables, content_checksum; "
        "print(content_checksum(build_tables(Path(sys.argv[1]))))"
    )
    built = subprocess.run(
        [sys.executable, "-c", code, str(DATA_DIR)], capture_output=True, text=True, timeout=900
    )
    assert built.returncode == 0, built.stderr[-2000:]
    assert built.stdout.strip() == checksum


def test_attribution_is_shipped():
    text = (ROOT / "src" / "skyledger" / "geo" / "data" / "ATTRIBUTION").read_text("utf-8")
    assert ATTRIBUTION in text
    assert load().meta["attribution"] == ATTRIBUTION


@pytest.mark.parametrize(
    "iso, name_en",
    [
        ("RU-KLU", "Kaluga Oblast"),
        ("RU-LEN", "Leningrad Oblast"),
        ("UA-43", "Autonomous Republic of Crimea"),
        ("UA-40", "Sevastopol"),
        ("UA-63", "Kharkiv Oblast"),
        ("BY-HM", "Minsk"),
    ],
)
def test_regions_carry_iso_codes(iso, name_en):
    region = load().regions[iso]
    assert region.name_en == name_en
    assert 40 < region.lat < 75 and 20 < region.lon < 180


def test_every_region_of_ru_ua_by_is_there():
    regions = load().regions
    assert len(regions) == 117
    assert sum(iso.startswith("RU-") for iso in regions) == 83
    assert sum(iso.startswith("UA-") for iso in regions) == 27


@pytest.mark.parametrize(
    "key, geonameid",
    [
        ("малоярославцем", 530849),  # inflected, from pymorphy3
        ("киришами", 548442),
        ("будогощью", 571252),
        ("ермолино", 467238),
        ("ермолине", 467238),  # suffix rule for -ино
        ("yermolino", 467238),  # BGN romanisation
        ("ermolino", 467238),  # simple romanisation
        ("kharkov", 706483),
        ("kharkiv", 706483),
        ("харкові", 706483),
        ("купянськ", None),  # Kupiansk: apostrophe folded
    ],
)
def test_name_keys_point_at_places(key, geonameid):
    gaz = load()
    entries = [e for e in gaz.entries(key) if e.kind == "P"]
    assert entries, key
    if geonameid is not None:
        assert geonameid in {e.ref for e in entries}


@pytest.mark.parametrize(
    "key, iso",
    [
        ("калужской области", "RU-KLU"),
        ("харківщині", "UA-63"),
        ("одещину", "UA-51"),
        ("kaluga oblast", "RU-KLU"),
        ("подмосковье", "RU-MOS"),
    ],
)
def test_region_keys(key, iso):
    assert iso in {e.ref for e in load().entries(key) if e.kind == "R"}


def test_name_keys_are_read_from_the_file_as_looked_up():
    """Loading leaves the name keys in the file; a key read in another thread or another
    process answers as one read here."""
    gaz = Gazetteer(*_opened())
    assert gaz._refs == {}
    here = gaz.entries("харьков")
    assert here and list(gaz._refs) == ["харьков"]
    assert gaz.entries("no such place") == []

    other = Gazetteer(*_opened())
    answers = []
    thread = threading.Thread(target=lambda: answers.append(other.entries("харьков")))
    thread.start()
    thread.join()
    assert answers == [here]

    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # a forked worker opens its own connection
        os.write(writer, repr(gaz.entries("киев")).encode())
        os._exit(0)
    os.close(writer)
    os.waitpid(child, 0)
    assert os.read(reader, 100_000).decode() == repr(load().entries("киев"))


def test_all_keys_are_sorted():
    keys = load().all_keys()
    assert len(keys) > 200_000 and keys == sorted(keys)


def _opened() -> tuple:
    return connect(str(default_path())), str(default_path())


@pytest.mark.parametrize(
    "text, key",
    [
        ("Ёлкино", "елкино"),
        ("Куп’янськ", "купянськ"),
        ("Куп'янськ", "купянськ"),
        ("Купʼянськ", "купянськ"),
        ("Ростов-на-Дону", "ростов на дону"),
        ("  Kharkiv  ", "kharkiv"),
        ("Łódź", "lodz"),
        ("Kirišai", "kirisai"),
        ("Йошкар-Ола", "йошкар ола"),  # й keeps its breve
    ],
)
def test_name_key(text, key):
    assert name_key(text) == key


@pytest.mark.parametrize(
    "a, b",
    [
        ("kharkov", "harkov"),
        ("yermolino", "ermolino"),
        ("shchekino", "sekino"),
        ("zhytomyr", "zitomir"),
    ],
)
def test_latin_fold(a, b):
    assert latin_fold(a) == b


@pytest.mark.parametrize(
    "key, system, latin",
    [
        ("ермолино", "ru_bgn", "yermolino"),
        ("ермолино", "ru_simple", "ermolino"),
        ("малоярославец", "ru_bgn", "maloyaroslavets"),
        ("харьков", "ru_bgn", "kharkov"),
        ("харків", "uk_national", "kharkiv"),
        ("згурівка", "uk_national", "zghurivka"),
        ("юрівка", "uk_national", "yurivka"),
        ("красноармейский", "ru_bgn", "krasnoarmeyskiy"),
    ],
)
def test_romanise(key, system, latin):
    assert romanise(key, system) == latin


@pytest.mark.parametrize(
    "name, lang, form",
    [
        ("малоярославец", "ru", "малоярославцем"),
        ("кириши", "ru", "киришами"),
        ("будогощь", "ru", "будогощью"),
        ("ермолино", "ru", "ермолине"),
        ("боровск", "ru", "боровску"),
        ("нижний новгород", "ru", "нижнем новгороде"),
        ("ростов на дону", "ru", "ростове на дону"),
        ("харків", "uk", "харкові"),
        ("одноробівка", "uk", "одноробівці"),
        ("рівне", "uk", "рівному"),
        ("суми", "uk", "сумах"),
        ("кривий ріг", "uk", "кривому розі"),
        ("велика новосілка", "uk", "великій новосілці"),
        ("харківщина", "uk", "харківщині"),
    ],
)
def test_inflected_forms(name, lang, form):
    assert form in name_forms(name, lang)


@pytest.mark.parametrize(
    "latin, stem",
    [
        ("kirishskiy rayon", "kirish"),
        ("kharkivskyi raion", "kharkiv"),
        ("gorodskoy okrug sochi", "sochi"),
    ],
)
def test_latin_district_stem(latin, stem):
    assert latin_stem(latin) == stem


@pytest.mark.parametrize(
    "word, stem", [("киришском", "кириш"), ("харківський", "харків"), ("калужской", "калуж")]
)
def test_cyrillic_stem(word, stem):
    assert cyrillic_stem(word) == stem


@pytest.mark.parametrize(
    "stem, folds, seat",
    [
        ("kiris", [("kirisi", 56190, 1), ("kirov", 5000, 2)], 1),
        ("zizdrin", [("zizdra", 5000, 3)], 3),
        ("sev", [("sevsk", 7594, 4), ("severnoe", 9000, 5)], 4),
        ("dzerzin", [("kondrovo", 14000, 6)], None),
    ],
)
def test_district_seat(stem, folds, seat):
    assert find_seat(stem, folds) == seat
