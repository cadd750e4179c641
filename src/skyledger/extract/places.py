"""Place mentions (towns, villages, districts, communities) and their geocoding.

Places are found from cue words ("в селе X", "X район", "the town of X", "між X і Y"),
and, more cautiously, as capitalised names after a preposition or an attack verb ("над
Сасово", "атаковали Погар", "a residential area of Kupiansk"): those count only when the
gazetteer knows the name as it is written or inflected. When `skyledger.geo.geocode` exists
it resolves each mention; otherwise the mention keeps its pymorphy3 dictionary form and stays
unresolved. The words are the language's `places` in lang/*.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from skyledger.extract.lexicon import load_yaml
from skyledger.extract.morph import nominative, parse
from skyledger.records import PlaceMention

CAP = r"[A-ZА-ЯІЇЄҐЁ][\w’'ʼ\-]+"
CAPS = rf"{CAP}(?:\s+{CAP})?"
# A name after a weak cue: a capital, then lower-case letters (no "ВСУ", no "НАТО").
# a capital, lower-case letters, and hyphenated parts that may open with a capital
# ("Новгород-Сіверщина", "Івано-Франківськ", "Ростов-на-Дону"); a lower-case letter last
NAME = (
    r"[A-ZА-ЯІЇЄҐЁ][a-zа-яіїєґё’'ʼ]*(?:-[A-ZА-ЯІЇЄҐЁa-zа-яіїєґё][a-zа-яіїєґё’'ʼ]*)*"
    r"(?<=[a-zа-яіїєґё])"
)
NAME_AT = re.compile(rf"{NAME}(?![\w’'ʼ])")
NEXT_NAME = re.compile(rf"[ \t]+({NAME})(?![\w’'ʼ])")
# Geocoder confidence that lets a place name its region when nothing else does: one place of
# that name, or one some twenty times bigger than the next (Bila Tserkva, a city, over a village
# of that name; Kremenchuk, a city of 225,000, over a town of 11,000 that GeoNames also calls
# so; not Sasovo, a town, over a village a tenth its size).
CONFIDENT = 0.65
SETTLED = ("place", "admin2")  # precisions that name a place (not a region or a country)
# Regions that are one city: the city is the region, so it is not listed among the places.
CITY_REGIONS = frozenset({"RU-MOW", "RU-SPE", "UA-30", "UA-40"})


@cache
def place_words(lang: str) -> dict:
    return load_yaml(f"{lang}.yaml").get("places") or {}


def alternation(fragments) -> str:
    return "|".join(sorted((str(f) for f in fragments), key=len, reverse=True))


def nouns(lang: str, kind: str | None = None) -> list[str]:
    """Words before a settlement's name: of one kind (town, village), or all."""
    groups = place_words(lang).get("nouns") or {}
    return [n for k, words in groups.items() if kind in (None, k) for n in words or []]


@cache
def patterns(lang: str) -> list[tuple[re.Pattern, str]]:
    words = nouns(lang)
    plain = (
        [(re.compile(rf"(?:{word_start_first_letter(words)})\s+({CAPS})"), "plain")]
        if words
        else []
    )
    return plain + STRUCTURES.get(lang, [])


def word_start_first_letter(words) -> str:
    """An alternation of words, each at a word start: "(?<!\\w)" after its first letter ("г\\." ->
    "г(?<!\\w.)\\."), the same matches. A pattern whose every alternative opens with a letter lets
    the engine skip ahead to those letters; one that opens with the lookbehind is tried at
    every position. Words that do not open with a plain letter keep it in front."""
    ordered = sorted((str(w) for w in words), key=len, reverse=True)
    if all(OPENS_WITH_LETTER.match(word) for word in ordered):
        return "|".join(rf"{word[0]}(?<!\w.){word[1:]}" for word in ordered)
    return rf"(?<!\w)(?:{alternation(ordered)})"


OPENS_WITH_LETTER = re.compile(r"[^\W\d_](?![?*+{])")


@cache
def village_before(lang: str) -> re.Pattern | None:
    words = nouns(lang, "village")
    return re.compile(rf"(?<!\w)(?:{alternation(words)})\s+$") if words else None


