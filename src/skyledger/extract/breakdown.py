"""Breakdown grammar: a total and its parts, item by item, across sentence breaks.

"Уничтожены 120 беспилотников. 50 — над Курской областью, 30 — над Московским регионом.
Ещё пять — над Тульской областью, столько же — над Орловской": each part is a count of the
total's weapon and claim type in its region. Parts are checked against the total: parts
that sum to it confirm the list; parts that overshoot it lower the claims' confidence.
"""

from __future__ import annotations

import re
from functools import cache

from skyledger.extract import numerals
from skyledger.extract.literals import gated
from skyledger.extract.regions import RegionMention, english_names, lookup_english

COUNT_TYPES = ("destroyed", "launched", "hit", "debris")
CONFIRMED = 0.05  # parts that add up to their total: the list is read right
MISMATCHED = 0.15  # parts that add up to more than their total: something is misread
CEILING, FLOOR = 0.95, 0.05


def continues_list(item, frame_type: str | None, placed: bool) -> bool:
    """A count with no cue of its own that goes on the list before it, over a place:
    elliptical ("50 — над Курской областью", "ещё пять — над Тульской") or "ещё N <weapon>
    — над …". "Ещё три БпЛА были в воздухе" (no place) goes on no list."""
    if frame_type not in COUNT_TYPES or item.count is None or item.count_span is None:
        return False
    return placed and (item.weapon_span is None or item.again)


@cache
def bare_region_names(lang: str) -> re.Pattern | None:
    """ "25 over Bryansk, 23 over Rostov": a bare region name after "over" in a list."""
    data = numerals.counting(lang)
    lead, nouns = data.get("bare_region_before"), data.get("region_nouns")
    if lang != "en" or not lead:
        return None
    names = "|".join(re.escape(n) for n in sorted(english_names(), key=len, reverse=True))
    before = "|".join(re.escape(w) for w in lead)
    after = "|".join(re.escape(w) for w in nouns or ["\0"])
    pattern = re.compile(
        rf"(?<!\w)(?:{before})\s+(?:the\s+)?({names})(?![\w\-])(?!\s+(?:{after})\b)",
        re.IGNORECASE,
    )
    return gated(pattern, [re.escape(w) for w in lead])


WORDS = re.compile(r"\w+")
# The last word and what follows it, matched in the reversed text: anchored at its start, the
# engine reads only that far, where "[^\W\d_]+\W*$" is tried at every letter of the text
LAST_WORD_REVERSED = re.compile(r"\W*[^\W\d_]+")


def elliptical_regions(text: str, lang: str, found: list, numbers) -> list:
    """Regions a list names by their bare name ("25 over Bryansk, 23 over Rostov"), added
    to those found: only right after a count, so a city named elsewhere stays a city."""
    pattern = bare_region_names(lang)
    if pattern is None:
        return found
    taken = [(r.start, r.end) for r in found]
    ends = [n.end for n in numbers]
    extra = []
    for match in pattern.finditer(text):
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


def kind_of_whole(item, whole, placed: bool) -> bool:
    """ "з них 30 — шахеди", "30 of them Shaheds": a part of the count before it, of the
    same claim and weapon and over no place of its own, sorts that count by kind (a model
    breakdown): only the whole is a claim."""
    return (
        (item.subcount or item.of_these)
        and whole is not None
        and not placed
        and (item.claim_type, item.weapon) == (whole.claim_type, whole.weapon)
        and whole.count is not None
        and item.count is not None
        and item.count < whole.count
    )


def named_parts(text: str, item_end: int, regions: list, subcount) -> tuple[list, list]:
    """Split a count's regions into its own and those named as parts without a figure
    ("147 drones over Russia, including the Moscow region": the Moscow region is a part
    of unknown count, not the place of all 147)."""
    if subcount is None or not regions:
        return regions, []
    own, parts = [], []
    for region in regions:
        pieces = [text[item_end : region.start]]
        for _ in range(2):  # "including the", "в том числе над": a word or two before the name
            pieces.append(without_last_word(pieces[-1]))
        if parts or any(subcount.search(piece.rstrip(" ,")) for piece in pieces):
            parts.append(region)
        else:
            own.append(region)
    return own, parts


def without_last_word(text: str) -> str:
    """`text` less its last word and the characters of no word after it ("including the, "
    -> "including "); as it is when it ends with a digit or "_"."""
    found = LAST_WORD_REVERSED.match(text[::-1])
    return text[: len(text) - found.end()] if found else text


def lists(rows) -> list[tuple[int, list[int]]]:
    """Each total with the parts listed after it: `rows` are (key, kind, count) in text
    order, kind "total" (a count with no region), "part" (a count with a region or sea) or
    anything else. A total's parts are the parts of its key that follow it, up to the next
    total or uncounted claim of that key; claims of other keys in between are passed over."""
    found = []
    for index, (key, kind, count) in enumerate(rows):
        if kind != "total" or count is None:
            continue
        parts = []
        for later in range(index + 1, len(rows)):
            other_key, other_kind, other_count = rows[later]
            if other_key != key:
                continue
            if other_kind != "part" or other_count is None:
                break
            parts.append(later)
        if parts:
            found.append((index, parts))
    return found


