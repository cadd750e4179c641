"""Extraction: one report's text -> the claims it makes, with evidence spans.

`extract(text, published=None, lang=None, claimant=None)` is the whole interface;
everything else in this package serves it.
"""

from __future__ import annotations

from datetime import datetime

from skyledger.records import Claim

EXTRACTOR_VERSION = "0.0.0"


def extract(
    text: str,
    published: datetime | None = None,
    lang: str | None = None,
    claimant: str | None = None,
) -> list[Claim]:
    """Claims made in `text` (placeholder until the rule-based extractor lands)."""
    return []
