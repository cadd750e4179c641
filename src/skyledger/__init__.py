"""skyledger: a geocoded, deduplicated ledger of claims about aerial attacks.

Every number is a claim attributed to whoever made it, with the text it came from.

    import skyledger
    claims = skyledger.extract(text, published=None, lang=None)
    ledger = skyledger.Ledger("sqlite:///ledger.db")
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

# Imported here, not lazily: the name `extract` must be the function, never the subpackage.
from skyledger.extract import EXTRACTOR_VERSION, extract
from skyledger.records import Claim, Event, PlaceMention, Report, Source

if TYPE_CHECKING:
    from skyledger.ledger import Ledger

__version__ = "0.1.0"

__all__ = [
    "EXTRACTOR_VERSION",
    "Claim",
    "Event",
    "Ledger",
    "PlaceMention",
    "Report",
    "Source",
    "__version__",
    "extract",
]


def __getattr__(name: str):
    """The ledger (and its database layer) loads on first use: `skyledger extract` needs none."""
    if name != "Ledger":
        raise AttributeError(f"module 'skyledger' has no attribute {name!r}")
    value = importlib.import_module("skyledger.ledger").Ledger
    globals()[name] = value
    return value
