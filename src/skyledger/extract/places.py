"""Place mentions (towns, villages, districts, communities) and their geocoding.

Places are found from cue words ("в селе X", "X район", "the town of X", "між X і Y").
When `skyledger.geo.geocode` exists it resolves each mention; otherwise the mention
keeps its pymorphy3 dictionary form and stays unresolved.
"""

from __future__ import annotations

import re
from functools import lru_cache

from skyledger.extract.morph import nominative, parse
from skyledger.records import PlaceMention

CAP = r"[A-ZА-ЯІЇЄҐЁ][\w’'ʼ\-]+"
CAPS = rf"{CAP}(?:\s+{CAP})?"
PATTERNS = {
    "ru": [
        (
            re.compile(
                rf"(?<!\w)(?:сел[оаеу]|селе|пос[её]лк\w*|пос\.|пгт|хутор[еау]?|деревн[яиеюй]|город[еау]?|г\.|с\.|д\.|х\.)\s+({CAPS})"
            ),
            "plain",
        ),
        (
            re.compile(
                rf"({CAP})\s+(район\w*|городск\w+ округ\w*|муниципальн\w+ округ\w*|округ\w*)"
            ),
            "district",
        ),
        (re.compile(rf"(?<!\w)[Мм]ежду\s+({CAP})\s+и\s+({CAP})"), "pair"),
    ],
    "uk": [
        (
            re.compile(rf"(?<!\w)(?:с\.|м\.|смт|сел[оіа]|селищ[еіа]|міст[оіа]|місті)\s+({CAPS})"),
            "plain",
        ),
        (re.compile(rf"({CAP})\s+(район\w*|громад\w*)"), "district"),
        (re.compile(rf"(?<!\w)[Мм]іж\s+({CAP})\s+(?:і|та|й)\s+({CAP})"), "pair"),
    ],
    "en": [
        (
            re.compile(
                rf"(?:cities|towns|villages|settlements|communities|districts)\s+(?:of\s+|were\s+|:\s*)?((?:{CAP}(?:,\s+(?:and\s+)?|\s+and\s+))*{CAP})"
            ),
            "list",
        ),
        (re.compile(rf"(?:city|town|village|settlement)\s+of\s+({CAP})"), "plain"),
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
        "districts",
        "city",
        "between",
    ),
}


def find_places(text: str, lang: str, offset: int = 0) -> list[PlaceMention]:
    lowered = text.lower()
    if not any(cue in lowered for cue in CUES.get(lang, ())):
        return []
    found: list[PlaceMention] = []
    for pattern, kind in PATTERNS.get(lang, []):
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


def district_name(word: str, noun: str, lang: str) -> str | None:
    """'Дзержинском районе' -> 'Дзержинский район', 'Межівській громаді' -> 'Межівська громада'."""
    lowered = noun.lower()
    if parse(word.lower(), lang).tag.POS not in ("ADJF", "PRTF") if lang in ("ru", "uk") else False:
        return None  # "Кілька районів": not a district's name
    if lowered.startswith("район"):
        head = nominative(word + " район", lang).split()[0]
        return f"{head} район"
    if lowered.startswith("громад"):
        adjective = nominative(word, lang)
        fem = adjective[:-2] + "а" if adjective.endswith(("ий", "ій")) else adjective
        return f"{fem} громада"
    if "округ" in lowered:
        return None
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
    if geocode is None:
        return place
    try:
        result = geocode(place.text, context=context, lang=lang, admin1=admin1)
    except Exception:  # a geocoder failure must never lose the claim
        return place
    if not result:
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
