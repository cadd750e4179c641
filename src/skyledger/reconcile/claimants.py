"""Claimants under one name: the same office in English, Russian or Ukrainian.

`claimant_key("Минобороны России") == claimant_key("Russian Ministry of Defense")`.
The table is skyledger/claimants/claimants.yaml; this module keeps the names
reconciliation and briefings use.
"""

from __future__ import annotations

from skyledger.claimants import claimant_id, display_name, office_of

claimant_key = claimant_id


def office(claimant: str | None) -> str | None:
    """The office name an entry gives this claimant, or None."""
    found = office_of(claimant)
    return found.name if found else None


__all__ = ["claimant_key", "display_name", "office"]
