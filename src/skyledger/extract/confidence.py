"""Confidence: how a claim was found, as one number in [0, 1].

The rules give each claim a base for the frame it was read from: 0.9 when its own
sentence gives the count and a claim-type cue, 0.7 when one of them is carried from the
frame (an elliptical line, a list under a header), 0.6 for a claim with no figure. Then:

- damage or casualties read from their own wording ("повреждены", "пострадали") +0.2;
  a strike, debris, a shoot-down or a launch with no figure (the claim type decided from
  the verb alone) -0.05
- a launch count placed in a region -0.25: whether "attacked X with N" is a launch or a
  strike, and where, depends on what the text says next (guideline, revision 2)
- a count's region inferred (the speaker's region, "the region" of an earlier sentence) -0.1
- a count of 1 read from a singular noun ("a drone", "обломки беспилотника") -0.1
- nobody named as claimant -0.15
- a total whose parts do not add up to it, and each of those parts -0.15
- a total whose parts add up to it exactly, and each part of a total, +0.05

The adjustments follow what `skyledger eval --by-confidence` measures on the dev sets:
they order precision; they are not calibrated probabilities.
"""

from __future__ import annotations

EXPLICIT_CONSEQUENCE = 0.2
TYPE_FROM_VERB = 0.05
LAUNCH_IN_REGION = 0.25
INFERRED_REGION = 0.1
INFERRED_ONE = 0.1
NO_CLAIMANT = 0.15
BREAKDOWN_MISMATCH = 0.15
BREAKDOWN_CONFIRMED = 0.05
BANDS = (0.0, 0.5, 0.7, 0.85)  # lower bounds of the bands `eval --by-confidence` reports


def breakdown_adds_up(total, parts) -> bool | None:
    """True when counted parts sum to the total, False when they do not, None when
    there is nothing to check (no figure, no counted part)."""
    counted = [p.count for p in parts if p.count is not None]
    if total.count is None or not counted:
        return None
    return sum(counted) == total.count


def rate(draft, parts, parent_parts=None) -> float:
    """The claim's confidence from its draft, its parts and its total's parts."""
    score = draft.confidence
    if draft.claim_type in ("damage", "casualties"):
        score += EXPLICIT_CONSEQUENCE
    elif draft.count is None:
        score -= TYPE_FROM_VERB
    if draft.claim_type == "launched" and draft.count is not None and "admin1" in draft.evidence:
        score -= LAUNCH_IN_REGION
    if (
        draft.count is not None
        and draft.admin1 is not None
        and "admin1" not in draft.evidence
        and not parts
    ):
        score -= INFERRED_REGION
    if draft.count == 1 and "count" not in draft.evidence:
        score -= INFERRED_ONE
    if draft.claimant is None or draft.claimant.claimant is None:
        score -= NO_CLAIMANT
    checked = breakdown_adds_up(draft, parts) if parts else None
    if checked is None and draft.parent is not None and parent_parts:
        checked = breakdown_adds_up(draft.parent, parent_parts)
    if checked is False:
        score -= BREAKDOWN_MISMATCH
    elif checked or draft.parent is not None:
        score += BREAKDOWN_CONFIRMED
    return round(min(max(score, 0.05), 0.95), 2)


def band(value: float) -> str:
    """The band a confidence falls in, as "0.70-0.85"."""
    lows = [low for low in BANDS if value >= low]
    low = lows[-1] if lows else BANDS[0]
    index = BANDS.index(low)
    high = BANDS[index + 1] if index + 1 < len(BANDS) else 1.0
    return f"{low:.2f}-{high:.2f}"