def draft_rows(drafts) -> list[tuple]:
    rows = []
    for draft in drafts:
        claimant = draft.claimant.claimant if draft.claimant else None
        key = (claimant, draft.claim_type, draft.weapon)
        if draft.claim_type not in COUNT_TYPES or draft.count is None:
            kind = "other"
        elif draft.admin1 is None and draft.sea is None:
            kind = "total"
        else:
            kind = "part"
        rows.append((key, kind, draft.count))
    return rows


def claim_rows(claims) -> list[tuple]:
    """Rows of claims in the evaluation format (dicts): a total has neither admin1 nor a
    place (a sea part names its sea among the places)."""
    rows = []
    for claim in claims:
        key = (claim.get("claimant"), claim.get("claim_type"), claim.get("weapon"))
        if claim.get("claim_type") not in COUNT_TYPES or claim.get("count") is None:
            kind = "other"
        elif claim.get("admin1") is None and not claim.get("places"):
            kind = "total"
        else:
            kind = "part"
        rows.append((key, kind, claim.get("count")))
    return rows


def check_totals(drafts) -> None:
    """Weigh each total against the parts listed after it: parts summing to the total
    confirm it (+CONFIRMED); parts summing to more than it make the total and every part
    doubtful (-MISMATCHED: a misread part, or a total of something else). Parts short of
    the total are a partial list ("including five over Kyiv"), no mismatch."""
    for total, parts in lists(draft_rows(drafts)):
        added = sum(drafts[i].count for i in parts)
        if added == drafts[total].count and len(parts) > 1:
            drafts[total].confidence = min(drafts[total].confidence + CONFIRMED, CEILING)
        elif added > drafts[total].count:
            for draft in (drafts[total], *(drafts[i] for i in parts)):
                draft.confidence = max(draft.confidence - MISMATCHED, FLOOR)


def mismatches(claims) -> list[tuple]:
    """(total, its parts, their sum) for each total its listed parts overshoot, over claims
    in the evaluation format (dicts, in the order extracted)."""
    out = []
    for total, parts in lists(claim_rows(claims)):
        added = sum(claims[i]["count"] for i in parts)
        if added > claims[total]["count"]:
            out.append((claims[total], [claims[i] for i in parts], added))
    return out


ROUNDED_REACH = 0.5  # "понад 2 тис." rounds a figure up to half as large again (2,000-3,000)


def without_rounded_repeats(drafts) -> list:
    """A round figure with "more than"/"about" ("понад 2 тис. дронів" in a headline) beside
    the exact figure it rounds (2,331), said by the same claimant of the same claim, or
    by nobody named (a headline over the official's words): the round one is a
    restatement, not a second claim."""
    kept = []
    for draft in drafts:
        if rounds_another(draft, drafts):
            continue
        kept.append(draft)
    return kept


def rounds_another(draft, drafts) -> bool:
    count = draft.count
    if count is None or draft.qualifier not in ("at_least", "approx") or count < 10 or count % 10:
        return False
    for other in drafts:
        if other is draft or other.count is None or other.qualifier != "exact":
            continue
        same = (other.claim_type, other.weapon, other.admin1, other.sea) == (
            draft.claim_type,
            draft.weapon,
            draft.admin1,
            draft.sea,
        ) and speaker(draft) in (None, speaker(other))  # an unattributed headline rounds too
        if not same:
            continue
        if draft.qualifier == "at_least" and count < other.count <= count * (1 + ROUNDED_REACH):
            return True
        if draft.qualifier == "approx" and abs(other.count - count) <= count * ROUNDED_REACH / 5:
            return True
    return False


def speaker(draft) -> str | None:
    return draft.claimant.claimant if draft.claimant else None


def without_model_parts(drafts) -> list:
    """A total broken down by model or kind ("downs 4 missiles" in the headline, "two
    Iskander-M and two Kh-59" in the body; "50 БпЛА: 30 шахедів та 20 імітаторів"): when
    the counts of the total's claim and weapon in one sentence after it add up to it and
    name no place of their own, only the total is a claim (the guideline's model rule)."""
    dropped: set[int] = set()
    for total in drafts:
        placed = total.admin1 is not None and total.sea is None
        if not (total.is_total or placed) or total.count is None or id(total) in dropped:
            continue
        parts = model_parts(total, drafts)
        if parts:
            dropped.update(id(part) for part in parts)
    return [d for d in drafts if id(d) not in dropped] if dropped else drafts


def model_parts(total, drafts) -> list:
    later = drafts[drafts.index(total) + 1 :]
    same = [
        d
        for d in later
        if (d.claim_type, d.weapon) == (total.claim_type, total.weapon)
        and speaker(d) == speaker(total)
        and d.count is not None
    ]
    if not same:
        return []
    sentence = same[0].sentence
    parts = [d for d in same if d.sentence is sentence]
    own_place = any(
        d.sea
        or (
            "admin1" in d.evidence
            and sentence.start <= d.evidence["admin1"][0] < sentence.end
            and d.admin1 != total.admin1
        )  # "в Крыму ликвидировали девять" then "в Крыму сбили пять, ещё четыре подавлены
        for d in parts  # средствами РЭБ": parts by means over the total's own region
    ) or any(d.admin1 != total.admin1 for d in parts)
    if len(parts) < 2 or own_place or sum(d.count for d in parts) != total.count:
        return []
    return parts
