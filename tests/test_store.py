"""The store on SQLite and PostgreSQL: schema by migrations, idempotent batches, uniqueness."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import inspect, select

from skyledger.ingest import ingest
from skyledger.ledger import Ledger
from skyledger.records import Claim, Report, Source
from skyledger.sources import InputError
from skyledger.store.db import head_revision, open_engine
from skyledger.store.schema import claims, reports, sources
from skyledger.store.writer import save_batch

CHANNEL = Source(kind="telegram", name="test_channel", claimant="Oblast Governor")
FEED = Source(kind="rss", name="https://news.example.org/")


def report(external_id: str, text: str, source: Source = CHANNEL, **fields) -> Report:
    return Report(source=source, external_id=external_id, text=text, lang="en", **fields)


def total_and_parts() -> list[Claim]:
    return [
        Claim(id="c0", claim_type="destroyed", weapon="uav", count=11, count_qualifier="exact"),
        Claim(id="c1", claim_type="destroyed", weapon="uav", count=7, admin1="RU-KLU", parent="c0"),
        Claim(id="c2", claim_type="destroyed", weapon="uav", count=4, admin1="RU-BRY", parent="c0"),
        Claim(id="c3", claim_type="debris", parent="nowhere"),
    ]


@pytest.fixture
def engine(db_url):
    engine = open_engine(db_url)
    yield engine
    engine.dispose()


def rows(engine, table):
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(select(table).order_by(table.c.id))]


def test_migrations_create_the_schema(engine):
    tables = set(inspect(engine).get_table_names())
    assert {"sources", "reports", "claims", "events", "alembic_version"} <= tables
    with engine.connect() as conn:
        from alembic.runtime.migration import MigrationContext

        assert MigrationContext.configure(conn).get_current_revision() == head_revision()


def test_every_reference_has_an_index_that_finds_the_rows_it_names(engine):
    """Removing a row makes the database look for the rows that refer to it: without an
    index starting with the referring column, each removal reads the whole table."""
    schema = inspect(engine)
    for table in schema.get_table_names():
        leading = {tuple(index["column_names"][:1]) for index in schema.get_indexes(table)}
        leading |= {tuple(u["column_names"][:1]) for u in schema.get_unique_constraints(table)}
        for key in schema.get_foreign_keys(table):
            assert tuple(key["constrained_columns"][:1]) in leading, (table, key)


def test_opening_twice_is_a_no_op(db_url):
    for _ in range(2):
        with Ledger(db_url) as ledger:
            assert ledger.stats()["reports"] == 0


def test_save_batch_is_idempotent(engine):
    batch = [
        (report("1", "Eleven drones shot down."), total_and_parts()),
        (report("2", "A missile hit a depot."), []),
    ]
    first = save_batch(engine, batch)
    second = save_batch(engine, batch)
    assert (first.stored, first.present, first.claims) == (2, 0, 4)
    assert (second.stored, second.present, second.claims) == (0, 2, 0)
    assert len(rows(engine, reports)) == 2
    assert len(rows(engine, claims)) == 4
    assert len(rows(engine, sources)) == 1


@pytest.mark.parametrize(
    ("second", "stored"),
    [
        (report("2", "Eleven drones shot down."), 0),  # same text, other id: unique by content hash
        (report("2", "Eleven   drones\nshot down."), 0),  # white space folded
        (report("1", "Edited: twelve drones shot down."), 1),  # same id, new text: an edit
        (report("1", "Another text from another feed.", source=FEED), 1),  # same id, other source
        (report("2", "A different report."), 1),
    ],
)
def test_reports_are_unique(engine, second, stored):
    save_batch(engine, [(report("1", "Eleven drones shot down."), [])])
    result = save_batch(engine, [(second, [])])
    assert (result.stored, result.present) == (stored, 1 - stored)
    assert len(rows(engine, reports)) == 1 + stored


def test_duplicates_inside_one_batch(engine):
    batch = [
        (report("1", "Eleven drones shot down."), []),
        (report("2", "Eleven drones shot down."), []),
        (report("1", "Same id, new text."), []),
    ]
    result = save_batch(engine, batch)
    assert (result.stored, result.present, result.edits) == (2, 1, 1)
    stored_ids = sorted(row["external_id"] for row in rows(engine, reports))
    assert stored_ids[0] == "1" and stored_ids[1].startswith("1@edit-")


def test_a_batch_keeps_each_reports_claimant_and_origin_and_each_claims_canonical_claimant(
    engine,
):
    said = report(
        "1", "Шапша: над областью сбиты 3 беспилотника.", claimant="Шапша", origin="posts.jsonl"
    )
    unsigned = report("2", "Three drones shot down.")
    found = [Claim(claimant="Шапша", claim_type="destroyed", weapon="uav", count=3)]
    save_batch(engine, [(said, found), (unsigned, [])])
    stored = [(r["claimant"], r["origin"]) for r in rows(engine, reports)]
    assert stored == [("Шапша", "posts.jsonl"), ("Oblast Governor", None)]  # else its source's
    assert [(c["claimant"], c["claimant_key"]) for c in rows(engine, claims)] == [
        ("Шапша", "ru-klu-governor")
    ]


def test_claims_keep_their_order_and_parent_links(engine):
    save_batch(engine, [(report("1", "Eleven drones shot down."), total_and_parts())])
    stored = rows(engine, claims)
    assert [c["seq"] for c in stored] == [0, 1, 2, 3]
    by_seq = {c["seq"]: c for c in stored}
    assert by_seq[0]["parent_id"] is None
    assert by_seq[1]["parent_id"] == by_seq[2]["parent_id"] == by_seq[0]["id"]
    assert by_seq[3]["parent_id"] is None  # a parent outside the report is dropped, not guessed
    assert [by_seq[n]["admin1"] for n in range(3)] == [None, "RU-KLU", "RU-BRY"]


def test_times_come_back_aware_in_utc(engine):
    published = datetime(2026, 5, 2, 9, 15, tzinfo=UTC)
    save_batch(
        engine, [(report("1", "x", published=published, published_precision="datetime"), [])]
    )
    [stored] = rows(engine, reports)
    assert stored["published"] == published
    assert stored["published"].tzinfo is not None


def test_stats_counts(db_url):
    with Ledger(db_url) as ledger:
        save_batch(
            ledger.engine,
            [(report("1", "Eleven drones."), total_and_parts()), (report("2", "Two."), [])],
        )
        counts = ledger.stats()
    assert (counts["reports"], counts["claims"], counts["events"], counts["sources"]) == (
        2,
        4,
        0,
        1,
    )
    assert counts["claims_by_type"] == {"debris": 1, "destroyed": 3}
    assert counts["reports_by_lang"] == {"en": 2}


def test_ingest_counts_and_goes_on(engine):
    items = [
        report("1", "One drone."),
        InputError("f.jsonl", "invalid JSON", line=2),
        report("3", "One drone."),  # the same text again
        report("4", "Three drones."),
    ]
    errors = []
    summary = ingest(engine, items, batch_size=2, on_error=errors.append)
    assert summary.as_dict() == {
        "read": 4,
        "stored": 2,
        "edits": 0,
        "already_present": 1,
        "failed": 1,
        "claims": 0,
        "nothing_new": False,
    }
    assert [e.line for e in errors] == [2]
    again = ingest(engine, items[:1] + items[2:], batch_size=2)
    assert (again.stored, again.present, again.nothing_new) == (0, 3, True)


def test_ingest_refuses_what_no_database_holds(engine):
    items = [
        report("bad\x00id", "Text."),
        report("2", "Fine.", url="https://a.example/\ud800"),
        # regression: a NUL in the claimant failed the whole batch on PostgreSQL
        report("3", "Also fine.", source=CHANNEL.model_copy(update={"claimant": "MoD\x00"})),
    ]
    summary = ingest(engine, items)
    assert (summary.stored, summary.failed) == (0, 3)
    assert [e.message for e in summary.errors] == [
        "id holds NUL or invalid Unicode",
        "url holds NUL or invalid Unicode",
        "claimant holds NUL or invalid Unicode",
    ]


def test_failed_extraction_is_one_error(engine):
    def extract_batch(batch):
        return [ValueError("boom") if r.external_id == "2" else [] for r in batch]

    summary = ingest(engine, [report("1", "a"), report("2", "b")], extract_batch=extract_batch)
    assert (summary.stored, summary.failed) == (1, 1)
    assert summary.errors[0].record == "2"
    assert "extraction failed: boom" in summary.errors[0].message


@pytest.mark.parametrize("batch_size", [1, 2, 500])
def test_every_input_read_is_stored_present_or_failed(engine, batch_size):
    items = [
        report("1", "One."),
        report("2", "One."),
        InputError("x", "bad"),
        report("3", "Two."),
        report("3", "Two, edited."),
        report("4", "bad \x00 text"),
    ]
    summary = ingest(engine, items, batch_size=batch_size)
    assert summary.read == summary.stored + summary.present + summary.failed == 6
    assert (summary.stored, summary.edits, summary.present, summary.failed) == (3, 1, 1, 2)


def test_ledger_ingest_with_a_given_source(tmp_path, db_url):
    (tmp_path / "a.txt").write_text("Над містом збито два дрони.")
    source = Source(kind="folder", name="desk", claimant="City council", lang="uk")
    with Ledger(db_url) as ledger:
        summary = ledger.ingest([tmp_path], source=source)
        assert summary.stored == 1
        with ledger.engine.connect() as conn:
            row = conn.execute(select(sources.c.kind, sources.c.name, sources.c.claimant)).one()
    assert tuple(row) == ("folder", "desk", "City council")
