"""Writing reports and their claims: one transaction a batch, idempotent.

Reports are unique by content hash and by (source, external id). Inserts use
INSERT ... ON CONFLICT DO NOTHING ... RETURNING, so a report that another process
stored first is skipped without a read-then-write race, and its claims are written
only by the transaction that stored the report.

Processes writing the same reports at once wait on each other's uncommitted rows. Each
batch takes its rows in one fixed order (sources by kind and name, reports by content
hash), so no two wait in a circle; should the database still find a deadlock, the
batch is rolled back and written again.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, bindparam, func, select
from sqlalchemy.exc import DBAPIError

from skyledger.claimants import claimant_id
from skyledger.records import Claim, Report, Source, edit_id
from skyledger.sources.outlets import outlet_key
from skyledger.store import bulk
from skyledger.store.bulk import local_seqs
from skyledger.store.schema import claims, reports, sources

# SQLite allows 32,766 bound parameters a statement; stay well below it.
_ROWS_PER_STATEMENT = 400
DEADLOCK = "40P01"  # PostgreSQL's SQLSTATE for a transaction chosen to break a deadlock
ATTEMPTS = 5
# SQLite's page cache on a connection that writes batches (its default is 2 MiB): the
# indexes each claim goes into outgrow that at a few tens of thousands of reports, and
# then every insert reads its index pages again. 200,000 reports written batch by batch
# (writes only): 18 % less time with this, and no slowing down as the ledger grows.
WRITER_CACHE_KIB = 256 * 1024


def dialect_insert(conn: Connection, table):
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(table)


@dataclass
class SaveResult:
    stored: int = 0
    present: int = 0
    edits: int = 0  # stored reports that are a changed text under an id already stored
    claims: int = 0
    report_ids: list[int] | None = None


def source_id(conn: Connection, source: Source) -> int:
    """Id of the source with this kind and name, registering it when new.

    Race-free: an insert that meets another transaction's uncommitted row for the same
    source waits for it, then does nothing, and the select (a new snapshot) finds it.
    """
    values = {
        "kind": source.kind,
        "name": source.name,
        "claimant": source.claimant,
        "lang": source.lang,
        "tz": source.tz,
        "every_seconds": source.every_seconds,
        "enabled": source.enabled,
        "registered": False,
    }
    conn.execute(dialect_insert(conn, sources).values(values).on_conflict_do_nothing())
    found = conn.execute(
        select(sources.c.id).where(sources.c.kind == source.kind, sources.c.name == source.name)
    ).scalar_one()
    return int(found)


def registered_outlets(engine: Engine) -> dict[str, Source]:
    """Followed sources by the outlet they publish as ('@channel', a domain)."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(sources).where(sources.c.registered.is_(True)).order_by(sources.c.id)
        ).all()
    found = {}
    for row in rows:
        key = outlet_key(row.kind, row.name)
        if key:
            found[key] = Source(
                kind=row.kind, name=row.name, claimant=row.claimant, lang=row.lang, tz=row.tz
            )
    return found


def known_hashes(conn: Connection, hashes: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(hashes), _ROWS_PER_STATEMENT):
        chunk = hashes[start : start + _ROWS_PER_STATEMENT]
        found.update(
            conn.execute(
                select(reports.c.content_hash).where(reports.c.content_hash.in_(chunk))
            ).scalars()
        )
    return found


BucketOf = Callable[[Claim, Report], str]
Batch = Sequence[tuple[Report, list[Claim]]]


def as_edits(
    conn: Connection, batch: Batch, source_ids: dict[tuple[str, str], int]
) -> tuple[Batch, int]:
    """The batch with each changed text under a known id given its edit's id, and how many.

    Reports whose text the ledger already holds were left out before; a report whose id
    its source (in the ledger or earlier in this batch) already used therefore says
    something new, and is stored beside the first text as an edit, never dropped.
    """
    taken: dict[int, set[str]] = {}
    for report, _ in batch:
        taken.setdefault(source_ids[_source_key(report)], set()).add(report.external_id)
    for pk, wanted in taken.items():
        taken[pk] = known_ids(conn, pk, sorted(wanted))
    renamed, edits = [], 0
    for report, report_claims in batch:
        used = taken[source_ids[_source_key(report)]]
        if report.external_id in used:
            report = report.model_copy(
                update={"external_id": edit_id(report.external_id, report.content_hash)}
            )
            edits += 1
        used.add(report.external_id)
        renamed.append((report, report_claims))
    return renamed, edits


