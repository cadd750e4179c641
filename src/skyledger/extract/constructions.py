"""Claim-type decisions for recurring constructions, from one data table.

lang/constructions.yaml lists each construction the guideline decides (revision 2
included) with its decision and the words that mark it per language. Rows whose words are
cues join the lexicon's claim-type cues (`cue_groups`); the others are marks the rules ask
about (`marks`): a participle that only describes the weapon, one weapon as the subject of
an attack verb, a figure lost from radar. `absorbed` is the discourse step for count-less
attacks.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

import yaml

TABLE = Path(__file__).parent / "lang" / "constructions.yaml"
GAP = re.compile(r"[\s,]*")
ALL_BEFORE = re.compile(r"([^\W\d_]+)\s+$")


@cache
def table() -> dict[str, dict]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(TABLE.read_text("utf-8"), Loader=loader)  # noqa: S506 - a safe loader


def cue_groups(lang: str) -> dict[str, list[str]]:
    """Claim type -> the fragments of the rows that act as cues of that type."""
    groups: dict[str, list[str]] = {}
    for row in table().values():
        if row["role"] == "cue":
            groups.setdefault(row["decision"], []).extend(row["words"].get(lang) or [])
    return groups


@cache
def cue_rows(lang: str) -> list[tuple[re.Pattern, str]]:
    """Each cue fragment compiled, with its row: which construction a cue came from."""
    return [
        (re.compile(f"(?:{fragment})", re.IGNORECASE), name)
        for name, row in table().items()
        if row["role"] == "cue"
        for fragment in row["words"].get(lang) or []
    ]


@cache
def marks(lang: str):
    """The words of the rows that are no cues; a match's `lastgroup` names its row."""
    from skyledger.extract.lexicon import REGISTRY, Dispatcher, tag_language

    first = len(REGISTRY)
    dispatcher = Dispatcher(
        [
            (fragment, name)
            for name, row in table().items()
            if row["role"] != "cue"
            for fragment in row["words"].get(lang) or []
        ]
    )
    tag_language(first, lang)
    return dispatcher


@lru_cache(maxsize=8)
def mark_spans(text: str, lang: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, role) of every mark in a text (memoised: asked about clause by clause)."""
    return tuple(
        (found.start(), found.end(), table()[found.lastgroup]["role"])
        for found in marks(lang).finditer(text)
    )


def mark_at(text: str, position: int, lang: str, role: str) -> bool:
    """Do the words of a row with `role` start at `position`?"""
    return any(s == position and r == role for s, _e, r in mark_spans(text, lang))


def describes_weapon(
    text: str, weapon_end: int, cue_start: int, lang: str, all_of: bool = False
) -> bool:
    """A launch participle right after the weapon ("12 drones launched from Crimea"; after
    "all N", any launch participle: "all 14 drones launched at Ukraine")."""
    gap = GAP.fullmatch(text, weapon_end, cue_start)
    return gap is not None and (
        mark_at(text, cue_start, lang, "modifier")
        or (all_of and mark_at(text, cue_start, lang, "also"))
    )


def all_of(text: str, item, all_words) -> bool:
    """The count is "all N" ("all 29", "усі 14")."""
    if item.count_span is None:
        return False
    before = ALL_BEFORE.search(text, max(0, item.count_span[0] - 20), item.count_span[0])
    return before is not None and before.group(1).lower() in all_words


def subject_weapon_struck(text: str, item, lang: str) -> tuple[int, int] | None:
    """One weapon, with no numeral, right before a verb of attack or harm whose subject it is
    ("a drone attacked a car", "Ukrainian drone injures one"): the verb's span."""
    if item.count != 1:
        return None
    gap = GAP.match(text, item.end)
    return next(
        ((s, e) for s, e, r in mark_spans(text, lang) if s == gap.end() and r == "subject"), None
    )


def all_launched(text: str, item, claim_type: str, all_words, lang: str) -> bool:
    """ "All N drones launched ..." shot down: the launch total is stated as well."""
    if claim_type != "destroyed" or item.count is None or not all_of(text, item, all_words):
        return False
    return any(
        item.count_span[1] <= s <= item.end + 2 and r == "also"
        for s, _e, r in mark_spans(text, lang)
    )


def lost_in_clause(text: str, start: int, end: int, lang: str) -> bool:
    """The clause says its figure was lost from radar: no claim is made of it."""
    return any(start <= s < end and r == "absent" for s, _e, r in mark_spans(text, lang))


