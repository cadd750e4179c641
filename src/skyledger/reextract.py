"""Re-running extraction over stored reports, so a rule fix never silently rewrites history.

`reextract(engine, dry_run=True)` extracts every stored report again, each with the
default claimant stored with it, compares the new claims with the stored ones and reports
what would change: claims added, removed and changed, counted per claim type and region,
and claims whose claimant would change, counted per old and new claimant. Only with
`dry_run=False` are the changed reports' claims replaced, each report in its own
transaction; every new claim records the extractor version that made it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import Engine, and_, delete, func, select, update

from skyledger.extract import extract
from skyledger.records import Claim
from skyledger.store import rollup
from skyledger.store.schema import claims, reports, reviews, sources
from skyledger.store.writer import insert_claims

# What identifies "the same claim" across versions, and what counts as a change to it.
IDENTITY = ("claimant", "claim_type", "weapon", "admin1")
CONTENT = ("model", "count", "count_qualifier", "country", "killed", "injured", "cumulative")


@dataclass
class ReportChange:
    report_id: int
    added: list[dict] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)
    changed: list[tuple[dict, dict]] = field(default_factory=list)
    reattributed: list[tuple[dict, dict]] = field(default_factory=list)  # claimant changes
    new_claims: list[Claim] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.reattributed)


@dataclass
class ReextractResult:
    reports: int = 0
    reports_changed: int = 0
    committed: bool = False
    added: Counter = field(default_factory=Counter)
    removed: Counter = field(default_factory=Counter)
    changed: Counter = field(default_factory=Counter)
    claimants: Counter = field(default_factory=Counter)  # (old claimant, new claimant)
    changes: list[ReportChange] = field(default_factory=list)
    rereview: list[dict] = field(default_factory=list)  # reviews whose claim changed or vanished
    reattached: int = 0

    def summary(self) -> dict:
        def table(counter: Counter) -> dict:
            return {
                f"{kind} {region or '-'}": n
                for (kind, region), n in sorted(counter.items(), key=str)
            }

        return {
            "reports": self.reports,
            "reports_changed": self.reports_changed,
            "claims_added": sum(self.added.values()),
            "claims_removed": sum(self.removed.values()),
            "claims_changed": sum(self.changed.values()),
            "claimants_changed": sum(self.claimants.values()),
            "added": table(self.added),
            "removed": table(self.removed),
            "changed": table(self.changed),
            "claimants": {
                f"{old or '-'} -> {new or '-'}": n
                for (old, new), n in sorted(self.claimants.items(), key=str)
            },
            "committed": self.committed,
            "reviews_reattached": self.reattached,
            "needs_rereview": self.rereview,
        }


def claim_fields(claim: Claim) -> dict:
    data = claim.model_dump(mode="json", include=set(IDENTITY + CONTENT))
    data["places"] = [p.normal or p.text for p in claim.places]
    return data


def row_fields(row) -> dict:
    data = {name: row[name] for name in IDENTITY + CONTENT}
    data["places"] = [p.get("normal") or p.get("text") for p in (row["places"] or [])]
    return data


def compare(report_id: int, old: list[dict], new: list[Claim]) -> ReportChange:
    """Pair old and new claims: identical, changed (same identity), added, removed."""
    change = ReportChange(report_id, new_claims=new)
    fresh = [claim_fields(c) for c in new]
    leftover_old = list(old)
    unmatched_new = []
    for item in fresh:
        if item in leftover_old:
            leftover_old.remove(item)
        else:
            unmatched_new.append(item)
    for item in unmatched_new:
        key = tuple(item[name] for name in IDENTITY)
        twin = next((o for o in leftover_old if tuple(o[name] for name in IDENTITY) == key), None)
        if twin is not None:
            leftover_old.remove(twin)
            change.changed.append((twin, item))
        else:
            change.added.append(item)
    change.removed = leftover_old
    reattribute(change)
    return change


def reattribute(change: ReportChange) -> None:
    """An added and a removed claim alike in all but the claimant: one claim, said by another."""
    for item in list(change.added):
        twin = next((o for o in change.removed if same_but_claimant(o, item)), None)
        if twin is not None:
            change.removed.remove(twin)
            change.added.remove(item)
            change.reattributed.append((twin, item))


def same_but_claimant(old: dict, new: dict) -> bool:
    return old["claimant"] != new["claimant"] and all(
        old[name] == new[name] for name in old if name != "claimant"
    )


def stored_reports(engine: Engine):
    claimant = func.coalesce(reports.c.claimant, sources.c.claimant).label("claimant")
    query = (
        select(reports.c.id, reports.c.text, reports.c.lang, reports.c.published, claimant)
        .join(sources, reports.c.source_id == sources.c.id)
        .order_by(reports.c.id)
    )
    with engine.connect() as conn:
        yield from conn.execute(query)


def stored_claims(engine: Engine, report_id: int) -> list[dict]:
    """The report's claims as the extractor gave them: a reviewed claim by the values it
    was reviewed on, claims a reviewer added left out."""
    query = (
        select(claims)
        .where(claims.c.report_id == report_id, claims.c.review_status != "added")
        .order_by(claims.c.seq)
    )
    with engine.connect() as conn:
        rows = [row._mapping for row in conn.execute(query)]
        reviewed = {item["claim_id"]: item for item in latest_reviews(conn, report_id)}
    return [
        row_fields(reviewed[row["id"]]["extracted"]) if row["id"] in reviewed else row_fields(row)
        for row in rows
    ]


def latest_reviews(conn, report_id: int) -> list[dict]:
    """The latest applied review of each extracted claim of a report, with its claim's span."""
    query = (
        select(reviews, claims.c.evidence)
        .join(claims, reviews.c.claim_id == claims.c.id)
        .where(
            reviews.c.report_id == report_id,
            reviews.c.status == "applied",
        )
        .order_by(reviews.c.id)
    )
    latest = {}
    for row in conn.execute(query):
        latest[row.claim_id] = dict(row._mapping)
    # a claim a reviewer added has no extractor's values (JSON null): it is no extractor's
    return [item for item in latest.values() if item["extracted"] is not None]


