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

from sqlalchemy import Connection, Engine, bindparam, select
from sqlalchemy.exc import DBAPIError

from skyledger.records import Claim, Report, Source
from skyledger.store import bulk
from skyledger.store.bulk import local_seqs
from skyledger.store.schema import claims, reports, sources

# SQLite allows 32,766 bound parameters a statement; stay well below it.
_ROWS_PER_STATEMENT = 400
DEADLOCK = "40P01"  # PostgreSQL's SQLSTATE for a transaction chosen to break a deadlock
ATTEMPTS = 5


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


def save_batch(
    engine: Engine,
    batch: Sequence[tuple[Report, list[Claim]]],
    bucket_of: BucketOf | None = None,
) -> SaveResult:
    """Store each new report with its claims in one transaction.

    With `bucket_of`, each claim is stored with its reconciliation bucket, so
    reconciliation need not compute and write it afterwards, one row at a time.
    """
    if not batch:
        return SaveResult(report_ids=[])
    firsts = first_of_each(batch)
    for attempt in range(1, ATTEMPTS + 1):
        try:
            result = _save(engine, firsts, bucket_of)
        except DBAPIError as exc:
            if sqlstate(exc) != DEADLOCK or attempt == ATTEMPTS:
                raise
            time.sleep(random.uniform(0, 0.05 * 2**attempt))  # apart, so they do not meet again
        else:
            result.present += len(batch) - len(firsts)
            return result
    raise AssertionError("unreachable")


def first_of_each(batch: Sequence[tuple[Report, list[Claim]]]) -> list:
    """The batch without reports that repeat an earlier one's text or (source, id): the
    first in input order is the one kept, whatever order the rows are written in."""
    seen: set = set()
    kept = []
    for item in batch:
        report = item[0]
        source = report.source
        keys = {report.content_hash, (source.kind, source.name, report.external_id[:1000])}
        if not keys & seen:
            kept.append(item)
            seen |= keys
    return kept


def sqlstate(exc: DBAPIError) -> str | None:
    return getattr(exc.orig, "sqlstate", None)


def _save(engine: Engine, batch, bucket_of: BucketOf | None) -> SaveResult:
    result = SaveResult(report_ids=[])
    packed = [(report, bulk.packed(report, found, bucket_of)) for report, found in batch]
    with engine.begin() as conn:
        if conn.dialect.name == "sqlite":  # the write lock first: claim ids are taken below
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        source_ids = {
            (source.kind, source.name): source_id(conn, source)
            for source in sorted(
                {(r.source.kind, r.source.name): r.source for r, _ in batch}.values(),
                key=lambda source: (source.kind, source.name),
            )
        }
        inserted = bulk.write(conn, packed, source_ids)
    result.stored = len(inserted)
    result.present = len(batch) - len(inserted)
    result.report_ids = sorted(inserted.values())
    result.claims = sum(len(found) for report, found in packed if report.content_hash in inserted)
    return result


def insert_claims(conn: Connection, report_id: int, report_claims: Sequence[Claim]) -> int:
    """Insert one report's claims, then point each per-region claim at its total."""
    if not report_claims:  # its claims replaced by none: it has no newest claim
        conn.execute(reports.update().where(reports.c.id == report_id).values(last_claim_id=None))
    return insert_claims_of(conn, [(report_id, report_claims)])


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