def village(text: str, start: int, lang: str) -> bool:
    """The name at `start` is a village's, by the word before it ("в селе X", "village of X")."""
    pattern = village_before(lang)
    return bool(pattern and pattern.search(text, max(0, start - 20), start))


STRUCTURES = {
    "ru": [
        (
            re.compile(
                rf"({CAP})\s+(район\w*|городск\w+ округ\w*|муниципальн\w+ округ\w*|округ\w*)"
            ),
            "district",
        ),
        (re.compile(rf"[Мм](?<!\w.)ежду\s+({CAP})\s+и\s+({CAP})"), "pair"),  # letter first: fast
        # "в Мещовском, Юхновском и Боровском районах": every name of the list, not the last
        (
            re.compile(
                rf"({CAP}(?:,\s*|\s+и\s+)(?:{CAP}(?:,\s*|\s+и\s+)){{0,11}}){CAP}\s+"
                rf"(район(?:ах|ов|ы|ами)|(?:городск|муниципальн)\w+ округ(?:ах|ов|ами))(?!\w)"
            ),
            "districts",
        ),
    ],
    "uk": [
        (re.compile(rf"({CAP})\s+(район\w*|громад\w*)"), "district"),
        (
            re.compile(
                rf"({CAP}(?:,\s*|\s+(?:і|та|й)\s+)(?:{CAP}(?:,\s*|\s+(?:і|та|й)\s+)){{0,11}}){CAP}\s+"
                rf"(район(?:ах|ів|и|ами)|громад(?:ах|ами|и))(?!\w)"
            ),
            "districts",
        ),
        (re.compile(rf"[Мм](?<!\w.)іж\s+({CAP})\s+(?:і|та|й)\s+({CAP})"), "pair"),
    ],
    "en": [
        (re.compile(rf"({CAP})\s+(districts?|raions?|rayons?)(?!\w)"), "district"),
        # "over the Liskinsky and Ostrogozhsky districts": every name of the list
        (
            re.compile(
                rf"({CAP}(?:,\s*(?:and\s+)?|\s+and\s+)(?:{CAP}(?:,\s*(?:and\s+)?|\s+and\s+)){{0,11}})"
                rf"{CAP}\s+(districts|raions)(?!\w)"
            ),
            "districts",
        ),
        (
            re.compile(
                rf"(?:cities|towns|villages|settlements|communities|districts)\s+(?:of\s+|were\s+|:\s*)?((?:{CAP}(?:,\s+(?:and\s+)?|\s+and\s+))*{CAP})"
            ),
            "list",
        ),
        (
            re.compile(
                rf"between\s+(?:the\s+)?(?:populated areas|villages|towns|settlements)\s+of\s+({CAP})\s+and\s+({CAP})"
            ),
            "pair",
        ),
        (re.compile(rf"(?:towns?|villages?)\s+of\s+({CAP})\s+and\s+({CAP})"), "pair"),
    ],
}

# Pieces of the cue words that every pattern of a language needs, lower case: a cheap
# substring test before the patterns.
CUES = {
    "ru": (
        "сел",
        "пос",
        "пгт",
        "хутор",
        "деревн",
        "город",
        "г.",
        "с.",
        "д.",
        "х.",
        "район",
        "округ",
        "ежду",
    ),
    "uk": ("с.", "м.", "смт", "сел", "міст", "район", "громад", "між"),
    "en": (
        "cities",
        "town",
        "village",
        "settlement",
        "communities",
        "district",
        "raion",
        "rayon",
        "city",
        "between",
    ),
}


