"""Bulk writes of a batch of reports and their claims, in the fewest round trips each
backend allows.

Claims arrive packed: plain tuples in column order, with places and evidence already
JSON text and times already UTC text, made where the claims were extracted (the ingest
workers), so the writing process only moves values. Claim ids are taken before any row is
written (PostgreSQL: from the sequence; SQLite: past the highest id, under the write lock
the transaction holds), so a claim's parent and a report's newest claim are written with
the rows and never updated afterwards.

PostgreSQL: reports are copied (COPY) into a temporary staging table with ids taken in
the order they came, then inserted in content-hash order with one INSERT ... SELECT ...
ON CONFLICT DO NOTHING RETURNING; the claims of the reports stored are copied straight
into `claims`. SQLite: multi-row INSERTs sized to its limit of bound parameters, and one
executemany for the claims.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from skyledger.claimants import claimant_id
from skyledger.records import Claim, Report
from skyledger.store import rollup

# A claim packed for writing: parent's seq (or None), then CLAIM_VALUES in order.
PackedClaim = tuple
CLAIM_VALUES = (
    "seq", "claimant", "claimant_key", "claim_type", "weapon", "model", "count", "count_qualifier",
    "country", "admin1", "region_text", "places", "window_start", "window_end", "killed",
    "injured", "cumulative", "evidence", "confidence", "extractor_version", "bucket",
)  # fmt: skip
CLAIM_COLUMNS = ("id", "report_id", "parent_id", *CLAIM_VALUES)  # a row before its event
WRITTEN_CLAIM_COLUMNS = (*CLAIM_COLUMNS, "event_id")
REPORT_COLUMNS = (
    "source_id", "external_id", "url", "url_text", "published", "published_precision",
    "lang", "text", "content_hash", "ingested", "last_claim_id", "claimant", "origin",
)  # fmt: skip
# SQLite's limit of bound parameters a statement (999 before 3.32).
SQLITE_VARIABLES = 32_766 if sqlite3.sqlite_version_info >= (3, 32) else 999
STAGE = "skyledger_stage_reports"


@contextmanager
def raw_cursor(conn: Connection) -> Iterator:
    """A driver cursor in the connection's transaction (for COPY and multi-row statements);
    its errors raised as SQLAlchemy's, so callers tell a lock or a deadlock as for any
    other statement."""
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        yield cursor
    except conn.dialect.loaded_dbapi.Error as exc:
        raise DBAPIError.instance(
            None, None, exc, conn.dialect.loaded_dbapi.Error, dialect=conn.dialect
        ) from exc
    finally:
        cursor.close()


def utc_text(moment: datetime | None) -> str | None:
    """A time as the ledger stores it on SQLite (and PostgreSQL reads, its zone set to UTC)."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        raise ValueError("naive datetime given to the ledger")
    moment = moment.astimezone(UTC)
    return (
        f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d} "
        f"{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}.{moment.microsecond:06d}"
    )


def utc_moment(text: str | None) -> datetime | None:
    """A time packed by `utc_text` as the datetime the ledger gives back."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC) if text else None


def stored_url(report: Report) -> str | None:
    return report.url[:2000] if report.url else None


def local_seqs(report_claims: Sequence[Claim]) -> dict[str, int]:
    """Each claim's position by the id the extractor gave it (c0, c1, ...)."""
    return {claim.id or f"c{seq}": seq for seq, claim in enumerate(report_claims)}


def pack_claims(
    report: Report,
    report_claims: Sequence[Claim],
    bucket_of: Callable[[Claim, Report], str] | None = None,
) -> list[PackedClaim]:
    """A report's claims as tuples ready to write (see CLAIM_VALUES)."""
    local = local_seqs(report_claims)
    return [
        (
            local.get(claim.parent) if claim.parent else None,
            seq,
            claim.claimant,
            claimant_id(claim.claimant)[:300] or None,
            claim.claim_type,
            claim.weapon,
            claim.model,
            claim.count,
            claim.count_qualifier,
            claim.country,
            claim.admin1,
            claim.region_text,
            json.dumps([p.model_dump(mode="json") for p in claim.places]),
            utc_text(claim.window_start),
            utc_text(claim.window_end),
            claim.killed,
            claim.injured,
            claim.cumulative,
            json.dumps({field: list(span) for field, span in claim.evidence.items()}),
            claim.confidence,
            claim.extractor_version or "unknown",
            bucket_of(claim, report) if bucket_of else None,
        )
        for seq, claim in enumerate(report_claims)
    ]


def packed(
    report: Report,
    found: Sequence[Claim] | list[PackedClaim],
    bucket_of: Callable[[Claim, Report], str] | None = None,
) -> list[PackedClaim]:
    """A report's claims packed, unless they come packed already (from an ingest worker)."""
    if found and not isinstance(found[0], Claim):
        return list(found)
    return pack_claims(report, found, bucket_of)


def report_values(report: Report, source_pk: int, now: datetime, last: int | None) -> tuple:
    return (
        source_pk,
        report.external_id[:1000],
        stored_url(report),
        report.url_text[:2000] if report.url_text else None,
        report.published,
        report.published_precision,
        report.lang,
        report.text,
        report.content_hash,
        now,
        last,
        (report.default_claimant or "")[:300] or None,
        report.origin[:2000] if report.origin else None,
    )


def new_ids(conn: Connection, table: str, count: int) -> list[int]:
    """`count` unused ids of `table`, ascending (SQLite: past the highest, which only the
    holder of the write lock may rely on)."""
    if count == 0:
        return []
    if conn.dialect.name == "postgresql":
        found = conn.exec_driver_sql(
            f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) "
            f"FROM generate_series(1, {int(count)})"
        ).scalars()
        return sorted(found)
    highest = conn.exec_driver_sql(f"SELECT coalesce(max(id), 0) FROM {table}").scalar_one()
    return list(range(highest + 1, highest + 1 + count))


