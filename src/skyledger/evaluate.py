"""Scoring extracted claims against gold claims, as SPEC.md defines it.

A system claim matches a gold claim when claim_type, weapon, admin1 and count are equal
(weapon is ignored for damage and casualties). Matching is one-to-one within a report.

Field accuracies are measured on a relaxed alignment: gold and system claims of the same
claim_type (and weapon, where it counts) are paired, exact matches first, then the pairs
that agree on most fields. Count accuracy is the share of aligned pairs with equal count,
admin1 accuracy the share with equal admin1, and casualty accuracy the share of aligned
casualties pairs whose killed and injured are both equal. Claimant agreement is the share
of matched pairs whose claimants are the same after a loose normalisation (`claimant_key`).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

WEAPONLESS_TYPES = frozenset({"damage", "casualties"})


def match_key(claim: Mapping) -> tuple:
    """The key SPEC matches on."""
    kind = claim.get("claim_type")
    weapon = None if kind in WEAPONLESS_TYPES else claim.get("weapon")
    return (kind, weapon, claim.get("admin1"), claim.get("count"))


def relaxed_key(claim: Mapping) -> tuple:
    kind = claim.get("claim_type")
    return (kind, None if kind in WEAPONLESS_TYPES else claim.get("weapon"))


def agreement(gold: Mapping, system: Mapping) -> int:
    """How many of the scored fields two claims share (a tie-breaker for pairing)."""
    fields = ("count", "admin1", "killed", "injured", "model", "count_qualifier")
    return sum(gold.get(name) == system.get(name) for name in fields)


ROLE = re.compile(
    r"^(?:acting\s+)?(?:head of\s+)?(?:the\s+)?(.+?)\s+oblast\s+(?:military|state)\s+administration\b"
)
TITLE = re.compile(r"^(?:acting\s+)?(?:governor|head) of (?:the\s+)?")


def claimant_key(name: str | None) -> tuple[str, bool] | None:
    """A claimant reduced to what identifies it, and whether it names a known official: any
    outlet is "(outlet)", a surname in officials.yaml is that entry, and "Head of X Oblast
    Military Administration" reads as "Governor of X Oblast"."""
    if not name or not name.strip():
        return None
    if "(outlet" in name.casefold():
        return "(outlet)", False
    from skyledger.extract.lexicon import officials

    pattern, entries = officials()
    found = pattern.search(name)
    official = found is not None
    if official:
        name = entries[int(found.lastgroup[1:])]["claimant"]
    text = " ".join(re.sub(r"[^\w\s-]", " ", name).split()).casefold()
    role = ROLE.match(text)
    if role is not None:
        text = f"governor of {role.group(1)} oblast" + text[role.end() :]
    return TITLE.sub("governor of ", text), official


def same_claimant(gold: str | None, system: str | None) -> bool:
    """Loose agreement: equal keys, or a title without a name beside the same title with one."""
    a, b = claimant_key(gold), claimant_key(system)
    if a is None or b is None:
        return a == b
    if a[0] == b[0]:
        return True
    if a[1] and b[1]:
        return False  # two different officials
    short, long = sorted((a[0], b[0]), key=len)
    # "Kyiv City Military Administration" and its head ("Head of …", read as "governor of …")
    return long.startswith(short + " ") or long == f"governor of {short}"


@dataclass
class ReportMatch:
    """One report's alignment: matched pairs, missed gold, spurious system claims."""

    report_id: str
    lang: str | None
    matched: list[tuple[dict, dict]] = field(default_factory=list)
    missed: list[dict] = field(default_factory=list)
    spurious: list[dict] = field(default_factory=list)
    aligned: list[tuple[dict, dict]] = field(default_factory=list)


def match_report(
    report_id: str, lang: str | None, gold: list[dict], system: list[dict]
) -> ReportMatch:
    """Match one report's claims one-to-one on the SPEC key, then align the rest loosely."""
    result = ReportMatch(report_id, lang)
    free = list(range(len(system)))
    unmatched_gold = []
    for g in gold:
        candidates = [i for i in free if match_key(system[i]) == match_key(g)]
        if not candidates:
            unmatched_gold.append(g)
            continue
        best = max(candidates, key=lambda i: agreement(g, system[i]))
        free.remove(best)
        result.matched.append((g, system[best]))
    result.missed = unmatched_gold
    result.spurious = [system[i] for i in free]
    result.aligned = list(result.matched) + relaxed_pairs(unmatched_gold, result.spurious)
    return result


