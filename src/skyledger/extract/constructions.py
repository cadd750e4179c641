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
from collections.abc import Callable
from dataclasses import replace
from functools import cache, lru_cache
from pathlib import Path

from skyledger.datafile import read_yaml
from skyledger.extract.literals import gated
from skyledger.extract.morph import is_plural, parse

TABLE = Path(__file__).parent / "lang" / "constructions.yaml"
GAP = re.compile(r"[\s,]*")
ALL_BEFORE = re.compile(r"([^\W\d_]+)\s+$")


@cache
def table() -> dict[str, dict]:
    return read_yaml(TABLE.read_text("utf-8"))


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
            if row["role"] not in ("cue", "strikes", "hits_in", "shellings")  # around a number
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
    opening = GAP.match(text, weapon_end).end()
    # "15 drones that Russia launched overnight": a relative clause holding the participle
    relative = any(
        s == opening and s < cue_start < e and r == "modifier" for s, e, r in mark_spans(text, lang)
    )
    return (
        relative
        or gap is not None
        and (
            mark_at(text, cue_start, lang, "modifier")
            or (all_of and mark_at(text, cue_start, lang, "also"))
        )
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


SUBJECT_GAP = re.compile(r"[\s»\"”]*")  # "«Искандер-М» уничтожил": a closing quote between
EN_OBJECT = re.compile(
    r"\s+(?:an?|the|its|their|two|three|four|five|several|\d+)\s+([^\W\d_][\w\-]*)", re.IGNORECASE
)
OBJECT_WORD = re.compile(r"\s+[«\"“]?([^\W\d_]{2,})")
FOLLOWING_WORDS = re.compile(r"(?:\s+[^\W\d_]+){1,3}")


def weapon_destroyed_target(text: str, item, lang: str, weapon_starts) -> tuple[int, int] | None:
    """A weapon as the subject of a verb of destroying with something else as its object
    ("дроны уничтожили завод", "drones destroyed a warehouse"): the verb's span. A preposition
    or another weapon after the verb ("два дрона уничтожили над …") is no such object; in
    Russian and Ukrainian the verb agrees with the weapon, and forces after a plural verb
    ("БПЛА уничтожили силы ПВО") are its subject."""
    gap = SUBJECT_GAP.match(text, item.end).end()
    verb = next(
        ((s, e) for s, e, r in mark_spans(text, lang) if s == gap and r == "destroyer"), None
    )
    if verb is None:
        return None
    if lang == "en":
        found = EN_OBJECT.match(text, verb[1])
        return verb if found and found.start(1) not in weapon_starts else None
    if text[verb[0] : verb[1]].lower().endswith("ли"):  # a plural verb: a bare plural subject
        if item.count is not None or item.count_span is not None:
            return None
        after = FOLLOWING_WORDS.match(text, verb[1])
        if after and forces(lang).search(after.group(0)):
            return None
    elif item.count != 1:
        return None
    found = OBJECT_WORD.match(text, verb[1])
    if found is None or found.start(1) in weapon_starts:
        return None
    tag = parse(found.group(1).lower(), lang).tag
    if tag.POS not in ("NOUN", "ADJF", "NUMR"):
        return None
    return None if weapon_after(text, verb[1], weapon_starts) else verb


@cache
def forces(lang: str) -> re.Pattern:
    words = table()["weapon_destroyed_target"]["forces"].get(lang) or ["(?!)"]
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)", re.IGNORECASE)


def weapon_after(text: str, position: int, weapon_starts) -> bool:
    """A weapon within the next three words ("уничтожили две пусковые установки" has none)."""
    for _ in range(3):
        found = OBJECT_WORD.match(text, position)
        if found is None:
            return False
        if found.start(1) in weapon_starts:
            return True
        position = found.end()
    return False


