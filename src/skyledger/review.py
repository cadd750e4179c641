"""Reviews: people confirm, correct or reject the extractor's claims, or add one it missed.

A review is a record, never an overwrite: the `reviews` table keeps every decision with
its reviewer, note and time, and the extractor's values it was made on. A claim's
*effective* values are the extractor's with its latest applied review's fields over
them; the claims table holds them, so events, exports, briefings and the API read
reviewed values with no extra step. A rejected claim stays stored, out of every list.

Each claim has a version, the number of reviews applied to it. A reviewer sends the
version they saw; when another review landed meanwhile, theirs is kept in the history
as `stale`, not applied, and `StaleReview` carries the claim as it now stands.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Connection, Engine, func, select, update

from skyledger.claimants import claimant_id
from skyledger.reconcile.store import lock_buckets, recompute_buckets
from skyledger.reconcile.timing import bucket_of, reference_time
from skyledger.records import Claim, invalid_because
from skyledger.store import rollup
from skyledger.store.schema import claims, reports, reviews, sources, utcnow
from skyledger.store.writer import note_newest_claim

ACTIONS = ("confirm", "correct", "reject", "add")
STATUS_OF_ACTION = {"confirm": "confirmed", "correct": "corrected", "reject": "rejected"}
REVIEW_STATUSES = ("unreviewed", "confirmed", "corrected", "rejected", "added")
# What a reviewer may set on a claim; provenance (report, evidence, extractor) is fixed.
FIELDS = (
    "claimant", "claim_type", "weapon", "model", "count", "count_qualifier", "country",
    "admin1", "region_text", "places", "window_start", "window_end", "killed", "injured",
    "cumulative",
)  # fmt: skip
ADDED_SEQ = 1_000_000  # added claims sit after any the extractor can make in their report


class ReviewError(ValueError):
    """A review that cannot be made: no such claim, an unknown field, an invalid value."""


class StaleReview(Exception):
    """The claim changed while the reviewer looked; `current` is it as it now stands."""

    def __init__(self, current: dict, review_id: int):
        super().__init__(
            f"claim {current['id']} is at version {current['version']}: "
            "another review was applied meanwhile"
        )
        self.current = current
        self.review_id = review_id


@dataclass
class Outcome:
    review_id: int
    claim: dict


def extracted_values(row) -> dict:
    """The reviewable fields of a claim row, as JSON values."""
    return {name: _json_value(row[name]) for name in FIELDS}


def as_json(values: dict) -> dict:
    return {name: _json_value(value) for name, value in values.items()}


def _json_value(value):
    return value.isoformat() if isinstance(value, datetime) else value


def checked(values: dict) -> dict:
    """Reviewable values validated as a claim's (types, vocabularies), as stored values."""
    unknown = sorted(set(values) - set(FIELDS))
    if unknown:
        raise ReviewError(f"not a reviewable field: {', '.join(unknown)}")
    data = {"claim_type": "destroyed", **values}
    if "places" in values:
        data["places"] = [_place(p) for p in values["places"] or []]
    try:
        claim = Claim.model_validate(data)
    except ValidationError as exc:
        reasons = invalid_because(exc)
        raise ReviewError(reasons) from exc
    for name in ("window_start", "window_end"):
        stamp = getattr(claim, name)
        if stamp is not None and stamp.tzinfo is None:
            raise ReviewError(f"{name}: give a time zone (e.g. 2026-05-01T00:00:00Z)")
    found = {name: getattr(claim, name) for name in values}
    if "places" in found:
        found["places"] = [p.model_dump(mode="json") for p in claim.places]
    return found


def _place(value):
    """A place a reviewer names as text (as the gold format does), or a stored mention."""
    return {"text": value, "normal": value} if isinstance(value, str) else value


def stored_values(fields: dict) -> dict:
    """JSON fields (as kept in a review) as the claims table's values."""
    return keyed(checked(fields)) if fields else {}


def keyed(values: dict) -> dict:
    """A claimant set by a reviewer gets its canonical id, which filters and events compare."""
    if "claimant" not in values:
        return values
    return {**values, "claimant_key": claimant_id(values["claimant"])[:300] or None}


def latest_applied(conn: Connection, claim_id: int):
    return conn.execute(
        select(reviews)
        .where(reviews.c.claim_id == claim_id, reviews.c.status == "applied")
        .order_by(reviews.c.id.desc())
        .limit(1)
    ).first()


