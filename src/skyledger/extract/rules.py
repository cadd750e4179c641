"""The rules: sentences -> counted weapon phrases -> claims.

Per sentence we find numbers, weapon words, claim-type cues and regions (all from the
language's lexicon), attach each number to the weapon that follows it ("49 украинских
БПЛА"), or to the frame's weapon when the line is elliptical ("семь — над Воронежской"),
give it the claim type of the cue in its clause (else the nearest one before it, else
the frame's), and its region from its own segment. Totals and their per-region lines
are linked by `parent`. Damage, casualties, hits and debris without a figure become
one claim per claimant and region.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from functools import cached_property

from skyledger.extract import (
    breakdown,
    constructions,
    counted_nouns,
    named_models,
    numerals,
    targets,
)
from skyledger.extract import claimants as claimant_rules
from skyledger.extract.attribution import Attribution
from skyledger.extract.casualty_words import killed_only
from skyledger.extract.folding import may_hold
from skyledger.extract.lexicon import Lexicon, models_pattern
from skyledger.extract.morph import can_be_adjective, genitive_plural, is_plural, parse
from skyledger.extract.numbers import Number, find_numbers
from skyledger.extract.places import (
    CITY_REGIONS,
    city_of,
    find_places,
    launch_sites,
    locate,
    named_candidates,
    region_word_after,
    village,
)
from skyledger.extract.regions import (
    RegionMention,
    dateline_or_possessive,
    english_chains,
    find_regions,
)
from skyledger.extract.sentences import Sentence, split
from skyledger.extract.timewindow import find_window

COUNT_TYPES = ("destroyed", "launched", "hit", "debris")
CLAUSE_BREAK = re.compile(r"[,;:()]|\s[—–]\s|\s-\s")
NOT_WEAPON_UNIT = re.compile(
    r"^\s*(?:-\s*)?(?:час\w*|годин\w*|hours?|km|км|кілометр\w*|километр\w*|miles?|рок\w*|рік|год\w*|лет|years?|"
    r"регион\w*|регіон\w*|област\w*|regions?|oblasts?|раз\w*|times|%|процент\w*|відсот\w*|day|days|сут\w*|дн\w*|"
    r"хвилин\w*|минут\w*|minutes?|напрям\w*|направлени\w*|directions?|хвил[яіьею]\w*|волн\w*|waves?|локац\w*|місц\w*|мест\w*|этаж\w*|поверх\w*|квартир\w*|будин\w*|дом\w*|"
    r"buildings?|houses?|homes?|apartments?|школ\w*|автомоб\w*|авто\w*|cars?|вікн\w*|окн\w*|метр\w*|"
    r"гараж\w*|сел\w*|населен\w*|villages?|towns?|cities|city|міст\w*|город\w*|район\w*|громад\w*|"
    r"числа|числ\w*|сентябр\w*|октябр\w*|ноябр\w*|декабр\w*|январ\w*|феврал\w*|март\w*|апрел\w*|ма[йя]\w*|"
    r"июн\w*|июл\w*|август\w*|верес\w*|жовт\w*|листопад\w*|груд\w*|січ\w*|лют\w*|берез\w*|квіт\w*|трав\w*|"
    r"черв\w*|лип\w*|серп\w*|january|february|march|april|may|june|july|august|september|october|november|"
    r"december|самол\w*|літак\w*|бомбардувальник\w*|aircraft|bombers?|жител\w*|люд\w*|person\w*|people|"
    r"человек\w*|осіб|чоловік\w*|женщин\w*|жінк\w*|дет\w*|діт\w*|children|civilians?|wounded|injured|killed)(?!\w)",
    re.IGNORECASE,
)
EN_MODIFIER = re.compile(
    r"^\s+(?:attacks?|strikes?|command|operators?|units?|production|factor(?:y|ies)|plants?|warfare|"
    r"programmes?|programs?|makers?|industry|alerts?|threats?|activity|missions?|operations?|designs?|"
    r"debris|fragments?|wreckage|war|raids?|assaults?)\b",
    re.IGNORECASE,
)
EN_ATTACK_NOUN = re.compile(r"\s+(?:attacks?|strikes?|raids?|assaults?)\b", re.IGNORECASE)
OUT_OF = re.compile(r"(?:out\s+of|of|из|зі|із|з|от)\s*$", re.IGNORECASE)
OF_THESE = re.compile(
    r"^\s*(?:of\s+(?:these|them|the|which)|из\s+них|з\s+них|із\s+них)", re.IGNORECASE
)
OPENING_OF = re.compile(r"^\W*\w+(?:\s+the)?\s*$", re.IGNORECASE)
HYPHEN_UNIT = re.compile(r"^-?(?:[^\W\d]|\d)")
MIXED = re.compile(
    r"^[^.;:]{0,40}?(?:інших типів|різних типів|других типов|разных типов|other types|and other|і безпілотник|та безпілотник|и беспилотник|/)",
    re.IGNORECASE,
)
NUMBER_SUFFIX = re.compile(r"^-(?:ма|ми|ти|х|ох|ом|ю|ї|й|го|ти|ть|мя|ью)(?![\w])", re.IGNORECASE)
ALL_OF_THEM = re.compile(
    r"(?<!\w)(?:усі|всі) вони|(?<!\w)все они|(?<!\w)all of them",
    re.IGNORECASE,
)
CHAIN_GAP = re.compile(
    r"^(?:\s+(?:област\w*|oblasts?|regions?|крае?|краях))?(?:,\s*|\s+(?:и|і|та|й|and)\s+|,\s+and\s+|,\s+а также\s+)(?:the\s+)?$",
    re.IGNORECASE,
)
ATTACK_VERB = re.compile(r"(?:атакува|атаковал|атакував|вдари|удари|цілив)", re.IGNORECASE)
WIDE_TARGET = re.compile(
    r"(?<!\w)(?:украин\w*|україн\w*|росси\w*|росі\w*|регион\w*|регіон\w*|област\w*"
    r"|ukrain\w*|russia\w*|regions?|oblast)(?!\w)",
    re.IGNORECASE,
)
CLAUSE_TEXT = re.compile(r"\w")  # any word before "з 80 БпЛА": the whole opens no clause
PRONOUN_SUBJECT = re.compile(r"^(?:вона|він|она|он|it)\s", re.IGNORECASE)
TARGET_PLACE = re.compile(r"[Пп](?<!\w.)о\s+[А-ЯІЇЄҐ]")  # "(?<!\w)[Пп]", letter first: fast
# between a plural title and its regions, and between the regions: "of the", ",", "and"
TITLE_CHAIN_GAP = re.compile(r"(?:[\s,]+|\w{1,3}(?!\w))*")
NEGATED_AFTER = re.compile(  # used with .match(text, pos): no "^", which holds only at 0
    r"[^;!?,.—–]{0,60}?(?<!\w)(?:немає|нема|нет|не було|не было|не зафіксовано)(?!\w)",
    re.IGNORECASE,
)
REGION_WORD = re.compile(
    r"(?<!\w)(?:региона|регіону|the region|над регионом|над регіоном)(?!\w)", re.IGNORECASE
)
DISTRICT_WORD = re.compile(
    r"(?<!\w)(?:район\w*|округ\w*|громад\w*|districts?)(?!\w)", re.IGNORECASE
)
GAP_WORD = re.compile(r"[\w’'ʼ\-]+")
MODEL_OR_CLOCK_BEFORE = re.compile(r"[\w]-$|[:.]$|\d\s*$")
CLOCK_AFTER = re.compile(r"^\s*[:.]\d")
WORD_CHAR = re.compile(r"\w")
WORDS = re.compile(r"\w+")
EACH_AFTER = re.compile(r"^\s*(?:\w+\s+)?each\b", re.IGNORECASE)
DIGIT_OR_STOP = re.compile(r"\d|[.;]")
WORD_AHEAD = re.compile(r"\s*\w")
LONG_WORDS = re.compile(r"[^\W\d_]{3,}")
DEFINITE_BEFORE = re.compile(r"\b(?:the|both)\s+(?:[\w\-]+\s+)?$")
ARTICLE_BEFORE = re.compile(r"(?:\bthe|\ba|\ban|\bone)\s+(?:[\w\-]+\s+){0,2}$")
WORD_BEFORE = re.compile(r"([^\W\d_]{3,})\s+$")
DASH_GAP = re.compile(r"\s*[—–-]\s*")  # "поранених — семеро"
WORD_AFTER = re.compile(r"\s+([^\W\d_]{3,})")
MAX_NUMBERS_PER_SENTENCE = 80  # a bulletin line lists a few dozen at most; more is noise
NEXT_WORD = re.compile(r"\s*[\w’'ʼ\-]+")
LEAD_GAP = re.compile(
    r"^(?:\s+[^\W\d_]+)?\s*[—–:-]?\s*$"
)  # "регионом — ", "region: " before a count
WORD_BEFORE_ANY = re.compile(r"(\w+)\s+$")
DASH_AFTER = re.compile(r"\s*[—–-]\s*")
AGE = re.compile(r"(?<!\w)\d{1,3}-(?:річн|летн|year-old|years-old)\w*", re.IGNORECASE)


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
    whole: bool = False  # "All 14 were shot down": all of those just named
    of_whole: bool = False  # "З 80 БпЛА збито 60": the whole, before the part that follows


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
    blocked = (
        [(r.start, r.end) for r in found_regions]
        + [(s[1], s[2]) for s in seas]
        + [(w[1], w[2]) for w in weapons]
        + [(x[2], x[3]) for x in models]
        + [(c.start, c.end) for c in claimants]
        + launch
    )
    candidates = named_candidates(text, lex.lang)
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
        cumulative=spans(lex.cumulative, text),
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


class Extraction:
    """One report's extraction state: frames carried from sentence to sentence."""

    def __init__(self, text: str, lex: Lexicon, published, default_claimant: str | None):
        self.text = text
        self.lex = lex
        self.published = published
        self.default_claimant = default_claimant
        self.all, self.places = find_mentions(text, lex)
        self.all.weapons = targets.retyped(
            text, named_models.with_models(self.all.weapons, self.all.models), lex.lang
        )
        self.index = MentionIndex(self.all)
        self.m = self.all
        self.sentences = split(text)
        self.drafts: list[Draft] = []
        self.frame_type: str | None = None
        self.frame_weapon: tuple[str, str | None] | None = None
        self.frame_region: str | None = None
        self.frame_end = -1  # where the sentence that named the frame's region ends
        self.open_totals: dict = {}
        self.title_regions = [(c.start, c.end) for c in self.all.claimants if c.kind == "title"]
        self.named: list = []  # places named after weak cues in the current sentence
        self.strike_headers: dict[int, int] = {}  # sentence start -> where "N ударов" stands
        self.clause_breaks: dict = {}  # a sentence's (start, end) -> where its clause breaks end
        self.recap_start = 0  # where the outlet's last recap of other news opens ("Нагадаємо, …")

    # ---- items -------------------------------------------------------------
    def weapon_after(self, position: int, limit_words: int = 4):
        """The weapon word that a number at `position` counts, if one follows closely."""
        for kind, start, end in self.m.weapons:
            if start < position:
                continue
            gap = self.text[position:start]
            if CLAUSE_BREAK.search(gap.replace("«", "").replace("»", "")) or len(gap) > 60:
                return None
            if len(GAP_WORD.findall(gap)) > limit_words:
                return None
            if "." in gap or "\n" in gap:
                return None
            if self.lex.carriers is not None and any(
                gap[c.end() : c.end() + 1] != "-" for c in self.lex.carriers.finditer(gap)
            ):  # "seven Tu-95 bombers launched missiles": the count is of aircraft; but
                return None  # "41 aircraft-type drones" are drones

            return kind, start, end
        return None

    def joined_weapon(self, weapon):
        """A weapon of another kind joined to this one with no number of its own ("ракет і дронів")."""
        if self.lex.joined is None:
            return None
        for kind, start, end in self.m.weapons:
            if start < weapon[2]:
                continue
            gap = self.text[weapon[2] : start]
            counted = any(weapon[2] <= n.start < start for n in self.m.numbers)
            if kind != weapon[0] and not counted and self.lex.joined.match(gap):
                return kind, start, end
            return None
        return None

    def model_near(self, start: int, end: int, sentence: Sentence, next_start: int | None = None):
        """The one model named right after the count; none when the set is mixed. Models
        after the next count belong to it ("3 КАБи, 12 FPV-дронів")."""
        limit = sentence.end if next_start is None else min(sentence.end, next_start)
        near = [
            (name, kind, (m_start, m_end))
            for name, kind, m_start, m_end in self.m.models
            if sentence.start <= m_start < limit and start - 2 <= m_start <= end + 30
        ]
        if not near:
            return None
        tail = self.text[near[0][2][1] : min(near[0][2][1] + 45, limit)]
        if len({n[0] for n in near if n[2][0] <= near[0][2][1] + 45}) > 1 or MIXED.search(tail):
            return None
        return near[0]

    def items_in(self, sentence: Sentence) -> list[Item]:
        text, lex = self.text, self.lex
        items: list[Item] = []
        consumed: list[tuple[int, int]] = []
        for number in self.m.numbers[:MAX_NUMBERS_PER_SENTENCE]:
            if not (sentence.start <= number.start < sentence.end):
                continue
            after = text[number.end : number.end + 30]
            suffix = NUMBER_SUFFIX.match(after)
            if suffix:
                after = after[suffix.end() :]
            times = numerals.times_after(lex.lang)
            strikes = times.match(after) if times is not None else None
            adverb = text[number.start : number.end].lower() in numerals.times_words(lex.lang)
            if strikes is not None or adverb:  # "чотири рази атакував FPV-дронами": four hits
                offset = number.end + (suffix.end() if suffix else 0)
                times_end = offset + strikes.end() if strikes is not None else number.end
                item = self.strikes_item(number, sentence, times_end)
                if item is not None:
                    items.append(item)
                    if item.weapon_span is not None:
                        consumed.append(item.weapon_span)
                else:  # "15 ударов: 9 FPV-дронов, 4 КАБа": the counts listed after are hits
                    self.strike_headers.setdefault(sentence.start, number.start)
                continue
            not_counted = numerals.not_counted_after(lex.lang)
            if not_counted is not None and not_counted.match(after):
                continue  # "чотирма напрямками", "in two waves"
            if NOT_WEAPON_UNIT.match(after) or (
                after[:1] == "-" and HYPHEN_UNIT.match(after[1:2] or " ")
            ):
                continue
            before = text[max(sentence.start, number.start - 30) : number.start]
            if MODEL_OR_CLOCK_BEFORE.search(before):  # Ту-95, Х-101, clock times
                continue
            if CLOCK_AFTER.match(after):
                continue
            word = text[number.start : number.end].lower()
            weapon = self.weapon_after(number.end + (suffix.end() if suffix else 0), 5)
            units, reaches = numerals.units_after(lex.lang), numerals.reaches_before(lex.lang)
            if weapon is None and (
                (units is not None and units.match(after))
                or (reaches is not None and reaches.search(before))
            ):  # "дронів – 87 одиниць", "число сбитых БПЛА достигло 6"
                weapon = self.weapon_named_before(number, sentence)
            noun = numerals.noun_after(lex.lang)
            if weapon is None and noun is not None and (found := noun.match(after)):
                follower = found.group().strip()
                cue = any(t[1] == number.end + found.end() - len(follower) for t in self.m.types)
                if not cue and follower not in lex.numbers and follower not in lex.vague:
                    continue  # "fires at two enterprises": the count of another noun
            if weapon is None and word in numerals.collectives(lex.lang):
                continue  # "Сумщину – троє поранених": people, not the drones of the line
            if word in lex.determiners and (
                weapon is None
                or any(number.end < n.start < weapon[1] for n in self.m.numbers)
                or any(w in lex.vague for w in WORDS.findall(text[number.end : weapon[1]].lower()))
            ):
                continue
            if weapon and lex.lang == "en" and EN_MODIFIER.match(text[weapon[2] : weapon[2] + 20]):
                head = self.weapon_after(weapon[2], 1)  # "Shahed attack drones": the head noun
                if head is not None:
                    weapon = head
                elif word in lex.determiners:
                    continue
                else:
                    weapon = None
            item = Item(
                number.start,
                number.end,
                number.value,
                self.qualifier(before, number.approx),
                count_span=(number.start, number.end),
            )
            if weapon:
                # "40 missiles and drones": one mixed count; "одну ракету і безпілотник" is
                # one of each, never one mixed weapon
                partner = self.joined_weapon(weapon) if number.value != 1 else None
                if partner is not None:
                    consumed.append((partner[1], partner[2]))
                    weapon = ("other", weapon[1], partner[2])
                item.weapon, item.weapon_span = weapon[0], (weapon[1], weapon[2])
                item.end = weapon[2]
                consumed.append((weapon[1], weapon[2]))
            item.distributive = self.distributive(before, after)
            out_of = numerals.out_of(lex.lang)
            item.out_of = (
                out_of is not None
                and bool(out_of.search(before[-12:]))
                and not WORD_CHAR.match(before[-1:] or " ")
                and self.counted_before(number, sentence)  # "21 of 22", not "a prototype of a"
            )
            found = out_of.search(before) if out_of is not None and weapon else None
            item.of_whole = bool(found) and not CLAUSE_TEXT.search(
                before[: found.start()].rsplit(":", 1)[-1]
            )
            item.of_these = bool(OF_THESE.match(after))
            item.subcount = bool(lex.subcount.search(before.rstrip(" —–-,")))
            item.again = bool(self.lex.again.search(before))
            last_word = WORD_BEFORE_ANY.search(before)  # "all 14", not "In all, 103"
            item.whole = bool(last_word) and last_word.group(1).lower() in lex.all_words
            if weapon is None and not item.of_these:
                item.weapon = None
            items.append(item)
        items += self.remainder_items(sentence, items)
        items.sort(key=lambda i: i.start)
        items = self.fill_elliptical(items, sentence)
        everything = (
            ALL_OF_THEM.search(text, sentence.start, sentence.end)
            if may_hold(sentence.text, "они", "all of")
            else None
        )
        span = everything.span() if everything else None
        if span is None and not items:
            span = self.downed_them(sentence)
        if span and not items:
            launched = next(
                (d for d in reversed(self.drafts) if d.claim_type == "launched" and d.count), None
            )
            if launched is not None:
                item = Item(span[0], span[1], launched.count, launched.qualifier, launched.weapon)
                item.model, item.count_span = launched.model, span
                items.append(item)
                consumed.append((sentence.start, sentence.end))
        items += self.unattached(sentence, items, consumed)
        items.sort(key=lambda i: i.start)
        return items

    def strikes_item(self, number: Number, sentence: Sentence, times_end: int) -> Item | None:
        """ "N разів атакували <weapon>", "attacked with drones N times": N hits of the weapon
        named right after, or else last named in the same clause before the number. Only a verb
        or noun of attack or strike in the clause makes them strikes ("the air alert sounded four
        times", "тривогу оголошували чотири рази" count none)."""
        words = WORDS.findall(self.text[number.start : times_end].lower())
        times = {*numerals.counting(self.lex.lang).get("times", ()), *numerals.times_words(self.lex.lang)}
        if words and words[-1] in times and not self.strike_verb(number.start, sentence):
            return None
        weapon = self.weapon_after(times_end, 4)
        if weapon is None:
            left, _right = self.clause_bounds(number.start, sentence)
            before = [w for w in self.m.weapons if left <= w[1] and w[2] <= number.start]
            weapon = before[-1] if before else None
        named = weapon is not None
        if not named:  # "launched three strikes on Kharkiv" in a report of guided bombs only
            if self.list_follows(times_end, sentence):
                return None  # "15 ударов: 9 FPV-дронов, …": the list counts the strikes
            kinds = {w[0] for w in self.all.weapons if self.recap_start <= w[1] < number.start}
            weapon = (kinds.pop(), number.start, number.end) if len(kinds) == 1 else None
        if weapon is None or weapon[0] == "other":
            return None  # shelling N times mixes means: no count (the guideline's "N обстрілів")
        partner = self.joined_weapon(weapon) if named else None
        if partner is not None:  # "10 разів атакував дронами та артилерією": mixed, no count
            item = Item(number.start, partner[2], None, "unspecified", "other")
            item.weapon_span, item.strikes = (weapon[1], partner[2]), True
            return item
        item = Item(number.start, max(number.end, weapon[2]), number.value, "exact", weapon[0])
        item.count_span = (number.start, number.end)
        item.weapon_span = (weapon[1], weapon[2]) if named else None
        item.strikes = True
        return item

    def strike_verb(self, position: int, sentence: Sentence) -> bool:
        """A verb or noun of attack or strike, asserted, in the clause around `position`: what
        makes "N times" so many strikes."""
        left, right = self.clause_bounds(position, sentence)
        return any(
            left <= t[1] < right
            and t[0] in ("hit", "launched", "attack")
            and not self.negated_at(t[1], sentence)
            for t in self.m.types
        )

    def list_follows(self, position: int, sentence: Sentence) -> bool:
        """A colon, then counts, after `position` in the sentence."""
        colon = self.text.find(":", position, sentence.end)
        return colon >= 0 and any(colon < n.start < sentence.end for n in self.m.numbers)

    def remainder_items(self, sentence: Sentence, items: list[Item]) -> list[Item]:
        """ "the rest over the Oryol, Bryansk and Belgorod regions" after counted parts: one
        part of unknown count for each region named."""
        pattern = numerals.the_rest(self.lex.lang)
        if pattern is None or not items:
            return []
        found = []
        for match in pattern.finditer(self.text, sentence.start, sentence.end):
            if not any(i.count is not None and i.end <= match.start() for i in items):
                continue  # no count before it: no list to finish
            item = Item(match.start(), match.end(), None, "unspecified")
            item.distributive = True  # each region named gets its own part
            found.append(item)
        return found

    def weapon_named_before(self, number: Number, sentence: Sentence):
        """The last weapon the sentence names before a number, when no count stands between."""
        before = [w for w in self.m.weapons if sentence.start <= w[1] and w[2] <= number.start]
        if not before:
            return None
        weapon = before[-1]
        if any(weapon[2] <= n.start < number.start for n in self.m.numbers):
            return None
        return weapon

    def counted_before(self, number: Number, sentence: Sentence) -> bool:
        """A count stands shortly before this number ("збито 20 дронів із 25"), or the
        preposition opens the sentence ("Из 30 беспилотников 25 сбиты")."""
        if OPENING_OF.match(self.text[sentence.start : number.start]):
            return True
        return any(
            sentence.start <= n.start and 0 < number.start - n.end <= 40
            for n in self.m.numbers
            if self.text[n.start : n.end].lower() not in self.lex.determiners
        )

    def qualifier(self, before: str, round_figure: bool = False) -> str:
        lex = self.lex
        if lex.at_least.search(before):
            return "at_least"
        if round_figure or lex.approx.search(before):  # "три десятка": about 30
            return "approx"
        return "exact"

    def distributive(self, before: str, after: str) -> bool:
        words = WORDS.findall(before.lower())
        if words and words[-1] in self.lex.distributive:
            return True
        return bool(EACH_AFTER.match(after)) and self.lex.lang == "en"

    def fill_elliptical(self, items: list[Item], sentence: Sentence) -> list[Item]:
        """Numbers without a weapon count the frame's weapon when a region or 'of these' follows."""
        kept = []
        for index, item in enumerate(items):
            if item.weapon is not None:
                kept.append(item)
                continue
            if counted_nouns.counts_a_noun(self.text, item.end, self.lex.lang):
                continue  # "fires at two enterprises in the Dnipro district": no weapons
            following = items[index + 1].start if index + 1 < len(items) else sentence.end
            previous = kept[-1] if kept else None
            has_place = (
                self.placed(item, following, previous.end if previous else sentence.start)
                or self.dash_predicate(item, following) is not None  # "45 — збито"
                or item.whole  # "All 14 were shot down": all of those named
            )
            opening = item.start - sentence.start <= 2
            if (
                (item.of_these or item.out_of)
                and previous is None
                and not has_place
                and not opening
            ):
                continue
            of_whole = previous is not None and previous.of_whole and previous.weapon
            if of_whole:
                previous.out_of = True  # "з 80 БпЛА збито 60": 80 launched, 60 destroyed
            if (
                item.of_these
                or item.out_of
                or has_place
                or (item.subcount and previous)
                or of_whole
            ):
                source = previous if previous and previous.weapon else None
                named = self.weapon_before(item, sentence)
                if source:
                    item.weapon, item.model = source.weapon, source.model
                elif named is not None:  # "destroyed drones overnight: eight over Kursk ..."
                    item.weapon = named
                elif self.frame_weapon:
                    item.weapon, item.model = self.frame_weapon
                if item.weapon:
                    kept.append(item)
        return kept

    def placed(self, item: Item, next_start: int, previous_end: int) -> bool:
        """A region or sea right after the count, in its own segment, or leading it."""
        end = min(next_start, item.end + 60)
        return (
            any(item.end <= r.start < end for r in self.m.regions)
            or any(item.end <= s[1] < end for s in self.m.seas)
            or self.region_leads(item, previous_end)
        )

    def shares_place(self, item: Item, items: list[Item], index: int) -> bool:
        """The next count is the whole this one is part of ("17 of the 28"), or a weapon
        joined to this one by "and" with nothing between ("ракету і безпілотник")."""
        following = items[index + 1] if index + 1 < len(items) else None
        if following is None:
            return False
        if following.out_of:
            return True
        gap = self.text[item.end : following.start]
        return (
            item.weapon_span is not None
            and following.weapon_span is not None
            and self.lex.joined is not None
            and bool(self.lex.joined.match(gap))
        )

    def joined_after_lead(self, previous: Item | None, item: Item) -> bool:
        """This count is joined by "and" to the one before, whose region leads them both."""
        return (
            previous is not None
            and bool(previous.regions)
            and all(r.end <= previous.start for r in previous.regions)
            and item.weapon_span is not None
            and self.lex.joined is not None
            and bool(self.lex.joined.match(self.text[previous.end : item.start]))
        )

    def dash_predicate(self, item: Item, next_start: int):
        """A claim-type cue right after a dash after the count: "45 — збито", "20 - suppressed"."""
        dash = DASH_AFTER.match(self.text, item.end)
        if dash is None or not dash.group(0).strip():
            return None
        limit = min(dash.end() + 20, next_start)
        return next(
            (t for t in self.m.types if t[0] in COUNT_TYPES and dash.end() <= t[1] < limit), None
        )

    def weapon_before(self, item: Item, sentence: Sentence) -> str | None:
        """The kind of the last weapon the sentence names before the number."""
        kinds = [w[0] for w in self.m.weapons if sentence.start <= w[1] and w[2] <= item.start]
        return kinds[-1] if kinds else None

    def last_chain(self, regions: list[RegionMention], item: Item) -> list[RegionMention]:
        """Of the regions before a count, the list nearest to it ("над Орловской и Ростовской")."""
        start = len(regions) - 1
        while start > 0 and self.chained(regions[start - 1], regions[start], item):
            start -= 1
        return regions[start:]

    def chained(self, first: RegionMention, second: RegionMention, item: Item) -> bool:
        gap = self.text[first.end : second.start]
        loose = item.distributive and len(gap) <= 45 and not DIGIT_OR_STOP.search(gap)
        return bool(CHAIN_GAP.match(gap)) or loose

    def opens_next(self, item: Item, regions: list[RegionMention], next_start: int) -> bool:
        """The regions after a count stand in a later clause, right before the next count
        with a dash ("..., над Московским регионом — ещё 19")."""
        first, last = regions[0], regions[-1]
        if not CLAUSE_BREAK.search(self.text, item.end, first.start):
            return False
        return self.leads(last, next_start)

    def leads(self, region: RegionMention, position: int) -> bool:
        """A region, maybe a dash, then the number at `position` (maybe after "ещё", "по" or
        "another"): "над Московским регионом — ещё 19", "over the Moscow region another 19"."""
        gap = self.text[region.end : position]
        for words in (self.lex.again, self.lex.distributive_before):
            found = words.search(gap) if words is not None else None
            if found:
                gap = gap[: found.start()]
        return bool(LEAD_GAP.search(gap))

    def region_leads(self, item: Item, since: int) -> bool:
        """A region right before the number, since `since`: "над Московским регионом — ещё 19"."""
        return any(
            since <= r.start and r.end <= item.start and self.leads(r, item.start)
            for r in self.m.regions
        )

    def unattached(self, sentence: Sentence, items: list[Item], consumed) -> list[Item]:
        """A weapon word with no number: one when singular, null when plural."""
        found = []
        kinds_counted = {i.weapon for i in items}
        consumed = list(consumed)
        for kind, start, end in self.m.weapons:
            if not (sentence.start <= start < sentence.end) or overlaps((start, end), consumed):
                continue
            partner = self.joined_weapon((kind, start, end))
            if (
                partner is not None
                and "other" not in (kind, partner[0])
                and self.plural(start, end, sentence)[0] is not False  # "уламки ракети та дронів"
                and not any(w in self.lex.vague for w in WORDS.findall(self.text[end : partner[1]]))
            ):
                # "ракетами та дронами": mixed means (artillery beside drones strikes nothing
                # from the air: the drones stay themselves)
                consumed.append((partner[1], partner[2]))
                item = Item(start, partner[2], None, "unspecified", "other")
                item.weapon_span = (start, partner[2])
                if "other" not in kinds_counted:
                    kinds_counted.add("other")
                    found.append(item)
                continue
            before = self.text[max(sentence.start, start - 25) : start].lower()
            definite = self.lex.lang == "en" and DEFINITE_BEFORE.search(before)
            if (
                (kind in kinds_counted and not definite)
                or kind == "other"
                and self.lex.lang != "en"
            ):
                continue
            if any(0 <= w[1] - end <= 1 for w in self.m.weapons):
                continue  # "Shahed drones": let the head noun speak
            attack_noun = False
            if self.lex.lang == "en" and EN_MODIFIER.match(self.text[end : end + 20]):
                attack_noun = EN_ATTACK_NOUN.match(self.text, end) is not None
                if not attack_noun:
                    continue  # "drone production": no weapon used
            before = self.text[max(sentence.start, start - 25) : start].lower()
            # "ракетний удар" counts no missiles, and leaves the missile named after it to count
            strike = bool(self.lex.strikes and self.lex.strikes.match(self.text, start))
            vague = strike or any(w in self.lex.vague for w in WORDS.findall(before)[-3:])
            plural, by_agreement = (None, False) if vague else self.plural(start, end, sentence)
            count = None if (vague or plural is not False) else 1
            if count is None and sentence.bullet and plural is None and not vague:
                count = 1  # a list line naming one weapon: "▪️БпЛА типу «Ланцет»"
            if attack_noun:
                count = None  # "a drone attack": the weapon of an attack, never one piece
            elif self.lex.lang == "en" and count == 1 and not ARTICLE_BEFORE.search(before):
                # "drone strikes" counts none; "artillery", "shelling" (means, not pieces) none
                count = None if plural is not False or kind == "other" else 1
            partner = self.joined_weapon((kind, start, end)) if count is None else None
            if partner is not None and "other" not in (kind, partner[0]):
                # "атакували ракетами та дронами": mixed means, one claim; artillery beside
                # drones strikes no one from the air, the drones' strike stays theirs
                consumed = [*consumed, (partner[1], partner[2])]
                kind, end = "other", partner[2]
            qualifier = "exact" if count else "unspecified"
            earlier = (
                None if count or vague or attack_noun else self.pointed_back(kind, start, sentence)
            )
            if earlier is not None:
                count, qualifier = earlier.count, earlier.qualifier
            item = Item(start, end, count, qualifier, kind, weapon_span=(start, end))
            item.again = bool(self.lex.again.search(before))
            item.by_agreement = by_agreement
            if not strike:
                kinds_counted.add(kind)
            found.append(item)
        return found

    def downed_them(self, sentence: Sentence) -> tuple[int, int] | None:
        """ "Two drones attacked the region. Air defence shot them down": the pronoun next to a
        shoot-down verb, when nothing was shot down before, stands for the launch told before."""
        pattern = self.lex.them
        if pattern is None or any(d.claim_type == "destroyed" for d in self.drafts):
            return None
        for kind, start, end in self.m.types:
            if kind != "destroyed" or not sentence.start <= start < sentence.end:
                continue
            near = (max(sentence.start, start - 25), min(sentence.end, end + 12))
            found = pattern.search(self.text, *near)
            if found is not None:
                return found.start(), found.end()
        return None

    def pointed_back(self, kind: str, start: int, sentence: Sentence) -> Draft | None:
        """ "Two drones attacked the region. Air defence shot the drones down": a plural weapon
        noun pointing back, in a shoot-down sentence, counts the launch told before."""
        pattern = self.lex.anaphora
        if pattern is None or not pattern.search(self.text, max(sentence.start, start - 30), start):
            return None
        if not any(
            t[0] == "destroyed" and sentence.start <= t[1] < sentence.end for t in self.m.types
        ):
            return None
        earlier = [d for d in self.drafts if d.weapon == kind and d.sentence.start < sentence.start]
        if any(d.claim_type == "destroyed" for d in earlier):
            return None  # "ten downed ... first nine attacked ... all of the drones": a restatement
        return next((d for d in reversed(earlier) if d.claim_type == "launched" and d.count), None)

    def after_noun(self, start: int, sentence: Sentence) -> bool:
        previous = WORD_BEFORE.search(self.text[max(sentence.start, start - 30) : start])
        return bool(previous) and parse(previous.group(1).lower(), self.lex.lang).tag.POS == "NOUN"

    def plural(self, start: int, end: int, sentence: Sentence) -> tuple[bool | None, bool]:
        """(plural?, decided only by agreeing words around it)."""
        word = self.text[start:end]
        lang = self.lex.lang
        if lang == "en":
            last = word.split()[-1].lower()
            if last in ("aircraft", "fixed-wing"):
                return None, False
            return last.endswith("s") and last not in ("uas",), False
        adjacent = WORD_BEFORE.search(self.text[max(sentence.start, start - 30) : start])
        if adjacent and can_be_adjective(adjacent.group(1).lower(), lang):
            guess = is_plural(adjacent.group(1), lang)
            if guess is not None:
                return (
                    guess,
                    False,
                )  # "украинский БПЛА", "цілого БпЛА": the adjective agrees with it
        first = word.split()[0]
        if not first.isupper() and len(first) > 3:
            guess = is_plural(first, lang)
            if guess is None and self.after_noun(start, sentence):
                guess = genitive_plural(first, lang)
            return guess, False
        window = self.text[max(sentence.start, start - 40) : min(sentence.end, end + 40)]
        for neighbour in LONG_WORDS.findall(window):
            if neighbour == first:
                continue
            if parse(neighbour.lower(), lang).tag.POS in ("PRTS", "PRTF", "ADJF", "VERB"):
                guess = is_plural(neighbour, lang)
                if guess is not None:
                    return guess, True
        return None, True

    # ---- claim types and regions ------------------------------------------
    def clause_bounds(self, position: int, sentence: Sentence) -> tuple[int, int]:
        text = self.text
        left = sentence.start
        if position <= sentence.end:  # the sentence's breaks, found once: the last one before
            ends = self.clause_breaks.get((sentence.start, sentence.end))
            if ends is None:
                ends = [m.end() for m in CLAUSE_BREAK.finditer(text, sentence.start, sentence.end)]
                self.clause_breaks[(sentence.start, sentence.end)] = ends
            before = bisect_right(ends, position)
            left = ends[before - 1] if before else left
        else:
            for match in CLAUSE_BREAK.finditer(text, sentence.start, position):
                left = match.end()
        right_match = CLAUSE_BREAK.search(text, position, sentence.end)
        right = right_match.start() if right_match else sentence.end
        return left, right

    def type_for(self, item: Item, next_start: int, sentence: Sentence):
        if item.strikes:
            return "hit", None
        types = [
            t for t in self.m.types if sentence.start <= t[1] < sentence.end and t[0] in COUNT_TYPES
        ]
        clause_start, _clause_end = self.clause_bounds(item.start, sentence)
        before_debris = [
            t
            for t in types
            if t[0] == "debris" and 0 <= item.start - t[2] <= 60 and t[1] >= clause_start
        ]
        if before_debris:
            return "debris", before_debris[-1]
        covering = [t for t in types if t[1] <= item.start and item.end <= t[2]]
        if covering:  # a cue phrase that takes in the weapon: "дрон впав", "частини ракети"
            return covering[0][0], covering[0]
        opening = [t for t in types if item.start < t[1] < item.end and t[0] == "debris"]
        if opening:  # a fall that opens at the counted noun: "ще один безпілотник впав"
            return opening[0][0], opening[0]
        if item.out_of:
            return "launched", None
        counting = [t for t in types if t[1] <= item.start < t[2]]
        if counting:  # the count inside the cue: "завдав шість ударів ФАБами"
            return counting[0][0], counting[0]
        said = self.dash_predicate(item, next_start) if item.weapon_span is None else None
        if said:  # "з них 45 — збито, 20 — …": the dash brings the count its predicate
            return said[0], said
        governing = [t for t in types if t[2] <= item.start and self.governs(t[2], item.start)]
        if governing:  # "влучання 11 БпЛА …, падіння уламків …": the word right before governs
            return governing[-1][0], governing[-1]
        left, right = self.clause_bounds(item.end, sentence)
        forward = [t for t in types if item.end <= t[1] < min(right, next_start)]
        if forward:
            return forward[0][0], forward[0]
        backward = [t for t in types if t[2] <= item.start]
        if backward:
            return backward[-1][0], backward[-1]
        later = [t for t in types if t[1] >= item.end]
        if later:
            return later[0][0], later[0]
        return None, None

    def governs(self, cue_end: int, count_start: int) -> bool:
        """Nothing but a qualifier between a cue and the count ("влучання понад 11 БпЛА"), or a
        preposition that links them ("hits by 11 drones")."""
        gap = self.text[cue_end:count_start]
        links = numerals.counting(self.lex.lang).get("cue_links") or ()
        return not gap.strip() or gap.strip().lower() in links or (
            len(gap.split()) <= 2 and self.qualifier(gap.lower() + " ") != "exact"
        )

    def place_of(self, item: Item, next_start: int, previous_end: int, sentence: Sentence, used=()):
        """Regions and seas in the item's own segment, else just before it (not those of the
        item before). Regions that open the next count's clause are the next count's: "над
        Орловской и Ростовской уничтожены по 14, над Московским регионом — ещё 19"."""
        end = min(next_start, sentence.end)
        regions = [
            r
            for r in self.m.regions
            if item.end <= r.start < end and not overlaps((r.start, r.end), self.title_regions)
        ]
        if regions and self.opens_next(item, regions, next_start):
            regions, end = [], regions[0].start
        seas = [s for s in self.m.seas if item.end <= s[1] < end]
        multi = [s for s in self.m.multi if item.end <= s[0] < end]
        if not regions and not seas and not multi:
            lo = max(previous_end, sentence.start)
            taken = [(r.start, r.end) for r in used]
            regions = [
                r
                for r in self.m.regions
                if lo <= r.start < item.start
                and not overlaps((r.start, r.end), self.title_regions)
                and not overlaps((r.start, r.end), taken)
            ]
            regions = self.last_chain(regions, item)  # "Голова ... Київської ..., що над Києвом"
            seas = [s for s in self.m.seas if lo <= s[1] < item.start]
            multi = [s for s in self.m.multi if lo <= s[0] < item.start]
        unique, seen = [], set()
        for region in regions:
            if unique and not self.chained(unique[-1], region, item):
                break
            if region.code not in seen:
                seen.add(region.code)
                unique.append(region)
        return unique, seas, bool(multi)

    # ---- assembling ----------------------------------------------------------
    def run(self) -> list[Draft]:
        claimants = Attribution(
            self.text, self.lex, self.sentences, self.index, self.all.claimants, self.all.regions
        ).sentence_claimants()
        header_pending = None
        for index, sentence in enumerate(self.sentences):
            self.m = self.index.window(sentence.start, sentence.end)
            self.title_regions = [(c.start, c.end) for c in self.m.claimants if c.kind == "title"]
            claimant = claimants[index]
            if claimant is not None and claimant.kind == "bare":
                claimant = None
            if opens_recap(claimants, index):
                # "Як повідомлялося, …", "As reported, …": other news, told anew; the weapon
                # of what came before does not carry into it
                self.frame_weapon, self.recap_start = None, sentence.start
            cue_places = find_places(sentence.text, self.lex.lang, sentence.start)
            quiet = self.quiet(sentence)
            self.named = [] if quiet else self.named_places(sentence, claimant, cue_places)
            cumulative = bool(
                within(self.m.cumulative, sentence.start, sentence.end, key=lambda s: s)
            )
            items = [] if quiet else self.items_in(sentence)
            made = self.count_claims(sentence, items, claimant, cumulative)
            counted = [d for d in made if d.count is not None]
            if (
                sentence.text.rstrip().endswith(":")
                and not counted
                and self.sentence_has_type(sentence)
            ):
                header_pending = (sentence, claimant, [])
            elif header_pending is not None and made and all(d.admin1 or d.sea for d in made):
                header_pending[2].extend(made)
            elif header_pending is not None:
                self.close_header(header_pending)
                header_pending = None
            if not quiet:
                self.local_claims_by_speaker(sentence, items, claimant)
                self.strike_counts(sentence, claimant)
            self.attach_window(sentence, claimant, made)
            self.attach_places(sentence, claimant, made, cue_places)
            self.update_frame(sentence, items)
        if header_pending is not None:
            self.close_header(header_pending)
        self.drop_exercise_launches()
        kept = breakdown.without_rounded_repeats(self.without_unplaced_repeats())
        kept = breakdown.without_model_parts(kept)
        breakdown.check_totals(kept)
        drafts = constructions.struck(kept, claimant_of, self.text, self.lex.lang)
        drafts = constructions.repelled(drafts, claimant_of, self.text, self.lex.lang)
        return constructions.absorbed(drafts, claimant_of)

    def quiet(self, sentence: Sentence) -> bool:
        """Nothing here can make a claim: no number, weapon, cue, person or "all of them"."""
        m = self.m
        if m.numbers or m.weapons or m.types or m.no_casualties or m.people or m.models:
            return False
        lowered = sentence.text.lower()
        return not (
            ("они" in lowered or "all of" in lowered)
            and ALL_OF_THEM.search(self.text, sentence.start, sentence.end)
        )

    def drop_exercise_launches(self) -> None:
        """Launches and impacts told from a test launch or an exercise on, within its paragraph,
        are no attack ("a test launch ... the missile was fired from a silo ... it landed")."""
        if not self.all.exercises:
            return
        first = {}  # paragraph -> where its first mention of a test or an exercise starts
        for start, _end in self.all.exercises:
            sentence = next((s for s in self.sentences if start < s.end), self.sentences[-1])
            first.setdefault(sentence.paragraph, sentence.start)
        self.drafts = [
            d
            for d in self.drafts
            if not (
                d.claim_type in ("launched", "hit")
                and d.sentence.start >= first.get(d.sentence.paragraph, len(self.text))
            )
        ]

    def without_vague_repeats(self) -> list[Draft]:
        """A null-count claim repeats a counted one of the same type and weapon (headline "drones downed")."""
        kept = []
        for draft in self.drafts:
            if (
                draft.count is None
                and draft.claim_type in ("destroyed", "launched")
                and any(
                    other.count is not None
                    and other.claim_type == draft.claim_type
                    and other.weapon == draft.weapon
                    and (draft.admin1 is None or other.admin1 == draft.admin1)
                    for other in self.drafts
                )
            ):
                continue
            kept.append(draft)
        return kept

    def without_unplaced_repeats(self) -> list[Draft]:
        """A figure told with its region and again with none (a headline "сбили над Севастополем
        четыре ракеты", then "четыре ракеты были сбиты"; "a drone was downed over X ... the
        drone was jammed"): one claim, the placed one. A total with parts is no repeat."""
        kept = self.without_vague_repeats()
        parents = {id(d.parent) for d in kept if d.parent is not None}
        placed = [d for d in kept if d.admin1 is not None and d.count is not None]
        return [
            d
            for d in kept
            if not (
                d.count is not None
                and d.admin1 is None
                and d.sea is None
                and d.parent is None
                and id(d) not in parents
                and any(
                    (o.claim_type, o.weapon, o.count) == (d.claim_type, d.weapon, d.count)
                    and (None in (o.model, d.model) or o.model == d.model)
                    and same_voice(o.claimant, d.claimant)
                    for o in placed
                )
            )
        ]

    def sentence_has_type(self, sentence: Sentence) -> bool:
        return any(
            sentence.start <= t[1] < sentence.end and t[0] in COUNT_TYPES for t in self.m.types
        )

    def close_header(self, pending) -> None:
        """A list of per-region lines under a header with no total: the total is their sum."""
        sentence, claimant, lines = pending
        lines = [
            d
            for d in lines
            if d.parent is None
            and d.count is not None
            and ("admin1" in d.evidence or "sea" in d.evidence)
        ]
        if len(lines) < 2:
            return
        first = lines[0]
        total = Draft(
            first.claim_type,
            first.weapon,
            sum(d.count for d in lines),
            "exact",
            None,
            sentence,
            claimant,
        )
        total.model, total.is_total, total.confidence = first.model, True, 0.7
        total.evidence = {"claim": (sentence.start, lines[-1].sentence.end)}
        position = self.drafts.index(first)
        self.drafts.insert(position, total)
        for draft in lines:
            draft.parent = total

    def update_frame(self, sentence: Sentence, items: list[Item]) -> None:
        for item in items:
            if item.claim_type:
                self.frame_type = item.claim_type
            if item.weapon:
                self.frame_weapon = (item.weapon, item.model)
        if items and all(item.count is None for item in items):
            weapons = [w for w in self.m.weapons if sentence.start <= w[1] < sentence.end]
            # "дронами та артилерією": what follows mixes them
            if self.means_of(weapons) == "other":
                self.frame_weapon = ("other", None)
        if not items:
            cues = [
                t
                for t in self.m.types
                if sentence.start <= t[1] < sentence.end and t[0] in COUNT_TYPES
            ]
            if cues:
                self.frame_type = cues[-1][0]
            weapons = [w for w in self.m.weapons if sentence.start <= w[1] < sentence.end]
            if weapons:
                self.frame_weapon = (self.means_of(weapons), None)
        if self.mixed_means(sentence) and not any(i.count_span for i in items):
            self.frame_weapon = ("other", None)
        regions = [r for r in self.m.regions if sentence.start <= r.start < sentence.end]
        if len({r.code for r in regions}) == 1:
            self.frame_region, self.frame_end = regions[0].code, sentence.end

    def negated(self, item: Item, sentence: Sentence) -> bool:
        return self.negated_at(item.start, sentence)

    def negated_at(self, position: int, sentence: Sentence) -> bool:
        """A plan, a threat, production or a denial in the clause around `position`, or an
        assessment or aid to come ("комиссия оценит"); or a request or advice before it
        ("просят не подходить к обломкам")."""
        left, right = self.clause_bounds(position, sentence)
        if any(left <= s < right for s, _e in self.m.negation):
            return True
        if constructions.lost_in_clause(self.text, left, right, self.lex.lang):
            return True
        requested = any(left <= s and e <= position for s, e in self.places.requests)
        return requested or any(left <= s < right for s, _e in self.places.assessments)

    def by_construction(self, item: Item, claim_type, cue):
        """The decision table's word on the type found (lang/constructions.yaml): a launch
        participle describing the weapon gives way to the verb before it, one weapon that
        attacked something struck it."""
        lang = self.lex.lang
        if (
            claim_type == "launched"
            and cue is not None
            and constructions.describes_weapon(
                self.text,
                item.end,
                cue[1],
                lang,
                constructions.all_of(self.text, item, self.lex.all_words),
            )
        ):
            governing = [
                t
                for t in self.m.types
                if t[2] <= item.start and t[0] in COUNT_TYPES and t[0] != "launched"
            ]
            if governing:
                return governing[-1][0], governing[-1]
        if item.count_span is None and constructions.countless_launch(
            self.text, cue, lang, counted=False
        ):
            item.count, item.qualifier = None, "unspecified"  # "атака БПЛА" alone: no count
        counted = constructions.counted_attack(self.text, item, cue, lang)
        if claim_type == "launched" and counted:
            return counted, cue
        if claim_type in (None, "launched"):
            verb = constructions.subject_weapon_struck(
                self.text, item, lang
            ) or constructions.agent_weapon_struck(self.text, item, lang)
            if verb is not None:
                return "hit", ("hit", *verb)
        return claim_type, cue

    def count_claims(self, sentence, items, claimant, cumulative) -> list[Draft]:
        made: list[Draft] = []
        previous_end = sentence.start
        previous_item = None
        for index, item in enumerate(items):
            next_start = items[index + 1].start if index + 1 < len(items) else sentence.end
            claim_type, cue = self.by_construction(item, *self.type_for(item, next_start, sentence))
            opens_line = sentence.line_start and item.start - sentence.start <= 3
            listed = sentence.bullet or (
                item.count_span is not None and (opens_line or item.of_these)
            )
            if claim_type is None and (listed or previous_item):
                claim_type = previous_item.claim_type if previous_item else self.frame_type
            if (
                claim_type in (None, "launched")
                and self.strike_headers.get(sentence.start, item.start) < item.start
            ):
                claim_type = "hit"  # a count listed after "N ударов:"
            if claim_type is None and breakdown.continues_list(
                item, self.frame_type, self.placed(item, next_start, previous_end)
            ):
                claim_type = self.frame_type  # the list goes on past a full stop
            targeted = TARGET_PLACE.search(sentence.text) or (
                cue
                and ATTACK_VERB.match(self.text, cue[1])
                and not WIDE_TARGET.search(sentence.text)
            )
            if (
                claim_type == "launched"
                and item.count is None
                and ((targeted and self.lex.lang in ("ru", "uk")) or (cue and self.aims_at(cue[2])))
            ):
                claim_type = "hit"  # an attack on a named town: a strike there
            if (
                claim_type is None
                or (
                    claim_type == "destroyed"
                    and constructions.cleanup_far(
                        self.text, sentence.start, item, cue, self.lex.lang
                    )
                )
                or self.negated(item, sentence)
                or (cue is not None and self.negated_at(cue[1], sentence))  # "ways to destroy"
                or (
                    claim_type == "launched"
                    and item.count is None
                    and not constructions.countless_launch(self.text, cue, self.lex.lang)
                    and not (
                        constructions.attack_verb(self.text, cue, self.lex.lang)
                        and (
                            any(sentence.start <= r.start < sentence.end for r in self.m.regions)
                            or WIDE_TARGET.search(sentence.text)
                        )
                    )  # "атаковали область беспилотниками": attacked an area named
                )
                or (
                    claim_type in ("hit", "debris")
                    and cue
                    and NEGATED_AFTER.match(self.text, cue[2])
                )
            ):
                previous_end = item.end
                continue
            item.claim_type = claim_type
            if claim_type == "debris" and item.by_agreement:
                # "обломки БПЛА упали": the verb agrees with the debris, not the weapon; the
                # debris of the one weapon shot down just before is of one
                item.count = self.debris_count(item.weapon)
                item.qualifier = "exact" if item.count else "unspecified"
            item.type_span = (cue[1], cue[2]) if cue else None
            following = next((n.start for n in self.m.numbers if n.start >= item.end), None)
            model = self.model_near(item.start, item.end, sentence, following)
            if model and model[1] == item.weapon:
                item.model = model[0]
            elif model and model[1] == "other" and item.weapon == "missile":
                # "четыре снаряда РСЗО HIMARS", "HIMARS rockets": rocket artillery, not missiles
                item.weapon, item.model = "other", model[0]
            used = previous_item.regions if previous_item is not None else ()
            regions, seas, multi = self.place_of(item, next_start, previous_end, sentence, used)
            if not (regions or seas or multi) and self.shares_place(item, items, index):
                # "17 of the 28 drones over X", "одну ракету і безпілотник над X": both over X
                after_next = items[index + 2].start if index + 2 < len(items) else sentence.end
                regions, seas, multi = self.place_of(item, after_next, previous_end, sentence, used)
            if item.out_of and not (regions or seas) and previous_item is not None:
                regions, seas = previous_item.regions, previous_item.seas  # "над X збито 17 з 28"
            if not (regions or seas or multi) and self.joined_after_lead(previous_item, item):
                regions = previous_item.regions  # "атакував Одещину 4 ракетами та 10 дронами"
            if (
                item.of_these
                and item.weapon_span is None
                and previous_item is not None
                and cue is not None
                and cue[1] < previous_item.start
                and claim_type == previous_item.claim_type
                and not (regions or seas)  # "75 drones, 26 of them over X": a part of them
            ):
                previous_end = item.end
                continue
            if (
                (item.subcount or item.of_these)
                and previous_item is not None
                and (previous_item.regions or previous_item.seas)
            ):
                previous_end = item.end
                continue
            if breakdown.kind_of_whole(item, previous_item, regions or seas or multi):
                previous_end = item.end  # "запустив 50 дронів, з них 30 — шахеди": by kind
                continue
            parts = []
            if not item.of_these:  # "one of them was the Voronezh region": its own place
                regions, parts = breakdown.named_parts(
                    self.text, item.end, regions, self.lex.subcount
                )
            item.regions, item.seas, item.multi = regions, seas, multi
            drafts = self.drafts_for(item, sentence, claimant, cumulative)
            for draft in drafts:
                draft.kinds = self.launched_kinds(item)
            made.extend(drafts)
            if constructions.all_launched(
                self.text, item, claim_type, self.lex.all_words, self.lex.lang
            ):
                total = replace(item, claim_type="launched", type_span=None)
                made.extend(self.drafts_for(total, sentence, claimant, cumulative))
            for region in parts:  # "including the Moscow region": a part of unknown count
                part = replace(item, count=None, qualifier="unspecified", count_span=None)
                part.regions, part.seas, part.distributive = [region], [], False
                made.extend(self.drafts_for(part, sentence, claimant, cumulative))
            previous_end = item.end
            previous_item = item
        return made

    def launched_kinds(self, item: Item) -> tuple[str, ...]:
        """ "Атакувала ракетами і дронами" with no figure: the kinds the launch of mixed means
        names, each a launch of its own unless its outcome absorbs it (`absorbed`); hits,
        debris and damage of mixed means stay `other`, as nothing tells which kind did them."""
        if not (
            item.claim_type == "launched"
            and item.count is None
            and item.weapon == "other"
            and item.weapon_span is not None
        ):
            return ()
        start, end = item.weapon_span
        kinds = tuple(dict.fromkeys(w[0] for w in self.m.weapons if start <= w[1] < end))
        return kinds if len(kinds) > 1 and "other" not in kinds else ()

    def drafts_for(self, item: Item, sentence, claimant, cumulative) -> list[Draft]:
        places = [(r.code, None, r) for r in item.regions] + [(None, s[0], s) for s in item.seas]
        if len(places) > 1 and not item.distributive:
            places = []
        drafts = []
        if not places and not item.multi:
            fallback = self.implied_region(item, sentence, claimant)
            if fallback is not None:
                if self.district_line(item, sentence, claimant, fallback):
                    return []
                places = [(fallback, None, None)]
        if not places:
            places = [(None, None, None)]
        for code, sea, mention in places:
            draft = Draft(
                item.claim_type, item.weapon, item.count, item.qualifier, code, sentence, claimant
            )
            draft.model, draft.sea, draft.cumulative = item.model, sea, cumulative
            draft.evidence = {"claim": (sentence.start, sentence.end)}
            if item.count_span:
                draft.evidence["count"] = item.count_span
            if item.weapon_span:
                draft.evidence["weapon"] = item.weapon_span
            if item.type_span:
                draft.evidence["claim_type"] = item.type_span
            if isinstance(mention, RegionMention):
                draft.evidence["admin1"] = (mention.start, mention.end)
                draft.region_text = mention.text
            elif mention is not None:
                draft.evidence["sea"] = (mention[1], mention[2])
                draft.region_text = self.text[mention[1] : mention[2]]
            if (
                code is None
                and sea is None
                and item.claim_type in ("hit", "debris")
                and not item.multi
            ):
                code, local_mention = self.local_region(sentence, claimant)
                draft.admin1 = code
            draft.is_total = code is None and sea is None and item.count is not None
            draft.uncertain_region = (
                code is None and sea is None and not item.multi and len(item.regions) < 2
            )
            draft.again = item.again
            draft.confidence = 0.9 if item.count_span and item.type_span else 0.7
            drafts.append(draft)
            self.link_parent(draft)
            self.add(draft)
        return drafts

    def implied_region(self, item: Item, sentence: Sentence, claimant) -> str | None:
        """No region named for the count: the speaker's region, or the one 'the region' refers to."""
        segment = self.text[sentence.start : sentence.end]
        if REGION_WORD.search(segment) and self.frame_region:
            return self.frame_region
        if claimant is not None and claimant.admin1:
            return claimant.admin1
        return None

    def district_line(self, item: Item, sentence: Sentence, claimant, code: str) -> bool:
        """'three in the X district, two in Y': parts of a region's count already made."""
        if not DISTRICT_WORD.search(sentence.text):
            return False
        name = claimant.claimant if claimant else None
        for draft in self.drafts:
            if (
                (draft.claim_type, draft.weapon, draft.admin1, claimant_of(draft))
                == (item.claim_type, item.weapon, code, name)
                and draft.count is not None
                and (item.count is None or draft.count > item.count)
            ):
                known = {p.normal for p in draft.places}
                draft.places.extend(
                    p
                    for p in find_places(sentence.text, self.lex.lang, sentence.start)
                    if p.normal not in known
                )
                return True
        return False

    def link_parent(self, draft: Draft) -> None:
        key = (draft.claimant.claimant if draft.claimant else None, draft.claim_type, draft.weapon)
        if draft.is_total:
            self.open_totals[key] = draft
            return
        total = self.open_totals.get(key)
        if total is None or draft.count is None or total.count is None:
            return
        if total.children_sum + draft.count <= total.count:
            draft.parent = total
            total.children_sum += draft.count

    def add(self, draft: Draft) -> None:
        """Append, merging into an earlier claim with the same key (headline and body)."""
        for other in self.drafts:
            if headline_placed_by(other, draft):
                # "Над российским регионом сбиты два дрона" then "над Смоленской областью сбиты
                # два дрона, сообщил губернатор": the headline's figure, now placed and voiced
                other.admin1, other.claimant = draft.admin1, draft.claimant
                other.region_text = other.region_text or draft.region_text
                other.model = other.model or draft.model
                other.places.extend(p for p in draft.places if p.normal not in known(other))
                return
            if fpv_apart(other, draft):
                continue
            if same_key(other, draft) and not another_event(draft):
                other.model = other.model or draft.model  # the lead's figure, its model named later
                other.claimant = other.claimant or draft.claimant  # and its speaker
                if (
                    draft.claim_type == "debris"
                    and getattr(draft, "again", False)
                    and other.count
                    and draft.count
                ):
                    other.count += draft.count
                other.places.extend(
                    p for p in draft.places if p.normal not in {q.normal for q in other.places}
                )
                if draft.parent is not None and draft.parent.children_sum and draft.count:
                    draft.parent.children_sum -= draft.count
                return
            same_model = other.model == draft.model or (
                None in (other.model, draft.model)
                and (
                    draft.claim_type == "debris"
                    # a hit with no figure and one with a figure: the lead and its detail;
                    # two hits with no figure, by an FPV drone and by a drone, stay two
                    or (
                        draft.claim_type == "hit" and (other.count is None) != (draft.count is None)
                    )
                    # two count-less strikes, by Shaheds and by drones: one (an FPV strike
                    # stays apart, `fpv_apart`)
                    or (
                        draft.claim_type == "hit"
                        and other.count is None
                        and draft.count is None
                        and "FPV" not in (other.model, draft.model)
                    )
                )
            )
            same_place = same_model and (
                other.claim_type,
                other.weapon,
                other.admin1,
                other.sea,
                claimant_of(other),
            ) == (
                draft.claim_type,
                draft.weapon,
                draft.admin1,
                draft.sea,
                claimant_of(draft),
            )
            if same_place and draft.count is None:
                other.places.extend(
                    p for p in draft.places if p.normal not in {q.normal for q in other.places}
                )
                return
            if same_place and other.model is None and draft.model is not None:
                other.model = draft.model
                if (
                    other.count == draft.count
                    and not draft.again
                    and not listed_apart(other, draft)
                ):
                    other.places.extend(  # the same figure again, now with its model named
                        p for p in draft.places if p.normal not in {q.normal for q in other.places}
                    )
                    return
            if same_place and other.count is None and draft.claim_type == "debris":
                other.places.extend(  # debris of an unknown number, then of one at some site:
                    p for p in draft.places if p.normal not in {q.normal for q in other.places}
                )  # still unknown how many weapons in all
                return
            if same_place and other.count is None and draft.claim_type == "hit":
                # strikes of unknown number, then "a drone hit X"; but the one weapon named in
                # the strike's own sentence counts it ("ракетного удару, імовірно ракетою")
                if "count" not in draft.evidence and draft.sentence is not other.sentence:
                    other.places.extend(p for p in draft.places if p.normal not in known(other))
                    return
                other.count, other.qualifier = draft.count, draft.qualifier
                if draft.again and draft.count:
                    other.count = draft.count + 1
                other.evidence.update(draft.evidence)
                return
        self.drafts.append(draft)

    # ---- local claims: damage, casualties, hits and debris without a figure ----
    def local_claims_by_speaker(self, sentence: Sentence, items: list[Item], claimant) -> None:
        """ "..., while the governors of the Kyiv, Poltava and Kirovohrad regions reported no
        casualties": from the plural title on, each governor says it of their own region."""
        found = self.plural_title(sentence)
        if found is None:
            self.local_claims(sentence, items, claimant)
            return
        title, match, regions = found
        offset = match.start() - sentence.start
        if offset > 0:
            head = replace(sentence, end=match.start(), text=sentence.text[:offset])
            self.local_claims(head, items, claimant)
        tail = replace(sentence, start=match.start(), text=sentence.text[offset:])
        for mention in regions:
            speaker = claimant_rules.ClaimantMention(
                mention.start,
                mention.end,
                claimant_rules.title_claimant(title, mention.code, self.lex.lang),
                mention.code,
                mention.code.split("-")[0],
                "title",
                title,
            )
            self.local_claims(tail, items, speaker)

    def plural_title(self, sentence: Sentence):
        """A plural title and the chain of regions right after it, each as its region (a city's
        name in "the Kyiv and Poltava regions" names its region)."""
        for title, pattern in self.lex.plural_titles:
            match = pattern.search(self.text, sentence.start, sentence.end)
            if match is None:
                continue
            chain, cursor = [], match.end()
            for mention in sorted(self.m.regions, key=lambda r: r.start):
                if mention.start < cursor:
                    continue
                if not TITLE_CHAIN_GAP.fullmatch(self.text, cursor, mention.start):
                    break
                chain.append(mention)
                cursor = mention.end
            if len(chain) < 2:
                continue
            nouns = tuple(numerals.counting(self.lex.lang).get("region_nouns") or ())
            if chain[-1].text.lower().endswith(nouns):
                chain = [self.as_region(m, nouns) for m in chain]
            return title, match, chain
        return None

    def as_region(self, mention: RegionMention, nouns: tuple) -> RegionMention:
        """ "Kyiv" in "the Kyiv and Poltava regions": the region of that name."""
        if mention.text.lower().endswith(nouns):
            return mention
        found = find_regions(f"{mention.text} {nouns[0]}", self.lex.lang)
        return replace(mention, code=found[0].code) if found else mention

    def local_claims(self, sentence: Sentence, items: list[Item], claimant) -> None:
        start, end = sentence.start, sentence.end
        types = [t for t in self.m.types if start <= t[1] < end]
        no_cas = [
            s
            for s in within(self.m.no_casualties, start, end, key=lambda s: s)
            if not self.no_reports(s, sentence)
        ]
        if not types and not no_cas:
            return  # no cue: neither damage, a hit, debris nor a casualty figure
        no_damage = within(self.m.no_damage, start, end, key=lambda s: s)
        weapon = self.sentence_weapon(sentence)
        region, region_mention = self.local_region(sentence, claimant)
        counted_types = {i.claim_type for i in items if i.claim_type}
        for kind, t_start, t_end in types:
            if kind == "damage" and self.negated_at(t_start, sentence):
                continue
            if kind == "damage" and not overlaps((t_start, t_end), no_damage + no_cas):
                self.local(
                    sentence, "damage", weapon, region, region_mention, claimant, (t_start, t_end)
                )
                break
        for kind, t_start, t_end in types:
            if kind != "injured":
                continue
            chain = [r for r in self.m.regions if t_end <= r.start < end]
            if (
                chain
                and chain[0].start - t_end <= 3
                and parse(self.text[t_start:t_end].lower(), self.lex.lang).tag.POS
                in ("VERB", "PRTS")
            ):
                for mention in chain:
                    self.local(
                        sentence,
                        "damage",
                        weapon,
                        mention.code,
                        mention,
                        claimant,
                        (t_start, t_end),
                    )
        header = sentence.text.rstrip().endswith(":")
        debris_cues = [t for t in types if t[0] == "debris"]
        for kind, t_start, t_end in self.attacks_as_hits(types, sentence, no_damage + no_cas):
            hit_weapon = weapon
            if kind == "debris" and self.kinds_before(sentence) > 1:
                hit_weapon = "other"  # "the debris damaged windows" after missiles and drones
            if kind == "hit_other":
                kind, hit_weapon = "hit", "other"
            if NEGATED_AFTER.match(self.text, t_end):
                continue
            if kind in ("hit", "debris") and self.negated_at(t_start, sentence):
                continue
            if kind == "debris" and counted_nouns.debris_of_something_else(
                self.text, t_end, self.m.weapons, debris_cues, self.lex.lang
            ):
                continue  # "фрагменты конструкции": the structure broke, no weapon fell
            if kind == "hit" and overlaps((t_start, t_end), no_damage):
                continue  # "there were no hits to civilian infrastructure"
            if kind == "hit" and any(
                d[2] <= t_start and d[1] >= self.clause_bounds(t_start, sentence)[0]
                for d in debris_cues
            ):
                continue  # "уламки впали на ...": debris falling, not a strike
            if (
                kind in ("hit", "debris")
                and kind not in counted_types
                and hit_weapon is not None
                and not header
            ):
                count = self.debris_count(weapon) if kind == "debris" else None
                if count is None and PRONOUN_SUBJECT.match(sentence.text) and self.frame_weapon:
                    count = 1
                self.local(
                    sentence,
                    kind,
                    hit_weapon,
                    region,
                    region_mention,
                    claimant,
                    (t_start, t_end),
                    count,
                )
                counted_types.add(kind)
        verb = self.attacked_with_harm(types, items, sentence, no_damage + no_cas)
        if verb is not None and "hit" not in counted_types and not header:
            named = any(sentence.start <= w[1] < sentence.end for w in self.m.weapons)
            self.local(
                sentence,
                "hit",
                weapon if named else "other",
                region,
                region_mention,
                claimant,
                (verb[1], verb[2]),
            )
        self.bare_shootdown(sentence, items, types, claimant, region, region_mention, header)
        killed, injured, evidence = self.casualty_figures(sentence, no_cas)
        if killed is not None or injured is not None:
            earlier = self.lex.earlier and self.lex.earlier.match(sentence.text)
            draft = self.local(
                sentence,
                "casualties",
                weapon,
                region,
                region_mention,
                claimant,
                evidence.get("claim_type"),
                # an earlier count ("Раніше він повідомляв про …") is its own claim
                apart=(lambda d: d.claim_type == "casualties")
                if earlier
                else none_hurt_apart(killed, injured),
            )
            if draft is not None:
                if killed is not None:
                    draft.killed = max(killed, draft.killed or 0) if draft.killed else killed
                if injured is not None:
                    draft.injured = max(injured, draft.injured or 0) if draft.injured else injured
                draft.evidence.update({k: v for k, v in evidence.items() if k != "claim_type"})

    def bare_shootdown(self, sentence, items, types, claimant, region, region_mention, header):
        """A shoot-down said with no weapon and no figure ("Є збиття", "Цілі були збиті") is
        a destroyed claim of no count for the weapon the report attacks with."""
        if items or header or self.frame_weapon is None:
            return
        if any(sentence.start <= w[1] < sentence.end for w in self.m.weapons):
            return
        for kind, t_start, t_end in types:
            if kind != "destroyed" or self.negated_at(t_start, sentence):
                continue
            if not (self.lex.shootdown and self.lex.shootdown.match(self.text, t_start)):
                continue  # "знищено автівки", "пожежу ліквідували": no shoot-down
            if NEGATED_AFTER.match(self.text, t_end):
                continue
            self.local(
                sentence,
                "destroyed",
                self.frame_weapon[0],
                region,
                region_mention,
                claimant,
                (t_start, t_end),
            )
            return

    def strike_counts(self, sentence: Sentence, claimant) -> None:
        """ "N strikes", "attacked N times", "hits in N districts": a hit of N with the weapon
        named (lang/constructions.yaml `n_strikes`, `hits_in_places`), beside any hit of
        another figure."""
        for number in self.m.numbers:
            span = constructions.strikes_after(
                self.text, number.end, self.lex.lang
            ) or constructions.hits_in_places(self.text, number.start, number.end, self.lex.lang)
            if (
                span is None
                or (span[2] and not self.strike_verb(number.start, sentence))
                or self.negated_at(number.start, sentence)
            ):
                continue
            if self.kinds_after(span[1], sentence) > 1:
                continue  # "15 ударов: 9 FPV-дронов, 4 КАБа и 2 ракеты": the parts are the hits
            region, mention = self.local_region(sentence, claimant)
            value = number.value
            model = self.model_near(number.start, span[1], sentence)
            probe = Draft("hit", None, value, "exact", region, sentence, claimant)
            probe.model = model[0] if model else None
            draft = self.local(
                sentence,
                "hit",
                self.sentence_weapon(sentence),
                region,
                mention,
                claimant,
                span[:2],
                apart=lambda d, value=value, probe=probe: d.count not in (None, value)
                or fpv_apart(d, probe),
            )
            if draft is None:
                continue
            before = self.text[max(sentence.start, number.start - 30) : number.start]
            draft.count, draft.qualifier = value, self.qualifier(before)
            draft.evidence["count"] = (number.start, number.end)
            if model and model[1] == draft.weapon:
                draft.model = model[0]
            draft.confidence = 0.8

    def attacked_with_harm(self, types, items, sentence: Sentence, none_said):
        """ "The Russian army attacked Zaporizhzhia, buildings were damaged": an attack verb
        with no count and harm in its sentence is a strike there (weapon `other` when none is
        named in the sentence)."""
        if any(i.count is not None for i in items) or not self.harmed(types, sentence, none_said):
            return None
        verbs = constructions.attack_words(self.lex.lang)
        return next(
            (
                t
                for t in types
                if t[0] == "launched" and verbs.fullmatch(self.text, t[1], t[2]) is not None
            ),
            None,
        )

    def harmed(self, types, sentence: Sentence, none_said) -> bool:
        """Killed, injured or damage stated in the sentence (not "no one was hurt")."""
        return any(
            kind in ("killed", "injured", "damage")
            and not overlaps((t_start, t_end), none_said)
            and not (kind == "damage" and self.negated_at(t_start, sentence))
            and not any(0 <= r.start - t_end <= 3 for r in self.m.regions)
            for kind, t_start, t_end in types
        )

    def no_reports(self, span: tuple[int, int], sentence: Sentence) -> bool:
        """ "Fortunately, no injuries were reported": with no one named in the sentence, an
        absence of reports (the guideline's "no reports of casualties"), not a claim of none."""
        after = self.lex.reported_after
        return (
            after is not None
            and after.match(self.text, span[1]) is not None
            and not any(sentence.start <= c.start < sentence.end for c in self.m.claimants)
        )

    def attacks_as_hits(self, types, sentence: Sentence, none_said) -> list:
        """A drone or missile attack that killed, injured or damaged something is a hit ("a
        drone attack on Odesa injured five", "в результате атаки БПЛА повреждена кровля": the
        guideline's attack that caused damage or injuries); an attack with no harm stated is
        left alone, and so is one after which regions "suffered" (that is damage in each)."""
        if not any(t[0] == "attack" for t in types):
            return types
        harm = self.harmed(types, sentence, none_said)
        named = any(sentence.start <= w[1] < sentence.end for w in self.m.weapons)
        hits = []
        for kind, t_start, t_end in types:
            if kind != "attack":
                hits.append((kind, t_start, t_end))
            elif harm and (named or self.attack_article(t_start, self.lex.attack_known)):
                hits.append(("hit", t_start, t_end))
            elif harm and self.attack_article(t_start, self.lex.attack_new, any_frame=True):
                # "six were wounded in a Russian attack on Kupiansk": no means named
                hits.append(("hit_other", t_start, t_end))
        return hits

    def attack_article(self, position: int, pattern, any_frame: bool = False) -> bool:
        """ "The attack damaged ...": the attack told of before, with its weapon; "a ... attack":
        a new one."""
        if pattern is None or not (any_frame or self.frame_weapon):
            return False
        return bool(pattern.search(self.text, max(0, position - 60), position))

    def debris_count(self, weapon: str | None) -> int | None:
        for draft in reversed(self.drafts):
            if draft.claim_type == "destroyed" and draft.weapon == weapon:
                return 1 if draft.count == 1 else None
        return None

    def mixed_means(self, sentence: Sentence) -> bool:
        """Two kinds joined with no count of their own ("ракет та БпЛА", "missiles and
        drones"): the means are mixed, `other`."""
        return any(
            sentence.start <= w[1] < sentence.end and self.joined_weapon(w) is not None
            for w in self.m.weapons
        )

    def kinds_after(self, position: int, sentence: Sentence) -> int:
        """How many weapon kinds the sentence names after `position`."""
        return len({w[0] for w in self.m.weapons if position <= w[1] < sentence.end})

    def kinds_before(self, sentence: Sentence) -> int:
        """With no weapon named in the sentence, how many kinds the report named before it
        (0 when the sentence names one itself)."""
        if any(sentence.start <= w[1] < sentence.end for w in self.m.weapons):
            return 0
        return len({w[0] for w in self.all.weapons if w[1] < sentence.start} - {"other"})

    def sentence_weapon(self, sentence: Sentence) -> str | None:
        weapons = [w for w in self.m.weapons if sentence.start <= w[1] < sentence.end]
        if weapons:
            return self.means_of(weapons)
        return self.frame_weapon[0] if self.frame_weapon else None

    def means_of(self, weapons) -> str:
        """The weapon of a claim with no figure: "other" for unspecified means and for two kinds
        joined ("ракетами та дронами", "missiles and drones"), else the first named."""
        kinds = [w[0] for w in weapons]
        if "other" in kinds or any(self.joined_weapon(w) for w in weapons):
            return "other"
        return kinds[0]

    def local_region(self, sentence: Sentence, claimant):
        regions = [
            r
            for r in self.m.regions
            if sentence.start <= r.start < sentence.end
            and not overlaps((r.start, r.end), self.title_regions)
        ]
        codes = {r.code for r in regions}
        if len(codes) == 1:
            return regions[0].code, regions[0]
        if claimant is not None and claimant.admin1 and not self.moved_on(sentence, claimant):
            return claimant.admin1, None
        if len(codes) > 1:
            return None, None
        return self.frame_region, None

    def moved_on(self, sentence: Sentence, claimant) -> bool:
        """The sentence before named another region than the speaker's, and the speaker is not
        named again here: "А в Хмельницькому ... одна людина загинула. Крім того пошкоджено
        низку будівель" speaks of Khmelnytskyi, whoever spoke before."""
        return (
            self.frame_region is not None
            and self.frame_region != claimant.admin1
            and self.text[self.frame_end : sentence.start].strip() == ""
            and not sentence.start <= claimant.start < sentence.end
        )

    def local(
        self, sentence, kind, weapon, region, region_mention, claimant, cue, count=None, apart=None
    ):
        """The report's claim of this kind, speaker and region (a new one if none yet, or if
        `apart` says the one found states something else)."""
        named = weapon is not None
        if weapon is None:
            weapon = "other"
        key_weapon = weapon if kind not in ("damage", "casualties") else None
        if kind == "hit" and weapon == "other":
            key_weapon = None
        if kind == "damage" and named:
            # damage by another named weapon is another claim ("artillery damaged a school ... a
            # drone damaged a plant"); damage with no weapon named restates whichever came first
            key_weapon = weapon
        drafts = [d for d in self.drafts if apart is None or not apart(d)]
        if region is None:
            for other in drafts:
                if other.claim_type == kind and claimant_of(other) == (
                    claimant.claimant if claimant else None
                ):
                    return other
        for other in drafts:
            if (
                other.claim_type == kind
                and other.admin1 == region
                and claimant_of(other) == (claimant.claimant if claimant else None)
                and (
                    key_weapon is None
                    or other.weapon == key_weapon
                    or (kind == "damage" and not other.weapon_named)
                )
            ):
                return other
        draft = Draft(
            kind,
            weapon,
            count,
            "exact" if count is not None else "unspecified",
            region,
            sentence,
            claimant,
        )
        draft.evidence = {"claim": (sentence.start, sentence.end)}
        if cue:
            draft.evidence["claim_type"] = cue
        if region_mention is not None:
            draft.evidence["admin1"] = (region_mention.start, region_mention.end)
            draft.region_text = region_mention.text
        draft.confidence = 0.6
        draft.weapon_named = named
        self.drafts.append(draft)
        return draft

    def casualty_figures(self, sentence: Sentence, no_cas):
        start, end = sentence.start, sentence.end
        cues = [
            (t[0], t[1], t[2])
            for t in self.m.types
            if start <= t[1] < end
            and t[0] in ("killed", "injured")
            and not overlaps((t[1], t[2]), no_cas)
        ]
        if not cues and not no_cas:
            return None, None, {}  # figures alone, with no cue, are no casualties
        figures = []
        for age in AGE.finditer(self.text, start, end):
            figures.append((age.start(), age.end(), 1))
        age_spans = [(f[0], self.word_after_end(f[1])) for f in figures]  # "62-річний чоловік"
        for p_start, p_end, kind in self.m.people:
            if (
                not (start <= p_start < end)
                or overlaps((p_start, p_end), age_spans)
                or overlaps((p_start, p_end), no_cas)
            ):
                continue
            number = max(  # the nearest number before the noun ("62-річний чоловік, ще троє людей")
                (n for n in self.m.numbers if 0 <= p_start - n.end <= 25 and n.start >= start),
                key=lambda n: n.end,
                default=None,
            )
            if number is not None:
                between = self.text[number.end : p_start]
                if len(between.split()) <= 2:
                    figures.append((number.start, p_end, number.value))
                    continue
            word = self.text[p_start:p_end]
            if kind == "single" and self.single_person(word, p_end):
                figures.append((p_start, p_end, 1))
        direct = []
        for cue_kind, c_start, c_end in cues:
            number = next(
                (
                    n
                    for n in self.m.numbers
                    if 0 <= c_start - n.end <= 2
                    and n.start >= start
                    and not self.text[n.end : c_start].strip()  # "троє, поранених": not theirs
                ),
                None,
            )
            again = number is not None and self.lex.again.search(
                self.text, max(start, number.start - 12), number.start
            )
            if number is not None and not again:  # "ещё трое ранены": more people, added below
                direct.append((number.start, c_end, number.value, cue_kind))
            elif number is None and (dashed := self.dashed_figure(c_start, c_end, start, end)):
                direct.append((*dashed, cue_kind))  # "поранених — семеро", "ще 5 — поранені"
            elif number is None and self.lex.toll_rose is not None:
                risen = self.toll_figure(c_end, end)
                if risen is not None:  # "кількість загиблих … зросла до 14"
                    direct.append((c_start, risen.end, risen.value, cue_kind))
        for _kind, _start, c_end in cues:
            number = next((n for n in self.m.numbers if 0 <= n.start - c_end <= 2), None)
            if number is not None and not any(f[0] <= number.start < f[1] for f in figures):
                rest = self.text[number.end : number.end + 20]
                if (
                    self.lex.lang == "en"
                    and not NOT_WEAPON_UNIT.match(rest)
                    and not WORD_AHEAD.match(rest)
                ):
                    figures.append((number.start, number.end, number.value))
        killed = injured = None
        evidence: dict = {}
        for f_start, f_end, value, cue_kind in direct:
            if cue_kind == "killed":
                killed = (killed or 0) + value
            else:
                injured = (injured or 0) + value
            evidence[cue_kind] = (f_start, f_end)
            evidence["claim_type"] = (f_start, f_end)
        taken = [(d[0], d[1]) for d in direct]
        figures = [f for f in figures if not overlaps((f[0], f[1]), taken)]
        more = self.more_people(sentence, cues, taken + [(f[0], f[1]) for f in figures])
        figures += [(f_start, f_end, value) for f_start, f_end, value, _again in more]
        ages = {(f[0], f[1]) for f in figures if AGE.match(self.text, f[0])}
        ages |= {(f[0], f[1]) for f in more if f[3]}  # "ещё трое": added, like each aged person
        for f_start, f_end, value in figures:
            if not cues:
                break
            left, right = self.clause_bounds(f_start, sentence)
            preceding = [c for c in cues if c[2] <= f_start and f_start - c[2] <= 60]
            own_before = [c for c in preceding if c[1] >= left]
            own_after = [
                c for c in cues if f_end <= c[1] < right
            ]  # "ще троє людей дістали поранення"
            if own_before and own_after:  # the nearer: "killed ... and 17 others were injured"
                before, after = own_before[-1], own_after[0]
                cue = before if f_start - before[2] <= after[1] - f_end else after
            elif own_before:
                cue = own_before[-1]
            elif own_after:
                cue = own_after[0]
            elif preceding:
                cue = preceding[-1]
            else:
                cue = min(cues, key=lambda c: abs(c[1] - f_end))
            add = (
                (lambda a, b: (a or 0) + b)
                if (f_start, f_end) in ages
                else (lambda a, b: max(a or 0, b))
            )
            if cue[0] == "killed":
                killed = add(killed, value)
                evidence["killed"] = (f_start, f_end)
            else:
                injured = add(injured, value)
                evidence["injured"] = (f_start, f_end)
            evidence["claim_type"] = (cue[1], cue[2])
        if killed is None and injured is None and no_cas:
            deaths_only = all(killed_only(self.lex.hurt_words, self.text, s, e) for s, e in no_cas)
            killed, injured = 0, (None if deaths_only else 0)
            evidence["claim_type"] = no_cas[0]
            evidence["killed"] = no_cas[0]
        return killed, injured, evidence

    def dashed_figure(self, cue_start: int, cue_end: int, start: int, end: int):
        """A figure set off from its casualty word by a dash, on either side: "поранених —
        семеро", "ще 5 — поранені". (span start, span end, value), or None."""
        for number in self.m.numbers:
            if start <= number.start and number.end <= cue_start:
                if DASH_GAP.fullmatch(self.text, number.end, cue_start):
                    return number.start, cue_end, number.value
            elif cue_end <= number.start < end:
                if DASH_GAP.fullmatch(self.text, cue_end, number.start):
                    return cue_start, number.end, number.value
                return None
        return None

    def toll_figure(self, cue_end: int, end: int):
        """The number a toll rose to, in the cue's clause: "кількість загиблих зросла до 14"."""
        for number in self.m.numbers:
            if cue_end <= number.start < min(end, cue_end + 80):
                gap = self.text[cue_end : number.start]
                if "," in gap or ";" in gap:
                    return None
                return number if self.lex.toll_rose.search(gap) else None
        return None

    def more_people(self, sentence: Sentence, cues, taken) -> list[tuple[int, int, int, bool]]:
        """Numbers of people with no noun of their own: "ещё 12 получили ранения", "ще 14
        дістали поранень", "wounding 17 others". The word before ("ещё", "another") or after
        ("others") marks them as people, and their clause has a casualty cue; the flag says
        they are more than those counted before."""
        found = []
        for number in self.m.numbers:
            if any(s <= number.start < e for s, e in taken):
                continue
            again = self.lex.again.search(
                self.text, max(sentence.start, number.start - 12), number.start
            )
            others = self.lex.others.match(self.text, number.end) if self.lex.others else None
            if not (again or others) or self.weapon_after(number.end, 2) is not None:
                continue
            left, right = self.clause_bounds(number.start, sentence)
            if again and again.start() < left or not any(left <= c[1] < right for c in cues):
                continue
            end = others.end() if others else number.end
            found.append((number.start, end, number.value, bool(again)))
        return found

    def word_after_end(self, position: int) -> int:
        """Where the word after `position` ends (the person an age describes)."""
        after = NEXT_WORD.match(self.text, position)
        return after.end() if after else position

    def single_person(self, word: str, end: int | None = None) -> bool:
        if self.lex.lang == "en":
            return not word.lower().endswith(("s", "ren", "men"))
        plural = is_plural(word, self.lex.lang)
        if plural is None and end is not None:  # "чоловік отримав": the verb says one
            verb = WORD_AFTER.match(self.text, end)
            if verb and parse(verb.group(1).lower(), self.lex.lang).tag.POS == "VERB":
                plural = is_plural(verb.group(1), self.lex.lang)
        return plural is False

    # ---- windows and places --------------------------------------------------
    def aims_at(self, position: int) -> bool:
        """A place of the sentence is named right after the attack verb ("attacked Lgov")."""
        return any(
            p.span and p.span[0] >= position and not self.text[position : p.span[0]].strip()
            for p in self.named
        )

    def named_places(self, sentence: Sentence, claimant, cue_places) -> list:
        """Places named after weak cues in this sentence ("атаковал Погар", "in Sumy"), looked
        up in the regions the report gives; when the sentence names no region, the region such
        a place settles becomes the sentence's (a region mention at the name)."""
        m = self.m
        cities = in_sentence(self.places.cities, self.places.city_starts, sentence)
        named = in_sentence(self.places.named, self.places.named_starts, sentence)
        if not (named or cities or cue_places):
            return []
        titles = self.title_regions
        regions = [r for r in m.regions if not (titles and overlaps((r.start, r.end), titles))]
        own = list(dict.fromkeys(r.code for r in regions))
        places = self.cities(regions, cities) if cities else []
        if not named and (own or not cue_places):
            return places
        if claimant is not None and claimant.admin1:
            scopes = own + [claimant.admin1]  # a governor speaks of his region
        else:
            scopes = own + [self.frame_region] + self.report_regions
        scopes = [code for code in dict.fromkeys(scopes) if code]
        anywhere = not self.report_regions
        settled = []
        for place in cue_places if not own else []:
            alone = anywhere and not village(self.text, place.span[0], self.lex.lang)
            _found, code = locate(place.text, place.span, self.lex.lang, scopes, alone)
            if code is not None:
                settled.append(RegionMention(code, *place.span, place.text))
        taken = [p.span for p in cue_places if p.span]
        for candidate in named:
            place, code = self.place_named(candidate, scopes, taken)
            if place is None:
                continue
            places.append(place)
            if code is not None:
                settled.append(RegionMention(code, candidate.start, candidate.end, place.text))
        speaker = claimant.admin1 if claimant is not None else None
        settled = [r for r in settled if r.code != speaker]  # a governor's region comes anyway
        if settled and not own:  # (the window is this sentence's, asked for no more)
            m.regions = sorted(m.regions + settled, key=start_of)
        return places

    def cities(self, regions: list[RegionMention], candidates) -> list:
        """Regions named by their city after a weak cue ("в Курске", "in Sumy")."""
        after_cue = {c.start: c for c in candidates}
        chains = self.region_chains
        found = []
        for region in regions:
            candidate = after_cue.get(region.start)
            if candidate is None or any(s <= region.start < e for s, e in chains):
                continue
            span = (region.start, region.end)
            city = city_of(self.text, span, candidate.cue, self.lex.lang, region.code)
            if city is not None:
                found.append(city)
        return found

    def place_named(self, candidate, scopes: list[str], taken) -> tuple:
        """One candidate as a place: the two-word name it opens when the second word is no
        other mention ("Bila Tserkva"), else the word; a two-word name the gazetteer does not
        know is a person or an office ("Ivan Fedorov"), no place."""
        end = candidate.long_end or candidate.end
        span = (candidate.start, end)
        if overlaps(span, taken):
            return None, None
        place, code = locate(
            self.text[slice(*span)], span, self.lex.lang, scopes, not self.report_regions
        )
        if (
            place is not None
            and self.lex.lang == "en"
            and dateline_or_possessive(
                self.text, RegionMention(place.admin1 or "", *span, place.text)
            )
        ):
            return None, None  # "officials in Kyiv said": the capital speaks, nothing is struck
        return place, code

    @cached_property
    def region_chains(self) -> list[tuple[int, int]]:
        """English lists of regions ("over the Rostov and Tver regions", "the region of
        Odesa"): the names in them are regions, not their cities."""
        if self.lex.lang != "en" or "region" not in self.text.lower():
            return []
        return list(english_chains(self.text))

    @cached_property
    def report_regions(self) -> list[str]:
        """Regions the report gives anywhere (named, or its claimants'), first named first."""
        codes = [r.code for r in self.all.regions]
        codes += [c.admin1 for c in self.all.claimants if c.admin1]
        return list(dict.fromkeys(codes))

    def attach_window(self, sentence: Sentence, claimant, made: list[Draft]) -> None:
        window = find_window(sentence.text, self.lex, self.published)
        if window is None:
            return
        start, end, (w_start, w_end) = window
        span = (sentence.start + w_start, sentence.start + w_end)
        targets = made or [
            d
            for d in self.drafts
            if claimant_of(d) == (claimant.claimant if claimant else None)
            and d.claim_type in COUNT_TYPES
        ]
        for draft in targets:
            draft.window = (start, end)
            draft.evidence["window"] = span
        for draft in self.drafts:
            if draft.parent in targets and draft.window is None:
                draft.window = (start, end)

    def attach_places(self, sentence: Sentence, claimant, made: list[Draft], places) -> None:
        here = [d for d in self.drafts if d.sentence is sentence] if self.named else []
        for draft in here:  # names after weak cues: only claims of their own sentence
            have = {p.normal for p in draft.places}
            draft.places.extend(
                p for p in self.named if p.admin1 in (None, draft.admin1) and p.normal not in have
            )
        if not places:
            return
        parents = {id(d.parent) for d in self.drafts if d.parent is not None}
        targets = [  # not a total broken down by region: its places are its parts'
            d for d in self.drafts if d.sentence is sentence and id(d) not in parents
        ]
        if (
            not targets
            and not made
            and not any(sentence.start <= t[1] < sentence.end for t in self.m.types)
        ):
            name = claimant.claimant if claimant else None
            for draft in reversed(self.drafts):
                if (
                    claimant_of(draft) == name
                    and draft.count is not None
                    and draft.admin1
                    and draft.claim_type in COUNT_TYPES
                ):
                    targets = [draft]
                    break
        for draft in targets:
            known = {p.normal for p in draft.places}
            draft.places.extend(p for p in places if p.normal not in known)