def named_plural(text: str, item, lang: str) -> bool:
    """The weapon noun itself is plural ("дронами"), whatever the words beside it agree with."""
    start, end = item.weapon_span or (item.start, item.end)
    word = text[start:end].split()[-1 if lang == "en" else 0]
    if lang == "en":
        return word.lower().endswith("s")
    return is_plural(word, lang) is True


AGENT_GAP = re.compile(r"[^\W\d][\w\-]*\s+")  # "by a kamikaze drone": words before it


def agent_weapon_struck(text: str, item, lang: str) -> tuple[int, int] | None:
    """One weapon as the agent of a passive verb of attack right before or
    after it ("атакован дроном", "дроном атакована", "targeted by a kamikaze drone"): the
    verb's span."""
    if item.count != 1 or named_plural(text, item, lang):
        return None
    after = GAP.match(text, item.end).end()
    for start, end, role in mark_spans(text, lang):
        if role != "agent":
            continue
        if start == after:
            return start, end
        gap = GAP.match(text, end).end()
        for _ in range(3):  # at most three words between: "by an FPV drone"
            if gap == item.start or gap > item.start:
                break
            word = AGENT_GAP.match(text, gap)
            if word is None:
                break
            gap = word.end()
        if gap == item.start:
            return start, end
    return None


def all_launched(text: str, item, claim_type: str, all_words, lang: str) -> bool:
    """ "All N drones launched ..." shot down: the launch total is stated as well."""
    if claim_type != "destroyed" or item.count is None or not all_of(text, item, all_words):
        return False
    return any(
        r in ("also", "modifier")
        and item.count_span[1] <= s
        and (
            s <= item.end + 2
            or (r == "also" and shared_tail(lang).fullmatch(text, item.end, s) is not None)
        )
        for s, _e, r in mark_spans(text, lang)
    )


@cache
def strike_words(lang: str) -> list[tuple[re.Pattern, bool]]:
    """The words of each `strikes` row, after a number and at most one adjective, and
    whether the row asks for a verb of attack elsewhere in the sentence."""
    return [
        (
            re.compile(
                r"\s*(?:[^\W\d][\w\-]*\s+)?(?:" + "|".join(row["words"][lang]) + ")",
                re.IGNORECASE,
            ),
            bool(row.get("needs_verb")),
        )
        for row in table().values()
        if row["role"] == "strikes" and row["words"].get(lang)
    ]


def strikes_after(text: str, number_end: int, lang: str) -> tuple[int, int, bool] | None:
    """ "N strikes", "N разів атакували": the span of the strike words right after a number,
    and whether they need a verb of attack beside them to count."""
    for pattern, needs_verb in strike_words(lang):
        found = pattern.match(text, number_end)
        if found:
            return number_end, found.end(), needs_verb
    return None


@cache
def shelling_words(lang: str) -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern] | None:
    """The words of the `shellings` rows and their verbs (to see whether a sentence has any),
    the words after a number and at most one adjective, the times after a number, and the
    verbs alone."""
    rows = [row for row in table().values() if row["role"] == "shellings"]
    words = [word for row in rows for word in row["words"].get(lang) or []]
    times = [word for row in rows for word in (row.get("times") or {}).get(lang) or []]
    verbs = [word for row in rows for word in (row.get("verbs") or {}).get(lang) or []]
    if not words:
        return None
    alone = gated(
        re.compile(r"(?<![\w\-])(?:" + "|".join(words + verbs) + ")", re.IGNORECASE), words + verbs
    )
    after = re.compile(r"\s*(?:[^\W\d][\w\-]*\s+)?(?:" + "|".join(words) + ")", re.IGNORECASE)
    times_after = re.compile(r"\s*(?:" + "|".join(times or ["(?!)"]) + ")", re.IGNORECASE)
    verb = gated(
        re.compile(r"(?<![\w\-])(?:" + "|".join(verbs or ["(?!)"]) + ")", re.IGNORECASE), verbs
    )
    return alone, after, times_after, verb


