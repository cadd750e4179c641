"""Who makes a statement: named officials, titles with their region, offices.

A mention is resolved to the claimant string SPEC asks for ("Governor of Kaluga Oblast
Vladislav Shapsha", "Russian Ministry of Defense", "Ukrainian Air Force").
"""

from __future__ import annotations

from dataclasses import dataclass

from skyledger.extract.lexicon import Lexicon, officials
from skyledger.extract.regions import RegionMention, english_name

RANK = {"official": 3, "title": 2, "office": 1, "bare": 0}


@dataclass(frozen=True)
class ClaimantMention:
    start: int
    end: int
    claimant: str | None
    admin1: str | None
    country: str | None
    kind: str  # official | title | office | bare
    title: str | None = None  # governor | mayor (for bare titles)


def title_claimant(title: str, code: str, lang: str) -> str:
    region = english_name(code)
    if title == "mayor":
        return f"Mayor of {region.replace(' Oblast', '')}"
    if code.startswith("UA-") and lang == "uk":
        return f"Head of {region} Military Administration"
    return f"Governor of {region}"


def find_claimants(text: str, lex: Lexicon, regions: list[RegionMention]) -> list[ClaimantMention]:
    found: list[ClaimantMention] = []
    pattern, entries = officials()
    for match in pattern.finditer(text):
        entry = entries[int(match.lastgroup[1:])]
        if match.group(0)[:1].isupper():
            claimant = entry["claimant"]
            country = entry.get("country") or (entry.get("admin1") or "")[:2] or None
            found.append(
                ClaimantMention(
                    match.start(), match.end(), claimant, entry.get("admin1"), country, "official"
                )
            )
    for match in lex.titles.finditer(text):
        title = match.lastgroup
        region = next((r for r in regions if 0 <= r.start - match.end() <= 25), None)
        if region is None and lex.lang == "en":
            region = next((r for r in regions if 0 <= match.start() - r.end <= 12), None)
        if region is not None:
            start, end = min(match.start(), region.start), max(match.end(), region.end)
            found.append(
                ClaimantMention(
                    start,
                    end,
                    title_claimant(title, region.code, lex.lang),
                    region.code,
                    region.code[:2],
                    "title",
                    title,
                )
            )
        else:
            found.append(
                ClaimantMention(match.start(), match.end(), None, None, None, "bare", title)
            )
    office_pattern, office_names = lex.offices
    for match in office_pattern.finditer(text):
        claimant, country = office_names[int(match.lastgroup[1:])]
        found.append(ClaimantMention(match.start(), match.end(), claimant, None, country, "office"))
    return sorted(found, key=lambda m: m.start)


def best(mentions: list[ClaimantMention]) -> ClaimantMention | None:
    if not mentions:
        return None
    return max(mentions, key=lambda m: (RANK[m.kind], -m.start))
