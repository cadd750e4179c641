"""Breakdown grammar: a total and its parts, item by item, across sentence breaks.

"Уничтожены 120 беспилотников. 50 — над Курской областью, 30 — над Московским регионом.
Ещё пять — над Тульской областью, столько же — над Орловской": each part is a count of the
total's weapon and claim type in its region. Parts are checked against the total: parts
that sum to it confirm the list; parts that overshoot it lower the claims' confidence.
"""

from __future__ import annotations

import re
from functools import cache

from skyledger.extract.regions import RegionMention, english_names, lookup_english

COUNT_TYPES = ("destroyed", "launched", "hit", "debris")
CONFIRMED = 0.95  # parts that add up to their total: the list is read right
MISMATCHED = 0.5  # parts that add up to more than their total: something is misread


def continues_list(item, frame_type: str | None, placed: bool) -> bool:
    """A count with no cue of its own that goes on the list before it, over a place:
    elliptical ("50 — над Курской областью", "ещё пять — над Тульской") or "ещё N <weapon>
    — над …". "Ещё три БпЛА были в воздухе" (no place) goes on no list."""
    if frame_type not in COUNT_TYPES or item.count is None or item.count_span is None:
        return False
    return placed and (item.weapon_span is None or item.again)


@cache
def english_elliptical() -> re.Pattern:
    """ "25 over Bryansk, 23 over Rostov": a bare region name after "over" in a list."""
    names = "|".join(re.escape(n) for n in sorted(english_names(), key=len, reverse=True))
    return re.compile(
        rf"(?<!\w)over\s+(?:the\s+)?({names})(?![\w\-])(?!\s+(?:region|oblast|krai|republic|city))",
        re.IGNORECASE,
    )


WORDS = re.compile(r"\w+")


def elliptical_regions(text: str, lang: str, found: list, numbers) -> list:
    """Regions a list names by their bare name ("25 over Bryansk, 23 over Rostov"), added
    to those found: only right after a count, so a city named elsewhere stays a city."""
    if lang != "en" or "over" not in text:
        return found
    taken = [(r.start, r.end) for r in found]
    ends = [n.end for n in numbers]
    extra = []
    for match in english_elliptical().finditer(text):
        start, end = match.start(1), match.end(1)
        if any(s < end and start < e for s, e in taken):
            continue
        if not any(
            0 <= match.start() - e <= 40 and len(WORDS.findall(text, e, match.start())) <= 3
            for e in ends
        ):
            continue
        code = lookup_english(match.group(1))
        extra.append(RegionMention(code, start, end, match.group(1)))
    return sorted(found + extra, key=lambda r: r.start) if extra else found


def check_totals(drafts) -> None:
    """Weigh each total against the parts linked to it: parts summing to the total
    confirm the list, parts summing to more than it mark every claim of the list as
    doubtful (a misread part or a total of something else)."""
    parts: dict[int, list] = {}
    for draft in drafts:
        if draft.parent is not None and draft.count is not None:
            parts.setdefault(id(draft.parent), []).append(draft)
    for total in drafts:
        children = parts.get(id(total))
        if not children or total.count is None:
            continue
        added = sum(child.count for child in children)
        if added == total.count and len(children) > 1:
            for draft in (total, *children):
                draft.confidence = max(draft.confidence, CONFIRMED)
            total.evidence["parts"] = "sum"
        elif added > total.count:
            for draft in (total, *children):
                draft.confidence = min(draft.confidence, MISMATCHED)
            total.evidence["parts"] = "mismatch"
