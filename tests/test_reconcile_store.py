"""Reconciliation on a stored ledger (SQLite and PostgreSQL)."""

from __future__ import annotations

import random
import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event, select

import generated_reports
import ledger_snapshot
from reconcile_cases import (
    KALUGA,
    MOD,
    bryansk_batches,
    claim,
    content_view,
    ledger_with,
    report,
    seed_batch,
)
from skyledger import Ledger
from skyledger.reconcile import event_rows, store, update_events
from skyledger.reconcile.store import assign_buckets
from skyledger.store.schema import claims, events, reports
from skyledger.store.writer import save_batch


def claim_keys(engine) -> dict[int, tuple]:
    """Store id -> (report content hash, position): the claim's identity in any ledger."""
    query = select(claims.c.id, reports.c.content_hash, claims.c.seq).join(reports)
    with engine.connect() as conn:
        return {row.id: (row.content_hash, row.seq) for row in conn.execute(query)}


def by_area(events: list[dict], claim_type: str = "destroyed") -> dict[str, dict]:
    return {
        e["admin1"] or f"total:{e['country']}": e for e in events if e["claim_type"] == claim_type
    }


def test_seed_scenario(db_url):
    engine = ledger_with(db_url, seed_batch())
    update_events(engine)
    events = event_rows(engine)
    destroyed = by_area(events)
    kaluga = destroyed["RU-KLU"]
    assert (kaluga["low"], kaluga["best"], kaluga["high"], kaluga["conflict"]) == (10, 10, 11, True)
    assert {(c["claimant"], c["count"]) for c in kaluga["claims"]} == {(KALUGA, 11), (MOD, 10)}
    total = destroyed["total:RU"]
    assert (total["low"], total["high"], total["parent"]) == (20, 20, None)
    assert {area for area, e in destroyed.items() if e["parent"] == total["id"]} == {
        "RU-KLU",
        "RU-BRY",
        "RU-MOS",
    }
    assert by_area(events, "debris")["RU-LEN"]["best"] == 1
    casualties = by_area(events, "casualties")["RU-KLU"]
    assert (casualties["killed"], casualties["injured"], casualties["conflict"]) == (0, 0, False)
    with engine.connect() as conn:
        assert conn.execute(select(claims.c.id).where(claims.c.event_id.is_(None))).all() == []


def test_per_model_hits_of_one_report_add_up_in_its_statement(db_url):
    text = ("Kharkiv Oblast Military Administration: the enemy hit Kharkiv Oblast with "
            "4 Shaheds and 1 Gerbera.")  # fmt: skip
    hit = {"claimant": "Kharkiv Oblast Military Administration", "claim_type": "hit",
           "weapon": "uav", "country": "UA", "admin1": "UA-63"}  # fmt: skip
    batch = (report(text, "kharkiv.example", published="2025-06-02T07:00:00+03:00"),
             [claim(text, "4 Shaheds", count=4, model="Shahed-136", **hit),
              claim(text, "1 Gerbera", count=1, model="Gerbera", **hit)])  # fmt: skip
    engine = ledger_with(db_url, [batch])
    update_events(engine)
    (event,) = event_rows(engine, area="UA-63")
    assert (event["low"], event["best"], event["high"], event["conflict"]) == (5, 5, 5, False)
    (statement,) = event["claims"]
    assert (statement["count"], len(statement["parts"]), len(statement["citations"])) == (5, 2, 2)


def test_repeats_conflict_and_two_nights(db_url):
    engine = ledger_with(db_url, bryansk_batches())
    update_events(engine)
    events = event_rows(engine, area="RU-BRY")
    assert [
        (e["key"].split("|")[0], e["low"], e["best"], e["high"], e["conflict"]) for e in events
    ] == [
        ("2025-06-02", 7, 7, 9, True),
        ("2025-06-03", 4, 4, 4, False),
    ]
    night = events[0]
    assert [(c["claimant_name"], c["count"], len(c["citations"])) for c in night["claims"]] == [
        ("Russian Ministry of Defense", 7, 3),  # three outlets, two languages: one statement
        ("Governor of Bryansk Oblast Alexander Bogomaz", 9, 1),  # the holder its wording names
    ]


def test_incremental_update_touches_only_the_new_claims_buckets(db_url):
    first, second = bryansk_batches()[:4], bryansk_batches()[4:]
    engine = ledger_with(db_url, first + seed_batch())
    update_events(engine)
    before = {e["key"]: e for e in event_rows(engine)}
    for item in second:
        ledger_with(db_url, [item]).dispose()
    summary = update_events(engine)
    assert summary.buckets == ["2025-06-03|destroyed|uav"]
    assert (summary.written, summary.removed, summary.claims) == (1, 0, 1)
    after = {e["key"]: e for e in event_rows(engine)}
    assert {k: v for k, v in after.items() if k in before} == before
    assert update_events(engine).buckets == []  # nothing queued, nothing done