def rereview_of(reviewed: list[dict], new_claims: list[Claim]) -> tuple[list, list[dict]]:
    """Pair each review with the new claim of the same evidence span and unchanged values:
    (review, new position) pairs to re-attach, and the reviews left for re-review."""
    by_span = {}
    for seq, claim in enumerate(new_claims):
        span = claim.evidence.get("claim")
        if span is not None:
            by_span.setdefault((span[0], span[1]), []).append(seq)
    attach, left = [], []
    for item in reviewed:
        span = (item["evidence"] or {}).get("claim")
        seqs = by_span.get((span[0], span[1]), []) if span else []
        same = [q for q in seqs if claim_fields(new_claims[q]) == row_fields(item["extracted"])]
        if same:
            attach.append((item, same[0]))
            by_span[(span[0], span[1])].remove(same[0])
            continue
        left.append(
            {
                "review_id": item["id"],
                "claim_id": item["claim_id"],
                "report_id": item["report_id"],
                "span": list(span) if span else None,
                "reviewer": item["reviewer"],
                "action": item["action"],
                "reason": "changed" if seqs else "vanished",
                "new_seq": seqs[0] if seqs else None,
            }
        )
    return attach, left


def reextract(
    engine: Engine,
    dry_run: bool = True,
    extractor: Callable[..., list[Claim]] = extract,
    track: Callable[[list], Iterable] = iter,
) -> ReextractResult:
    """Extract every stored report again; replace claims of changed reports unless dry_run.
    `track` wraps the list of stored reports (a progress bar knows their number)."""
    result = ReextractResult()
    for row in track(list(stored_reports(engine))):
        result.reports += 1
        new = extractor(row.text, published=row.published, lang=row.lang, claimant=row.claimant)
        change = compare(row.id, stored_claims(engine, row.id), new)
        if change.empty:
            continue
        result.reports_changed += 1
        result.changes.append(change)
        for item in change.added:
            result.added[(item["claim_type"], item["admin1"])] += 1
        for item in change.removed:
            result.removed[(item["claim_type"], item["admin1"])] += 1
        for _old, item in change.changed:
            result.changed[(item["claim_type"], item["admin1"])] += 1
        for old, item in change.reattributed:
            result.claimants[(old["claimant"], item["claimant"])] += 1
    for change in result.changes:
        with engine.connect() as conn:
            reviewed = latest_reviews(conn, change.report_id)
        result.rereview.extend(rereview_of(reviewed, change.new_claims)[1])
    if not dry_run:
        for change in result.changes:
            result.reattached += replace_claims(engine, change.report_id, change.new_claims)
        result.committed = True
    return result


def replace_claims(engine: Engine, report_id: int, new_claims: list[Claim]) -> int:
    """Swap one report's extracted claims in a single transaction, keeping its reviews;
    returns how many reviewed claims were re-attached."""
    from skyledger.review import FIELDS, stored_values

    extracted = claims.c.review_status != "added"
    with engine.begin() as conn, rollup.kept_in_step(conn, _locked(conn, report_id, extracted)):
        reviewed = latest_reviews(conn, report_id)
        attach, left = rereview_of(reviewed, new_claims)
        old_ids = select(claims.c.id).where(claims.c.report_id == report_id, extracted)
        conn.execute(update(claims).where(claims.c.parent_id.in_(old_ids)).values(parent_id=None))
        old = {
            row.id: row
            for row in conn.execute(select(claims).where(claims.c.report_id == report_id))
        }
        history = {}  # each old claim's reviews, before the delete unlinks them
        for row in conn.execute(
            select(reviews.c.id, reviews.c.claim_id).where(reviews.c.claim_id.in_(list(old)))
        ):
            history.setdefault(row.claim_id, []).append(row.id)
        conn.execute(delete(claims).where(claims.c.report_id == report_id, extracted))
        insert_claims(conn, report_id, new_claims)
        ids = {
            row.seq: row.id
            for row in conn.execute(
                select(claims.c.id, claims.c.seq).where(claims.c.report_id == report_id, extracted)
            )
        }
        for item, seq in attach:
            before = old[item["claim_id"]]
            conn.execute(
                update(claims)
                .where(claims.c.id == ids[seq])
                .values(
                    **stored_values({k: v for k, v in item["fields"].items() if k in FIELDS}),
                    review_status=before.review_status,
                    reviewer=before.reviewer,
                    version=before.version,
                )
            )
            moved = history.get(item["claim_id"], [])
            conn.execute(update(reviews).where(reviews.c.id.in_(moved)).values(claim_id=ids[seq]))
        for entry in left:
            # kept beside the claim now at its span, if any, for a reviewer to look again
            near = ids.get(entry["new_seq"]) if entry["new_seq"] is not None else None
            moved = history.get(entry["claim_id"], [])
            conn.execute(update(reviews).where(reviews.c.id.in_(moved)).values(claim_id=near))
            conn.execute(
                update(reviews)
                .where(reviews.c.id == entry["review_id"])
                .values(status="needs re-review")
            )
    return len(attach)


def _locked(conn, report_id: int, extracted):
    """The report's extracted claims, locked against reviews until the transaction ends
    (SQLite: the write lock, taken before anything is read); returns the condition."""
    which = and_(claims.c.report_id == report_id, extracted)
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.execute(select(claims.c.id).where(which).order_by(claims.c.id).with_for_update())
    return which
