"""Who makes a statement: named officials, titles with their region, offices.

A mention is resolved to the claimant string SPEC asks for ("Governor of Kaluga Oblast
Vladislav Shapsha", "Russian Ministry of Defense", "Ukrainian Air Force").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from skyledger.extract.lexicon import FLAGS, Lexicon, load_yaml, officials
from skyledger.extract.morph import given_name_before, personal_name
from skyledger.extract.regions import (
    RegionMention,
    english_name,
    english_name_pattern,
    find_regions,
    lookup_english,
)

RANK = {"official": 3, "title": 2, "office": 1, "bare": 0}


@dataclass(frozen=True)
class ClaimantMention:
    start: int
    end: int
    claimant: str | None
    admin1: str | None
    country: str | None
    kind: str  # official | title | office | bare
    title: str | None = None  # governor | mayor | city_administration | administration | ...


def title_claimant(title: str, code: str, lang: str) -> str:
    """A title and the region it holds: "Governor of Kaluga Oblast", "Mayor of Moscow",
    "Mykolaiv Oblast Military Administration" (an office that speaks for its region)."""
    region = english_name(code)
    if title == "installed" and code.startswith("UA-"):
        # the officials Russia installed in an occupied region (`installed` in attribution.yaml)
        named = load_yaml("attribution.yaml")["installed"]
        return named.get(code) or named["default"].format(region=region)
    if title == "mayor":
        return f"Mayor of {region.replace(' Oblast', '')}"
    if title == "city_administration":
        city = region.replace(" Oblast", "")
        return f"{city} City {'Military ' if code.startswith('UA-') else ''}Administration"
    if title == "headquarters":
        return f"Operational Headquarters of {region}"
    if title == "prosecutor":
        return f"{region.replace(' Oblast', '')} Regional Prosecutor's Office"
    if title == "administration" and code in city_administrations():
        return city_administrations()[code]  # "Киевская ГВА": the city's own administration
    if title == "administration" and code.startswith("UA-"):
        return f"{region} Military Administration"
    if title == "administration":
        return f"Government of {region}"
    if code.startswith("UA-") and lang == "uk":
        return f"Head of {region} Military Administration"
    if region.startswith("Republic of "):
        return f"Head of the {region}"  # a republic has a head, not a governor
    return f"Governor of {region}"


@cache
def city_administrations() -> dict[str, str]:
    return load_yaml("attribution.yaml").get("city_administrations") or {}


ADJACENT = re.compile(r"^[\s,]{0,2}$")  # "Київський міський голова": region, then title
SENTENCE_BREAK = re.compile(r"[.!?]\s|\n")  # a title's region is in its own sentence
CLAUSE_BREAK = re.compile(r"[.!?,;:]\s|\n|\s[—–-]\s")  # ... and in its own clause after it
REGION_OF = re.compile(
    r"^\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:region|oblast|province)\s+of\s+$", re.IGNORECASE
)
WORD_BEFORE = re.compile(r"([^\W\d_]{4,})[ \t]+$")


def adjective_region(text: str, start: int, lang: str) -> RegionMention | None:
    """ "Псковский губернатор", "Курський губернатор": a region's adjective right before a
    title, read as "<adjective> область" (the title's region has no noun of its own)."""
    word = WORD_BEFORE.search(text, max(0, start - 40), start)
    code = region_of_adjective(word.group(1).lower(), lang) if word is not None else None
    if code is None:
        return None
    return RegionMention(code, word.start(1), word.end(1), word.group(1))


@lru_cache(maxsize=4096)
def region_of_adjective(word: str, lang: str) -> str | None:
    """ "псковский" -> RU-PSK: the adjective's feminine form before "область" names a region."""
    from skyledger.extract.morph import readings  # pymorphy3 loads with the first report

    parsed = next((p for p in readings(word, lang) if p.tag.POS == "ADJF"), None)
    feminine = parsed.inflect({"femn", "nomn"}) if parsed is not None else None
    if feminine is None:
        return None
    found = find_regions(f"{feminine.word} область", lang)
    return found[0].code if found and found[0].start == 0 else None


def title_region(match, regions: list[RegionMention], text: str, lang: str):
    """The region a title holds: named inside it ("глава Тамбовской области", "начальник
    Вінницької ОВА"), right after it ("губернатор Курской области"), or right before it
    ("Київський міський голова"); in English "Kursk governor" and "head of the Vinnytsia
    Regional Military Administration". The capital inside "Moscow-installed", "назначенный
    Москвой" names who installed the official, not his region."""
    if match.lastgroup == "installed":
        regions = [r for r in regions if not match.start() <= r.start < match.end()]
    for region in regions:
        if match.start() <= region.start < match.end():
            return region
        if region.start < match.end():
            continue
        gap = text[match.end() : region.start]
        if len(gap) <= 25 and not CLAUSE_BREAK.search(gap):
            return region
        if len(gap) <= 45 and lang == "en" and REGION_OF.match(gap):
            return region  # "the governor of the southern region of Mykolaiv"
    for region in regions:
        gap = text[region.end : match.start()]
        if (
            region.end <= match.start()
            and len(gap) <= 12
            and ((lang == "en" and not SENTENCE_BREAK.search(gap)) or ADJACENT.match(gap))
        ):
            return region
    if lang in ("ru", "uk"):
        return adjective_region(text, match.start(), lang)
    if lang == "en":
        name = english_name_pattern().search(text, match.start(), match.end())
        if name is not None:
            code = lookup_english(name.group(0))
            if code is not None:
                return RegionMention(code, name.start(), name.end(), name.group(0))
    return None


def another_person(text: str, start: int, entry: dict, lex: Lexicon) -> bool:
    """The official's surname after a given name that opens with another sound than the
    holder's: a namesake ("мэр Андрей Кравченко", "mayor Andrei Kravchenko" is no Ruslan
    Kravchenko)."""
    if lex.lang == "en":
        given = english_given_name_before(text, start)
    else:
        given = given_name_before(text, start, lex.lang)
        if given is not None and personal_name(given, lex.lang) != "Name":
            return False
    if given is None or not entry.get("given"):
        return False
    said, holder = name_opening(given.lower()), name_opening(entry["given"].lower())
    return said is not None and holder is not None and said != holder


ENGLISH_NAME_BEFORE = re.compile(r"(?<![\w\-’'])([A-Z][a-z]+) $")


def english_given_name_before(text: str, start: int) -> str | None:
    """The capitalised word right before a surname, unless it is a title or a rank ("Governor
    Kravchenko"; `name_titles` in en.yaml): the given name ("Andrei Kravchenko")."""
    before = ENGLISH_NAME_BEFORE.search(text, max(0, start - 20), start)
    if before is None or before.group(1).lower() in name_titles():
        return None
    return before.group(1)


@cache
def name_titles() -> frozenset[str]:
    return frozenset(load_yaml("en.yaml").get("name_titles") or ())


def name_opening(name: str) -> str | None:
    """The sound class a given name opens with (lang/attribution.yaml `name_openings`)."""
    for spelling, sound in name_openings():
        if name.startswith(spelling):
            return sound
    return None


@cache
def name_openings() -> list[tuple[str, str]]:
    table = load_yaml("attribution.yaml")["name_openings"]
    pairs = [(str(spelling), sound) for sound, spellings in table.items() for spelling in spellings]
    return sorted(pairs, key=lambda pair: -len(pair[0]))


@lru_cache(maxsize=4)
def ministry_countries(lang: str) -> tuple:
    """The defence ministries whose country a text may name beside a ministry's words
    (`ministries` in attribution.yaml): the offices so read, the pattern of a country right
    after them and right before them, and each country's (claimant, country)."""
    data = load_yaml("attribution.yaml")["ministries"]
    entries = [entry for entry in data["countries"] if entry.get(lang)]
    names = "|".join(f"(?P<c{i}>{entry[lang]})" for i, entry in enumerate(entries))
    after = re.compile(
        r"\s+(?:(?:республики|республіки|of(?: the)?|national|национальной|національної)\s+)?"
        rf"(?:{names})(?!\w)",
        FLAGS,
    )
    before = re.compile(rf"(?<!\w)(?:{names})\s+(?:(?:national|the)\s+)?$", FLAGS)
    found = [(entry["claimant"], entry["country"]) for entry in entries]
    republics = "|".join(
        f"(?P<c{i}>{entry[lang]})" for i, entry in enumerate(entries) if entry.get("republic")
    )
    words = (data.get("republic") or {}).get(lang)
    republic = (
        (
            re.compile(rf"\s+(?:{words})(?![\w-]|[ \t]+(?-i:[А-ЯЁІЇЄA-Z]))", FLAGS),
            re.compile(rf"(?<!\w)(?:{republics})", FLAGS),
        )
        if words and republics
        else None
    )
    return frozenset(data["offices"]), after, before, found, republic


def ministry_of(text: str, match, claimant: str, country: str | None, lang: str) -> tuple:
    """A defence ministry with its country named beside it is that country's ("Минобороны
    Белоруссии", "Poland's defence ministry"); any other office stays as its pattern says."""
    offices, after, before, found, republic = ministry_countries(lang)
    if claimant not in offices:
        return claimant, country
    named = after.match(text, match.end()) or before.search(
        text, max(0, match.start() - 30), match.start()
    )
    if named is None and republic is not None and republic[0].match(text, match.end()):
        # "Минобороны республики" with no name after it: the republic the text named last
        named = next(reversed(list(republic[1].finditer(text, 0, match.start()))), None)
    return found[int(named.lastgroup[1:])] if named else (claimant, country)


@cache
def installed_governors(lang: str) -> frozenset:
    return frozenset(load_yaml("attribution.yaml").get("installed_governors", {}).get(lang) or ())


def held_title(title: str, code: str, lang: str) -> str:
    """The title as its region's holder bears it: in Russian, a bare governor of an occupied
    region whose governor Russia installed ("губернатор Херсонской области") is that one."""
    return "installed" if title == "governor" and code in installed_governors(lang) else title


def title_country(title: str, code: str) -> str:
    """The country a titled claimant speaks for: an official Russia installed in a region of
    Ukraine speaks for Russia."""
    return "RU" if title == "installed" else code[:2]


def find_claimants(text: str, lex: Lexicon, regions: list[RegionMention]) -> list[ClaimantMention]:
    found: list[ClaimantMention] = []
    pattern, entries = officials()
    for match in pattern.finditer(text):
        entry = entries[int(match.lastgroup[1:])]
        if match.group(0)[:1].isupper() and not another_person(text, match.start(), entry, lex):
            claimant = entry["claimant"]
            country = entry.get("country") or (entry.get("admin1") or "")[:2] or None
            found.append(
                ClaimantMention(
                    match.start(), match.end(), claimant, entry.get("admin1"), country, "official"
                )
            )
    for match in lex.titles.finditer(text):
        title = match.lastgroup
        town = town_of_mayor(match, text, lex.lang, regions) if title == "mayor" else None
        region = title_region(match, regions, text, lex.lang) if town is None else None
        if town is not None:
            found.append(town)
        elif region is not None:
            title = held_title(title, region.code, lex.lang)
            start, end = min(match.start(), region.start), max(match.end(), region.end)
            found.append(
                ClaimantMention(
                    start,
                    end,
                    title_claimant(title, region.code, lex.lang),
                    region.code,
                    title_country(title, region.code),
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
        claimant, country = ministry_of(text, match, claimant, country, lex.lang)
        found.append(ClaimantMention(match.start(), match.end(), claimant, None, country, "office"))
    return one_voice_per_office(sorted(found, key=lambda m: m.start))


def one_voice_per_office(found: list[ClaimantMention]) -> list[ClaimantMention]:
    """An office named by its title in a report that names the one official heading it ("…
    – КМВА" over "начальник Київської МВА Тимур Ткаченко"): one speaker, the official, so
    that a figure both say is one claim. The official's full name opens with the title's
    ("Governor of Belgorod Oblast …") or with its head's ("Head of Kyiv City Military
    Administration …")."""
    officials = {m.claimant for m in found if m.kind == "official"}
    if not officials:
        return found
    heads = {}
    for mention in found:
        if mention.kind == "title" and mention.claimant not in heads:
            title = mention.claimant
            named = [o for o in officials if o.startswith((f"{title} ", f"Head of {title} "))]
            heads[title] = named[0] if len(named) == 1 else None
    return [replace(m, claimant=heads[m.claimant]) if heads.get(m.claimant) else m for m in found]


# the town a mayor heads, right after the title ("міський голова Слов'янська", "мэр
# Славянска") or, in English, after "of" ("Mayor of Sloviansk") or before it ("Sloviansk Mayor")
TOWN_AFTER = re.compile(r"[ \t]+([А-ЯІЇЄҐЁ][\w’'ʼ]*(?:-[\w’'ʼ]+)*)")
# in English only after "of": a capital right after "Mayor" opens his name ("Mayor Vadym Liakh")
TOWN_OF = re.compile(r"[ \t]+of[ \t]+([A-Z][\w’'ʼ]*(?:-[\w’'ʼ]+)*)")
TOWN_BEFORE = re.compile(r"([A-Z][\w’'ʼ]*(?:-[\w’'ʼ]+)*)[ \t]+$")


def town_of_mayor(match, text: str, lang: str, regions: list) -> ClaimantMention | None:
    """A mayor of a town that is no region's centre: the mayor of that town, in its region
    ("Mayor of Sloviansk"); the gazetteer must know the town by that name."""
    from skyledger.geo import geocode

    if lang == "en":
        towns = [
            TOWN_OF.match(text, match.end()),
            TOWN_BEFORE.search(text, max(0, match.start() - 40), match.start()),
        ]
    else:
        towns = [TOWN_AFTER.match(text, match.end())]
    # in Russian and Ukrainian a town that is a region mention is the region's centre ("мэр
    # Москвы", "міський голова Харкова"): the region's own title (English names towns too)
    starts = {r.start for r in regions} if lang in ("ru", "uk") else set()
    for town in towns:
        if town is None or town.start(1) in starts:
            continue
        if given_name_nominative(town.group(1), lang):
            continue  # "в.о. міського голови Артем Кобзар": the mayor's own name
        found = geocode(town.group(1), None, lang, fuzzy=False)
        if found.get("precision") == "place" and (found.get("confidence") or 0) >= 0.8:
            break
    else:
        return None
    if capital_of_region(found):
        return None  # "мэр Москвы", "міський голова Харкова": the region's own title
    admin1 = found["admin1"]
    start, end = min(match.start(), town.start(1)), max(match.end(), town.end(1))
    name = f"Mayor of {english_town(found)}"
    return ClaimantMention(start, end, name, admin1, admin1[:2], "title", "mayor")


def given_name_nominative(word: str, lang: str) -> bool:
    """ "Артем", not "Ізмаїла": a given name in the nominative names a person, not a town."""
    from skyledger.extract.morph import analyzer

    if lang not in ("ru", "uk"):
        return False
    return any("Name" in p.tag and "nomn" in p.tag for p in analyzer(lang).parse(word))


def capital_of_region(found: dict) -> bool:
    from skyledger.geo.gazetteer import load

    return any(r.capital == found.get("geonameid") for r in load().regions.values())


def english_town(found: dict) -> str:
    """A town's name in English: Ukrainian towns by the national romanisation of their
    Ukrainian name ("Слов'янськ" -> Sloviansk), others by GeoNames' main name."""
    from skyledger.geo.gazetteer import load
    from skyledger.geo.normalize import name_key
    from skyledger.geo.translit import romanise

    place = load().places.get(found.get("geonameid"))
    if place is not None and place.admin1.startswith("UA-") and place.name_uk:
        return romanise(name_key(place.name_uk), "uk_national").title()
    return place.name if place is not None else found["name"]


def best(mentions: list[ClaimantMention]) -> ClaimantMention | None:
    if not mentions:
        return None
    return max(mentions, key=lambda m: (RANK[m.kind], -m.start))