def known_ids(conn: Connection, source_pk: int, external_ids: Sequence[str]) -> set[str]:
    """Which of these ids the source already has in the ledger."""
    found: set[str] = set()
    for start in range(0, len(external_ids), _ROWS_PER_STATEMENT):
        chunk = external_ids[start : start + _ROWS_PER_STATEMENT]
        query = select(reports.c.external_id).where(
            reports.c.source_id == source_pk, reports.c.external_id.in_(chunk)
        )
        found.update(conn.execute(query).scalars())
    return found


def _source_key(report: Report) -> tuple[str, str]:
    return (report.source.kind, report.source.name)


def save_batch(
    engine: Engine,
    batch: Batch,
    bucket_of: BucketOf | None = None,
    reconcile: bulk.Reconcile | None = None,
) -> SaveResult:
    """Store each new report with its claims in one transaction.

    With `bucket_of`, each claim is stored with its reconciliation bucket, so
    reconciliation need not compute and write it afterwards, one row at a time. With
    `reconcile` as well, the events of the buckets the new claims fall in are brought up
    to date in the same transaction and the claims written with their events
    (skyledger.reconcile.events_of_new_claims); without it they wait in the queue.
    """
    if not batch:
        return SaveResult(report_ids=[])
    packed = [(report, bulk.packed(report, found, bucket_of)) for report, found in batch]
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return _save(engine, packed, reconcile)
        except DBAPIError as exc:
            if sqlstate(exc) != DEADLOCK or attempt == ATTEMPTS:
                raise
            time.sleep(random.uniform(0, 0.05 * 2**attempt))  # apart, so they do not meet again
    raise AssertionError("unreachable")


def first_of_each(batch: Sequence[tuple[Report, list]], by_id: bool = True) -> list:
    """The batch without reports that repeat an earlier one's text (or, `by_id`, its
    source and id): the first in input order is the one kept, whatever order the rows
    are written in."""
    seen: set = set()
    kept = []
    for item in batch:
        report = item[0]
        source = report.source
        keys = {report.content_hash}
        if by_id:
            keys.add((source.kind, source.name, report.external_id[:1000]))
        if not keys & seen:
            kept.append(item)
            seen |= keys
    return kept


def sqlstate(exc: DBAPIError) -> str | None:
    return getattr(exc.orig, "sqlstate", None)


def _save(
    engine: Engine, packed: Sequence[tuple[Report, list]], reconcile: bulk.Reconcile | None
) -> SaveResult:
    result = SaveResult(report_ids=[])
    batch = first_of_each(packed, by_id=False)  # a repeated id is an edit, kept below
    with engine.begin() as conn:
        if conn.dialect.name == "sqlite":  # the write lock first: claim ids are taken below
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            conn.exec_driver_sql(f"PRAGMA cache_size = -{WRITER_CACHE_KIB}")
        source_ids = {
            (source.kind, source.name): source_id(conn, source)
            for source in sorted(
                {_source_key(r): r.source for r, _ in batch}.values(),
                key=lambda source: (source.kind, source.name),
            )
        }
        renamed, _ = as_edits(conn, batch, source_ids)
        edits = {
            report.content_hash
            for (report, _), (first, _) in zip(renamed, batch, strict=True)
            if report.external_id != first.external_id
        }
        kept = first_of_each(renamed)
        inserted = bulk.write(conn, kept, source_ids, reconcile)
    result.stored = len(inserted)
    result.edits = len(edits & inserted.keys())
    result.present = len(packed) - len(inserted)
    result.report_ids = sorted(inserted.values())
    result.claims = sum(len(found) for report, found in kept if report.content_hash in inserted)
    return result