def has_shellings(text: str, start: int, end: int, lang: str) -> bool:
    """Does text[start:end] hold a shelling word at all (a cheap check before the numbers)?"""
    patterns = shelling_words(lang)
    return patterns is not None and patterns[0].search(text, start, end) is not None


def shellings_after(
    text: str, number_end: int, lang: str, clause: Callable[[], tuple[int, int]] | None = None
) -> tuple[int, int] | None:
    """ "26 обстрілів", "26 shelling attacks", and "shelled the region 97 times" (a verb of
    shelling in the number's clause, whose bounds `clause` gives): the span of the shelling
    words right after a number (a hit of mixed means and no count), else None."""
    patterns = shelling_words(lang)
    if patterns is None:
        return None
    found = patterns[1].match(text, number_end)
    if found is None and clause is not None:
        found = patterns[2].match(text, number_end)
        if found is not None and patterns[3].search(text, *clause()) is None:
            found = None
    return (number_end, found.end()) if found else None


@cache
def hits_in_patterns(lang: str) -> list[tuple[re.Pattern, re.Pattern]]:
    """For each `hits_in` row: the words that end right before the number, and the place
    nouns after it (one adjective may stand between: "в два важливих об'єкти")."""
    return [
        (
            re.compile(r"(?<![\w\-])(?:" + "|".join(row["words"][lang]) + r")\s+$", re.IGNORECASE),
            re.compile(
                r"\s+(?:[^\W\d][\w\-’]*\s+)?(?:" + "|".join(row["places"][lang]) + ")",
                re.IGNORECASE,
            ),
        )
        for row in table().values()
        if row["role"] == "hits_in" and row["words"].get(lang)
    ]


def hits_in_places(text: str, number_start: int, number_end: int, lang: str):
    """ "Влучання у двох районах", "hits in two districts": the span from the hit word to
    the place noun when the number counts the places hit, else None."""
    window = None
    for before, after in hits_in_patterns(lang):
        place = after.match(text, number_end)  # anchored, cheap: most numbers count no place
        if place is None:
            continue
        if window is None:
            window = text[max(0, number_start - 80) : number_start]
        found = before.search(window)
        if found:
            return number_start - len(window) + found.start(), place.end(), False
    return None


@cache
def cleanup_far_patterns(lang: str) -> tuple[re.Pattern, re.Pattern] | None:
    far = table()["cleanup"].get("far") or {}
    nouns, verbs = (far.get("nouns") or {}).get(lang), (far.get("verbs") or {}).get(lang)
    if not nouns or not verbs:
        return None
    return (
        re.compile(r"(?<![\w\-])(?:" + "|".join(nouns) + r")(?![\w\-])", re.IGNORECASE),
        re.compile("(?:" + "|".join(verbs) + ")", re.IGNORECASE),
    )


def cleanup_far(text: str, sentence_start: int, item, cue, lang: str) -> bool:
    """The cue is a verb of cleaning up whose subject, a fire or the aftermath, opens the
    sentence, with the weapon told between them ("Возгорание …, вызванное атакой
    беспилотника, было ликвидировано"); not when the fire had its own verb first ("Пожар
    потушен, два беспилотника ликвидированы")."""
    patterns = cleanup_far_patterns(lang)
    if patterns is None or cue is None or not item.end <= cue[1]:
        return False
    nouns, verbs = patterns
    if not verbs.fullmatch(text, cue[1], cue[2]):
        return False
    noun = nouns.search(text, sentence_start, min(cue[1], sentence_start + 40))
    return (
        noun is not None
        and noun.end() <= item.start
        and verbs.search(text, noun.end(), item.start) is None
    )


@cache
def shared_tail(lang: str) -> re.Pattern:
    """ "all 42 drones and one of four missiles used by Russia": the participle after a second
    object of the same verb (joined by the language's `and_words`, no clause break between)
    describes both."""
    from skyledger.extract.lexicon import load_yaml

    words = load_yaml(f"{lang}.yaml").get("and_words") or ["(?!)"]
    body = "|".join(re.escape(w) for w in words)
    return re.compile(rf"[ \t]+(?:{body})[ \t][^,.;:()\n]{{0,40}}?,?[ \t]+", re.IGNORECASE)


