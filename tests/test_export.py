"""Exports: columns, geometry by precision, the ACLED mapping, safe paths, the CLI."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from skyledger import export
from skyledger.export.columns import (
    ACLED_COLUMNS,
    CSV_COLUMNS,
    acled_row,
    event_date,
    sub_event_type,
)
from skyledger.export.geometry import claim_geometry
from skyledger.export.paths import UnsafePath, output_path
from skyledger.store.queries import Filters, iter_claims
from test_api_queries import GOVERNOR, MOD, TEXT_GOVERNOR, engine_and_ids, sample  # noqa: F401

DOCS = Path(__file__).resolve().parents[1] / "docs" / "exports.md"


def rendered(engine, fmt, filters: Filters | None = None) -> str:
    return "".join(
        export.render(
            iter_claims(engine, filters or Filters(), with_text=export.NEEDS_TEXT[fmt]), fmt
        )
    )


def test_csv_has_every_claim_and_column(engine_and_ids):  # noqa: F811
    engine, ids = engine_and_ids
    rows = list(csv.DictReader(io.StringIO(rendered(engine, "csv"))))
    assert len(rows) == len(ids["claims"])
    assert tuple(rows[0]) == CSV_COLUMNS
    kaluga = next(
        r for r in rows if r["claimant"] == GOVERNOR.claimant and r["claim_type"] == "destroyed"
    )
    assert (kaluga["admin1"], kaluga["admin1_name"], kaluga["geo_precision"]) == (
        "RU-KLU",
        "Kaluga",
        "place",
    )
    assert kaluga["places"] == "Borovsk; Maloyaroslavets"


def test_jsonl_is_one_claim_a_line(engine_and_ids):  # noqa: F811
    engine, _ids = engine_and_ids
    lines = rendered(engine, "jsonl", Filters(country="UA")).splitlines()
    assert [json.loads(line)["admin1"] for line in lines] == [None, "UA-63", "UA-51"]


def test_geojson_keeps_precision(engine_and_ids):  # noqa: F811
    engine, _ids = engine_and_ids
    features = json.loads(rendered(engine, "geojson"))["features"]
    kinds = {
        (f["properties"]["claim_type"], f["properties"]["admin1"], f["properties"]["claimant"]): f
        for f in features
    }
    governor = kinds[("destroyed", "RU-KLU", GOVERNOR.claimant)]
    assert governor["geometry"]["type"] == "MultiPoint"
    debris = kinds[("debris", "RU-KLU", GOVERNOR.claimant)]
    assert (debris["geometry"]["type"], debris["properties"]["geo_precision"]) == (
        "LineString",
        "between-places",
    )
    bryansk = kinds[("destroyed", "RU-BRY", MOD.claimant)]
    assert (bryansk["geometry"]["type"], bryansk["properties"]["geo_precision"]) == (
        "Point",
        "admin1",
    )
    total = kinds[("destroyed", None, MOD.claimant)]
    assert (total["geometry"], total["properties"]["geo_precision"]) == (None, "country")


@pytest.mark.parametrize(
    ("claim", "geometry_type", "precision"),
    [
        ({"places": [{"geo_precision": "place", "lat": 55.2, "lon": 36.5}]}, "Point", "place"),
        (
            {"places": [{"geo_precision": "place", "lat": None, "lon": None}], "admin1": "RU-KLU"},
            "Point",
            "admin1",
        ),
        (
            {
                "places": [{"geo_precision": "between-places", "lat": 1, "lon": 2}],
                "admin1": "UA-63",
            },
            "Point",
            "admin1",
        ),
        ({"places": [], "admin1": "RU-KLU", "geo_precision": "admin2"}, "Point", "admin2"),
        ({"places": [], "admin1": "XX-NONE", "country": "RU"}, None, "country"),
        ({"places": []}, None, "unresolved"),
    ],
)
def test_geometry_is_never_finer_than_the_claim(claim, geometry_type, precision):
    geometry, found = claim_geometry(claim)
    assert (geometry["type"] if geometry else None, found) == (geometry_type, precision)


@pytest.mark.parametrize(
    ("claim_type", "weapon", "expected"),
    [
        ("destroyed", "uav", "Interception or shoot-down (claimed)"),
        ("launched", "missile", "Launch (claimed)"),
        ("debris", "uav", "Debris found (claimed)"),
        ("hit", "uav", "Air/drone strike"),
        ("hit", "glide_bomb", "Air/drone strike"),
        ("damage", "missile", "Shelling/artillery/missile attack"),
        ("casualties", None, "Attack (claimed)"),
    ],
)
def test_acled_sub_event_types(claim_type, weapon, expected):
    assert sub_event_type({"claim_type": claim_type, "weapon": weapon}) == expected


def utc(day, hour=0):
    return datetime(2026, 11, day, hour, tzinfo=UTC)


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        (
            {"window_start": utc(20, 1), "window_end": utc(20, 5), "published": utc(20, 7)},
            ("2026-11-20", "day"),
        ),
        (
            {"window_start": utc(19, 21), "window_end": utc(20, 5), "published": utc(20, 7)},
            ("2026-11-19", "days"),
        ),
        (
            {"window_start": None, "window_end": None, "published": utc(21, 7)},
            ("2026-11-21", "report-date"),
        ),
        ({"window_start": None, "window_end": None, "published": None}, (None, "unknown")),
    ],
)
def test_acled_event_date(claim, expected):
    assert event_date(claim) == expected


def test_acled_row_quotes_the_evidence(engine_and_ids):  # noqa: F811
    engine, _ids = engine_and_ids
    rows = list(
        csv.DictReader(io.StringIO(rendered(engine, "acled", Filters(claimant=GOVERNOR.claimant))))
    )
    assert tuple(rows[0]) == ACLED_COLUMNS
    shot_down = next(r for r in rows if r["sub_event_type"].startswith("Interception"))
    assert shot_down["notes"].endswith('"сбиты 11 беспилотников"')
    assert (shot_down["admin1"], shot_down["fatalities"], shot_down["geo_precision"]) == (
        "Kaluga",
        "0",
        "1",
    )
    assert shot_down["location"] == "Borovsk; Maloyaroslavets"
    assert TEXT_GOVERNOR not in shot_down["notes"]  # a quote of the claim, not the whole report


ACLED_HEADER = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
    "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,"
    "country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,"
    "notes,fatalities,tags,timestamp"
)


def test_acled_export_has_acleds_columns_in_acleds_order(engine_and_ids):  # noqa: F811
    pandas = pytest.importorskip("pandas")
    engine, ids = engine_and_ids
    table = pandas.read_csv(io.StringIO(rendered(engine, "acled")))
    assert list(table.columns) == [*ACLED_HEADER.split(","), "skyledger_claim_id"]
    assert sorted(table["skyledger_claim_id"]) == sorted(ids["claims"].values())
    governor = table[
        table["skyledger_claim_id"] == ids["claims"][(GOVERNOR.claimant, "RU-KLU", "destroyed")]
    ].iloc[0]
    assert (governor["country"], governor["iso"], governor["region"]) == ("Russia", 643, "Europe")
    assert (governor["event_date"], governor["year"], governor["time_precision"]) == (
        "2026-11-20",
        2026,
        2,
    )
    assert governor["event_id_cnty"].startswith("RUS-SL")
    assert governor["source"] == f"{GOVERNOR.claimant}; {GOVERNOR.name}"
    assert governor["source_scale"] == "New media"
    assert set(table["geo_precision"]) <= {1, 2, 3}
    assert set(table["time_precision"]) <= {1, 2, 3}
    assert table["actor1"].isna().all()  # claimants are no perpetrators


@pytest.mark.parametrize(
    ("claim", "date", "precision"),
    [
        ({"window_start": utc(20, 1), "window_end": utc(20, 5)}, "2026-11-20", 1),
        ({"window_start": utc(19, 21), "window_end": utc(20, 5)}, "2026-11-19", 2),
        ({"window_start": utc(1), "window_end": utc(20)}, "2026-11-01", 3),
        ({"published": utc(21, 7)}, "2026-11-21", 2),  # the report's day stands in
        ({}, None, 3),  # undated: no date, and the coarsest precision
    ],
)
def test_acled_dates_and_their_precision(claim, date, precision):
    row = acled_row({"claim_type": "hit", "places": [], **claim})
    assert (row["event_date"], row["year"] if date else None, row["time_precision"]) == (
        date,
        int(date[:4]) if date else None,
        precision,
    )


def test_a_sea_keeps_its_water_name():
    claim = {
        "claim_type": "destroyed",
        "country": "RU",
        "places": [{"text": "над Чёрным морем", "normal": "Black Sea", "geo_precision": "water"}],
    }
    row = acled_row(claim)
    assert (row["location"], row["geo_precision"], row["latitude"]) == ("Black Sea", 3, None)
    assert claim_geometry(claim) == (None, "water")


def test_unknown_fatalities_stay_blank_not_zero():
    row = acled_row(
        {"claim_type": "hit", "weapon": "uav", "places": [], "killed": None, "published": utc(1)}
    )
    assert row["fatalities"] is None


def test_spreadsheet_formulas_are_defused():
    claim = {
        "id": 1,
        "claim_type": "hit",
        "claimant": '=HYPERLINK("x")',
        "places": [],
        "evidence": {},
    }
    row = next(csv.DictReader(io.StringIO("".join(export.render([claim], "csv")))))
    assert row["claimant"].startswith("'=")


def test_unknown_format_is_an_error():
    with pytest.raises(ValueError, match="unknown export format"):
        export.render([], "xlsx")


@pytest.mark.parametrize(
    ("path", "ok"),
    [
        ("claims.csv", True),
        ("sub/dir/claims.csv", True),
        ("../claims.csv", False),
        ("sub/../../claims.csv", False),
        ("/etc/passwd", False),
        (".", False),
    ],
)
def test_output_paths_stay_inside_the_base_dir(tmp_path, path, ok):
    if ok:
        assert output_path(path, tmp_path).is_relative_to(tmp_path)
    else:
        with pytest.raises(UnsafePath):
            output_path(path, tmp_path)


def test_symlinks_out_of_the_base_dir_are_refused(tmp_path):
    (tmp_path / "out").symlink_to(tmp_path.parent)
    with pytest.raises(UnsafePath):
        output_path("out/claims.csv", tmp_path)


def test_without_a_base_dir_any_path_is_allowed(tmp_path, monkeypatch):
    monkeypatch.delenv("SKYLEDGER_EXPORT_DIR", raising=False)
    assert output_path(tmp_path / "x.csv") == tmp_path / "x.csv"


def documented_record() -> list[str]:
    """The columns of the claim-record table in docs/exports.md, in order."""
    section = DOCS.read_text(encoding="utf-8").split("## Claim records")[1].split("\n## ")[0]
    return re.findall(r"^\| `([a-z0-9_]+)` \|", section, flags=re.M)


def test_csv_jsonl_and_geojson_share_the_documented_record(engine_and_ids):  # noqa: F811
    engine, _ids = engine_and_ids
    documented = documented_record()
    assert "latitude" in documented and "admin1_name" in documented
    header = next(csv.reader(io.StringIO(rendered(engine, "csv"))))
    lines = [json.loads(line) for line in rendered(engine, "jsonl").splitlines()]
    features = json.loads(rendered(engine, "geojson"))["features"]
    assert header == documented
    assert {tuple(line) for line in lines} == {tuple(documented)}
    assert {tuple(f["properties"]) for f in features} == {tuple(documented)}
    by_id = {line["id"]: line for line in lines}
    for feature in features:  # the same values, not only the same names
        assert feature["properties"] == by_id[feature["id"]]


def test_every_record_quotes_its_evidence_words(engine_and_ids):  # noqa: F811
    engine, _ids = engine_and_ids
    lines = [
        json.loads(line)
        for line in rendered(engine, "jsonl", Filters(claimant=GOVERNOR.claimant)).splitlines()
    ]
    assert {line["evidence_text"] for line in lines} == {
        "сбиты 11 беспилотников",
        "Обломки беспилотника найдены",
    }


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Обломки беспилотника упали между Боровском и Малоярославцем Калужской области.", "ru"),
        ("Уламки дрона впали між Богодуховом та Золочевом на Харківщині.", "uk"),
        (
            "Debris of a drone fell between the villages of Borovsk and Maloyaroslavets in Kaluga region.",
            "en",
        ),
    ],
)
def test_between_two_places_is_one_segment(text, lang, sqlite_url):
    from skyledger.extract import extract
    from skyledger.records import Report, Source
    from skyledger.store.db import open_engine
    from skyledger.store.writer import save_batch

    claims = extract(text, lang=lang)
    assert [p.geo_precision for p in claims[0].places] == ["between-places", "between-places"]
    engine = open_engine(sqlite_url)
    source = Source(kind="telegram", name="regional_news", claimant="Regional governor", lang=lang)
    save_batch(engine, [(Report(source=source, external_id="1", lang=lang, text=text), claims)])
    features = json.loads(rendered(engine, "geojson"))["features"]
    engine.dispose()
    assert [f["geometry"]["type"] for f in features] == ["LineString"]
    assert features[0]["properties"]["geo_precision"] == "between-places"


def test_geopandas_reads_the_segment_as_a_linestring(engine_and_ids, tmp_path):  # noqa: F811
    geopandas = pytest.importorskip("geopandas")
    engine, ids = engine_and_ids
    path = tmp_path / "claims.geojson"
    path.write_text(rendered(engine, "geojson"), encoding="utf-8")
    frame = geopandas.read_file(path)
    debris = frame[frame["id"] == ids["claims"][(GOVERNOR.claimant, "RU-KLU", "debris")]].iloc[0]
    assert debris.geometry.geom_type == "LineString"
    assert len(debris.geometry.coords) == 2  # Yermolino to Borovsk
    assert list(frame.columns) == [*documented_record(), "geometry"]


def test_docs_describe_every_column():
    text = DOCS.read_text(encoding="utf-8")
    missing = [c for c in (*CSV_COLUMNS, *ACLED_COLUMNS) if f"`{c}`" not in text]
    assert missing == []