def find_places(text: str, lang: str, offset: int = 0) -> list[PlaceMention]:
    lowered = text.lower()
    if not any(cue in lowered for cue in CUES.get(lang, ())):
        return []
    found: list[PlaceMention] = []
    for pattern, kind in patterns(lang):
        for match in pattern.finditer(text):
            if kind == "district":
                word, noun = match.group(1), match.group(2)
                normal = district_name(word, noun, lang)
                if normal:
                    found.append(
                        mention(
                            match.group(0), normal, match.start() + offset, match.end() + offset
                        )
                    )
            elif kind == "districts":
                for name in re.finditer(CAP, match.group(1)):
                    normal = district_name(name.group(0), match.group(2), lang)
                    if normal:
                        start = match.start(1) + name.start() + offset
                        found.append(
                            mention(name.group(0), normal, start, start + len(name.group(0)))
                        )
            elif kind == "list":
                for name in re.finditer(CAP, match.group(1)):
                    start = match.start(1) + name.start() + offset
                    found.append(
                        mention(name.group(0), name.group(0), start, start + len(name.group(0)))
                    )
            else:
                for index in range(1, (match.lastindex or 1) + 1):
                    word = match.group(index)
                    if not word:
                        continue
                    start = match.start(index) + offset
                    found.append(mention(word, nominative(word, lang), start, start + len(word)))
    unique, seen = [], set()
    for place in sorted(found, key=lambda p: p.span):
        if place.normal in seen:
            continue
        seen.add(place.normal)
        unique.append(place)
    return unique


# "между A и B", "між A та B", "between (the villages of) A and B": the claim lies between
# the two places, so they are the ends of one segment, not two places hit.
BETWEEN_BEFORE = {
    "ru": re.compile(r"(?<!\w)[Мм]ежду\s+$"),
    "uk": re.compile(r"(?<!\w)[Мм]іж\s+$"),
    "en": re.compile(
        r"(?<!\w)[Bb]etween\s+(?:the\s+)?(?:(?:populated areas|villages|towns|settlements)\s+of\s+)?$"
    ),
}
BETWEEN_JOIN = {
    "ru": re.compile(r"\s+и\s+"),
    "uk": re.compile(r"\s+(?:і|та|й)\s+"),
    "en": re.compile(r"\s+and\s+(?:the\s+)?"),
}


def mark_between(places: list[PlaceMention], text: str, offset: int, lang: str) -> list:
    """Two resolved places joined by "between … and …" become `between-places` (each keeps
    its point), so maps and exports draw the segment joining them."""
    before, join = BETWEEN_BEFORE.get(lang), BETWEEN_JOIN.get(lang)
    if before is None or join is None:
        return places
    ordered = sorted(
        (p for p in places if p.span and p.geo_precision == "place"), key=lambda p: p.span
    )
    ends: set[int] = set()
    for a, b in zip(ordered, ordered[1:], strict=False):
        start, gap = a.span[0] - offset, text[a.span[1] - offset : b.span[0] - offset]
        if before.search(text[max(0, start - 60) : start]) and join.fullmatch(gap):
            ends.update((id(a), id(b)))
    return [
        p.model_copy(update={"geo_precision": "between-places"}) if id(p) in ends else p
        for p in places
    ]


def district_name(word: str, noun: str, lang: str) -> str | None:
    """'Дзержинском районе' -> 'Дзержинский район', 'Межівській громаді' -> 'Межівська громада',
    'Nikopol district' as written."""
    lowered = noun.lower()
    if lang == "en":
        return f"{word} {lowered.removesuffix('s')}"
    if parse(word.lower(), lang).tag.POS not in ("ADJF", "PRTF") if lang in ("ru", "uk") else False:
        return None  # "Кілька районів": not a district's name
    if lowered.startswith("район"):
        head = nominative(word + " район", lang).split()[0]
        return f"{head} район"
    if lowered.startswith("громад"):
        adjective = nominative(word, lang)
        fem = adjective[:-2] + "а" if adjective.endswith(("ий", "ій")) else adjective
        return f"{fem} громада"
    if "округ" in lowered:  # "Грайворонском округе", "Шебекинском городском округе"
        return nominative(f"{word} {noun}", lang)
    return None


def mention(text: str, normal: str, start: int, end: int) -> PlaceMention:
    return PlaceMention(text=text, normal=normal, span=(start, end))


@lru_cache(maxsize=1)
def geocoder():
    """`skyledger.geo.geocode` when that stage is installed, else None."""
    try:
        from skyledger.geo import geocode  # type: ignore[attr-defined]
    except ImportError:
        return None
    return geocode


