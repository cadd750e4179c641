"""A ledger's claims and events as plain rows keyed by content instead of database ids, so
that two ledgers filled in different ways (processes, engines, backends) compare field by
field: a claim is known by (its report's content hash, its position in the report), an
event by its key."""

from __future__ import annotations

from datetime import UTC

from sqlalchemy import create_engine, func, select

from skyledger.store.schema import (
    SERIES_KEYS,
    TALLY_KEYS,
    claim_series,
    claim_tallies,
    claims,
    events,
    reports,
)

ClaimKey = tuple[str, int]


def _read(url: str, query) -> list[dict]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(query)]
    finally:
        engine.dispose()


def claim_keys(url: str) -> dict[int, ClaimKey]:
    query = select(claims.c.id, reports.c.content_hash, claims.c.seq).join(
        reports, claims.c.report_id == reports.c.id
    )
    return {row["id"]: (row["content_hash"], row["seq"]) for row in _read(url, query)}


def event_keys(url: str) -> dict[int, str]:
    return {row["id"]: row["key"] for row in _read(url, select(events.c.id, events.c.key))}


def claims_by_content(url: str) -> dict[ClaimKey, dict]:
    """Every claim's stored fields; its parent as a claim key and its event as an event key."""
    keys, event_key = claim_keys(url), event_keys(url)
    rows = {}
    for row in _read(url, select(claims)):
        row["parent"] = keys.get(row.pop("parent_id"))
        row["event"] = event_key.get(row.pop("event_id"))
        del row["report_id"]
        rows[keys[row.pop("id")]] = row
    return rows


def events_by_content(url: str) -> dict[str, dict]:
    """Every event's stored fields; its parent and the claims it cites by content."""
    keys, event_key = claim_keys(url), event_keys(url)
    report_hash = {
        row["id"]: row["content_hash"]
        for row in _read(url, select(reports.c.id, reports.c.content_hash))
    }
    rows = {}
    for row in _read(url, select(events)):
        del row["id"]
        row["parent"] = event_key.get(row.pop("parent_id"))
        for statement in row["detail"]["statements"]:
            statement["claim_id"] = keys[statement["claim_id"]]
            statement["parts"] = [keys[part] for part in statement["parts"]]
            for citation in statement["citations"]:
                citation["claim_id"] = keys[citation["claim_id"]]
                citation["report_id"] = report_hash[citation["report_id"]]
        rows[row["key"]] = row
    return rows


def duplicated_claims(url: str) -> list[tuple]:
    """(report, seq) pairs stored more than once: none, whatever wrote the ledger."""
    query = (
        select(claims.c.report_id, claims.c.seq, func.count())
        .group_by(claims.c.report_id, claims.c.seq)
        .having(func.count() > 1)
    )
    return [tuple(row.values()) for row in _read(url, query)]


def count(url: str, table) -> int:
    return _read(url, select(func.count().label("n")).select_from(table))[0]["n"]


def stored_rollups(url: str) -> dict[str, dict[tuple, tuple[int, int]]]:
    """The rows of the summed tables (skyledger.store.rollup) by key."""
    found = {}
    for table, keys in ((claim_series, SERIES_KEYS), (claim_tallies, TALLY_KEYS)):
        found[table.name] = {
            tuple(row[k] for k in keys): (row["claims"], row["claimed"])
            for row in _read(url, select(table))
        }
    return found


def rollups_of_claims(url: str) -> dict[str, dict[tuple, tuple[int, int]]]:
    """The same sums worked out here, claim by claim, from the claims and their reports."""
    rows = _read(url, select(claims, reports.c.published).join(reports))
    parents = {row["parent_id"] for row in rows}
    found: dict[str, dict] = {"claim_series": {}, "claim_tallies": {}}

    def add(table: str, key: tuple, count) -> None:
        n, claimed = found[table].get(key, (0, 0))
        found[table][key] = (n + 1, claimed + (count or 0))

    for row in rows:
        if row["review_status"] == "rejected":
            continue
        value = {k: row.get(k) or "" for k in TALLY_KEYS}
        add("claim_tallies", tuple(value[k] for k in TALLY_KEYS), row["count"])
        total = row["admin1"] is None and row["id"] in parents
        if row["published"] is None or row["cumulative"] or total:
            continue
        day = row["published"].astimezone(UTC).strftime("%Y-%m-%d")
        value["day"] = day
        add("claim_series", tuple(value[k] for k in SERIES_KEYS), row["count"])
    return found