def opens_recap(claimants: list, index: int) -> bool:
    """The sentence opens the outlet's own account after someone else's ("Нагадаємо, …")."""
    mine = claimants[index]
    before = claimants[index - 1] if index else None
    return (
        mine is not None
        and mine.claimant == "(outlet)"
        and before is not None
        and before.claimant != "(outlet)"
    )


def another_event(draft: Draft) -> bool:
    """ "Ещё один дрон ударил", "another drone hit": a second strike, never a restatement of
    the first (debris of one more is added to the count instead)."""
    return draft.again and draft.claim_type != "debris"


def fpv_apart(a: Draft, b: Draft) -> bool:
    """A strike by an FPV drone and one by a drone of another (or no named) type are two
    incidents: FPV drones strike at short range, one target each, unlike the long-range
    drones of a raid ("дрон атаковал автомобиль ... FPV-дрон ударил по дому"), when told in
    sentences of their own."""
    return (
        a.claim_type == b.claim_type == "hit"
        and (a.model == "FPV") != (b.model == "FPV")
        and a.sentence is not b.sentence
    )


def none_hurt_apart(killed, injured):
    """ "No one was hurt" and a figure of people hurt are two statements (another incident, a
    later count): neither is merged into the other."""
    zero = not killed and not injured

    def apart(draft: Draft) -> bool:
        return draft.claim_type == "casualties" and (not draft.killed and not draft.injured) != zero

    return apart