def resolve(place: PlaceMention, context: str, lang: str, admin1: str | None) -> PlaceMention:
    geocode = geocoder()
    if geocode is None or place.geo_precision != "unresolved" or place.candidates:
        return place  # no geocoder, or looked up already (a name after a weak cue)
    try:
        result = geocode(place.text, context=context, lang=lang, admin1=admin1)
        if unresolved(result) and is_district(place) and place.normal != place.text:
            # a district of a list is written as its adjective alone ("над Лискинским,
            # Острогожским и Россошанским районами"): its dictionary form names it whole
            result = geocode(place.normal, context=context, lang=lang, admin1=admin1)
    except Exception:  # a geocoder failure must never lose the claim
        return place
    if not result or foreign_community(place, result.get("admin1")):
        return place
    return place.model_copy(
        update={
            "geonameid": result.get("geonameid"),
            "name": result.get("name"),
            "lat": result.get("lat"),
            "lon": result.get("lon"),
            "admin1": result.get("admin1"),
            "geo_precision": result.get("precision") or "unresolved",
            "candidates": result.get("candidates") or [],
            "normal": place.normal or result.get("normal"),
        }
    )


DISTRICT_NOUNS = ("район", "округ", "громада", "district", "raion", "rayon")  # district_name's


def is_district(place) -> bool:
    return bool(place.normal) and place.normal.endswith(DISTRICT_NOUNS)


def region_of_places(places: list) -> str | None:
    """The one region a claim's districts lie in, when the text names no region ("В
    Ракитянском районе атакован автомобиль": RU-BEL)."""
    codes = {
        p.admin1
        for p in places
        if p.admin1 and p.geo_precision in REGIONAL and not foreign_community(p)
    }
    return codes.pop() if len(codes) == 1 else None


REGIONAL = ("admin2", "admin1")


def foreign_community(place, code: str | None = None) -> bool:
    """A hromada is a Ukrainian unit: one found abroad is a namesake ("Зеленодольська
    громада" is no district of Tatarstan)."""
    code = code or place.admin1 or ""
    return bool(place.normal) and place.normal.endswith("громада") and not code.startswith("UA-")


def unresolved(result: dict | None) -> bool:
    return not result or result.get("precision") in (None, "unresolved")


# --- names after weak cues ----------------------------------------------------------------


class Candidate(NamedTuple):
    """A capitalised word right after a weak cue, and where the two-word name it may open ends."""

    start: int
    end: int
    long_end: int | None  # "Нова Каховка", "Ivan Fedorov": a second capitalised word
    cue: str  # the cue, lower case


# A capital after a space or a tab: where a name after a cue may start.
CAPITAL = re.compile(r"[ \t]([A-ZА-ЯІЇЄҐЁ])")
OPENING_MARKS = "([«\"'“„‘"  # may stand before a cue: "(в Погаре)"
STOPS = frozenset(".,;:!?)»”…")  # end a word: no cue ends with one
POSSESSIVE = re.compile(r"[’'][sS]$")  # "in Kyiv's centre": the name is "Kyiv"


@dataclass(frozen=True)
class Cues:
    """One language's `places: cues`: single words, stems ("атакова\\w*"), and phrases keyed
    by their last word ("рядом с", "в районе")."""

    words: frozenset[str]
    stems: tuple[str, ...]
    phrases: dict[str, tuple[str, ...]]


@cache
def cue_table(lang: str) -> Cues:
    words, stems, phrases = set(), [], {}
    for cue in place_words(lang).get("cues") or []:
        cue = " ".join(str(cue).lower().split())
        if cue.endswith("\\w*"):
            stems.append(cue[:-3])
        elif " " in cue:
            phrases.setdefault(cue.rsplit(" ", 1)[1], []).append(cue)
        else:
            words.add(cue)
    return Cues(frozenset(words), tuple(stems), {last: tuple(p) for last, p in phrases.items()})


