"""Writing reports and their claims: one transaction a batch, idempotent.

Reports are unique by content hash and by (source, external id). Inserts use
INSERT ... ON CONFLICT DO NOTHING ... RETURNING, so a report that another process
stored first is skipped without a read-then-write race, and its claims are written
only by the transaction that stored the report.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, bindparam, select

from skyledger.claimants import claimant_id
from skyledger.records import Claim, Report, Source, edit_id
from skyledger.sources.outlets import outlet_key
from skyledger.store.schema import claims, reports, sources

# SQLite allows 32,766 bound parameters a statement; stay well below it.
_ROWS_PER_STATEMENT = 400


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
) -> SaveResult:
    """Store each new report with its claims in one transaction.

    With `bucket_of`, each claim is stored with its reconciliation bucket, so
    reconciliation need not compute and write it afterwards, one row at a time.
    """
    result = SaveResult(report_ids=[])
    if not batch:
        return result
    with engine.begin() as conn:
        source_ids: dict[tuple[str, str], int] = {}
        rows, claim_lists, buckets = [], {}, {}
        for report, _ in batch:
            key = _source_key(report)
            if key not in source_ids:
                source_ids[key] = source_id(conn, report.source)
        batch, result.edits = as_edits(conn, batch, source_ids)
        for report, report_claims in batch:
            key = _source_key(report)
            rows.append(_report_row(report, source_ids[key]))
            claim_lists[report.content_hash] = report_claims
            if bucket_of:
                buckets[report.content_hash] = [bucket_of(c, report) for c in report_claims]
        # One statement compiled once and run over every row ("insertmanyvalues").
        statement = (
            dialect_insert(conn, reports)
            .on_conflict_do_nothing()
            .returning(reports.c.id, reports.c.content_hash)
        )
        inserted = {row.content_hash: row.id for row in conn.execute(statement, rows)}
        result.stored = len(inserted)
        result.present = len(rows) - len(inserted)
        result.report_ids = sorted(inserted.values())
        result.claims = insert_claims_of(
            conn,
            [(report_id, claim_lists[content]) for content, report_id in inserted.items()],
            [buckets[content] for content in inserted] if bucket_of else None,
        )
    return result


def insert_claims(conn: Connection, report_id: int, report_claims: Sequence[Claim]) -> int:
    """Insert one report's claims, then point each per-region claim at its total."""
    return insert_claims_of(conn, [(report_id, report_claims)])


def insert_claims_of(
    conn: Connection,
    claim_lists: Sequence[tuple[int, Sequence[Claim]]],
    buckets: Sequence[Sequence[str]] | None = None,
) -> int:
    """Insert the claims of many reports at once, then point each per-region claim at its
    report's total.

    The rows go through the driver's executemany (no RETURNING: psycopg pipelines it);
    ids are read back only for the reports that have a breakdown to link.
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
    links: dict[tuple[int, int], int] = {}  # (report id, seq) -> seq of its total
    for report_id, report_claims in claim_lists:
        local = local_seqs(report_claims)
        for seq, claim in enumerate(report_claims):
            if claim.parent and claim.parent in local:
                links[(report_id, seq)] = local[claim.parent]
    if links:
        ids = claim_ids(conn, sorted({report_id for report_id, _ in links}))
        conn.execute(
            claims.update()
            .where(claims.c.id == bindparam("claim"))
            .values(parent_id=bindparam("parent")),
            [
                {"claim": ids[key], "parent": ids[(key[0], parent_seq)]}
                for key, parent_seq in links.items()
            ],
        )
    return len(rows)


def local_seqs(report_claims: Sequence[Claim]) -> dict[str, int]:
    """Each claim's position by the id the extractor gave it (c0, c1, ...)."""
    return {claim.id or f"c{seq}": seq for seq, claim in enumerate(report_claims)}


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


def _report_row(report: Report, source_pk: int) -> dict:
    return {
        "source_id": source_pk,
        "external_id": report.external_id[:1000],
        "url": report.url[:2000] if report.url else None,
        "url_text": report.url_text[:2000] if report.url_text else None,
        "published": report.published,
        "published_precision": report.published_precision,
        "lang": report.lang,
        "text": report.text,
        "content_hash": report.content_hash,
        "claimant": (report.default_claimant or "")[:300] or None,
        "origin": report.origin[:2000] if report.origin else None,
    }


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