def lost_in_clause(
    text: str, start: int, end: int, lang: str, position: int = -1, numbers=()
) -> bool:
    """The clause says its figure was lost from radar: no claim is made of it. A figure
    joined after the one at `position` ("40 were shot down and 21 were lost from radar",
    "збито 40 БпЛА та 21 локаційно втрачено") is the one lost, not the first."""
    return any(
        start <= s < end
        and r == "absent"
        and not (
            position < s
            and any(
                position < n.start < s and joined_before(lang).search(text, start, n.start)
                for n in numbers
            )
        )
        for s, _e, r in mark_spans(text, lang)
    )


@cache
def joined_before(lang: str) -> re.Pattern:
    """The language's `and_words` and `contrast_words` (and `again`) right before a figure:
    "and 21", "і ще 21", "while 24"."""
    from skyledger.extract.lexicon import load_yaml

    data = load_yaml(f"{lang}.yaml")
    words = [*(data.get("and_words") or ()), *(data.get("contrast_words") or ())]
    joins = "|".join(re.escape(w) for w in words) or "(?!)"
    again = "|".join(re.escape(w) for w in data.get("again") or ()) or "(?!)"
    return re.compile(rf"\s(?:{joins})\s+(?:(?:{again})\s+)?$", re.IGNORECASE)


def countless_row(text: str, cue, lang: str) -> dict | None:
    """The row of an attack repelled or under way, when the cue is one."""
    if cue is None:
        return None
    return countless_row_of(text[cue[1] : cue[2]], lang)


@lru_cache(maxsize=4096)
def countless_row_of(words: str, lang: str) -> dict | None:
    """The countless row a cue's words make, if any (a report's cues recur sentence after
    sentence, and across reports the same few words: memoised)."""
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


def row_word_list(row: str, lang: str) -> list[str]:
    """One row's words for `lang` (patterns), as the table lists them."""
    return list(table()[row]["words"].get(lang) or [])


@cache
def row_words(row: str, lang: str) -> re.Pattern:
    """One row's words as a single pattern."""
    words = row_word_list(row, lang) or ["(?!)"]
    return re.compile("|".join(f"(?:{w})" for w in words), re.IGNORECASE)


def attack_words_of(lang: str) -> list[str]:
    """The verbs of `attacked_with_outcome`: an attack aimed at a place."""
    return row_word_list("attacked_with_outcome", lang)


def attack_words(lang: str) -> re.Pattern:
    """The verbs of `attacked_with_outcome` as one pattern."""
    return row_words("attacked_with_outcome", lang)


def attack_verb(text: str, cue, lang: str) -> bool:
    """The cue is a verb of attack aimed at a place ("атаковали область дронами", "attacked the
    city with drones"): with no figure, a launch of no count (revision 2), absorbed beside a
    shoot-down or strike of the same speaker and weapon, a strike when harm there follows."""
    return cue is not None and attack_words(lang).fullmatch(text, cue[1], cue[2]) is not None


def striking_participle(text: str, launch, start: int, lang: str) -> int | None:
    """Where a participle of striking stands right after a comma in the launch's sentence
    ("fired two missiles at Dnipro, hitting …"), or None."""
    end = launch.sentence.end
    if "," not in text[start:end]:
        return None
    words = row_words("launched_and_hit", lang)
    return next(
        (
            f.start()
            for f in words.finditer(text, start, end)
            if text[start : f.start()].rstrip().endswith(",")
        ),
        None,
    )


def launch_areas(launch) -> list:
    return [a for a in (launch.evidence.get("admin1"), *(p.span for p in launch.places)) if a]