def insert_claims(conn: Connection, report_id: int, report_claims: Sequence[Claim]) -> int:
    """Insert one report's claims, then point each per-region claim at its total."""
    count = insert_claims_of(conn, [(report_id, report_claims)])
    note_newest_claim(conn, report_id)  # claims added in review stay beside the new ones
    return count


def note_newest_claim(conn: Connection, report_id: int) -> None:
    """Note the report's newest claim on it (or none), for time windows over claims."""
    newest = select(func.max(claims.c.id)).where(claims.c.report_id == report_id)
    conn.execute(
        reports.update()
        .where(reports.c.id == report_id)
        .values(last_claim_id=newest.scalar_subquery())
    )


def insert_claims_of(
    conn: Connection,
    claim_lists: Sequence[tuple[int, Sequence[Claim]]],
    buckets: Sequence[Sequence[str]] | None = None,
) -> int:
    """Insert the claims of many reports at once, point each per-region claim at its
    report's total, and note each report's newest claim on the report.

    The rows go through the driver's executemany (no RETURNING: psycopg pipelines it);
    their ids are read back in one query per few hundred reports.
    """
    rows = [
        claim_row(claim, report_id, seq)
        for report_id, report_claims in claim_lists
        for seq, claim in enumerate(report_claims)
    ]
    if not rows:
        return 0
    if buckets is not None:
        flat = [bucket for report_buckets in buckets for bucket in report_buckets]
        for row, bucket in zip(rows, flat, strict=True):
            row["bucket"] = bucket
    conn.execute(claims.insert(), rows)
    with_claims = [(report_id, found) for report_id, found in claim_lists if found]
    ids = claim_ids(conn, sorted(report_id for report_id, _ in with_claims))
    links = []
    for report_id, report_claims in with_claims:
        local = local_seqs(report_claims)
        for seq, claim in enumerate(report_claims):
            if claim.parent and claim.parent in local:
                links.append(
                    {
                        "claim": ids[(report_id, seq)],
                        "parent": ids[(report_id, local[claim.parent])],
                    }
                )
    if links:
        conn.execute(
            claims.update()
            .where(claims.c.id == bindparam("claim"))
            .values(parent_id=bindparam("parent")),
            links,
        )
    conn.execute(
        reports.update()
        .where(reports.c.id == bindparam("report"))
        .values(last_claim_id=bindparam("last")),
        [
            {"report": report_id, "last": ids[(report_id, len(found) - 1)]}
            for report_id, found in with_claims
        ],
    )
    return len(rows)


def claim_ids(conn: Connection, report_ids: Sequence[int]) -> dict[tuple[int, int], int]:
    """Claim ids by (report id, seq) for these reports."""
    found = {}
    for start in range(0, len(report_ids), _ROWS_PER_STATEMENT):
        chunk = report_ids[start : start + _ROWS_PER_STATEMENT]
        query = select(claims.c.id, claims.c.report_id, claims.c.seq).where(
            claims.c.report_id.in_(chunk)
        )
        found.update({(row.report_id, row.seq): row.id for row in conn.execute(query)})
    return found


def claim_row(claim: Claim, report_id: int, seq: int) -> dict:
    return {
        "report_id": report_id,
        "seq": seq,
        "claimant": claim.claimant,
        "claimant_key": claimant_id(claim.claimant)[:300] or None,
        "claim_type": claim.claim_type,
        "weapon": claim.weapon,
        "model": claim.model,
        "count": claim.count,
        "count_qualifier": claim.count_qualifier,
        "country": claim.country,
        "admin1": claim.admin1,
        "region_text": claim.region_text,
        "places": [p.model_dump(mode="json") for p in claim.places],
        "window_start": claim.window_start,
        "window_end": claim.window_end,
        "killed": claim.killed,
        "injured": claim.injured,
        "cumulative": claim.cumulative,
        "evidence": {field: list(span) for field, span in claim.evidence.items()},
        "confidence": claim.confidence,
        "extractor_version": claim.extractor_version or "unknown",
    }