def test_queued_claims_wait_until_reconciled(db_url):
    """Claims with no event are the queue: an interrupted run is finished by the next."""
    engine = ledger_with(db_url, bryansk_batches())
    with engine.connect() as conn:
        first_report = conn.execute(select(reports.c.id).order_by(reports.c.id)).scalars().first()
    update_events(engine, report_ids=[first_report])
    with engine.connect() as conn:
        queued = conn.execute(select(claims.c.id).where(claims.c.event_id.is_(None))).all()
    assert len(queued) == 1  # the second night's claim: its bucket was not touched
    update_events(engine)
    assert len(event_rows(engine)) == 2


def test_ingest_updates_events(db_url):
    batches = dict((r.content_hash, c) for r, c in bryansk_batches())
    with Ledger(db_url) as ledger:
        reports_only = [r for r, _ in bryansk_batches()]
        ledger.ingest_reports(
            reports_only, extract_batch=lambda items: [batches[r.content_hash] for r in items]
        )
        assert [e["best"] for e in ledger.events(area="RU-BRY")] == [7, 4]
        assert ledger.events(area="RU-KLU") == []
        assert ledger.stats()["events"] == 2


def test_buckets_written_with_the_claims_are_those_reconciliation_computes(db_url):
    """Ingest stores each claim's bucket; recomputing it from the stored rows agrees."""
    batches = dict((r.content_hash, c) for r, c in seed_batch() + bryansk_batches())
    with Ledger(db_url) as ledger:
        ledger.ingest_reports(
            [r for r, _ in seed_batch() + bryansk_batches()],
            extract_batch=lambda items: [batches[r.content_hash] for r in items],
        )
        bucket_query = select(claims.c.id, claims.c.bucket).order_by(claims.c.id)
        with ledger.engine.begin() as conn:
            written = conn.execute(bucket_query).all()
            conn.execute(claims.update().values(bucket=None))
        assign_buckets(ledger.engine)
        with ledger.engine.connect() as conn:
            assert conn.execute(bucket_query).all() == written
    assert {bucket.split("|")[0] for _, bucket in written} >= {"2025-06-02", "2025-06-03"}


@pytest.mark.postgres
def test_concurrent_rebuilds_of_a_bucket_take_turns(postgres_url, sqlite_url, monkeypatch):
    """A second process reconciling the same bucket waits for the first to commit, then
    rebuilds from what it committed: the first cannot overwrite newer events with older."""
    night = bryansk_batches()[:4]  # one bucket: Bryansk, the night of 2 June
    engine = ledger_with(postgres_url, night[:1])
    first_has_read, second_is_done = threading.Event(), threading.Event()
    read_facts = store.bucket_facts

    def first_reads_slowly(conn, buckets):
        facts = read_facts(conn, buckets)
        if not first_has_read.is_set():
            first_has_read.set()
            second_is_done.wait(timeout=3)  # time for the second to overtake, were it let in
        return facts

    monkeypatch.setattr(store, "bucket_facts", first_reads_slowly)
    errors = []

    def reconcile(then=None):
        try:
            update_events(engine)
        except Exception as exc:
            errors.append(exc)
        if then:
            then.set()

    first = threading.Thread(target=reconcile)
    first.start()
    assert first_has_read.wait(timeout=30)
    for item in night[1:]:  # more of the night arrives while the first rebuild is under way
        save_batch(engine, [item])
    second = threading.Thread(target=reconcile, args=(second_is_done,))
    second.start()
    first.join(timeout=60)
    second.join(timeout=60)
    assert errors == []
    alone = ledger_with(sqlite_url, night)
    update_events(alone)
    assert content_view(event_rows(engine), claim_keys(engine)) == content_view(
        event_rows(alone), claim_keys(alone)
    )
    with engine.connect() as conn:
        assert conn.execute(select(claims.c.id).where(claims.c.event_id.is_(None))).all() == []


ALL_REPORTS = seed_batch() + bryansk_batches()


@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.randoms(use_true_random=False))
def test_ingestion_order_does_not_change_the_events(tmp_path_factory, rand: random.Random):
    def fill(order, every_report: bool):
        url = f"sqlite:///{tmp_path_factory.mktemp('order') / 'ledger.db'}"
        engine = ledger_with(url, [])
        for item in order:
            ledger_with(url, [item]).dispose()
            if every_report:
                update_events(engine)
        update_events(engine)
        return content_view(event_rows(engine), claim_keys(engine))

    shuffled = ALL_REPORTS[:]
    rand.shuffle(shuffled)
    assert fill(shuffled, every_report=True) == fill(ALL_REPORTS, every_report=False)


