"""Region (admin1) mentions in every form a text uses, mapped to ISO 3166-2 codes.

Official names come from lang/regions.yaml (generated from GeoNames), turned into stems
that accept the case endings of the region's adjective ("Брянской", "Брянська",
"Bryansk Region"); colloquial forms and regional capitals come from each language's
`regions_extra`. Only feminine/plural adjective endings are accepted for "X-ская
область", so "Кировский район" (a district) never reads as Kirov Oblast.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from skyledger.extract.lemmas import generated_fragments
from skyledger.extract.lexicon import FLAGS, Dispatcher, load_yaml, tag_language

RU_FEM = r"(?:ая|ой|ую|ою|ие|их|им|ими)"
UK_FEM = r"(?:а|ої|у|ій|ою|і|их|им|ими)"
RU_MASC = r"(?:ий|ого|ом|ому|ым|им|ой)"
UK_MASC = r"(?:ий|ого|ому|им|ім)"


@dataclass(frozen=True)
class RegionMention:
    code: str
    start: int
    end: int
    text: str


def adjective_stem(word: str) -> str | None:
    """'Брянская' -> 'Брянск', 'Брянська' -> 'Брянськ', 'Краснодарский' -> 'Краснодарск'."""
    lowered = word.lower()
    if lowered.endswith(("ая", "ий", "ій")):
        return word[:-2]
    if lowered.endswith("а"):
        return word[:-1]
    return None


def official_patterns(name: str, lang: str) -> list[str]:
    """Stems for one official region name in one language."""
    words = name.replace("—", " ").split()
    if not words:
        return []
    lower = [w.lower() for w in words]
    fem = RU_FEM if lang == "ru" else UK_FEM
    masc = RU_MASC if lang == "ru" else UK_MASC
    if lower[-1] in ("область", "автономная", "автономна") or "область" in lower:
        stem = adjective_stem(words[0])
        return [re.escape(stem) + fem] if stem else []
    if lower[-1] == "край":
        stem = adjective_stem(words[0])
        return [re.escape(stem) + masc + r"\s+кра\w*"] if stem else []
    if lower[0] in ("республика", "республіка", "автономная", "автономна"):
        inner = re.search(r"\(([^)]+)\)", name)
        rest = (
            inner.group(1)
            if inner
            else " ".join(w for w in words[1:] if w.lower() not in ("республика", "республіка"))
        )
        stem = rest[:-1] if rest[-1] in "аяиюі" else rest
        return [re.escape(stem).replace(r"\ ", r"\s+") + r"\w*"] if len(stem) >= 4 else []
    if lower[-1] in ("республика", "республіка"):
        stem = adjective_stem(words[0])
        return [re.escape(stem) + fem + r"\s+республик\w*"] if stem else []
    if lower[-1] == "округ" or "округ" in lower:
        stem = adjective_stem(words[0])
        return [re.escape(stem) + masc + r"\s+(?:автономн\w+\s+)?округ\w*"] if stem else []
    return []


@cache
def region_table() -> dict:
    return load_yaml("regions.yaml")


@cache
def english_names() -> dict[str, str]:
    """Bare English names ("Bryansk") -> code, for chains like "Rostov and Tver Regions"."""
    names = {}
    for code, entry in region_table().items():
        name = entry["en"]
        for suffix in (" Oblast", " Krai", " Autonomous Okrug", " Republic", " Region"):
            if name.endswith(suffix):
                names[name[: -len(suffix)]] = code
        if name.startswith("Republic of "):
            names[name[len("Republic of ") :]] = code
    names.pop("Moscow", None)
    names["Moscow"] = "RU-MOS"
    names["Kiev"] = "UA-32"
    return names


@cache
def patterns(lang: str) -> tuple[Dispatcher, list[str]]:
    """Every region form of one language; a match's `lastgroup` is its ISO 3166-2 code."""
    extra = load_yaml(f"{lang}.yaml").get("regions_extra") or {}
    entries: list[tuple[str, str]] = []
    if lang in ("ru", "uk"):
        for code, entry in region_table().items():
            for fragment in official_patterns(entry[lang], lang):
                entries.append((fragment, code))
    else:
        names = english_names()
        body = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        entries.append((rf"(?:{body})(?:'s)?\s+(?:regions?|oblasts?|krai|republic)", "*en*"))
    entries.extend((fragment, code) for fragment, code in extra.items())
    for code, fragments in generated_fragments(lang, "region_names").items():
        entries.extend((fragment, code) for fragment in fragments)
    dispatcher = Dispatcher(entries)
    tag_language(dispatcher.ident, lang)
    return dispatcher, []


