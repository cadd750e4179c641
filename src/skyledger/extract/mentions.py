"""Mention tagging: everything the lexicon finds in a report, and the records the rules fill."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from skyledger.extract import (
    breakdown,
)
from skyledger.extract import claimants as claimant_rules
from skyledger.extract.lexicon import Lexicon, models_pattern
from skyledger.extract.numbers import Number, find_numbers
from skyledger.extract.places import (
    CITY_REGIONS,
    launch_sites,
    named_candidates,
    region_word_after,
    subject_candidates,
)
from skyledger.extract.regions import (
    RegionMention,
    find_regions,
)
from skyledger.extract.sentences import Sentence


@dataclass
class Item:
    """A counted (or singular) weapon phrase inside one sentence."""

    start: int
    end: int
    count: int | None
    qualifier: str
    weapon: str | None = None
    model: str | None = None
    count_span: tuple[int, int] | None = None
    weapon_span: tuple[int, int] | None = None
    claim_type: str | None = None
    type_span: tuple[int, int] | None = None
    distributive: bool = False
    out_of: bool = False
    of_these: bool = False
    subcount: bool = False
    again: bool = False
    by_agreement: bool = False
    regions: list = field(default_factory=list)
    seas: list = field(default_factory=list)
    multi: bool = False
    strikes: bool = False  # "N разів атакували": N hits
    launches: bool = False  # "N пусків КАБ": N launched
    whole: bool = False  # "All 14 were shot down": all of those just named
    of_whole: bool = False  # "З 80 БпЛА збито 60": the whole, before the part that follows
    restates: Draft | None = None  # "Все они уничтожены": the launch it points back to
    ordinal: bool = False  # "пятый за день беспилотник": the count of a series so far


@dataclass
class Draft:
    """A claim being assembled (turned into a Claim record at the end)."""

    claim_type: str
    weapon: str | None
    count: int | None
    qualifier: str
    admin1: str | None
    sentence: Sentence
    claimant: claimant_rules.ClaimantMention | None
    model: str | None = None
    sea: str | None = None
    killed: int | None = None
    injured: int | None = None
    evidence: dict = field(default_factory=dict)
    places: list = field(default_factory=list)
    parent: Draft | None = None
    children_sum: int = 0
    window: tuple | None = None
    region_text: str | None = None
    confidence: float = 0.6
    is_total: bool = False
    cumulative: bool = False
    uncertain_region: bool = False
    again: bool = False
    ordinal: bool = False  # the count is an ordinal's: the series told so far
    weapon_named: bool = True  # False: no weapon in or before its sentence, "other" by default
    kinds: tuple = ()  # a count-less launch of mixed means: the kinds it names


@dataclass
class Mentions:
    """Everything the lexicon finds in one report, in text order."""

    weapons: list
    models: list
    types: list
    numbers: list[Number]
    regions: list[RegionMention]
    seas: list
    multi: list
    no_casualties: list
    no_damage: list
    negation: list
    cumulative: list
    exercises: list
    claimants: list
    people: list


def start_of(item) -> int:
    if hasattr(item, "start"):
        return item.start
    return item[0] if isinstance(item[0], int) else item[1] if isinstance(item[1], int) else item[2]


class MentionIndex:
    """Mentions sliced by position with bisect, so each sentence sees only its own (no quadratic scans)."""

    def __init__(self, mentions: Mentions):
        self.fields = {}
        self.windows: dict[tuple[int, int], Mentions] = {}
        for name in Mentions.__dataclass_fields__:
            items = sorted(getattr(mentions, name), key=start_of)
            self.fields[name] = ([start_of(x) for x in items], items)

    def window(self, start: int, end: int) -> Mentions:
        cached = self.windows.get((start, end))  # each sentence is asked for twice
        if cached is not None:
            return cached
        parts = {}
        for name, (starts, items) in self.fields.items():
            parts[name] = (
                items[bisect_left(starts, start) : bisect_left(starts, end)] if items else items
            )
        self.windows[(start, end)] = window = Mentions(**parts)
        return window


def spans(pattern, text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in pattern.finditer(text)] if pattern else []


@dataclass
class Places:
    """What the report holds for places beyond its mentions, in text order: weak place cues'
    capitalised words that open a region mention (a city, maybe), those that are no other
    mention (a town, maybe), requests or advice ("просят не подходить") and assessments or aid
    to come ("комиссия оценит")."""

    cities: list
    named: list
    requests: list
    assessments: list
    city_starts: list[int] = field(init=False)
    named_starts: list[int] = field(init=False)

    def __post_init__(self):
        self.city_starts = [c.start for c in self.cities]
        self.named_starts = [c.start for c in self.named]


def find_mentions(text: str, lex: Lexicon) -> tuple[Mentions, Places]:
    numbers = find_numbers(text, lex)
    found_regions = breakdown.elliptical_regions(
        text, lex.lang, find_regions(text, lex.lang), numbers
    )
    asides: dict[str, list[tuple[int, int]]] = {"request": [], "assessment": [], "launch": []}
    for aside in lex.asides.finditer(text):
        asides[aside.lastgroup].append((aside.start(), aside.end()))
    launch = launch_sites(text, lex.lang, [end for _start, end in asides["launch"]])
    regions = [r for r in found_regions if not overlaps((r.start, r.end), launch)]
    model_re, model_names = models_pattern()
    models = []
    for match in model_re.finditer(text):
        name, kind = model_names[int(match.lastgroup[1:])]
        models.append((name, kind, match.start(), match.end()))
    weapons = [(m.lastgroup, m.start(), m.end()) for m in lex.weapons.finditer(text)]
    types = [(m.lastgroup, m.start(), m.end()) for m in lex.claim_types.finditer(text)]
    seas = [
        (lex.sea_names[int(m.lastgroup[1:])], m.start(), m.end()) for m in lex.seas.finditer(text)
    ]
    people = [(m.start(), m.end(), "plural") for m in lex.people_plural.finditer(text)]
    people += [(m.start(), m.end(), "single") for m in lex.people_single.finditer(text)]
    claimants = claimant_rules.find_claimants(text, lex, found_regions)
    # a capital that speaks ("Киев утверждает") is an office there, not a place
    offices = [(c.start, c.end) for c in claimants if c.kind == "office"]
    regions = [r for r in regions if not inside((r.start, r.end), offices)]
    blocked = (
        [(r.start, r.end) for r in found_regions]
        + [(s[1], s[2]) for s in seas]
        + [(w[1], w[2]) for w in weapons]
        + [(x[2], x[3]) for x in models]
        + [(c.start, c.end) for c in claimants]
        + launch
    )
    candidates = sorted(named_candidates(text, lex.lang) + subject_candidates(text, lex.lang))
    cities, named = split_candidates(text, candidates, regions, blocked)
    return Mentions(
        weapons=weapons,
        models=models,
        types=types,
        numbers=numbers,
        regions=regions,
        seas=seas,
        multi=spans(lex.multi_region, text),
        no_casualties=spans(lex.no_casualties, text),
        no_damage=spans(lex.no_damage, text),
        negation=spans(lex.negation, text),
        cumulative=[
            (m.start(), m.end()) for m in lex.cumulative.finditer(text) if m.lastgroup == "total"
        ],
        exercises=spans(lex.exercises, text),
        claimants=claimants,
        people=sorted(people),
    ), Places(cities, named, asides["request"], asides["assessment"])


def split_candidates(
    text: str, candidates, regions: list[RegionMention], blocked
) -> tuple[list, list]:
    """Capitalised words after weak cues: those opening a region mention that may be its
    city ("в Курске", not "в Курской области" or "в Москве"), and those that are no other
    mention (a town, maybe: "над Погаром"); a second word that is another mention is not part
    of the name ("в Погаре Брянской")."""
    mask = bytearray(max((e for _s, e in blocked), default=0) + 1)
    for start, end in blocked:
        mask[start:end] = b"\x01" * (end - start)
    by_start = {r.start: r for r in regions}
    cities, named = [], []
    for candidate in candidates:
        region = by_start.get(candidate.start)
        if region is not None:
            if region.code not in CITY_REGIONS and not region_word_after(text, region.end):
                cities.append(candidate)
        elif candidate.start >= len(mask) or not mask[candidate.start]:
            second = candidate.long_end
            if second is not None and any(mask[candidate.end : min(second, len(mask))]):
                candidate = candidate._replace(long_end=None)
            named.append(candidate)
    return cities, named


def in_sentence(items: list, starts: list[int], sentence: Sentence) -> list:
    """The items (in text order, starting at `starts`) that start inside the sentence."""
    if not items:
        return items
    return items[bisect_left(starts, sentence.start) : bisect_left(starts, sentence.end)]


def within(items, start: int, end: int, key=lambda x: (x[1], x[2])):
    return [x for x in items if start <= key(x)[0] and key(x)[1] <= end]


def overlaps(span: tuple[int, int], others) -> bool:
    return any(s < span[1] and span[0] < e for s, e in others)


def inside(span: tuple[int, int], others) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in others)
