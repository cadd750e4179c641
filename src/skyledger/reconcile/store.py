"""Reconciliation against the ledger: the work queue, bucket recomputation, reading events.

Claims whose `event_id` is NULL are the work queue. Ingest stores each claim with its
bucket; `update_events` first gives any claim stored without one its bucket, then
recomputes every bucket the queue touches, one transaction a bucket: a crash leaves
whole buckets done and the rest still queued, and the next run finishes them. Events are
upserted by their content key, so an event that did not change keeps its id and its row.

An ingest batch need not queue its claims: `events_of_new_claims` rebuilds the buckets
they fall in inside the batch's own transaction, before the claims are written, so each
claim row is written once, with its event (setting `event_id` afterwards would write
every claim row and its indexes a second time).
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date
from operator import itemgetter

from sqlalchemy import Connection, Engine, bindparam, select, text, update

from skyledger.reconcile.claimants import display_name
from skyledger.reconcile.grouping import EventDraft, Fact, Statement, build_events
from skyledger.reconcile.timing import bucket_of, reference_time
from skyledger.records import Report
from skyledger.store.bulk import (
    CLAIM_COLUMNS,
    new_ids,
    raw_cursor,
    stage,
    stored_url,
    utc_moment,
    utc_text,
)
from skyledger.store.schema import claims, events, reports, sources

_CHUNK = 2000
_IDS_PER_QUERY = 900  # bound values: SQLite before 3.32 took at most 999
_BUCKETS_PER_TRANSACTION = 200
EVENT_FIELDS = (
    "claim_type", "weapon", "country", "admin1", "low", "best", "high", "conflict",
    "killed", "injured", "window_start", "window_end", "first_reported", "detail", "bucket",
)  # fmt: skip


@dataclass
class UpdateSummary:
    buckets: list[str] = field(default_factory=list)
    written: int = 0  # events inserted or changed
    removed: int = 0
    claims: int = 0


def update_events(engine: Engine, report_ids: Sequence[int] | None = None) -> UpdateSummary:
    """Reconcile queued claims (all of them, or those of `report_ids`) into events."""
    summary = UpdateSummary()
    assign_buckets(engine)
    with engine.connect() as conn:
        query = (
            select(claims.c.bucket)
            .where(claims.c.event_id.is_(None), claims.c.review_status != "rejected")
            .distinct()
        )
        if report_ids is not None:
            query = query.where(claims.c.report_id.in_(list(report_ids)))
        touched = sorted(conn.execute(query).scalars())
    for start in range(0, len(touched), _BUCKETS_PER_TRANSACTION):
        chunk = touched[start : start + _BUCKETS_PER_TRANSACTION]
        with engine.begin() as conn:
            lock_buckets(conn, chunk)
            written, removed, count, _ = recompute_buckets(conn, chunk)
        summary.buckets.extend(chunk)
        summary.written += written
        summary.removed += removed
        summary.claims += count
    return summary


def events_of_new_claims(
    conn: Connection, rows: Sequence[tuple], reports_by_id: dict[int, Report]
) -> dict[int, int]:
    """Bring the events of the buckets these claims fall in up to date, before the claims
    are written in the same transaction; returns each claim's event id.

    `rows` are claim rows as the ledger writes them (skyledger.store.bulk.CLAIM_COLUMNS,
    ids taken), of the reports in `reports_by_id` that this transaction stored. Written
    with their event, the claims never wait in the queue, and no claim row is written
    twice. Their buckets' locks are held until the transaction ends, as in `update_events`.
    """
    fresh: dict[str, list[Fact]] = defaultdict(list)
    for row in rows:
        if row[_BUCKET] is not None:
            fresh[row[_BUCKET]].append(fact_from_claim_row(row, reports_by_id[row[_REPORT]]))
    buckets = sorted(fresh)
    lock_buckets(conn, buckets)
    found: dict[int, int] = {}
    for start in range(0, len(buckets), _BUCKETS_PER_TRANSACTION):
        chunk = buckets[start : start + _BUCKETS_PER_TRANSACTION]
        found.update(recompute_buckets(conn, chunk, {b: fresh[b] for b in chunk})[3])
    return found


_COLUMN = {name: k for k, name in enumerate(CLAIM_COLUMNS)}
_REPORT, _BUCKET = _COLUMN["report_id"], _COLUMN["bucket"]


def fact_from_claim_row(row: tuple, report: Report) -> Fact:
    """The fact of a claim row about to be written, as `bucket_facts` will read it back."""
    *head, window_start, window_end, parent, report_id = _FACT_VALUES(row)
    published = report.published.astimezone(UTC) if report.published else None
    return fact_of(
        (*head, utc_moment(window_start), utc_moment(window_end), parent, report_id),
        (report.content_hash, published, stored_url(report), report.lang, report.source.name),
    )


def fact_of(claim: Sequence, report: Sequence, review_status: str = "unreviewed") -> Fact:
    """A fact from a claim's values (in the order of `_FACT_VALUES`) and its report's
    (content hash, published, url, language, source name)."""
    (claim_id, seq, claim_type, weapon, model, claimant, country, admin1, count, qualifier,
     killed, injured, window_start, window_end, parent, report_id) = claim  # fmt: skip
    content_hash, published, url, lang, source = report
    return Fact(  # by position, in the order of its fields: thousands a batch
        claim_id, content_hash, seq, claim_type, weapon, model, claimant, country, admin1,
        count, qualifier, killed, injured, window_start, window_end, published, parent,
        report_id, url, source, lang, review_status,
    )  # fmt: skip


_FACT_VALUES = itemgetter(
    *(
        _COLUMN[name]
        for name in (
            "id",
            "seq",
            "claim_type",
            "weapon",
            "model",
            "claimant",
            "country",
            "admin1",
            "count",
            "count_qualifier",
            "killed",
            "injured",
            "window_start",
            "window_end",
            "parent_id",
            "report_id",
        )  # fmt: skip
    )
)


def lock_buckets(conn: Connection, buckets: Sequence[str]) -> None:
    """On PostgreSQL, hold each bucket's advisory lock until the transaction ends.

    Processes reconciling at once then rebuild a bucket one after the other, each
    from what the one before committed, so an older rebuild never overwrites a newer
    one. Locks are taken in ascending key order, so two processes never wait on each
    other. (SQLite refuses to let a transaction write after another committed since
    it read, so it needs no lock.)
    """
    if conn.dialect.name != "postgresql" or not buckets:
        return
    schema = conn.execute(text("SELECT coalesce(current_schema(), '')")).scalar_one()
    keys = sorted({bucket_lock_key(schema, bucket) for bucket in buckets})
    conn.execute(
        text("SELECT pg_advisory_xact_lock(key) FROM unnest(CAST(:keys AS bigint[])) AS t(key)"),
        {"keys": keys},
    )


def bucket_lock_key(schema: str, bucket: str) -> int:
    """A signed 64-bit advisory lock key for one bucket of one schema's ledger."""
    digest = hashlib.blake2b(f"skyledger bucket {schema} {bucket}".encode(), digest_size=8)
    return int.from_bytes(digest.digest(), "big", signed=True)


