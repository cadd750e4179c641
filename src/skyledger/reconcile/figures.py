"""The range of figures an event's claimants give: low, best, high, and conflict.

Each claimant counts once, with its standing figure: the figure of its latest
statement (a claimant's later update replaces its earlier count; it does not
conflict with it). Then

- low and high are the smallest and largest standing figures;
- best is their median; with an even number of claimants, the lower of the two
  middle figures (the conservative choice, as UCDP's best estimates lean);
- conflict is true when the standing figures differ.

"At least 10" and "about 10" count as 10. Claims without a figure take no part.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Range:
    low: int | None
    best: int | None
    high: int | None
    conflict: bool


def lower_median(values: Sequence[int]) -> int | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[(len(ordered) - 1) // 2]


def figure_range(standing: Sequence[int | None]) -> Range:
    """Low, best, high and conflict over the claimants' standing figures."""
    known = [value for value in standing if value is not None]
    if not known:
        return Range(None, None, None, False)
    return Range(min(known), lower_median(known), max(known), len(set(known)) > 1)
