"""skyledger: a geocoded, deduplicated ledger of claims about aerial attacks.

Every number is a claim attributed to whoever made it, with the text it came from.

    import skyledger
    claims = skyledger.extract(text, published=None, lang=None)
    ledger = skyledger.Ledger("sqlite:///ledger.db")
"""

from skyledger.extract import EXTRACTOR_VERSION, extract
from skyledger.ledger import Ledger
from skyledger.records import Claim, Event, PlaceMention, Report, Source

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
