"""Reading the ledger back: its counts (claims a reviewer rejected left out, as everywhere)."""

from __future__ import annotations

from sqlalchemy import Engine, func, select

from skyledger.store.queries import standing
from skyledger.store.schema import claims, events, reports, sources


def stats(engine: Engine) -> dict:
    with engine.connect() as conn:
        counts = {
            "reports": conn.execute(select(func.count()).select_from(reports)).scalar_one(),
            "claims": conn.execute(
                select(func.count()).select_from(claims).where(standing())
            ).scalar_one(),
            "events": conn.execute(select(func.count()).select_from(events)).scalar_one(),
            "sources": conn.execute(select(func.count()).select_from(sources)).scalar_one(),
        }
        by_type = conn.execute(
            select(claims.c.claim_type, func.count())
            .where(standing())
            .group_by(claims.c.claim_type)
        )
        counts["claims_by_type"] = {kind: n for kind, n in sorted(by_type)}
        by_lang = conn.execute(select(reports.c.lang, func.count()).group_by(reports.c.lang))
        counts["reports_by_lang"] = {
            str(lang): n for lang, n in sorted(by_lang, key=lambda r: str(r[0]))
        }
    return counts