@cache
def english_chain() -> re.Pattern:
    """'Rostov and Tver Regions', 'regions of Astrakhan, Belgorod and Kaluga', 'Odesa, Kherson ... regions'.

    Capitalised words stand in for the names here (cheap to try at every capital); the
    names inside a chain are checked against the lexicon afterwards.
    """
    name = r"[A-Z][\w\-’']+"
    sep = r"(?:,\s+and\s+|,\s+|\s+and\s+)"
    # one class opens both shapes (the lookbehind tells which letter it was), so the engine
    # skips ahead to capitals and "r" instead of trying every position
    return re.compile(
        rf"[A-Zr](?:(?<=[Rr])egions?\s+of\s+(?:the\s+)?{name}(?:{sep}{name}){{0,30}}"
        rf"|(?<=[A-Z])[\w\-’']+(?:{sep}{name}){{1,30}}\s+[Rr]egions)"
    )


@lru_cache(maxsize=4)
def english_chains(text: str) -> tuple[tuple[int, int], ...]:
    """Where a text lists regions in English (memoised: the extractor asks twice per report)."""
    return tuple((m.start(), m.end()) for m in english_chain().finditer(text))


HYPHENATED_ON = re.compile(r"-[A-ZА-ЯІЇЄҐЁ]")


def find_regions(text: str, lang: str) -> list[RegionMention]:
    pattern, codes = patterns(lang)
    found = []
    for match in pattern.finditer(text):
        code = match.lastgroup
        if code == "*en*":
            head = re.match(
                r"[\w\- ]+?(?='s|\s+(?:regions?|oblasts?|krai|republic))", match.group(0), FLAGS
            )
            code = english_names().get(head.group(0).strip().title() if head else "", None)
            if code is None:
                code = lookup_english(head.group(0) if head else "")
            if code is None:
                continue
        if CLOCK_ZONE.match(text, match.end()) or dateline(text, match.start(), match.end(), lang):
            continue
        if HYPHENATED_ON.match(text, match.end()):
            continue  # "Белгород-Днестровский", "Новгород-Сіверський": another place's name
        if LOCAL_UNIT.match(text, match.end()):
            continue  # "the Mykolaiv community of Synelnykove district": a place, not the region
        if surname(text, match.start(), lang) and not REGION_NOUN_AFTER.match(text, match.end()):
            continue  # "глава Чувашии Олег Николаев": a person named like a regional centre
        found.append(RegionMention(code, match.start(), match.end(), match.group(0)))
    if lang == "en":
        found = [
            m for m in merge_english_chains(text, found) if not dateline_or_possessive(text, m)
        ]
    else:
        found = [m for m in found if not capital_as_government(text, m)]
        found = the_capital_named(found, lang)
    return found


CAPITALS = ("UA-30", "RU-MOW")


def the_capital_named(found: list[RegionMention], lang: str) -> list[RegionMention]:
    """ "Столица" is the capital the report names by name: Kyiv in a Russian text about Kyiv
    ("Киевская ГВА: … атаковали столицу"), Moscow in a Ukrainian text about Moscow; with
    neither or both named, the language's own (`capital_words` in each lexicon)."""
    words = capital_words(lang)
    if not words:
        return found
    bare = [m for m in found if m.text.lower().startswith(words)]
    if not bare:
        return found
    named = {m.code for m in found if m.code in CAPITALS and m not in bare}
    if len(named) != 1:
        return found
    (code,) = named
    return [replace(m, code=code) if m in bare else m for m in found]


@cache
def capital_words(lang: str) -> tuple[str, ...]:
    return tuple(str(w).lower() for w in load_yaml(f"{lang}.yaml").get("capital_words") or ())


def surname(text: str, start: int, lang: str) -> bool:
    """A capitalised name right after a given name or patronymic is a surname."""
    if lang not in ("ru", "uk") or not text[start : start + 1].isupper():
        return False
    from skyledger.extract.morph import given_name_before

    return given_name_before(text, start, lang) is not None


# a line's opening, past a first place of a shared dateline ("KYIV/MOSCOW (Reuters) -")
LINE_OPENING = re.compile(r"(?:^|\n)[ \t]*(?:[A-ZА-ЯІЇЄҐ]{3,}/)?$")


@cache
def dateline_date(lang: str) -> re.Pattern:
    """A date right after a place: ". 25 октября.", ", 5 жовтня -", ", Oct 5 (Reuters)"."""
    from skyledger.extract.lexicon import lexicon

    stems = [str(stem) for stem, _month in lexicon(lang).months]
    months = "|".join(stem[:3] if stem.isalpha() else stem for stem in stems)  # "окт", "Oct"
    return re.compile(
        rf"\s*[.,]\s*\d{{1,2}}\s+(?:{months})[^\W\d_]*\.?(?:\s+\d{{4}})?\s*(?:[.(/\-–—]|$)"
        rf"|,\s+(?:{months})[^\W\d_]*\.?\s+\d",
        re.IGNORECASE,
    )


def dateline(text: str, start: int, end: int, lang: str) -> bool:
    """A place opening a line with the date after it ("Москва. 25 октября.", "Київ, 5
    жовтня.", "KYIV, Oct 5 (Reuters) -") is where the story was filed, not the claim's place."""
    if not LINE_OPENING.search(text[max(0, start - 80) : start]):
        return False
    # "KYIV >> ...", "ODESA, Ukraine (Reuters) -": a name in capitals opening a line
    shouted = text[start:end].isupper() and CAPS_DATELINE_TAIL.match(text, end)
    return bool(dateline_date(lang).match(text, end) or shouted)


