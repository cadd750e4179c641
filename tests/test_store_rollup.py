"""The summed tables (skyledger.store.rollup) equal a grouping of the claims, worked out
claim by claim, after every way the claims change: ingest, a rerun, reviews, re-extraction,
the migration that fills them (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from alembic import command
from sqlalchemy import select, text

from ledger_snapshot import rollups_of_claims, stored_rollups
from skyledger.ledger import Ledger
from skyledger.records import Claim, Report, Source
from skyledger.reextract import replace_claims
from skyledger.store import queries, rollup
from skyledger.store.db import alembic_config, open_engine
from skyledger.store.queries import Filters
from skyledger.store.schema import claim_tallies, claims, reports
from skyledger.store.writer import save_batch
from test_api_queries import sample_batch

CHANNEL = Source(kind="telegram", name="rollup_channel")


def claim(**fields) -> Claim:
    return Claim(**{"claim_type": "destroyed", "count_qualifier": "exact", **fields})


def odd_batch() -> list[tuple[Report, list[Claim]]]:
    """Reports the sample lacks: no known time, a running total, claims with no weapon,
    claimant or region, a total broken down by region written after its parts."""
    at = datetime(2026, 11, 23, 23, 59, tzinfo=UTC)
    return [
        (Report(source=CHANNEL, external_id="u1", text="undated report", lang="en"),
         [claim(weapon="uav", count=3, admin1="RU-KRS", country="RU")]),
        (Report(source=CHANNEL, external_id="c1", text="since the start", lang="en", published=at),
         [claim(weapon="uav", count=900, cumulative=True, country="RU"),
          claim(claim_type="debris", count=None),
          claim(claim_type="hit", weapon="missile", count=2, claimant="Mayor of Moscow"),
          claim(weapon="uav", count=1, claimant="Mayor of Moscow")]),
        (Report(source=CHANNEL, external_id="p1", text="parts first", lang="en", published=at),
         [claim(id="a", parent="t", weapon="uav", count=2, admin1="RU-KRS", country="RU"),
          claim(id="b", parent="t", weapon="uav", count=5, admin1="RU-BEL", country="RU"),
          claim(id="t", weapon="uav", count=7, country="RU")]),
    ]  # fmt: skip


def everything() -> list[tuple[Report, list[Claim]]]:
    return [*sample_batch(), *odd_batch()]


def assert_in_step(url: str) -> dict:
    stored = stored_rollups(url)
    assert stored == rollups_of_claims(url)
    return stored


@pytest.fixture
def ledger(db_url):
    engine = open_engine(db_url)
    save_batch(engine, everything())
    with Ledger(db_url, engine=engine) as ledger:
        yield ledger


def claim_id(engine, **values) -> int:
    query = select(claims.c.id).where(*(claims.c[k] == v for k, v in values.items()))
    with engine.connect() as conn:
        return conn.execute(query).scalars().first()


def test_an_ingest_writes_the_sums_of_its_claims(ledger, db_url):
    stored = assert_in_step(db_url)
    series, tallies = stored["claim_series"], stored["claim_tallies"]
    assert sum(n for n, _ in tallies.values()) == 10 + 8  # every claim
    assert sum(n for n, _ in series.values()) == 10 + 8 - 4  # not: undated, running,
    # and the two totals broken down by region
    assert series[("2026-11-23", "destroyed", "", "", "uav")] == (2, 7)  # p1's parts, not its total
    assert series[("2026-11-23", "debris", "", "", "")] == (1, 0)  # no count: sums to 0


def test_a_rerun_and_a_batch_written_twice_add_nothing(ledger, db_url):
    once = assert_in_step(db_url)
    save_batch(ledger.engine, everything())
    save_batch(ledger.engine, everything()[:3] + everything()[:3])
    assert assert_in_step(db_url) == once


REVIEWS = [  # (claim, as its values pick it), action, fields
    ({"count": 900}, "correct", {"cumulative": False}),
    ({"count": 7, "admin1": None}, "correct", {"admin1": "RU-KRS"}),  # a total, now in a region
    ({"count": 2, "admin1": "RU-KRS"}, "correct", {"count": 20, "weapon": "missile"}),
    ({"count": 5, "admin1": "RU-BEL"}, "correct", {"claimant": "Mayor of Moscow"}),
    ({"count": 5, "admin1": "RU-BEL"}, "reject", None),
    ({"claim_type": "debris", "count": None}, "correct", {"claim_type": "hit", "count": 1}),
    ({"count": 3, "admin1": "RU-KRS"}, "confirm", None),  # the undated one
    ({"count": 20, "admin1": "RU-KRS"}, "correct", {"count": 2, "weapon": "uav"}),  # back
]


def test_each_review_keeps_the_sums_in_step(ledger, db_url):
    before = assert_in_step(db_url)
    for values, action, fields in REVIEWS:
        target = claim_id(ledger.engine, **values)
        ledger.review(target, action, "anna", fields=fields)
        assert_in_step(db_url)
    assert stored_rollups(db_url) != before


def test_an_added_claim_is_summed(ledger, db_url):
    report_id = claim_id(ledger.engine, count=7, admin1=None)
    with ledger.engine.connect() as conn:
        report_id = conn.execute(
            select(claims.c.report_id).where(claims.c.id == report_id)
        ).scalar()
    fields = {"claim_type": "hit", "weapon": "uav", "count": 4, "admin1": "RU-KRS"}
    added = ledger.add_claim(report_id, "anna", fields, (0, 5)).claim
    assert_in_step(db_url)
    ledger.review(added["id"], "reject", "anna")
    assert_in_step(db_url)


def test_reextraction_keeps_the_sums_in_step(ledger, db_url):
    total = claim_id(ledger.engine, count=7, admin1=None)
    ledger.review(total, "correct", "anna", fields={"count": 8})
    with ledger.engine.connect() as conn:
        report_id = conn.execute(select(claims.c.report_id).where(claims.c.id == total)).scalar()
    ledger.add_claim(report_id, "anna", {"claim_type": "hit", "weapon": "uav", "count": 1}, (0, 5))
    new = [  # the parts and their total written again, one part fewer, the total first
        claim(id="t", weapon="uav", count=7, country="RU"),
        claim(id="a", parent="t", weapon="uav", count=2, admin1="RU-KRS", country="RU"),
    ]
    replace_claims(ledger.engine, report_id, new)
    assert_in_step(db_url)
    replace_claims(ledger.engine, report_id, [])  # nothing left of the extractor's
    stored = assert_in_step(db_url)
    assert ("2026-11-23", "hit", "", "", "uav") in stored["claim_series"]  # the added one


def test_the_migration_fills_the_sums_of_a_ledger_written_before_it(ledger, db_url):
    summed = assert_in_step(db_url)
    config = alembic_config(ledger.engine)
    with ledger.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0012")
        command.upgrade(config, "head")
    assert assert_in_step(db_url) == summed
    with ledger.engine.connect() as conn:
        assert conn.execute(select(reports.c.id)).first() is not None


def answers(engine) -> list:
    views = (
        lambda f: queries.timeseries(engine, f, by_area=False),
        lambda f: queries.regions(engine, f),
        lambda f: queries.stats(engine, f),
    )
    filters = [Filters(), Filters(weapon="uav"), Filters(claimant="Mayor of Moscow"),
               Filters(since=datetime(2026, 11, 21, tzinfo=UTC))]  # fmt: skip
    return [view(f) for view in views for f in filters]


def test_after_reviews_the_summed_tables_answer_as_the_claims_do(ledger, monkeypatch):
    for values, action, fields in REVIEWS:
        ledger.review(claim_id(ledger.engine, **values), action, "anna", fields=fields)
    summed = answers(ledger.engine)
    monkeypatch.setattr(queries, "_series_answers", lambda *_: False)
    monkeypatch.setattr(queries, "_tallies_answer", lambda *_: False)
    assert summed == answers(ledger.engine)
    assert any(item["claimant"] is None for item in summed[0])  # unattributed claims


@pytest.mark.postgres
def test_an_ingest_writes_its_sums_in_the_order_a_review_does(postgres_url):
    """Whatever the collation of the claims' columns, the ingest's rows come in Python's
    key order, the order `write_difference` writes a review's rows in, so the two take
    their row locks in one order."""
    engine = open_engine(postgres_url)
    with engine.begin() as conn:  # a locale where "b" sorts before "B" and "Ä" before "b"
        conn.execute(text("DROP VIEW claims_flat"))  # it holds the column's type
        conn.execute(text('ALTER TABLE claims ALTER claimant TYPE varchar COLLATE "en-US-x-icu"'))
    claimants = ["b", "B", "Ä", "a", "Мэр", "мэр", None]
    batch = [(Report(source=CHANNEL, external_id=f"o{i}", text=f"order {i}", lang="en"),
              [claim(weapon="uav", count=1, claimant=name)]) for i, name in enumerate(claimants)]  # fmt: skip
    save_batch(engine, batch)
    keys, query = rollup._sums(claim_tallies, "postgresql")
    with engine.connect() as conn:
        order = [tuple(row[: len(keys)]) for row in conn.execute(query)]
    assert len(order) == len(claimants)
    assert order == sorted(order)