def review(
    engine: Engine,
    claim_id: int,
    action: str,
    reviewer: str,
    *,
    fields: dict | None = None,
    note: str | None = None,
    version: int | None = None,
) -> Outcome:
    """Confirm, correct or reject a claim; its events are rebuilt with the effective values.

    `fields` (for `correct`) are merged with the claim's earlier corrections, so the
    latest review alone says how the claim differs from the extractor's output.
    `version`, when given, must be the claim's current one (else StaleReview).
    """
    if action not in STATUS_OF_ACTION:
        raise ReviewError(f"action must be one of {', '.join(STATUS_OF_ACTION)}, not {action!r}")
    if action != "correct" and fields:
        raise ReviewError(f"{action} takes no fields; correct sets them")
    if action == "correct" and not fields:
        raise ReviewError("a correction sets at least one field (e.g. count=28)")
    given = as_json(checked(fields or {}))
    with engine.begin() as conn:
        row = _claim_for_update(conn, claim_id)
        before = latest_applied(conn, claim_id)
        # The extractor's values: kept by the first review; none for an added claim,
        # whose fields are all the reviewer's.
        extracted = extracted_values(row._mapping) if before is None else before.extracted
        corrected = {**(before.fields if before is not None else {}), **given}
        if extracted is not None:
            corrected = {k: v for k, v in corrected.items() if extracted.get(k) != v}
        span = (row.evidence or {}).get("claim") or [None, None]
        stale = version is not None and version != row.version
        record = {
            "claim_id": claim_id,
            "report_id": row.report_id,
            "span_start": span[0],
            "span_end": span[1],
            "reviewer": reviewer,
            "action": action,
            "fields": corrected,
            "extracted": extracted,
            "note": note,
            "status": "stale" if stale else "applied",
            "version": row.version if version is None else version,
            "created": utcnow(),
        }
        review_id = conn.execute(reviews.insert().values(record).returning(reviews.c.id)).scalar()
        if stale:
            current = claim_dict(conn, claim_id)
        else:
            status = STATUS_OF_ACTION[action]
            if extracted is None and action != "reject":
                status = "added"
            values = {**(extracted or {}), **corrected}
            with rollup.kept_in_step(conn, claims.c.id == claim_id):
                apply_values(conn, row, stored_values(values), status, reviewer)
            current = None
    if current is not None:
        raise StaleReview(current, review_id)
    with engine.connect() as conn:
        return Outcome(review_id, claim_dict(conn, claim_id))


def add_claim(
    engine: Engine,
    report_id: int,
    reviewer: str,
    fields: dict,
    span: tuple[int, int],
    *,
    note: str | None = None,
) -> Outcome:
    """Add a claim the extractor missed, with the span of the report that states it."""
    if "claim_type" not in fields:
        raise ReviewError("an added claim needs its claim_type")
    values = checked(fields)
    given = as_json(values)
    with engine.begin() as conn:
        text = conn.execute(select(reports.c.text).where(reports.c.id == report_id)).scalar()
        if text is None:
            raise ReviewError(f"no report {report_id}")
        start, end = int(span[0]), int(span[1])
        if not 0 <= start < end <= len(text):
            raise ReviewError(
                f"span {start}-{end} is not within the report's {len(text)} characters"
            )
        seq = conn.execute(
            select(func.max(claims.c.seq)).where(claims.c.report_id == report_id)
        ).scalar()
        seq = max(ADDED_SEQ, (seq or 0) + 1)
        row_values = {
            "report_id": report_id,
            "seq": seq,
            "count_qualifier": "unspecified",
            "places": [],
            "cumulative": False,
            **keyed(values),
            "evidence": {"claim": [start, end]},
            "confidence": 1.0,
            "extractor_version": "review",
            "review_status": "added",
            "reviewer": reviewer,
            "version": 1,
        }
        claim_id = conn.execute(claims.insert().values(row_values).returning(claims.c.id)).scalar()
        rollup.write_difference(conn, rollup.NO_SUMS, rollup.sums_of(conn, claims.c.id == claim_id))
        note_newest_claim(conn, report_id)
        conn.execute(
            reviews.insert().values(
                claim_id=claim_id,
                report_id=report_id,
                span_start=start,
                span_end=end,
                reviewer=reviewer,
                action="add",
                fields=given,
                extracted=None,
                note=note,
                status="applied",
                version=0,
                created=utcnow(),
            )
        )
        row = conn.execute(select(claims).where(claims.c.id == claim_id)).first()
        rebucket(conn, row, [])
        review_id = conn.execute(
            select(func.max(reviews.c.id)).where(reviews.c.claim_id == claim_id)
        ).scalar()
        return Outcome(review_id, claim_dict(conn, claim_id))


def confirm_report(engine: Engine, report_id: int, reviewer: str, note: str | None = None) -> int:
    """Record that a report's claims are complete: nothing missing, even when it has none
    (a report that claims nothing is gold too). Returns the review's id."""
    with engine.begin() as conn:
        if conn.execute(select(reports.c.id).where(reports.c.id == report_id)).first() is None:
            raise ReviewError(f"no report {report_id}")
        return conn.execute(
            reviews.insert()
            .values(
                claim_id=None,
                report_id=report_id,
                reviewer=reviewer,
                action="confirm",
                fields={},
                extracted=None,
                note=note,
                status="applied",
                version=0,
                created=utcnow(),
            )
            .returning(reviews.c.id)
        ).scalar()


def _claim_for_update(conn: Connection, claim_id: int):
    """The claim, locked until the transaction ends: concurrent reviewers take turns, so
    the second one reads the version the first one wrote."""
    query = select(claims).where(claims.c.id == claim_id)
    if conn.dialect.name == "postgresql":
        query = query.with_for_update()
    elif conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE")  # the write lock, before the read
    row = conn.execute(query).first()
    if row is None:
        raise ReviewError(f"no claim {claim_id}")
    return row