def assign_buckets(engine: Engine) -> None:
    """Give every claim that has none its bucket (ledger day, claim type, weapon)."""
    query = (
        select(
            claims.c.id,
            claims.c.claim_type,
            claims.c.weapon,
            claims.c.window_start,
            claims.c.window_end,
            reports.c.published,
            reports.c.content_hash,
        )  # fmt: skip
        .join(reports, claims.c.report_id == reports.c.id)
        .where(claims.c.bucket.is_(None))
        .limit(_CHUNK)  # no ORDER BY: the bucket index finds the NULLs, a scan by id would not
    )
    # `bucket IS NULL` again at write time: a claim another process bucketed meanwhile
    # is left alone (and not locked), so concurrent runs neither clash nor deadlock.
    statement = (
        update(claims)
        .where(claims.c.id == bindparam("claim"), claims.c.bucket.is_(None))
        .values(bucket=bindparam("value"))
    )
    while True:
        with engine.begin() as conn:
            rows = conn.execute(query).all()
            if not rows:
                return
            conn.execute(
                statement,
                [
                    {
                        "claim": row.id,
                        "value": bucket_of(
                            row.claim_type,
                            row.weapon,
                            reference_time(row.window_start, row.window_end, row.published),
                            row.content_hash,
                        ),
                    }
                    for row in rows
                ],
            )