def striking_after(text: str, launch, start: int, lang: str) -> bool:
    """The launch's sentence goes on with a participle of striking ("fired two missiles at
    Dnipro, hitting an enterprise"): the weapons launched struck the area aimed at."""
    found = striking_participle(text, launch, start, lang)
    return found is not None and any(a[0] < found for a in launch_areas(launch))


def struck_elsewhere(drafts: list, claimant_of, text: str, lang: str) -> list:
    """A launch whose sentence names an area only after its participle of striking
    ("launched 476 drones and 48 missiles at Ukraine, hitting buildings in Ternopil") was
    aimed at the country: the area is where some of them struck, a hit of no count there (of
    `other` for a launch of several kinds)."""
    hits = []
    for draft in drafts:
        cue = draft.evidence.get("claim_type")
        if draft.claim_type != "launched" or draft.admin1 is None or cue is None:
            continue
        found = striking_participle(text, draft, cue[1], lang)
        areas = launch_areas(draft)
        if found is None or not areas or any(a[0] < found for a in areas):
            continue
        kinds = {
            d.weapon for d in drafts if d.claim_type == "launched" and d.sentence is draft.sentence
        }
        hit = replace(draft, claim_type="hit", count=None, qualifier="unspecified")
        hit.weapon = draft.weapon if len(kinds) == 1 else "other"
        hit.places, hit.evidence = list(draft.places), dict(draft.evidence)
        hit.evidence["claim_type"] = (found, found)
        draft.admin1, draft.places, draft.region_text = None, [], None
        draft.evidence.pop("admin1", None)
        if not any(
            h.claim_type == "hit"
            and h.admin1 == hit.admin1
            and claimant_of(h) == claimant_of(hit)
            and h.weapon in (hit.weapon, "other")
            for h in drafts + hits
        ):
            hits.append(hit)
    return drafts + hits


def struck(drafts: list, claimant_of, text: str, lang: str) -> list:
    """A counted attack on a named area whose speaker reports impact or damage there and no
    interception of that weapon is a hit (revision 2, `attacked_with_outcome`); a count-less
    hit of the same weapon and area by the same speaker restates it."""
    made = []
    for draft in drafts:
        if draft.claim_type != "launched" or draft.admin1 is None:
            continue
        cue = draft.evidence.get("claim_type")
        if cue is None or not (
            attack_words(lang).fullmatch(text[cue[0] : cue[1]])
            or striking_after(text, draft, cue[1], lang)
        ):
            continue  # "випустили 10 ракет", "launched 15 drones": launches, whatever followed
        mine = [o for o in drafts if claimant_of(o) == claimant_of(draft)]
        if any(o.claim_type == "destroyed" and o.weapon == draft.weapon for o in mine):
            continue
        if any(hits_another_figure(o, draft) for o in mine):
            continue  # "атакували двома дронами, один з них влучив": launched 2, hit 1
        if any(
            o.claim_type in ("hit", "damage", "casualties") and o.admin1 == draft.admin1
            for o in mine
        ):
            draft.claim_type = "hit"
            made.append(draft)

    def same_strike(d, h) -> bool:
        return (
            h is not d
            and h.weapon == d.weapon
            and h.admin1 == d.admin1
            and claimant_of(h) == claimant_of(d)
            # an FPV drone's strike is an incident apart, never the attack's figure
            and (h.model == "FPV") == (d.model == "FPV")
        )

    def restates_made(d) -> bool:
        if any(d is h for h in made):
            if d.count is None and any(
                same_strike(d, h) for h in drafts if h.claim_type == "hit" and h.count
            ):
                return True  # the attack's figure is told by a strike of its own
            return (d.count is None or restated(d, drafts, claimant_of)) and any(
                same_strike(d, h) for h in made
            )
        # a count-less hit, or the same figure told again ("скинули 10 КАБів … долетіли десять")
        return any(same_strike(d, h) and d.count in (None, h.count) for h in made)

    return [d for d in drafts if not (d.claim_type == "hit" and restates_made(d))]