def countless_row(text: str, cue, lang: str) -> dict | None:
    """The row of an attack repelled or under way, when the cue is one."""
    if cue is None:
        return None
    words = text[cue[1] : cue[2]]
    for pattern, name in cue_rows(lang):
        if table()[name].get("countless") and pattern.fullmatch(words):
            return table()[name]
    return None


def countless_launch(text: str, cue, lang: str, counted: bool = True) -> bool:
    """The cue is an attack repelled or under way: a launch claim with no count (with
    `counted` False, only an attack whose weapon in the singular gives no count either)."""
    row = countless_row(text, cue, lang)
    return row is not None and (counted or not row.get("with_count"))


def counted_attack(text: str, item, cue, lang: str) -> str | None:
    """The type an attack cue gives when the attack has a count ("отражена атака 20 БПЛА")."""
    row = countless_row(text, cue, lang) if item.count is not None else None
    return row.get("with_count") if row else None


@cache
def attack_words(lang: str) -> re.Pattern:
    """The verbs of `attacked_with_outcome`: an attack aimed at a place."""
    words = table()["attacked_with_outcome"]["words"].get(lang) or ["(?!)"]
    return re.compile("|".join(f"(?:{w})" for w in words), re.IGNORECASE)


def struck(drafts: list, claimant_of, text: str, lang: str) -> list:
    """A counted attack on a named area whose speaker reports impact or damage there and no
    interception of that weapon is a hit (revision 2, `attacked_with_outcome`); a count-less
    hit of the same weapon and area by the same speaker restates it."""
    made = []
    for draft in drafts:
        if draft.claim_type != "launched" or draft.count is None or draft.admin1 is None:
            continue
        cue = draft.evidence.get("claim_type")
        if cue is None or not attack_words(lang).fullmatch(text[cue[0] : cue[1]]):
            continue  # "випустили 10 ракет", "launched 15 drones": launches, whatever followed
        mine = [o for o in drafts if claimant_of(o) == claimant_of(draft)]
        if any(o.claim_type == "destroyed" and o.weapon == draft.weapon for o in mine):
            continue
        if any(
            o.claim_type in ("hit", "damage", "casualties") and o.admin1 == draft.admin1
            for o in mine
        ):
            draft.claim_type = "hit"
            made.append(draft)
    return [
        d
        for d in drafts
        if not (
            d.claim_type == "hit"
            and (d.count is None or any(d is h for h in made) and restated(d, drafts, claimant_of))
            and any(
                h.weapon == d.weapon and h.admin1 == d.admin1 and claimant_of(h) == claimant_of(d)
                for h in made
            )
        )
    ]


def repelled(drafts: list, claimant_of, text: str, lang: str) -> list:
    """An attack on an area with no figure that its speaker reports shot down there and no
    damage or casualties: a count-less launch beside the shoot-down, absorbed into it
    (revision 2), not a strike."""
    kept = []
    for draft in drafts:
        cue = draft.evidence.get("claim_type")
        if (
            draft.claim_type == "hit"
            and draft.count is None
            and cue is not None
            and attack_words(lang).fullmatch(text[cue[0] : cue[1]])
        ):
            mine = [o for o in drafts if claimant_of(o) == claimant_of(draft)]
            if any(
                o.claim_type == "destroyed" and o.weapon == draft.weapon for o in mine
            ) and not any(
                o.claim_type in ("damage", "casualties")
                and o.admin1 == draft.admin1
                and not (o.killed == 0 and o.injured in (0, None))
                for o in mine
            ):
                continue
        kept.append(draft)
    return kept


def restated(hit, drafts: list, claimant_of) -> bool:
    """A hit the attack became that the speaker states again with the same figure ("скинули 10
    КАБів на місто ... до міста долетіли 10 КАБів"): one claim. Single weapons' strikes are
    told apart ("атакували дроном ... дрон влучив у інший будинок")."""
    return hit.count > 1 and any(
        o is not hit
        and o.claim_type == "hit"
        and (o.weapon, o.admin1, o.count) == (hit.weapon, hit.admin1, hit.count)
        and claimant_of(o) == claimant_of(hit)
        for o in drafts
    )


def absorbed(drafts: list, claimant_of) -> list:
    """Count-less launches beside a destroyed or hit claim of the same claimant and weapon
    (and area, when the launch names one) are absorbed into it (revision 2)."""
    kept = []
    for draft in drafts:
        if (
            draft.claim_type == "launched"
            and draft.count is None
            and any(
                other.claim_type in ("destroyed", "hit")
                and other.weapon == draft.weapon
                and claimant_of(other) == claimant_of(draft)
                and (draft.admin1 is None or other.admin1 in (draft.admin1, None))
                for other in drafts
            )
        ):
            continue
        kept.append(draft)
    return kept