# What a fact needs of a claim: not its places and evidence, JSON each row would decode.
# In the order of `fact_of`, then the event, bucket and review: taken apart by position.
FACT_COLUMNS = [
    claims.c[name]
    for name in (
        "id", "seq", "claim_type", "weapon", "model", "claimant", "country", "admin1",
        "count", "count_qualifier", "killed", "injured", "window_start", "window_end",
        "parent_id", "report_id", "event_id", "bucket", "review_status",
    )
]  # fmt: skip


def bucket_facts(
    conn: Connection, buckets: Sequence[str]
) -> tuple[dict[str, list[Fact]], dict[int, int | None]]:
    """The claims of these buckets as facts, by bucket, and each claim's current event.

    The claims are read by the bucket index, then their reports by id: two look-ups
    whose plan holds on any statistics (joined in one query, a planner that knows there
    are few sources starts from them and reads every report of the ledger). A batch
    rebuilds buckets of thousands of claims, so rows are taken apart by position."""
    query = select(*FACT_COLUMNS).where(
        claims.c.bucket.in_(list(buckets)), claims.c.review_status != "rejected"
    )
    rows = conn.execute(query).all()
    about = reports_of(conn, sorted({row.report_id for row in rows}))
    facts: dict[str, list[Fact]] = {bucket: [] for bucket in buckets}
    linked: dict[int, int | None] = {}
    for row in rows:
        *claim, event_id, bucket, review_status = row
        facts[bucket].append(fact_of(claim, about[claim[-1]], review_status or "unreviewed"))
        linked[claim[0]] = event_id
    return facts, linked


# What a fact needs of each report (and its source), after its id.
REPORT_FACT_COLUMNS = (
    reports.c.id,
    reports.c.content_hash,
    reports.c.published,
    reports.c.url,
    reports.c.lang,
    sources.c.name,
)


def reports_of(conn: Connection, report_ids: list[int]) -> dict[int, tuple]:
    """(content hash, published, url, language, source name) of each report, by id."""
    found: dict[int, tuple] = {}
    for start in range(0, len(report_ids), _IDS_PER_QUERY):
        query = (
            select(*REPORT_FACT_COLUMNS)
            .join(sources, reports.c.source_id == sources.c.id)
            .where(reports.c.id.in_(report_ids[start : start + _IDS_PER_QUERY]))
        )
        found.update((row[0], tuple(row[1:])) for row in conn.execute(query))
    return found


def recompute_buckets(
    conn: Connection, buckets: Sequence[str], fresh: dict[str, list[Fact]] | None = None
) -> tuple[int, int, int, dict[int, int]]:
    """Rebuild these buckets' events; returns (events written, events removed, claims, and
    the event of each `fresh` fact).

    `fresh`: facts by bucket of claims this transaction is about to write (see
    `events_of_new_claims`); they join the stored claims of their buckets, and their
    events are returned rather than set, for the claims to be written with them.
    """
    facts, linked = bucket_facts(conn, buckets)
    for bucket, new in (fresh or {}).items():
        facts[bucket].extend(new)
    drafts = [draft for bucket in buckets for draft in build_events(bucket, facts[bucket])]
    existing = {
        row.key: row
        for row in conn.execute(select(events).where(events.c.bucket.in_(list(buckets))))
    }
    # New events take their ids first, so that every row is written once, its parent with it.
    new_keys = [draft.key for draft in drafts if draft.key not in existing]
    ids = {key: row.id for key, row in existing.items()}
    ids.update(zip(new_keys, new_ids(conn, "events", len(new_keys)), strict=True))
    added, changed = [], []
    for draft in drafts:
        values = event_values(draft)
        values["parent_id"] = ids[draft.parent_key] if draft.parent_key else None
        old = existing.get(draft.key)
        if old is None:
            added.append((ids[draft.key], draft.key, *(values[name] for name in STORED_FIELDS)))
        elif any(getattr(old, name) != values[name] for name in STORED_FIELDS):
            changed.append((old.id, *(values[name] for name in STORED_FIELDS)))
    write_events(conn, added, changed)
    links, fresh_links = [], {}
    for draft in drafts:
        event_id = ids[draft.key]
        for fact in draft.facts:
            if fact.claim_id not in linked:
                fresh_links[fact.claim_id] = event_id
            elif linked[fact.claim_id] != event_id:
                links.append((fact.claim_id, event_id))
    if links:
        set_all(conn, claims, "event_id", links)
    current = {d.key for d in drafts}
    stale = [row.id for key, row in existing.items() if key not in current]
    if stale:
        conn.execute(events.delete().where(events.c.id.in_(stale)))
    written = len(added) + len(changed)
    return written, len(stale), sum(len(f) for f in facts.values()), fresh_links