def hits_another_figure(hit, attack) -> bool:
    """A counted strike of the attack's weapon and area with a figure of its own: the text
    gives two figures, a launch and its hits (revision 2, "attacked X with N weapons")."""
    return (
        hit.claim_type == "hit"
        and hit.count is not None
        and attack.count is not None
        and hit.count < attack.count
        and (hit.weapon, hit.admin1) == (attack.weapon, attack.admin1)
        and (hit.model == "FPV") == (attack.model == "FPV")
    )


def repelled(drafts: list, claimant_of, text: str, lang: str) -> list:
    """An attack on an area with no figure that its speaker reports shot down there and no
    damage or casualties: a count-less launch beside the shoot-down, absorbed into it
    (revision 2), not a strike. Harm told with the debris of the weapons shot down ("уламки
    пошкодили будинок"), and after it, is the debris's, no strike's: with debris alone and no shoot-down
    counted, the attack stays a launch of no count."""
    kept = []
    for draft in drafts:
        cue = draft.evidence.get("claim_type")
        if (
            draft.claim_type == "hit"
            and draft.count is None
            and cue is not None
            and attack_words(lang).match(text, cue[0], cue[1])
        ):
            mine = [o for o in drafts if claimant_of(o) == claimant_of(draft)]
            harm = [
                o
                for o in mine
                if o.claim_type in ("damage", "casualties")
                and o.admin1 == draft.admin1
                and not (o.killed == 0 and o.injured in (0, None))
            ]
            debris = [o for o in mine if o.claim_type == "debris" and o.weapon == draft.weapon]
            own_harm = harm_of_its_own(harm, debris)
            if own_harm:
                pass  # a strike
            elif any(o.claim_type == "destroyed" and o.weapon == draft.weapon for o in mine):
                continue
            elif harm:
                draft.claim_type = "launched"
        kept.append(draft)
    return kept


def harm_of_its_own(harm: list, debris: list) -> list:
    """The harm not told of the debris: harm in a sentence that tells debris is the debris's,
    and so is harm told after it ("уламки пошкодили будинки. Постраждала людина")."""
    borne = [o.sentence.start for o in harm if any(d.sentence is o.sentence for d in debris)]
    return [o for o in harm if not borne or o.sentence.start < min(borne)]


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
    """Count-less launches beside a destroyed or hit claim of the same claimant, weapon and
    area (`covers_area`) are absorbed into it (revision 2); unspecified or
    mixed means (`other`) on either side cover the other's weapon ("a combined attack of
    missiles and drones ... there were hits")."""
    kept = []
    for draft in split_kinds(drafts):
        if (
            draft.claim_type == "launched"
            and draft.count is None
            and any(
                other.claim_type in ("destroyed", "hit")
                and (other.weapon == draft.weapon or "other" in (other.weapon, draft.weapon))
                and claimant_of(other) == claimant_of(draft)
                and covers_area(other, draft)
                for other in drafts
            )
        ):
            continue
        kept.append(draft)
    return kept


def covers_area(other, launch) -> bool:
    """The claim restates the launch's area: a launch on a region by a claim there or with
    none; a launch with no area (the country, "південні та центральні регіони") by any
    shoot-down, but only by a strike with no area either: a strike on one region is a
    local outcome, not the whole attack."""
    if launch.admin1 is not None:
        return other.admin1 in (launch.admin1, None)
    return other.admin1 is None or other.claim_type == "destroyed"


def split_kinds(drafts: list) -> list:
    """A count-less launch of mixed means ("атакувала ракетами і дронами") is a launch of
    each kind it names, so that a shoot-down of the drones absorbs only theirs."""
    split = []
    for draft in drafts:
        if draft.claim_type == "launched" and draft.count is None and draft.kinds:
            split.extend(replace(draft, weapon=kind, kinds=()) for kind in draft.kinds)
        else:
            split.append(draft)
    return split
