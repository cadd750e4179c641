"""store/queries.py: filters, keyset pages, aggregates; and the sample ledger the API,
export and browser tests share (sentences written for these tests)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import insert, select

from conftest import postgres_schema
from skyledger.records import Claim, PlaceMention, Report, Source
from skyledger.review import review
from skyledger.store import queries
from skyledger.store.db import open_engine
from skyledger.store.queries import Filters
from skyledger.store.schema import claims, events
from skyledger.store.writer import save_batch

MOD = Source(
    kind="telegram", name="mod_bulletins", claimant="Russian Ministry of Defense", lang="ru"
)
GOVERNOR = Source(
    kind="telegram", name="kaluga_governor", claimant="Governor of Kaluga Oblast", lang="ru"
)
AIR_FORCE = Source(kind="telegram", name="air_force_ua", claimant="Ukrainian Air Force", lang="uk")
ARCHIVE = Source(
    kind="file", name="old_statements.txt", claimant="Governor of Belgorod Oblast", lang="en"
)

BOROVSK = {
    "normal": "Боровск",
    "name": "Borovsk",
    "geonameid": 572070,
    "lat": 55.20343,
    "lon": 36.49088,
}
MALOYAROSLAVETS = {
    "normal": "Малоярославец",
    "name": "Maloyaroslavets",
    "geonameid": 530849,
    "lat": 55.01457,
    "lon": 36.47185,
}
YERMOLINO = {
    "normal": "Ермолино",
    "name": "Yermolino",
    "geonameid": 467238,
    "lat": 55.19833,
    "lon": 36.59528,
}
ODESA = {"normal": "Одеса", "name": "Odesa", "geonameid": 698740, "lat": 46.48572, "lon": 30.74383}

TEXT_MOD = (
    "Дежурными средствами ПВО перехвачены и уничтожены 20 беспилотников: "
    "10 над Калужской областью, 8 над Брянской областью, 2 над Московской областью."
)
TEXT_GOVERNOR = "Над Боровском и Малоярославцем сбиты 11 беспилотников. Пострадавших нет."
TEXT_DEBRIS = "Обломки беспилотника найдены в поле между Ермолино и Боровском."
TEXT_AIR_FORCE = "Уночі ворог випустив 3 крилаті ракети Х-101. Над Харківщиною збито 2 ракети."
TEXT_SCRIPT = "<script>alert('x')</script> Над Одесою збито 4 ударні дрони."
TEXT_ARCHIVE = "Air defence shot down one drone over Belgorod Oblast, the governor said."


def span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def place(text: str, written: str, data: dict, precision: str, admin1: str) -> PlaceMention:
    return PlaceMention(
        text=written, admin1=admin1, geo_precision=precision, span=span(text, written), **data
    )


def at(day: int, hour: int = 6) -> datetime:
    return datetime(2026, 11, day, hour, tzinfo=UTC)


def sample_batch() -> list[tuple[Report, list[Claim]]]:
    destroyed = {
        "claim_type": "destroyed",
        "weapon": "uav",
        "count_qualifier": "exact",
        "country": "RU",
    }
    mod_claims = [
        Claim(
            id="c0",
            claimant=MOD.claimant,
            count=20,
            evidence={"claim": span(TEXT_MOD, "уничтожены 20 беспилотников")},
            **destroyed,
        ),
        Claim(
            id="c1",
            parent="c0",
            claimant=MOD.claimant,
            count=10,
            admin1="RU-KLU",
            region_text="Калужская область",
            evidence={
                "claim": span(TEXT_MOD, "10 над Калужской областью"),
                "admin1": span(TEXT_MOD, "Калужской областью"),
            },
            **destroyed,
        ),
        Claim(
            id="c2",
            parent="c0",
            claimant=MOD.claimant,
            count=8,
            admin1="RU-BRY",
            evidence={"claim": span(TEXT_MOD, "8 над Брянской областью")},
            **destroyed,
        ),
        Claim(
            id="c3",
            parent="c0",
            claimant=MOD.claimant,
            count=2,
            admin1="RU-MOS",
            evidence={"claim": span(TEXT_MOD, "2 над Московской областью")},
            **destroyed,
        ),
    ]
    governor_claims = [
        Claim(
            claimant=GOVERNOR.claimant,
            count=11,
            admin1="RU-KLU",
            killed=0,
            injured=0,
            places=[
                place(TEXT_GOVERNOR, "Боровском", BOROVSK, "place", "RU-KLU"),
                place(TEXT_GOVERNOR, "Малоярославцем", MALOYAROSLAVETS, "place", "RU-KLU"),
            ],
            evidence={
                "claim": span(TEXT_GOVERNOR, "сбиты 11 беспилотников"),
                "count": span(TEXT_GOVERNOR, "11"),
            },
            **destroyed,
        ),
    ]
    debris_claims = [
        Claim(
            claimant=GOVERNOR.claimant,
            claim_type="debris",
            weapon="uav",
            country="RU",
            admin1="RU-KLU",
            places=[
                place(TEXT_DEBRIS, "Ермолино", YERMOLINO, "between-places", "RU-KLU"),
                place(TEXT_DEBRIS, "Боровском", BOROVSK, "between-places", "RU-KLU"),
            ],
            evidence={"claim": span(TEXT_DEBRIS, "Обломки беспилотника найдены")},
        ),
    ]
    air_force_claims = [
        Claim(
            claimant=AIR_FORCE.claimant,
            claim_type="launched",
            weapon="missile",
            model="Kh-101",
            count=3,
            count_qualifier="exact",
            country="UA",
            window_start=at(20, 21),
            window_end=at(21, 4),
            evidence={"claim": span(TEXT_AIR_FORCE, "випустив 3 крилаті ракети")},
        ),
        Claim(
            claimant=AIR_FORCE.claimant,
            claim_type="destroyed",
            weapon="missile",
            count=2,
            count_qualifier="exact",
            country="UA",
            admin1="UA-63",
            region_text="Харківщина",
            evidence={
                "claim": span(TEXT_AIR_FORCE, "збито 2 ракети"),
                "admin1": span(TEXT_AIR_FORCE, "Харківщиною"),
            },
        ),
    ]
    script_claims = [
        Claim(
            claimant=AIR_FORCE.claimant,
            claim_type="destroyed",
            weapon="uav",
            count=4,
            count_qualifier="exact",
            country="UA",
            admin1="UA-51",
            places=[place(TEXT_SCRIPT, "Одесою", ODESA, "place", "UA-51")],
            evidence={"claim": span(TEXT_SCRIPT, "збито 4 ударні дрони")},
        ),
    ]
    archive_claims = [
        Claim(
            claimant=ARCHIVE.claimant,
            claim_type="destroyed",
            weapon="uav",
            count=1,
            count_qualifier="exact",
            country="RU",
            admin1="RU-BEL",
            evidence={"claim": span(TEXT_ARCHIVE, "shot down one drone")},
        ),
    ]
    return [
        (Report(source=ARCHIVE, external_id="1", published=at(1), lang="en", text=TEXT_ARCHIVE), archive_claims),
        (Report(source=MOD, external_id="101", url="https://t.me/mod_bulletins/101", published=at(20, 5), lang="ru", text=TEXT_MOD), mod_claims),
        (Report(source=GOVERNOR, external_id="55", published=at(20, 6), lang="ru", text=TEXT_GOVERNOR), governor_claims),
        (Report(source=GOVERNOR, external_id="56", published=at(21, 9), lang="ru", text=TEXT_DEBRIS), debris_claims),
        (Report(source=AIR_FORCE, external_id="900", published=at(21, 7), lang="uk", text=TEXT_AIR_FORCE), air_force_claims),
        (Report(source=AIR_FORCE, external_id="901", published=at(22, 7), lang="uk", text=TEXT_SCRIPT), script_claims),
    ]  # fmt: skip


def statement(claim_id, source, count, published, url=None) -> dict:
    return {
        "claim_id": claim_id,
        "claimant": source.claimant,
        "count": count,
        "count_qualifier": "exact",
        "killed": None,
        "injured": None,
        "parts": [claim_id],
        "agrees": False,
        "superseded": False,
        "citations": [
            {"claim_id": claim_id, "report_id": None, "url": url, "source": source.name,
             "lang": source.lang, "published": published.isoformat()}
        ],
    }  # fmt: skip


def build_sample(url: str) -> dict:
    """Store the sample reports, group two Kaluga claims into a conflicting event; ids by name."""
    engine = open_engine(url)
    save_batch(engine, sample_batch())
    with engine.begin() as conn:
        ids = {
            (row.claimant, row.admin1, row.claim_type): row.id
            for row in conn.execute(
                select(claims.c.id, claims.c.claimant, claims.c.admin1, claims.c.claim_type)
            )
        }
        kaluga = [
            ids[(MOD.claimant, "RU-KLU", "destroyed")],
            ids[(GOVERNOR.claimant, "RU-KLU", "destroyed")],
        ]
        kharkiv = ids[(AIR_FORCE.claimant, "UA-63", "destroyed")]
        # Event detail as reconciliation stores it: one statement per claimant, with citations.
        detail = {"statements": [statement(kaluga[0], MOD, 10, at(20, 5), "https://t.me/mod_bulletins/101"),
                                 statement(kaluga[1], GOVERNOR, 11, at(20, 6))]}  # fmt: skip
        conflict_id = conn.execute(
            insert(events).returning(events.c.id),
            {"key": "destroyed|uav|RU-KLU|2026-11-20", "claim_type": "destroyed", "weapon": "uav", "country": "RU",
             "admin1": "RU-KLU", "low": 10, "best": 10, "high": 11, "conflict": True, "first_reported": at(20, 5),
             "window_start": at(20, 0), "window_end": at(20, 5), "detail": detail},
        ).scalar_one()  # fmt: skip
        agreed_id = conn.execute(
            insert(events).returning(events.c.id),
            {"key": "destroyed|missile|UA-63|2026-11-21", "claim_type": "destroyed", "weapon": "missile",
             "country": "UA", "admin1": "UA-63", "low": 2, "best": 2, "high": 2, "conflict": False,
             "first_reported": at(21, 7), "detail": {"statements": [statement(kharkiv, AIR_FORCE, 2, at(21, 7))]}},
        ).scalar_one()  # fmt: skip
        conn.execute(claims.update().where(claims.c.id.in_(kaluga)).values(event_id=conflict_id))
        conn.execute(claims.update().where(claims.c.id == kharkiv).values(event_id=agreed_id))
    engine.dispose()
    return {
        "claims": ids,
        "conflict_event": conflict_id,
        "agreed_event": agreed_id,
        "claim_total": len(ids),
    }


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def sample(request, tmp_path_factory):
    """(url, ids) of a ledger holding the sample reports, on SQLite and PostgreSQL.

    Built once per test module: tests that use it only read. Writers use `db_url`.
    """
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('sample') / 'ledger.db'}"
        yield url, build_sample(url)
        return
    with postgres_schema() as url:
        yield url, build_sample(url)


@pytest.fixture(scope="module")
def engine_and_ids(sample):
    url, ids = sample
    engine = open_engine(url)
    yield engine, ids
    engine.dispose()


# -- tests of queries.py ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), 10),
        (Filters(weapon="missile"), 2),
        (Filters(claim_type="destroyed"), 8),
        (Filters(admin1="RU-KLU"), 3),
        (Filters(country="UA"), 3),
        (Filters(claimant="Governor of Kaluga Oblast"), 2),
        # one claimant however it is written: its canonical id
        (Filters(claimant="Губернатор Калужской области"), 2),
        (Filters(claimant="Governor of Kaluga Oblast Vladislav Shapsha"), 2),
        (Filters(claimant="Шапша"), 2),
        (Filters(since=at(21, 0)), 4),
        (Filters(until=at(20, 0)), 1),
        (Filters(since=at(20, 0), until=at(21, 0)), 5),
        (Filters(q="беспилотников"), 5),  # FTS: the MoD bulletin (4 claims) and the governor's post
        (Filters(q="Одесою дрони"), 1),  # every word must occur
        (Filters(q="ОДЕСОЮ"), 1),  # Cyrillic case folds on both backends
        (Filters(q='"unbalanced OR ('), 0),  # query syntax is taken as words, never an error
        (Filters(q="   "), 10),
        (Filters(admin1="RU-KLU", claim_type="debris"), 1),
    ],
)
def test_claim_filters(engine_and_ids, filters, expected):
    engine, _ids = engine_and_ids
    assert len(queries.list_claims(engine, filters, limit=100).items) == expected


def test_keyset_pages_cover_every_claim_once(engine_and_ids):
    engine, ids = engine_and_ids
    seen, cursor = [], None
    while True:
        page = queries.list_claims(engine, cursor=cursor, limit=3)
        seen.extend(item["id"] for item in page.items)
        if page.next is None:
            break
        cursor = page.next
    assert sorted(seen) == sorted(ids["claims"].values())
    assert seen == sorted(seen, reverse=True)


@pytest.mark.parametrize("cursor", ["nonsense", "azE6MA", "!!", "eDox"])
def test_foreign_cursors_are_refused(engine_and_ids, cursor):
    engine, _ids = engine_and_ids
    with pytest.raises(queries.InvalidCursor):
        queries.list_claims(engine, cursor=cursor)


@pytest.mark.parametrize(
    ("places", "admin1", "country", "expected"),
    [
        ([{"geo_precision": "place", "lat": 55.2, "lon": 36.5}], "RU-KLU", "RU", "place"),
        ([{"geo_precision": "place", "lat": None, "lon": None}], "RU-KLU", "RU", "admin1"),
        (
            [{"geo_precision": "between-places", "lat": 1.0, "lon": 2.0}],
            "RU-KLU",
            "RU",
            "between-places",
        ),
        ([{"geo_precision": "admin2"}], "RU-KLU", "RU", "admin2"),
        ([], "RU-KLU", "RU", "admin1"),
        ([], None, "UA", "country"),
        ([], None, None, "unresolved"),
    ],
)
def test_claim_precision_never_finer_than_the_claim(places, admin1, country, expected):
    assert queries.claim_precision(places, admin1, country) == expected


@pytest.mark.parametrize(
    ("q", "expected"),
    [("дрони", '"дрони"'), ('a"b', '"a""b"'), ("NEAR( x", '"NEAR(" "x"')],
)
def test_fts_query_quotes_every_word(q, expected):
    assert queries.fts_query(q) == expected


def test_regions_count_claims_events_and_conflicts(engine_and_ids):
    engine, _ids = engine_and_ids
    by_code = {r["admin1"]: r for r in queries.regions(engine)}
    assert by_code["RU-KLU"] == {
        "admin1": "RU-KLU",
        "claims": 3,
        "claimed": 21,
        "events": 1,
        "conflicts": 1,
    }
    assert by_code["UA-63"]["conflicts"] == 0
    assert set(by_code) == {"RU-KLU", "RU-BRY", "RU-MOS", "RU-BEL", "UA-63", "UA-51"}


def test_timeseries_by_day_area_and_claimant(engine_and_ids):
    engine, _ids = engine_and_ids
    rows = queries.timeseries(engine, Filters(admin1="RU-KLU"))
    assert [
        (r["day"], r["claim_type"], r["claimant"], r["claims"], r["claimed"]) for r in rows
    ] == [
        ("2026-11-20", "destroyed", "Governor of Kaluga Oblast", 1, 11),
        ("2026-11-20", "destroyed", "Russian Ministry of Defense", 1, 10),
        ("2026-11-21", "debris", "Governor of Kaluga Oblast", 1, 0),
    ]


def test_timeseries_never_adds_launched_to_destroyed(engine_and_ids):
    # The Air Force said 3 missiles were launched and 2 destroyed on the 21st: two series.
    engine, _ids = engine_and_ids
    rows = queries.timeseries(engine, Filters(country="UA"), by_area=False)
    assert [(r["day"], r["claim_type"], r["claimed"]) for r in rows] == [
        ("2026-11-21", "destroyed", 2),
        ("2026-11-21", "launched", 3),
        ("2026-11-22", "destroyed", 4),
    ]


def test_timeseries_counts_a_breakdown_not_its_total_too(engine_and_ids):
    engine, _ids = engine_and_ids
    rows = queries.timeseries(
        engine, Filters(claimant="Russian Ministry of Defense"), by_area=False
    )
    assert [(r["day"], r["admin1"], r["claims"], r["claimed"]) for r in rows] == [
        ("2026-11-20", None, 3, 20)
    ]


def test_source_health_flags_silent_sources(engine_and_ids):
    engine, _ids = engine_and_ids
    health = {s["name"]: s for s in queries.source_health(engine, days=7)}
    assert health["old_statements.txt"]["silent"] is True
    assert health["air_force_ua"]["silent"] is False
    assert len(health["mod_bulletins"]["per_day"]) == 7
    assert {d["day"]: d["reports"] for d in health["kaluga_governor"]["per_day"]}["2026-11-21"] == 1


def test_places_counts_resolved_places(engine_and_ids):
    engine, _ids = engine_and_ids
    by_name = {p["name"]: p for p in queries.places(engine)}
    assert by_name["Borovsk"]["claims"] == 2
    assert by_name["Borovsk"]["claimants"] == 1
    assert set(by_name) == {"Borovsk", "Maloyaroslavets", "Yermolino", "Odesa"}


def test_events_filter_by_member_claimant_and_conflict(engine_and_ids):
    engine, ids = engine_and_ids
    assert [e["id"] for e in queries.list_events(engine, conflict=True).items] == [
        ids["conflict_event"]
    ]
    governor = queries.list_events(engine, Filters(claimant="Governor of Kaluga Oblast")).items
    assert [e["id"] for e in governor] == [ids["conflict_event"]]
    event = queries.get_event(engine, ids["conflict_event"])
    assert {c["claimant"] for c in event["claims"]} == {
        "Russian Ministry of Defense",
        "Governor of Kaluga Oblast",
    }


def test_fts_follows_reports_written_later(db_url):
    engine = open_engine(db_url)
    later = Report(
        source=ARCHIVE, external_id="2", published=at(23), text="Fresh wording: quadcopter sighted."
    )
    save_batch(engine, [(later, [])])
    assert [
        r["external_id"] for r in queries.list_reports(engine, Filters(q="quadcopter")).items
    ] == ["2"]


@pytest.mark.parametrize("q", ["беспилотников", "Одесою дрони", "нет такого слова"])
def test_both_text_search_plans_find_the_same_claims(engine_and_ids, monkeypatch, q):
    engine, _ids = engine_and_ids
    few = [c["id"] for c in queries.list_claims(engine, Filters(q=q), limit=100).items]
    monkeypatch.setattr(queries, "DEFAULT_LIMIT", 0)  # every match counts as "many"
    many = [c["id"] for c in queries.list_claims(engine, Filters(q=q), limit=100).items]
    assert few == many


# -- property tests of the two parsers: cursors and search words ---------------------------------


@given(st.integers(min_value=1, max_value=queries.MAX_ID))
def test_cursors_round_trip(last_id):
    assert queries.decode_cursor(queries.encode_cursor(last_id)) == last_id


@given(st.text(max_size=60))
def test_any_cursor_text_is_accepted_or_refused_cleanly(cursor):
    try:
        value = queries.decode_cursor(cursor)
    except queries.InvalidCursor:
        return
    assert value is None or 0 < value <= queries.MAX_ID


@given(st.text(max_size=40).filter(lambda q: "\x00" not in q))
def test_any_words_make_a_valid_fts5_query(q):
    conn = sqlite3.connect(":memory:")
    conn.execute(
        "CREATE VIRTUAL TABLE t USING fts5(text, tokenize='unicode61 remove_diacritics 2')"
    )
    conn.execute("INSERT INTO t VALUES ('Над Боровском сбиты 11 беспилотников')")
    if q.split():
        conn.execute("SELECT rowid FROM t WHERE t MATCH ?", (queries.fts_query(q),)).fetchall()
    conn.close()


TEXT_UNDATED = "Над Калужской областью уничтожены 3 беспилотника."


def undated_batch() -> list[tuple[Report, list[Claim]]]:
    """A report with no known time, as a file without dates gives."""
    claim = Claim(
        claimant=GOVERNOR.claimant,
        claim_type="destroyed",
        weapon="uav",
        count=3,
        count_qualifier="exact",
        country="RU",
        admin1="RU-KLU",
        evidence={"claim": span(TEXT_UNDATED, "уничтожены 3 беспилотника")},
    )
    return [
        (Report(source=GOVERNOR, external_id="undated-1", lang="ru", text=TEXT_UNDATED), [claim])
    ]


@pytest.fixture
def with_undated(db_url):
    build_sample(db_url)
    engine = open_engine(db_url)
    save_batch(engine, undated_batch())
    yield engine
    engine.dispose()


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), 11),  # no window: every claim, dated or not
        (Filters(undated=False), 10),
        (Filters(since=at(21, 0)), 4),  # a window alone leaves the undated claim out
        (Filters(since=at(21, 0), undated=True), 5),  # unless asked to keep it
        (Filters(until=at(20, 0), undated=True, admin1="RU-KLU"), 1),
    ],
)
def test_undated_claims_are_kept_or_left_out_as_asked(with_undated, filters, expected):
    assert len(queries.list_claims(with_undated, filters, limit=100).items) == expected
    assert queries.stats(with_undated, filters)["claims"] == expected


def test_timeseries_keeps_one_series_per_canonical_claimant(db_url):
    ids = build_sample(db_url)
    engine = open_engine(db_url)
    debris = ids["claims"][(GOVERNOR.claimant, "RU-KLU", "debris")]
    review(engine, debris, "correct", "anna", fields={"claimant": "Vladislav Shapsha"})
    rows = queries.timeseries(engine, Filters(admin1="RU-KLU"))
    engine.dispose()
    assert [(r["day"], r["claim_type"], r["claimant"]) for r in rows] == [
        ("2026-11-20", "destroyed", "Governor of Kaluga Oblast"),
        ("2026-11-20", "destroyed", "Russian Ministry of Defense"),
        ("2026-11-21", "debris", "Governor of Kaluga Oblast"),
    ]


def test_places_count_a_canonical_claimant_once(db_url):
    ids = build_sample(db_url)
    engine = open_engine(db_url)
    debris = ids["claims"][(GOVERNOR.claimant, "RU-KLU", "debris")]
    review(engine, debris, "correct", "anna", fields={"claimant": "Vladislav Shapsha"})
    borovsk = next(p for p in queries.places(engine) if p["name"] == "Borovsk")
    engine.dispose()
    assert (borovsk["claims"], borovsk["claimants"]) == (2, 1)