def named_candidates(text: str, lang: str) -> list[Candidate]:
    """Capitalised words right after a weak cue, and the names listed after one ("атакували
    Куп'янськ, Золочів та Великий Бурлук"): cheap to find (capitals are few, and the word
    before one is looked up in a set), checked by the gazetteer later."""
    cues = cue_table(lang)
    if not (cues.words or cues.stems or cues.phrases):
        return []
    found: list[Candidate] = []
    listed: list[int] = []  # where each run of listed names after the first ends its last name
    for capital in CAPITAL.finditer(text):
        position = capital.start(1)
        cue = listed_after(text, position, found)
        if cue is not None:
            listed.append(len(found))
        else:
            if text[position - 2 : position - 1] in STOPS:
                continue  # "области. Над", "Kursk, Bryansk": no cue before a stop or a comma
            cue = cue_before(text, position, cues) or cue_before_instrument(text, position, cues)
        if cue is None:
            continue
        name = NAME_AT.match(text, position)
        if name is None:
            continue
        end = name.end() - 2 if POSSESSIVE.search(name.group(0)) else name.end()
        second = NEXT_NAME.match(text, name.end())
        found.append(Candidate(position, end, second.end(1) if second else None, cue))
    return without_listed_regions(text, found, set(listed))


def without_listed_regions(text: str, found: list[Candidate], listed: set[int]) -> list:
    """Names listed before a region or district noun ("у Харківській, Сумській областях",
    "in the Kherson and Mykolaiv regions") are regions, told by the region mentions: the
    names after the first are no towns."""
    if not listed:
        return found
    dropped = [False] * len(found)
    regions_after = False  # whether the run the name belongs to ends before a region noun
    for index in range(len(found) - 1, -1, -1):  # from the end, so each run is read once
        if index + 1 not in listed:  # the run's last name
            candidate = found[index]
            regions_after = bool(REGION_NOUN_AFTER.match(text, candidate.long_end or candidate.end))
        dropped[index] = index in listed and regions_after
    return [c for c, drop in zip(found, dropped, strict=True) if not drop]


# a region or district noun after a list of names: the names are regions or districts
REGION_NOUN_AFTER = re.compile(
    r"[ \t]+(?:област|регион|район|громад|округ|region|oblast|district|communit|province)",
    re.IGNORECASE,
)
# between two names of a list: a comma, a conjunction, or both
LIST_JOIN = re.compile(r"(?:,[ \t]*|,?[ \t]+(?:та|і|й|и|and)[ \t]+)")
INSTRUMENT_ENDINGS = ("ами", "ями")  # "атакували дронами Суми"


def listed_after(text: str, position: int, found: list[Candidate]) -> str | None:
    """The cue of the name listed right before this one ("у Куп'янську, Золочеві та …"), a
    comma or a conjunction between them."""
    if not found or position - found[-1].end > 40:
        return None  # no list join is that long
    last = found[-1]
    for end in (last.long_end, last.end):
        if end is not None and LIST_JOIN.fullmatch(text, end, position):
            return last.cue
    return None


def cue_before_instrument(text: str, position: int, cues: Cues) -> str | None:
    """A cue before the weapon the place was attacked with ("атакували дронами Куп'янськ",
    "атаковали беспилотниками Шебекино")."""
    end = len(text[:position].rstrip(" \t"))
    start = text.rfind(" ", 0, end) + 1
    word = text[start:end]
    if not word.endswith(INSTRUMENT_ENDINGS) or not word.isalpha() or start < 2:
        return None
    cue = cue_before(text, start, cues)
    return cue if cue is not None and cues.stems and cue.startswith(cues.stems) else None


# A stop, a line break or a dash: a sentence or a line may open after it (one character
# class, so the scan skips ahead fast); a dash only between spaces, as after a dateline
# ("KYIV, Oct 5 (Reuters) - Zaporizhzhia was attacked").
STOP_OR_BREAK = re.compile(r"[.!?…\n\-–—]")
DASHES = "-–—"


@cache
def subject_cues(lang: str) -> re.Pattern | None:
    words = place_words(lang).get("subject_cues")
    return re.compile(rf"[ \t]+(?:{alternation(words)})", re.IGNORECASE) if words else None


