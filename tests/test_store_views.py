"""Migrations 0009 and 0011: the flat views that map without SQL (rejected claims left
out), and the full-text table that datasette and sqlite-utils find, on both backends."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from skyledger.export.areas import admin1_table
from skyledger.review import review
from skyledger.store.db import open_engine
from test_api_queries import BOROVSK, GOVERNOR, MOD, YERMOLINO, build_sample


@pytest.fixture
def ledger(db_url):
    ids = build_sample(db_url)
    engine = open_engine(db_url)
    yield engine, ids
    engine.dispose()


def rows(engine, sql: str, **params) -> list[dict]:
    with engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(text(sql), params)]


def test_claims_flat_has_plain_coordinates_as_precise_as_the_claim(ledger):
    engine, ids = ledger
    flat = {row["id"]: row for row in rows(engine, "SELECT * FROM claims_flat ORDER BY id")}
    assert len(flat) == ids["claim_total"]
    governor = flat[ids["claims"][(GOVERNOR.claimant, "RU-KLU", "destroyed")]]
    assert (governor["latitude"], governor["longitude"], governor["geo_precision"]) == (
        pytest.approx(BOROVSK["lat"]),
        pytest.approx(BOROVSK["lon"]),
        "place",
    )
    assert (governor["admin1_name"], governor["source"]) == ("Kaluga", GOVERNOR.name)
    debris = flat[ids["claims"][(GOVERNOR.claimant, "RU-KLU", "debris")]]
    assert debris["geo_precision"] == "between-places"
    assert debris["latitude"] == pytest.approx((YERMOLINO["lat"] + BOROVSK["lat"]) / 2)
    bryansk = flat[ids["claims"][(MOD.claimant, "RU-BRY", "destroyed")]]
    region = admin1_table()["RU-BRY"]
    assert (bryansk["latitude"], bryansk["longitude"], bryansk["geo_precision"]) == (
        pytest.approx(region["lat"]),
        pytest.approx(region["lon"]),
        "admin1",
    )
    total = flat[ids["claims"][(MOD.claimant, None, "destroyed")]]
    assert (total["latitude"], total["geo_precision"]) == (None, "country")


def test_events_flat_places_each_event_at_its_region(ledger):
    engine, ids = ledger
    (kaluga,) = rows(engine, "SELECT * FROM events_flat WHERE id = :id", id=ids["conflict_event"])
    region = admin1_table()["RU-KLU"]
    assert (kaluga["admin1_name"], kaluga["claims"], bool(kaluga["conflict"])) == (
        "Kaluga",
        2,
        True,
    )
    assert (kaluga["latitude"], kaluga["longitude"]) == (
        pytest.approx(region["lat"]),
        pytest.approx(region["lon"]),
    )


def test_sqlite_utils_finds_the_full_text_table(sqlite_url):
    sqlite_utils = pytest.importorskip("sqlite_utils")
    build_sample(sqlite_url)
    db = sqlite_utils.Database(sqlite_url.removeprefix("sqlite:///"))
    assert db["reports"].detect_fts() == "reports_fts"
    found = list(db["reports"].search("Малоярославцем"))
    assert [row["external_id"] for row in found] == ["55"]
    # a report stored after the migration is indexed too (the triggers were rewritten)
    db.execute("UPDATE reports SET text = 'Над Юхновом сбит беспилотник.' WHERE external_id = '55'")
    assert [row["external_id"] for row in db["reports"].search("Юхновом")] == ["55"]
    assert list(db["reports"].search("Малоярославцем")) == []


def test_the_flat_views_leave_out_rejected_claims_and_show_review_status(ledger):
    engine, ids = ledger
    governor = ids["claims"][(GOVERNOR.claimant, "RU-KLU", "destroyed")]
    bryansk = ids["claims"][(MOD.claimant, "RU-BRY", "destroyed")]
    review(engine, governor, "reject", "anna", note="the post speaks of another night")
    review(engine, bryansk, "confirm", "boris")
    flat = {row["id"]: row for row in rows(engine, "SELECT * FROM claims_flat")}
    assert governor not in flat
    assert len(flat) == ids["claim_total"] - 1
    assert (flat[bryansk]["review_status"], flat[bryansk]["reviewer"]) == ("confirmed", "boris")
    debris = flat[ids["claims"][(GOVERNOR.claimant, "RU-KLU", "debris")]]
    assert (debris["review_status"], debris["reviewer"]) == ("unreviewed", None)
    counted = rows(engine, "SELECT SUM(claims) AS n FROM events_flat")[0]["n"]
    standing = rows(
        engine,
        "SELECT COUNT(*) AS n FROM claims WHERE event_id IS NOT NULL"
        " AND review_status <> 'rejected'",
    )[0]["n"]
    assert counted == standing


def test_the_flat_views_go_down_to_their_first_form_and_up_again(db_url):
    from alembic import command

    from skyledger.store.db import alembic_config

    build_sample(db_url)
    engine = open_engine(db_url)
    try:
        for target in ("0009", "head"):
            with engine.begin() as conn:
                config = alembic_config(engine)
                config.attributes["connection"] = conn
                (command.downgrade if target == "0009" else command.upgrade)(config, target)
            columns = rows(engine, "SELECT * FROM claims_flat")[0].keys()
            assert ("review_status" in columns) == (target == "head")
    finally:
        engine.dispose()