def relaxed_pairs(gold: list[dict], system: list[dict]) -> list[tuple[dict, dict]]:
    """Pair leftovers of the same claim type (and weapon), most agreeing pairs first."""
    options = [
        (agreement(g, s), gi, si)
        for gi, g in enumerate(gold)
        for si, s in enumerate(system)
        if relaxed_key(g) == relaxed_key(s)
    ]
    options.sort(key=lambda item: -item[0])
    used_gold, used_system, pairs = set(), set(), []
    for _score, gi, si in options:
        if gi in used_gold or si in used_system:
            continue
        used_gold.add(gi)
        used_system.add(si)
        pairs.append((gold[gi], system[si]))
    return pairs


@dataclass
class Scores:
    matched: int = 0
    gold: int = 0
    system: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.system if self.system else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "matched": self.matched,
            "gold": self.gold,
            "system": self.system,
        }


def ratio(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None


def score(matches: Iterable[ReportMatch]) -> dict:
    """Precision/recall/F1 overall and per language, and the field accuracies."""
    overall, by_lang = Scores(), defaultdict(Scores)
    counts = [0, 0]
    admin1 = [0, 0]
    casualties = [0, 0]
    claimants: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for match in matches:
        for g, s in match.matched:
            agree = same_claimant(g.get("claimant"), s.get("claimant"))
            for bucket in ("overall", match.lang or "?"):
                claimants[bucket][0] += agree
                claimants[bucket][1] += 1
        for bucket in (overall, by_lang[match.lang or "?"]):
            bucket.matched += len(match.matched)
            bucket.gold += len(match.matched) + len(match.missed)
            bucket.system += len(match.matched) + len(match.spurious)
        for g, s in match.aligned:
            counts[0] += g.get("count") == s.get("count")
            counts[1] += 1
            admin1[0] += g.get("admin1") == s.get("admin1")
            admin1[1] += 1
            if g.get("claim_type") == "casualties":
                casualties[0] += g.get("killed") == s.get("killed") and g.get("injured") == s.get(
                    "injured"
                )
                casualties[1] += 1
    return {
        "overall": overall.as_dict(),
        "by_lang": {lang: by_lang[lang].as_dict() for lang in sorted(by_lang)},
        "count_accuracy": ratio(*counts),
        "admin1_accuracy": ratio(*admin1),
        "casualty_accuracy": ratio(*casualties),
        "aligned": counts[1],
        "claimant_agreement": ratio(*claimants["overall"]),
        "claimant_by_lang": {
            lang: ratio(*claimants[lang]) for lang in sorted(claimants) if lang != "overall"
        },
    }


def confidence_bands(matches: list[ReportMatch]) -> list[dict]:
    """Per confidence band (extract/confidence.py BANDS): the system claims in it, the share
    that match gold, and precision/recall/F1 if only claims at or above the band were kept."""
    from skyledger.extract.confidence import BANDS, band

    gold = sum(len(m.matched) + len(m.missed) for m in matches)
    found = [(s.get("confidence") or 0.0, True) for m in matches for _g, s in m.matched]
    found += [(s.get("confidence") or 0.0, False) for m in matches for s in m.spurious]
    rows = []
    for low in BANDS:
        name = band(low)
        inside = [hit for value, hit in found if band(value) == name]
        kept = [hit for value, hit in found if value >= low]
        rows.append(
            {
                "band": name,
                "system": len(inside),
                "matched": sum(inside),
                "precision": ratio(sum(inside), len(inside)),
                "kept": Scores(sum(kept), gold, len(kept)).as_dict(),
            }
        )
    return rows


def load_gold(path: str | Path) -> list[dict]:
    """Gold reports, one JSON object a line; blank lines skipped."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def describe(claim: Mapping) -> str:
    """One claim on one line, for error listings."""
    parts = [
        str(claim.get("claim_type")),
        str(claim.get("weapon")),
        f"count={claim.get('count')}",
        f"admin1={claim.get('admin1')}",
    ]
    if claim.get("claim_type") == "casualties":
        parts.append(f"killed={claim.get('killed')} injured={claim.get('injured')}")
    if claim.get("model"):
        parts.append(f"model={claim['model']}")
    parts.append(f"[{claim.get('claimant')}]")
    return " ".join(parts)