def apply_values(conn: Connection, row, values: dict, status: str, reviewer: str) -> None:
    """Write a claim's effective values and status, then rebuild the events they touch."""
    conn.execute(
        update(claims)
        .where(claims.c.id == row.id)
        .values(
            **values,
            review_status=status,
            reviewer=reviewer,
            version=row.version + 1,
            event_id=None,
        )
    )
    rebucket(conn, conn.execute(select(claims).where(claims.c.id == row.id)).first(), [row.bucket])


def rebucket(conn: Connection, row, old_buckets: list[str | None]) -> None:
    """Give a reviewed claim the bucket its effective values call for, and rebuild the
    events of that bucket and of the one it left."""
    published = conn.execute(
        select(reports.c.published, reports.c.content_hash).where(reports.c.id == row.report_id)
    ).first()
    bucket = bucket_of(
        row.claim_type,
        row.weapon,
        reference_time(row.window_start, row.window_end, published.published),
        published.content_hash,
    )
    if bucket != row.bucket:
        conn.execute(update(claims).where(claims.c.id == row.id).values(bucket=bucket))
    touched = sorted({b for b in [*old_buckets, bucket] if b})
    lock_buckets(conn, touched)
    recompute_buckets(conn, touched)


def claim_dict(conn: Connection, claim_id: int) -> dict:
    row = conn.execute(select(claims).where(claims.c.id == claim_id)).first()
    item = dict(row._mapping)
    return {
        "id": item["id"],
        "report_id": item["report_id"],
        **{name: _json_value(item[name]) for name in FIELDS},
        "evidence": item["evidence"],
        "review_status": item["review_status"],
        "reviewer": item["reviewer"],
        "version": item["version"],
    }


def history(engine: Engine, claim_id: int) -> list[dict]:
    """Every review of a claim, oldest first, stale and superseded ones included."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(reviews).where(reviews.c.claim_id == claim_id).order_by(reviews.c.id)
        )
        return [review_dict(row) for row in rows]


def review_dict(row) -> dict[str, Any]:
    item = dict(row._mapping)
    return {
        "id": item["id"],
        "claim_id": item["claim_id"],
        "report_id": item["report_id"],
        "span": [item["span_start"], item["span_end"]],
        "reviewer": item["reviewer"],
        "action": item["action"],
        "fields": item["fields"],
        "extracted": item["extracted"],
        "note": item["note"],
        "status": item["status"],
        "version": item["version"],
        "created": item["created"].isoformat() if item["created"] else None,
    }


# -- the queue -------------------------------------------------------------------------------

LOW_CONFIDENCE = 0.6
LARGE_COUNT = 50
NEW_SOURCE_REPORTS = 5  # a source with fewer reports than this is new to the ledger


def queue(engine: Engine, filters=None, limit: int = 20) -> tuple[list[dict], int]:
    """Unreviewed claims, those that most need eyes first, and how many are left.

    A claim's need adds up: a review to look at again after reextract, low confidence,
    a part of a conflict, a place not resolved, a large count, a source new to the
    ledger. Each item says why in `reasons`.
    """
    from skyledger.store import queries

    filters = (filters or queries.Filters()).cleaned()
    query = queries._claim_select(sources.c.id.label("source_id")).where(
        *queries.claim_conditions(engine, filters), claims.c.review_status == "unreviewed"
    )
    with engine.connect() as conn:
        counted = select(reports.c.source_id, func.count()).group_by(reports.c.source_id)
        per_source = {source: n for source, n in conn.execute(counted)}
        again = set(
            conn.execute(
                select(reviews.c.claim_id).where(reviews.c.status == "needs re-review")
            ).scalars()
        )
        ranked = []
        for row in conn.execute(query):
            item = queries.claim_item(row)
            reasons = need(item, per_source.get(item["source_id"], 0))
            if item["id"] in again:  # reextract changed a claim someone had reviewed
                reasons.insert(0, ("needs re-review", 3.0))
            ranked.append((-sum(w for _, w in reasons), -item["id"], item, reasons))
    ranked.sort(key=lambda entry: entry[:2])
    items = [{**item, "reasons": [r for r, _ in reasons]} for *_, item, reasons in ranked[:limit]]
    return items, len(ranked)


def need(item: dict, source_reports: int) -> list[tuple[str, float]]:
    """Why a claim needs a reviewer, each reason with its weight."""
    reasons = []
    if item["confidence"] < LOW_CONFIDENCE:
        reasons.append(("low confidence", 1.0 + (LOW_CONFIDENCE - item["confidence"]) * 2))
    if item.get("event_conflict"):
        reasons.append(("in a conflict", 2.0))
    if item["geo_precision"] in ("unresolved", "country") or any(
        (p.get("geo_precision") or "unresolved") == "unresolved" for p in item["places"]
    ):
        reasons.append(("place unresolved", 1.5))
    if (item["count"] or 0) >= LARGE_COUNT:
        reasons.append(("large count", 1.0))
    if source_reports < NEW_SOURCE_REPORTS:
        reasons.append(("new source", 0.5))
    return reasons