@pytest.mark.parametrize(
    ("mode", "events_after_first_batch"), [("batch", True), ("deferred", False)]
)
def test_events_batch_by_batch_or_deferred_end_the_same(tmp_path, mode, events_after_first_batch):
    path = generated_reports.write_jsonl(tmp_path / "reports.jsonl", 120)
    seen_after_batch = []
    urls = {name: f"sqlite:///{tmp_path / f'{name}.db'}" for name in (mode, "alone")}
    with Ledger(urls[mode]) as ledger:

        def progress(_n):
            if not seen_after_batch:
                seen_after_batch.append(ledger_snapshot.count(urls[mode], events) > 0)

        ledger.ingest([path], batch_size=40, events=mode, on_progress=progress)
    with Ledger(urls["alone"]) as ledger:  # every report in one batch
        ledger.ingest([path], batch_size=1000)
    assert seen_after_batch == [events_after_first_batch]
    built = ledger_snapshot.events_by_content(urls[mode])
    assert built == ledger_snapshot.events_by_content(urls["alone"]) != {}


UPDATE_LOG = {
    "sqlite": [
        "CREATE TABLE claim_updates (id INTEGER)",
        "CREATE TRIGGER claim_updated AFTER UPDATE ON claims "
        "BEGIN INSERT INTO claim_updates VALUES (new.id); END",
    ],
    "postgresql": [
        "CREATE TABLE claim_updates (id bigint)",
        "CREATE FUNCTION note_claim_update() RETURNS trigger AS $$ "
        "BEGIN INSERT INTO claim_updates VALUES (NEW.id); RETURN NEW; END $$ LANGUAGE plpgsql",
        "CREATE TRIGGER claim_updated AFTER UPDATE ON claims "
        "FOR EACH ROW EXECUTE FUNCTION note_claim_update()",
    ],
}


def test_each_batch_writes_its_claims_with_their_events(db_url, tmp_path):
    """Batch by batch, the events are rebuilt in the batch's own transaction and the claims
    written with them: no claim waits in the queue after any batch, a claim row is written
    once (never updated to point at its event), and the events are those of a build at the
    end."""
    path = generated_reports.write_jsonl(tmp_path / "reports.jsonl", 120)
    queued_after_batch = []
    with Ledger(db_url) as ledger:
        with ledger.engine.begin() as conn:
            for statement in UPDATE_LOG[conn.dialect.name]:
                conn.exec_driver_sql(statement)

        def progress(_n):
            with ledger.engine.connect() as conn:
                queued = select(claims.c.id).where(claims.c.event_id.is_(None))
                queued_after_batch.append(len(conn.execute(queued).all()))

        ledger.ingest([path], batch_size=40, on_progress=progress)
        with ledger.engine.connect() as conn:
            updated = conn.exec_driver_sql("SELECT count(*) FROM claim_updates").scalar_one()
    deferred = f"sqlite:///{tmp_path / 'deferred.db'}"
    with Ledger(deferred) as ledger:
        ledger.ingest([path], batch_size=1000, events="deferred")
    assert queued_after_batch == [0, 0, 0]
    assert updated == 0
    assert ledger_snapshot.events_by_content(db_url) == ledger_snapshot.events_by_content(deferred)


# Statistics of a ledger of 200,000 reports from a handful of sources, as ANALYZE leaves them.
BIG_LEDGER_STATISTICS = [
    ("sources", "sqlite_autoindex_sources_1", "3 3 1"),
    ("reports", "ix_reports_source_published", "200000 66667 1"),
    ("claims", "ix_claims_bucket", "1000000 200"),
    ("claims", "ix_claims_report_summary", "1000000 5 5 5 1 1 1 1 1 1"),
]


def test_a_bucket_is_read_by_its_index_whatever_the_statistics(sqlite_url):
    """On a big ledger the planner once started from the few sources and read every
    report to rebuild one bucket (a second for each batch of an ingest)."""
    engine = ledger_with(sqlite_url, seed_batch())
    assign_buckets(engine)
    with engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
        for row in BIG_LEDGER_STATISTICS:
            conn.exec_driver_sql("DELETE FROM sqlite_stat1 WHERE tbl = ? AND idx = ?", row[:2])
            conn.exec_driver_sql("INSERT INTO sqlite_stat1 VALUES (?, ?, ?)", row)
    engine.dispose()  # connections read the statistics when they open
    plans = []

    @event.listens_for(engine, "before_cursor_execute")
    def explain(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().startswith("SELECT"):
            plan = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters).all()
            plans.append(plan[0][-1])  # where the plan starts

    with engine.connect() as conn:
        buckets = conn.execute(select(claims.c.bucket).distinct()).scalars().all()
        plans.clear()
        facts, _ = store.bucket_facts(conn, buckets)
    assert sum(len(found) for found in facts.values()) == sum(len(c) for _, c in seed_batch())
    assert plans and all(" USING " in start and "SCAN" not in start for start in plans), plans