# Given the claim rows about to be written (CLAIM_COLUMNS) and their reports by id,
# returns the event id of each claim (by claim id) it placed in an event.
Reconcile = Callable[[Connection, list[tuple], dict[int, Report]], dict[int, int]]


def write(
    conn: Connection,
    batch: Sequence[tuple[Report, list[PackedClaim]]],
    source_ids: dict[tuple[str, str], int],
    reconcile: Reconcile | None = None,
) -> dict[str, int]:
    """Write the batch's reports and the claims of those that were new; returns the new
    reports' ids by content hash. With `reconcile`, the new claims are written with the
    events it gives them (computed in this transaction, before the claims are written).

    Ids follow the batch's order, as the reports came in. On PostgreSQL the rows are
    nonetheless inserted in content-hash order, so that transactions writing the same
    reports take their row locks in one order. The caller holds the transaction; on
    SQLite it must already hold the write lock.
    """
    postgres = conn.dialect.name == "postgresql"
    ids = new_ids(conn, "claims", sum(len(packed) for _, packed in batch))
    report_ids = new_ids(conn, "reports", len(batch)) if postgres else []
    now = datetime.now(UTC)
    first_ids, rows, start = {}, [], 0
    for k, (report, packed) in enumerate(batch):
        first_ids[report.content_hash] = start
        last = ids[start + len(packed) - 1] if packed else None
        source = source_ids[(report.source.kind, report.source.name)]
        values = report_values(report, source, now, last)
        rows.append((report_ids[k], *values) if postgres else values)
        start += len(packed)
    inserted = _insert_reports_pg(conn, rows) if postgres else _insert_reports_sqlite(conn, rows)
    claim_rows, stored = [], {}
    for report, packed in batch:
        report_id = inserted.get(report.content_hash)
        if report_id is None:
            continue
        stored[report_id] = report
        own = ids[first_ids[report.content_hash] :]
        for parent_seq, *values in packed:
            parent = own[parent_seq] if parent_seq is not None else None
            claim_rows.append((own[values[0]], report_id, parent, *values))
    if claim_rows:
        events = reconcile(conn, claim_rows, stored) if reconcile else {}
        claim_rows = [(*row, events.get(row[0])) for row in claim_rows]
        if postgres:
            _copy_claims(conn, claim_rows)
        else:
            _insert_claims_sqlite(conn, claim_rows)
        rollup.add_reports(conn, sorted({row[1] for row in claim_rows}))
    return inserted


def _insert_reports_sqlite(conn: Connection, rows: list[tuple]) -> dict[str, int]:
    per_statement = SQLITE_VARIABLES // len(REPORT_COLUMNS)
    inserted: dict[str, int] = {}
    with raw_cursor(conn) as cursor:
        for start in range(0, len(rows), per_statement):
            chunk = rows[start : start + per_statement]
            marks = "(" + ", ".join("?" * len(REPORT_COLUMNS)) + ")"
            cursor.execute(
                f"INSERT INTO reports ({', '.join(REPORT_COLUMNS)}) "
                f"VALUES {', '.join([marks] * len(chunk))} "
                "ON CONFLICT DO NOTHING RETURNING id, content_hash",
                [
                    value
                    for row in chunk
                    for value in (
                        *row[:4],
                        utc_text(row[4]),
                        *row[5:9],
                        utc_text(row[9]),
                        *row[10:],
                    )
                ],
            )
            inserted.update({content: report_id for report_id, content in cursor.fetchall()})
    return inserted


def _insert_claims_sqlite(conn: Connection, rows: list[tuple]) -> None:
    marks = ", ".join("?" * len(WRITTEN_CLAIM_COLUMNS))
    with raw_cursor(conn) as cursor:
        # A part may come before its total: parents are checked at commit, as PostgreSQL
        # checks them at the end of the COPY.
        cursor.execute("PRAGMA defer_foreign_keys = ON")
        cursor.executemany(
            f"INSERT INTO claims ({', '.join(WRITTEN_CLAIM_COLUMNS)}) VALUES ({marks})", rows
        )


def stage(cursor, name: str, table: str, columns: Sequence[str], rows) -> None:
    """PostgreSQL: copy rows into the temporary table `name`, made once a session with
    these columns of `table` (no constraints, no defaults) and emptied at each commit."""
    names = ", ".join(columns)
    cursor.execute(
        f"CREATE TEMPORARY TABLE IF NOT EXISTS {name} ON COMMIT DELETE ROWS AS "
        f"SELECT {names} FROM {table} WITH NO DATA"
    )
    with cursor.copy(f"COPY {name} ({names}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def _insert_reports_pg(conn: Connection, rows: list[tuple]) -> dict[str, int]:
    columns = ", ".join(("id", *REPORT_COLUMNS))
    with raw_cursor(conn) as cursor:
        stage(cursor, STAGE, "reports", ("id", *REPORT_COLUMNS), rows)
        cursor.execute(
            f"INSERT INTO reports ({columns}) SELECT {columns} FROM {STAGE} "
            "ORDER BY content_hash ON CONFLICT DO NOTHING RETURNING id, content_hash"
        )
        return {content: report_id for report_id, content in cursor.fetchall()}


def _copy_claims(conn: Connection, rows: list[tuple]) -> None:
    with raw_cursor(conn) as cursor:
        cursor.execute("SET LOCAL TIME ZONE 'UTC'")  # claim times are packed as UTC text
        with cursor.copy(f"COPY claims ({', '.join(WRITTEN_CLAIM_COLUMNS)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
