"""Small helpers shared by the extraction test tables."""

from __future__ import annotations

from datetime import datetime

from skyledger.extract import extract


def keys(text: str, lang: str, published: datetime | None = None) -> list[tuple]:
    """Each claim as (claim_type, weapon, count, admin1): the scoring key."""
    return [
        (c.claim_type, c.weapon, c.count, c.admin1)
        for c in extract(text, published=published, lang=lang)
    ]


def casualties(text: str, lang: str) -> list[tuple]:
    return [(c.killed, c.injured) for c in extract(text, lang=lang) if c.claim_type == "casualties"]


def places(text: str, lang: str) -> list[tuple]:
    """Each claim as (claim_type, admin1, the dictionary forms of its places)."""
    return [
        (c.claim_type, c.admin1, [p.normal for p in c.places]) for c in extract(text, lang=lang)
    ]
