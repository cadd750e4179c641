"""Reviewed reports as an evaluation set: the corpus format, one report a line.

A report is written when people have reviewed every claim stored for it (none left
unreviewed, and at least one claim reviewed or the report confirmed complete, which is
how a report that claims nothing becomes gold). Its claims are the effective ones: corrected values,
added claims, rejected ones left out. `skyledger eval` scores against such a file as
against the dev corpus (see /docs/review.md).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime

from sqlalchemy import Engine, exists, or_, select

from skyledger.store.schema import claims, reports, reviews, sources

GOLD_FIELDS = (
    "claimant", "claim_type", "weapon", "model", "count", "count_qualifier", "country",
    "admin1", "window_start", "window_end", "killed", "injured",
)  # fmt: skip


def reviewed_reports(engine: Engine) -> Iterator[dict]:
    """Each fully reviewed report with its effective claims, in ledger order."""
    claim = claims.alias("pending")
    reviewed = claims.alias("reviewed")
    query = (
        select(
            reports.c.id,
            reports.c.external_id,
            reports.c.lang,
            reports.c.text,
            reports.c.url,
            reports.c.published,
            reports.c.published_precision,
            sources.c.name.label("source"),
        )
        .join(sources, reports.c.source_id == sources.c.id)
        .where(
            or_(
                exists().where(
                    reviewed.c.report_id == reports.c.id,
                    reviewed.c.review_status != "unreviewed",
                ),
                exists().where(  # the report confirmed complete (see review.confirm_report)
                    reviews.c.report_id == reports.c.id,
                    reviews.c.claim_id.is_(None),
                    reviews.c.status == "applied",
                ),
            ),
            ~exists().where(
                claim.c.report_id == reports.c.id, claim.c.review_status == "unreviewed"
            ),
        )
        .order_by(reports.c.id)
    )
    with engine.connect() as conn:
        for row in conn.execute(query).all():
            kept = conn.execute(
                select(claims)
                .where(claims.c.report_id == row.id, claims.c.review_status != "rejected")
                .order_by(claims.c.seq)
            )
            yield {
                "id": row.external_id,
                "lang": row.lang,
                "text": row.text,
                "source_url": row.url,
                "published": _published(row.published, row.published_precision),
                "gold_origin": f"review of {row.source}",
                "claims": [gold_claim(c._mapping) for c in kept],
            }


def gold_claim(row) -> dict:
    data = {name: _plain(row[name]) for name in GOLD_FIELDS}
    data["places"] = [p.get("normal") or p.get("text") for p in row["places"] or []]
    return data


def _plain(value):
    return value.isoformat() if isinstance(value, datetime) else value


def _published(value: datetime | None, precision: str | None) -> str | None:
    if value is None:
        return None
    return value.date().isoformat() if precision == "date" else value.isoformat()


def render_gold(engine: Engine) -> Iterator[str]:
    for report in reviewed_reports(engine):
        yield json.dumps(report, ensure_ascii=False) + "\n"
