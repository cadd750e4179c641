"""Extraction: one report's text -> the claims it makes, with evidence spans.

`extract(text, published=None, lang=None, claimant=None)` is the whole interface;
everything else in this package serves it:

- lexicon.py   per-language word lists and patterns (lang/*.yaml), compiled once
- regions.py   region names in every form -> ISO 3166-2
- numbers.py   numbers in digits and words; morph.py pymorphy3, memoised
- sentences.py sentence splitting with offsets
- claimants.py claimant mentions (officials, titles, offices)
- attribution.py who makes each sentence's claims (a stage of its own)
- confidence.py  how each claim was found, as one number
- timewindow.py clock ranges; places.py places + geocoder
- mentions.py  one scan of a report's mentions, and the records the rules fill
- pipeline.py  the whole run, loaded on the first extraction
- rules.py     the Extraction that runs the stages sentence by sentence:
  items.py (counted weapon phrases), frames.py (what carries between sentences),
  assembly.py (drafts, parents, restatements), local_claims.py (claims with no
  figure), casualty_figures.py, place_attachment.py; restatements.py compares drafts

Running totals since the start of the war ("с начала СВО", "since the start of the
invasion") are kept out of the results: they are not claims about one attack.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from skyledger.extract.version import EXTRACTOR_VERSION

if TYPE_CHECKING:
    from datetime import datetime

    from skyledger.records import Claim

__all__ = ["EXTRACTOR_VERSION", "extract"]


def extract(
    text: str,
    published: datetime | None = None,
    lang: str | None = None,
    claimant: str | None = None,
) -> list[Claim]:
    """Claims made in `text`, in the order the text makes them."""
    from skyledger.extract.pipeline import extract_claims  # loaded on first use

    return extract_claims(text, published, lang, claimant)
