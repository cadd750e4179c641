"""Claims summed ahead of time, for the dashboard's view of the whole ledger.

Two tables hold the standing claims (not rejected) summed by the dimensions the
dashboard's first view groups and filters by: `claim_series` per UTC day of publication
(the claims /api/timeseries counts) and `claim_tallies` without time (every claim, for
/api/stats and /api/regions). Each row is a number of claims and the sum of their counts.

They are changed in the transaction that changes the claims, from the claims as stored:
the ingest adds the reports it stored (`add_reports`), and a review or a re-extraction
subtracts the claims it changes before the change and adds them after (`kept_in_step`). A
rolled-back or killed transaction leaves both as they were. The rows are written last in
each transaction (after events and claims), in key order by code point on both sides (the
ingest's in SQL with a binary collation, a review's sorted in Python), so concurrent writers
wait on each other rather than in a circle whatever the database's collation. `fill` computes them anew from every
claim (migration 0013).

A missing value (no weapon, no claimant, no region) is kept as '' and read back as None.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache

from sqlalchemy import (
    Connection,
    String,
    Table,
    and_,
    bindparam,
    cast,
    delete,
    exists,
    func,
    or_,
    select,
)

from skyledger.store.schema import (
    SERIES_KEYS,
    TALLY_KEYS,
    claim_series,
    claim_tallies,
    claims,
    reports,
)

NONE = ""  # how a missing value is kept in a key column
ROLLUPS = (claim_series, claim_tallies)
_IDS_PER_STATEMENT = 900  # bound values: SQLite before 3.32 took at most 999


def standing():
    """Claims a reviewer rejected drop out of every list, count and export."""
    return claims.c.review_status != "rejected"


def day_of(dialect_name: str, column_):
    """'YYYY-MM-DD' of a UTC timestamp column, on either backend."""
    if dialect_name == "postgresql":
        return func.to_char(func.timezone("UTC", column_), "YYYY-MM-DD")
    return func.substr(cast(column_, String), 1, 10)


def binary(dialect_name: str, column_):
    """A key column compared by code point, as Python sorts the keys `write_difference`
    writes: PostgreSQL's collation "C" (on UTF-8, byte order is code-point order);
    SQLite compares bytes already."""
    return column_.collate("C") if dialect_name == "postgresql" else column_


def in_series():
    """The claims a time series counts: dated, not a running total since some earlier date,
    and not a total that is broken down by region (its parts are counted)."""
    child = claims.alias("child")
    is_total = exists().where(child.c.parent_id == claims.c.id)
    return [
        reports.c.published.is_not(None),
        claims.c.cumulative.is_(False),
        or_(claims.c.admin1.is_not(None), ~is_total),  # only area-less claims can be totals
    ]


def _sums(table: Table, dialect_name: str, which=None):
    """The rows of `table` for the standing claims (those `which` selects), in key order."""
    keys = SERIES_KEYS if table is claim_series else TALLY_KEYS
    values = {
        key: day_of(dialect_name, reports.c.published) if key == "day" else claims.c[key]
        for key in keys
    }
    kept = [func.coalesce(values[key], NONE) for key in keys]
    columns = [column_.label(key) for column_, key in zip(kept, keys, strict=True)]
    in_key_order = [binary(dialect_name, column_) for column_ in kept]
    conditions = [standing()]
    if table is claim_series:
        conditions += [claims.c.report_id == reports.c.id, *in_series()]
    if which is not None:
        conditions.append(which)
    query = (
        select(
            *columns,
            func.count().label("claims"),
            func.coalesce(func.sum(claims.c.count), 0).label("claimed"),
        )
        .where(*conditions)
        .group_by(*columns)
        .order_by(*in_key_order)
    )
    return keys, query


def _insert(dialect_name: str, table: Table):
    if dialect_name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(table)


def _adding(table: Table, statement):
    keys = SERIES_KEYS if table is claim_series else TALLY_KEYS
    return statement.on_conflict_do_update(
        index_elements=list(keys),
        set_={
            "claims": table.c.claims + statement.excluded.claims,
            "claimed": table.c.claimed + statement.excluded.claimed,
        },
    )


@cache
def _adding_reports(table: Table, dialect_name: str):
    """The statement adding the claims of the reports `report_ids` to `table`: made once,
    so each batch only binds its ids."""
    which = claims.c.report_id.in_(bindparam("report_ids", expanding=True))
    keys, query = _sums(table, dialect_name, which)
    return _adding(
        table, _insert(dialect_name, table).from_select([*keys, "claims", "claimed"], query)
    )


def add_reports(conn: Connection, report_ids: Sequence[int]) -> None:
    """Add the claims of reports just stored (the ingest's batch), in its transaction."""
    for start in range(0, len(report_ids), _IDS_PER_STATEMENT):
        chunk = list(report_ids[start : start + _IDS_PER_STATEMENT])
        for table in ROLLUPS:
            conn.execute(_adding_reports(table, conn.dialect.name), {"report_ids": chunk})


def fill(conn: Connection) -> None:
    """Both tables computed anew from every claim."""
    for table in ROLLUPS:
        keys, query = _sums(table, conn.dialect.name)
        conn.execute(delete(table))
        conn.execute(table.insert().from_select([*keys, "claims", "claimed"], query))


Sums = dict[Table, dict[tuple, tuple[int, int]]]
NO_SUMS: Sums = {table: {} for table in ROLLUPS}


def sums_of(conn: Connection, which) -> Sums:
    """What the claims `which` selects add to each table, by key."""
    found: Sums = {}
    for table in ROLLUPS:
        _keys, query = _sums(table, conn.dialect.name, which)
        found[table] = {tuple(row[:-2]): (row.claims, row.claimed) for row in conn.execute(query)}
    return found


@contextmanager
def kept_in_step(conn: Connection, which) -> Iterator[None]:
    """Wrap a change to the claims `which` (a condition on claims) selects: the tables
    follow it on exit. The caller holds those claims locked (PostgreSQL) or the write
    lock (SQLite), so nothing else changes them between the two readings; a claim's sums
    depend on itself and on whether any claim names it as parent."""
    before = sums_of(conn, which)
    yield
    write_difference(conn, before, sums_of(conn, which))


def write_difference(conn: Connection, before: Sums, after: Sums) -> None:
    for table in ROLLUPS:
        keys = SERIES_KEYS if table is claim_series else TALLY_KEYS
        old, new = before[table], after[table]
        rows = []
        for key in sorted(old.keys() | new.keys()):
            was, now = old.get(key, (0, 0)), new.get(key, (0, 0))
            if was != now:
                rows.append(
                    {
                        **dict(zip(keys, key, strict=True)),
                        "claims": now[0] - was[0],
                        "claimed": now[1] - was[1],
                    }
                )
        if not rows:
            continue
        conn.execute(_adding(table, _insert(conn.dialect.name, table)), rows)
        emptied = [row for row in rows if row["claims"] < 0]
        if emptied:
            matching = and_(*(table.c[key] == bindparam(f"k_{key}") for key in keys))
            conn.execute(
                delete(table).where(matching, table.c.claims == 0),
                [{f"k_{key}": row[key] for key in keys} for row in emptied],
            )


def value(stored: str):
    """A key column's value as the claims hold it."""
    return None if stored == NONE else stored


def key_is(column_, wanted):
    return column_ == (NONE if wanted is None else wanted)