def known(draft: Draft) -> set:
    return {p.normal for p in draft.places}


def listed_apart(a: Draft, b: Draft) -> bool:
    """Two lines of one list ("▪️БпЛА типу «Ланцет»", "▪️БпЛА"): separate items, never one claim."""
    return a.sentence.bullet and b.sentence.bullet


def claimant_of(draft: Draft) -> str | None:
    return draft.claimant.claimant if draft.claimant else None


def headline_placed_by(headline: Draft, draft: Draft) -> bool:
    """A figure in the opening line, with no region and no speaker, and the same figure said
    next with its region."""
    return (
        headline.sentence.paragraph == 0
        and headline.sentence.line_start
        and headline.claimant is None
        and headline.admin1 is None
        and headline.sea is None
        and draft.admin1 is not None
        and headline.count is not None
        and (headline.claim_type, headline.weapon, headline.count)
        == (draft.claim_type, draft.weapon, draft.count)
        and (None in (headline.model, draft.model) or headline.model == draft.model)
    )


def same_key(a: Draft, b: Draft) -> bool:
    return (
        a.claim_type == b.claim_type
        and a.weapon == b.weapon
        and a.admin1 == b.admin1
        and a.sea == b.sea
        and a.count == b.count
        and (a.model == b.model or (None in (a.model, b.model) and not listed_apart(a, b)))
        and same_voice(a.claimant, b.claimant)
        and a.count is not None
    )


def same_voice(a, b) -> bool:
    """The same claimant, or two national offices of one country (a lead and its quoted
    bulletin), or a lead naming nobody and the speaker whose figure it repeats."""
    if a is None or b is None or a.claimant == b.claimant:
        return True
    return (
        a is not None
        and b is not None
        and a.kind == b.kind == "office"
        and a.country == b.country
        and "(outlet)" not in (a.claimant, b.claimant)
    )