CAPS_DATELINE_TAIL = re.compile(r"\s*(?:>>|\(|,|/|[–—-]\s)")


# a community (hromada) named like a region or its centre is a local place
LOCAL_UNIT = re.compile(
    r"\s+(?:(?:territorial|urban|rural|village|settlement)\s+)?(?:communit(?:y|ies)|hromadas?)"
    r"(?!\w)|\s+(?:територіальн\w+\s+)?громад\w*|\s+(?:территориальн\w+\s+)?общин\w*",
    re.IGNORECASE,
)
# "Казинка Липецкой области": a region's noun after it makes it no surname
REGION_NOUN_AFTER = re.compile(r"\s+(?:област|кра[йяюеє]|краї|республик|республі)", re.IGNORECASE)
CLOCK_ZONE = re.compile(r"\s+(?:time|час(?:ом|у)?|времен[иь])(?!\w)", re.IGNORECASE)
DATELINE_TAIL = re.compile(r"^(?:['’]s\b|\s*\(|\s*:|\s+officials|\s+[–—-]\s|,\s+[A-Z][a-z]+\s+\d)")
OF_BEFORE = re.compile(r"\bof\s+$", re.IGNORECASE)
HEADLINE_SOURCE = (re.compile(r"\s[–—-]\s*$|:\s*$"), re.compile(r"^\s*(?:\n|$)"))


def dateline_or_possessive(text: str, mention: RegionMention) -> bool:
    """'KYIV (Reuters) –', "Kyiv's air force", 'MOSCOW, September 12.', 'Moscow rarely
    discloses', a headline closing '... - Kyiv': the capital as a dateline or as its
    government, not the claim's place."""
    if mention.code not in ("UA-30", "RU-MOW"):
        return False
    after = text[mention.end : mention.end + 20]
    if DATELINE_TAIL.match(after):
        return not city_part_after().match(text, mention.end)
    if capital_as_government(text, mention):
        return True
    before, closes = HEADLINE_SOURCE
    return bool(
        before.search(text[max(0, mention.start - 3) : mention.start]) and closes.match(after)
    )


def capital_as_government(text: str, mention: RegionMention) -> bool:
    """ "Moscow said", "Москва запустила по Украине 120 дронов": the capital doing what its
    government does, not the claim's place (but not "the mayor of Moscow said")."""
    return (
        mention.code in ("UA-30", "RU-MOW")
        and bool(capital_verbs().match(text, mention.end))
        and not OF_BEFORE.search(text[max(0, mention.start - 4) : mention.start])
    )


@cache
def city_part_after() -> re.Pattern:
    """ "'s Darnytskyi district", "'s suburbs": a part of the city after its possessive (en.yaml
    `city_parts`)."""
    words = load_yaml("en.yaml").get("city_parts") or []
    body = "|".join(re.escape(w) for w in words) or "(?!)"
    return re.compile(rf"['’]s\s+(?:[A-Z][\w’'-]*\s+){{0,3}}(?:{body})(?!\w)")


@cache
def capital_verbs() -> re.Pattern:
    """What a capital does when it stands for its government (`capital_verbs` in each
    lexicon: "Moscow said", "Москва запустила", "Київ випустив")."""
    words = [
        word
        for name in ("en.yaml", "ru.yaml", "uk.yaml")
        for word in load_yaml(name).get("capital_verbs") or []
    ]
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"\s+(?:{body})(?!\w)")


def lookup_english(name: str) -> str | None:
    lowered = name.strip().lower()
    for key, code in english_names().items():
        if key.lower() == lowered:
            return code
    return None


@cache
def english_name_pattern() -> re.Pattern:
    names = sorted(english_names(), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)", FLAGS)


def merge_english_chains(text: str, found: list[RegionMention]) -> list[RegionMention]:
    names = {name.lower(): code for name, code in english_names().items()}
    if "region" not in text.lower():
        return found
    chains = english_chains(text)
    # a city's name inside a chain of regions is its region: "the Kyiv and Poltava regions"
    found = [
        replace(m, code=names[m.text.lower()])
        if m.text.lower() in names and any(s <= m.start and m.end <= e for s, e in chains)
        else m
        for m in found
    ]
    taken = {position for m in found for position in range(m.start, m.end)}
    extra = []
    for chain_start, chain_end in chains:
        for hit in english_name_pattern().finditer(text, chain_start, chain_end):
            if hit.start() in taken:
                continue
            taken.update(range(hit.start(), hit.end()))
            extra.append(
                RegionMention(names[hit.group(0).lower()], hit.start(), hit.end(), hit.group(0))
            )
    return sorted(found + extra, key=lambda m: m.start)


def english_name(code: str) -> str:
    entry = region_table().get(code)
    return entry["en"] if entry else code