STORED_FIELDS = (*EVENT_FIELDS, "parent_id")  # what an event row holds besides id and key
STAGED_EVENTS = "skyledger_stage_events"


def write_events(conn: Connection, added: list[tuple], changed: list[tuple]) -> None:
    """Insert new events, (id, key, *STORED_FIELDS), and update changed ones, (id,
    *STORED_FIELDS), each row written once. PostgreSQL: the new ones copied (COPY) in,
    the changed ones copied into a staging table and updated from it in one statement;
    SQLite: one prepared statement run over the rows. New events go in parents first, so
    that no reference waits to be checked (SQLite would look for the children of each
    parent written after them, through a column it has no index on)."""
    if not added and not changed:
        return
    postgres = conn.dialect.name == "postgresql"
    added = [_event_row(row, 2, postgres) for row in parents_first(added)]
    changed = [_event_row(row, 1, postgres) for row in changed]
    settings = ", ".join(f"{name} = {f's.{name}' if postgres else '?'}" for name in STORED_FIELDS)
    columns = ", ".join(("id", "key", *STORED_FIELDS))
    with raw_cursor(conn) as cursor:
        if postgres:
            if added:
                with cursor.copy(f"COPY events ({columns}) FROM STDIN") as copy:
                    for row in added:
                        copy.write_row(row)
            if changed:
                stage(cursor, STAGED_EVENTS, "events", ("id", *STORED_FIELDS), changed)
                cursor.execute(
                    f"UPDATE events SET {settings} FROM {STAGED_EVENTS} s WHERE events.id = s.id"
                )
                cursor.execute(f"DELETE FROM {STAGED_EVENTS}")  # the next chunk starts empty
            return
        if added:
            marks = ", ".join("?" * (2 + len(STORED_FIELDS)))
            cursor.executemany(f"INSERT INTO events ({columns}) VALUES ({marks})", added)
        if changed:
            cursor.executemany(
                f"UPDATE events SET {settings} WHERE id = ?",
                [(*row[1:], row[0]) for row in changed],
            )


_PARENT = 2 + STORED_FIELDS.index("parent_id")


def parents_first(added: list[tuple]) -> list[tuple]:
    """New event rows ordered so that each comes after the new event it points to."""
    pending, done, ordered = list(added), set(), []
    new = {row[0] for row in added}
    while pending:
        ready = [row for row in pending if row[_PARENT] not in new or row[_PARENT] in done]
        if not ready:  # a loop of parents, which link_parents never makes
            raise ValueError("events whose parents point at each other")
        ordered.extend(ready)
        done.update(row[0] for row in ready)
        pending = [row for row in pending if row[0] not in done]
    return ordered


_DETAIL = STORED_FIELDS.index("detail")
_TIMES = [STORED_FIELDS.index(name) for name in ("window_start", "window_end", "first_reported")]


def _event_row(row: tuple, head: int, postgres: bool) -> tuple:
    """An event row as the driver takes it: detail as JSON text, times as UTC text on SQLite."""
    values = list(row)
    values[head + _DETAIL] = json.dumps(values[head + _DETAIL])
    if not postgres:
        for k in _TIMES:
            values[head + k] = utc_text(values[head + k])
    return tuple(values)