def sentence_openings(text: str):
    """The text's start, and where a word follows a stop and a space, a line break, or a
    dash between spaces."""
    yield 0
    for stop in STOP_OR_BREAK.finditer(text):
        if stop.group() in DASHES and text[stop.start() - 1 : stop.start()] != " ":
            continue  # "Новгород-Сіверський": a hyphen inside a word
        at = stop.end()
        while text[at : at + 1] in (" ", "\t"):
            at += 1
        if at > stop.end() or stop.group() == "\n":
            yield at


def subject_candidates(text: str, lang: str) -> list[Candidate]:
    """A name opening a sentence as the subject of an attack ("Саратов атакован
    беспилотниками", "Павлоград атакували дрони"): no cue stands before it, the verb after it
    is one (`places: subject_cues`)."""
    after = subject_cues(lang)
    if after is None:
        return []
    found = []
    for opening in sentence_openings(text):
        name = NAME_AT.match(text, opening)
        if name is None:
            continue
        second = NEXT_NAME.match(text, name.end())
        verb = after.match(text, second.end(1) if second else name.end())
        if verb is None and second is not None:
            second, verb = None, after.match(text, name.end())
        if verb is not None:
            long_end = second.end(1) if second else None
            found.append(Candidate(name.start(), name.end(), long_end, verb.group(0).strip()))
    return found


def cue_before(text: str, position: int, cues: Cues) -> str | None:
    """The cue (lower case) that ends right before the word at `position`, if any: the
    whitespace-delimited word there, looked up whole (string searches, no pattern)."""
    end = position - 1
    if not text[end - 1 : end].isalpha():
        if text[end - 1 : end] not in (" ", "\t"):
            return None  # "области. Над": a stop or a comma, no cue
        end = len(text[:end].rstrip(" \t"))  # two spaces
    start = text.rfind(" ", 0, end) + 1
    word = text[start:end].lower()
    if word in cues.words:
        return word
    if not word.isalpha():  # a tab, a line break or a bracket before the word: the slow way
        end = len(text[:end].rstrip(" \t"))
        token = text[:end].split()[-1:] or [""]
        stripped = token[0].lstrip(OPENING_MARKS)
        start, word = end - len(stripped), stripped.lower()
        if word in cues.words:
            return word
    if cues.stems and word.startswith(cues.stems) and word.isalpha():
        return word
    for phrase in cues.phrases.get(word, ()):
        begin = start - (len(phrase) - len(word))
        if begin >= 0 and text[begin:end].lower() == phrase and word_starts_at(text, begin):
            return phrase
    return None


def word_starts_at(text: str, position: int) -> bool:
    return position == 0 or not (text[position - 1].isalnum() or text[position - 1] in "-_")


@cache
def list_step(lang: str) -> re.Pattern:
    """One more name of a list: after a comma, a colon, an 'and' or a space."""
    joiners = load_yaml(f"{lang}.yaml").get("and_words") or []
    joined = "|".join(re.escape(str(w)) for w in joiners) or "(?!)"
    return re.compile(rf"(?:\s*[,:]\s*|\s+(?:{joined})\s+|\s+)({CAP})")


MAX_LISTED = 12  # names in one list of launch sites


def launch_sites(text: str, lang: str, cue_ends: list[int]) -> list[tuple[int, int]]:
    """Spans of the names listed after a launch cue ending at `cue_ends` ("з напрямків: Курськ,
    Орел", "launched from Kursk and Bryansk"): where the weapons came from, not where they
    struck."""
    step, found = list_step(lang), []
    for position in cue_ends:
        for _ in range(MAX_LISTED):
            name = step.match(text, position)
            if name is None:
                break
            found.append((name.start(1), name.end(1)))
            position = name.end()
    return found


@lru_cache(maxsize=16384)
def lookup(name: str, lang: str, admin1: str | None) -> dict | None:
    """The gazetteer's answer for a name as written or inflected (no fuzzy matching); memoised,
    and read only by the callers."""
    geocode = geocoder()
    if geocode is None:
        return None
    try:
        return geocode(name, lang=lang, admin1=admin1, fuzzy=False)
    except Exception:  # a geocoder failure must never lose the claim
        return None