def set_all(conn: Connection, table, column: str, pairs: list[tuple[int, int | None]]) -> None:
    """Set `column` of each row by id: (id, value) pairs, one statement on PostgreSQL, one
    prepared statement run over the pairs on SQLite."""
    if conn.dialect.name == "postgresql":
        conn.execute(
            text(
                f"UPDATE {table.name} SET {column} = v.value "
                "FROM unnest(CAST(:ids AS bigint[]), CAST(:values AS bigint[])) AS v(id, value) "
                f"WHERE {table.name}.id = v.id"
            ),
            {"ids": [row for row, _ in pairs], "values": [value for _, value in pairs]},
        )
        return
    with raw_cursor(conn) as cursor:  # the driver's executemany, without per-row binding work
        cursor.executemany(
            f"UPDATE {table.name} SET {column} = ? WHERE id = ?",
            [(value, row) for row, value in pairs],
        )


def event_values(draft: EventDraft) -> dict:
    return {
        "claim_type": draft.claim_type,
        "weapon": draft.weapon,
        "country": draft.country,
        "admin1": draft.admin1,
        "low": draft.low,
        "best": draft.best,
        "high": draft.high,
        "conflict": draft.conflict,
        "killed": draft.killed,
        "injured": draft.injured,
        "window_start": draft.window_start,
        "window_end": draft.window_end,
        "first_reported": draft.first_reported,
        "detail": {"statements": [statement_detail(s) for s in draft.statements]},
        "bucket": draft.bucket,
    }


def statement_detail(statement: Statement) -> dict:
    lead = statement.lead
    return {
        "claim_id": lead.claim_id,
        "claimant": lead.claimant,
        "count": statement.count,
        "count_qualifier": lead.count_qualifier,
        "killed": statement.killed,
        "injured": statement.injured,
        "parts": [fact.claim_id for fact in statement.parts],
        "agrees": statement.agrees,
        "superseded": statement.superseded,
        "citations": [
            {
                "claim_id": fact.claim_id,
                "report_id": fact.report_id,
                "url": fact.url,
                "source": fact.source,
                "lang": fact.lang,
                "published": fact.published.isoformat() if fact.published else None,
                "review_status": fact.review_status,
            }
            for fact in statement.facts
        ],
    }


def reports_carrying(statement: dict) -> int:
    """How many reports carry a stored statement (its parts share a report)."""
    return len({c["report_id"] for c in statement["citations"]}) or 1


def event_rows(
    engine: Engine,
    area: str | None = None,
    since: date | None = None,
    day: date | None = None,
) -> list[dict]:
    """Events as plain dicts, oldest ledger day first; undated events last.

    `area` is an ISO 3166-2 region (RU-KLU) or a country (RU); `since` and `day`
    select by ledger day (see timing.py), which leaves out undated events.
    """
    query = select(events)
    if area and len(area) == 2:
        query = query.where(events.c.country == area.upper())
    elif area:
        query = query.where(events.c.admin1 == area.upper())
    if since is not None:
        query = query.where(events.c.bucket >= since.isoformat(), events.c.bucket < "9999")
    if day is not None:
        query = query.where(events.c.bucket.startswith(f"{day.isoformat()}|"))
    with engine.connect() as conn:
        rows = [dict(row._mapping) for row in conn.execute(query)]
    rows.sort(key=lambda r: r["key"])
    return [event_dict(row) for row in rows]


def events_by_id(engine: Engine, ids: Sequence[int]) -> list[dict]:
    if not ids:
        return []
    with engine.connect() as conn:
        rows = [
            dict(r._mapping) for r in conn.execute(select(events).where(events.c.id.in_(list(ids))))
        ]
    return [event_dict(row) for row in sorted(rows, key=lambda r: r["key"])]


def event_dict(row: dict) -> dict:
    """An event row with its statements as `claims`: who said what, and who repeated it."""
    statements = (row.get("detail") or {}).get("statements", [])
    return {
        "id": row["id"],
        "key": row["key"],
        "claim_type": row["claim_type"],
        "weapon": row["weapon"],
        "country": row["country"],
        "admin1": row["admin1"],
        "low": row["low"],
        "best": row["best"],
        "high": row["high"],
        "conflict": bool(row["conflict"]),
        "killed": row["killed"],
        "injured": row["injured"],
        "window_start": row["window_start"],
        "window_end": row["window_end"],
        "first_reported": row["first_reported"],
        "parent": row["parent_id"],
        "claims": [{**s, "claimant_name": display_name(s["claimant"])} for s in statements],
    }