def locate(
    name: str, span: tuple[int, int], lang: str, scopes: list[str], anywhere: bool
) -> tuple[PlaceMention | None, str | None]:
    """A name after a weak cue as a place, and the region it settles, if any.

    The name is looked up in the regions the report gives (`scopes`, most likely first); a
    name found only elsewhere is no place of the claim (a village the gazetteer lacks, named
    like a town far away, or no place at all: "У Деснянському" is Kyiv's district). When the
    report gives no region (`anywhere`), a name the gazetteer knows is a place, and it names
    its region only when the gazetteer is confident (one place of that name, or one far bigger
    than the rest); otherwise it stays unresolved with its candidates.
    """
    for scope in scopes:
        found = lookup(name, lang, scope)
        if found and found["precision"] in SETTLED:
            return settled(name, span, found), scope
    if not anywhere:
        return None, None
    found = lookup(name, lang, None)
    if not found or found["precision"] not in SETTLED:
        return None, None
    if found["confidence"] >= CONFIDENT:
        return settled(name, span, found), found["admin1"]
    return PlaceMention(
        text=name,
        normal=as_written(name, found["normal"] or name),
        span=span,
        candidates=[dict(c) for c in found["candidates"]],
    ), None


def city_of(
    text: str, span: tuple[int, int], cue: str, lang: str, code: str
) -> PlaceMention | None:
    """A region named by its city after a weak cue ("в Курске", "in Sumy"): the city is a
    place of the claim, unless it is the region itself (Moscow, Kyiv), the name is the
    region's ("в Дніпропетровській області", "over Rostov and Tver regions"), or the cue
    means the land around it ("на Запоріжжі", but "на Белгород")."""
    start, end = span
    if code in CITY_REGIONS or region_word_after(text, end):
        return None  # (asked again: a caller may not have sorted these out)
    name = text[start:end]
    found = lookup(name, lang, code)
    if not found or found["precision"] != "place":
        return None
    if cue in (place_words(lang).get("area_cues") or ()) and name != found["normal"]:
        return None
    return settled(name, span, found)


WORD_AFTER = re.compile(r"\s+([\w’'ʼ]+)")


def region_word_after(text: str, end: int) -> bool:
    """'область', 'regions' ... right after a name: the name is the region's."""
    from skyledger.geo.mention import phrases
    from skyledger.geo.normalize import name_key

    word = WORD_AFTER.match(text, end)
    return bool(word) and name_key(word.group(1)) in phrases("region_words")


APOSTROPHES = "’'ʼ"


def as_written(name: str, normal: str) -> str:
    """The gazetteer's dictionary form spelt as the text spells names: its apostrophe put back
    ("Куп'янську" -> "Куп'янськ", not "Купянськ"), its hyphens and their capitals
    ("Ростове-на-Дону" -> "Ростов-на-Дону", not "Ростов на Дону")."""
    mark = next((i for i, char in enumerate(name) if char in APOSTROPHES), None)
    if (
        mark is not None
        and not any(char in APOSTROPHES for char in normal)
        and normal[:mark].lower() == name[:mark].lower()
    ):
        normal = normal[:mark] + name[mark] + normal[mark:]
    if "-" in name:
        parts, words = name.split("-"), normal.replace("-", " ").split()
        if len(parts) == len(words):
            normal = "-".join(
                word[:1].upper() + word[1:] if part[:1].isupper() else word
                for part, word in zip(parts, words, strict=True)
            )
    return normal


def settled(name: str, span: tuple[int, int], found: dict) -> PlaceMention:
    """The place the gazetteer found (its answer is trusted: built without validation)."""
    return PlaceMention.model_construct(
        text=name,
        normal=as_written(name, found["normal"] or name),
        name=found["name"],
        geonameid=found["geonameid"],
        lat=found["lat"],
        lon=found["lon"],
        admin1=found["admin1"],
        geo_precision=found["precision"],
        span=span,
        candidates=[dict(c) for c in found["candidates"]],
    )
