"""geocode(): a place mention -> GeoNames id, ISO 3166-2 admin1, coordinates and precision.

Look-ups are dictionary hits on precomputed keys (inflected and romanised forms are in the
gazetteer). Morphology and fuzzy matching run only on misses, and fuzzy matching only inside
the stated admin1 (or the regions the context names): unresolved beats a wrong place.

Points by precision:
- place: the GeoNames point; between-places: the midpoint of the two places;
- admin2: the point of the district's seat (the town it is named after, matched when the
  gazetteer is built), else the town a community or district not in GeoNames is named after;
  a district with no known seat answers with its region (admin1);
- admin1: the area centroid of the region's Natural Earth polygon, or its most populous place
  when the centroid falls outside the polygon;
- country: the GeoNames country point.
Ranking: the stated admin1 is a filter, never a hint; then regions and unambiguous places the
context sentence names; then population.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from skyledger.geo.build import CYR_ADJ, DISTRICT_STEM, REGION_STEM, latin_stem, seat_match
from skyledger.geo.gazetteer import INFLECTED, District, Entry, Gazetteer, Place, load
from skyledger.geo.lemmas import dictionary_form, lemma_keys
from skyledger.geo.mention import Parsed, find_group, parse, strip_leading, tokenize
from skyledger.geo.normalize import latin_fold, name_key, script_of
from skyledger.geo.translit import romanisations

FOLDED = 3  # an entry found through the folded Latin skeleton (Kurchatow ~ Kurchatov)
CITY_REGIONS = frozenset({"RU-MOW", "RU-SPE", "UA-30", "UA-40", "BY-HM"})
FUZZY_RESOLVE = 85  # rapidfuzz ratio needed to resolve a misspelling (one typo in 7 letters)
FUZZY_LIST = 50  # ... and to list a candidate
FUZZY_MARGIN = 5  # ... and by how much it must beat the next place
NEAR_KM = 75
TOWN_OVER_REGION = 10_000  # a place this populous beats a region of the same name
MAX_CANDIDATES = 5
# a place's former or other name ("Слов'янськ" once named Nikopol) loses to the place whose
# own name it is
OTHER_NAME = 0.2
_CASE_ENDING = re.compile(r"(?:ами|ями|ах|ях|ом|ем|ой|ей|ою|ею|ію|у|ю|е|і|и|а|я|ы)$")
_AREA_SUFFIX = re.compile(r"(?:щин|ччин|чин)(?:а|и|і|у|ою|е|ой|ы)$")
_ISO = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")


def geocode(
    mention: str,
    context: str | None = None,
    lang: str | None = None,
    admin1: str | None = None,
    *,
    fuzzy: bool = True,
) -> dict:
    """Resolve one place mention; see the module docstring. Never raises on odd text.

    `fuzzy=False` takes names only as the gazetteer spells or inflects them (no misspellings,
    no name found inside a longer phrase): for a capitalised word that may not be a place at all.
    """
    text = mention if isinstance(mention, str) else ""
    context = context if isinstance(context, str) else ""
    lang = lang if isinstance(lang, str) else None
    admin1 = admin1 if isinstance(admin1, str) else None
    found = _geocode(text, context, lang, admin1, bool(fuzzy))
    return {**found, "candidates": [dict(c) for c in found["candidates"]]}


@lru_cache(maxsize=16384)
def _geocode(
    text: str, context: str, lang: str | None, admin1: str | None, fuzzy: bool = True
) -> dict:
    """The answer for one set of arguments; cached because reports repeat the same places."""
    gaz = load()
    scope = _stated_admin1(admin1)
    parsed = parse(text)
    if not parsed.tokens:
        return unresolved(text, [], "")
    if parsed.kind == "between":
        return _between(gaz, text, parsed, context, lang, scope)
    if parsed.kind == "district":
        return _district(gaz, text, parsed, context, lang, scope)
    if parsed.kind == "region":
        return _region(gaz, text, parsed, lang, scope)
    return _place(gaz, text, parsed.tokens, context, lang, scope, fuzzy)


def _stated_admin1(admin1: str | None) -> str | None:
    if not isinstance(admin1, str) or not admin1.strip():
        return None
    code = admin1.strip().upper()
    if _ISO.match(code):
        return code
    return region_of(admin1) or code  # an unknown code still restricts: nothing matches


def result(
    mention: str,
    precision: str,
    *,
    geonameid=None,
    name=None,
    lat=None,
    lon=None,
    admin1=None,
    candidates=(),
    normal="",
    confidence=0.0,
) -> dict:
    del mention  # the caller has it; kept in the signature so every answer names its text
    return {
        "geonameid": geonameid,
        "name": name,
        "lat": None if lat is None else round(lat, 5),
        "lon": None if lon is None else round(lon, 5),
        "admin1": admin1,
        "precision": precision,
        "candidates": list(candidates),
        "normal": normal,
        "confidence": round(confidence, 2),
    }


def unresolved(mention: str, candidates, normal: str) -> dict:
    return result(mention, "unresolved", candidates=candidates, normal=normal)


def _candidate(place: Place, score: float) -> dict:
    return {
        "geonameid": place.geonameid,
        "name": place.name,
        "admin1": place.admin1,
        "score": round(score, 3),
    }


# --- places -----------------------------------------------------------------------------


def _place(
    gaz: Gazetteer,
    text: str,
    tokens: list[str],
    context: str,
    lang: str | None,
    scope: str | None,
    fuzzy: bool = True,
) -> dict:
    key = name_key(tokens[0]) if len(tokens) == 1 else name_key(" ".join(tokens))
    entries = _lookup(gaz, key, folded=fuzzy)
    places = _places(entries)
    if len(places) != len(entries):  # the name of a region or a country too
        region = _region_entry(entries)
        if region and _region_wins(gaz, region, places, scope):
            return _region_result(gaz, text, region.ref, region.lemma or " ".join(tokens), scope)
        country = next((e for e in entries if e.kind == "C"), None)
        if country and not places:
            return _country_result(gaz, text, country.ref, " ".join(tokens))
    if not places and len(tokens) == 1 and (area := _AREA_SUFFIX.search(key)):
        # Нікопольщина, Синельниківщина: the land around a town, i.e. its district
        stem = key[: area.start()]
        if len(stem) >= 4:
            normal = dictionary_form(tokens, lang)
            found = _district_answer(gaz, text, district_stems(stem), normal, context, scope)
            if found["precision"] != "unresolved":
                return found
    if not places and script_of(key) == "cyr":
        for lemma_key in lemma_keys(tokens, lang):
            places = _places(_lookup(gaz, lemma_key))
            if places:
                break
    ranked = _rank(gaz, places, scope, context, key)
    if ranked:
        (score, place, entry), rest = ranked[0], ranked[1:]
        normal = entry.lemma or (" ".join(tokens) if script_of(key) != "cyr" else "")
        normal = normal or dictionary_form(tokens, lang)
        confidence = _confidence(score, entry, rest)
        return result(
            text,
            "place",
            geonameid=place.geonameid,
            name=place.name,
            lat=place.lat,
            lon=place.lon,
            admin1=place.admin1,
            normal=normal,
            confidence=confidence,
            candidates=[
                _candidate(p, confidence * s / score) for s, p, _ in ranked[:MAX_CANDIDATES]
            ],
        )
    if not fuzzy:
        return unresolved(text, [], dictionary_form(tokens, lang))
    if len(tokens) > 1:
        inner = _name_inside(gaz, tokens, scope)
        if inner:  # "Tuapse refinery", "Engels airbase": the name inside the phrase
            found = _place(gaz, text, inner, context, lang, scope)
            return {**found, "confidence": round(found["confidence"] * 0.8, 2)}
    return _fuzzy_place(gaz, text, tokens, key, context, lang, scope)


def _name_inside(gaz: Gazetteer, tokens: list[str], scope: str | None) -> list[str] | None:
    """The longest capitalised run of words in a phrase that is a place's name as such (not an
    inflected form: 'Черного моря' must not find a village Черное), inside the admin1."""
    for size in range(len(tokens) - 1, 0, -1):
        for start in range(len(tokens) - size + 1):
            span = tokens[start : start + size]
            if not span[0][:1].isupper():
                continue
            entries = _places(_lookup(gaz, name_key(" ".join(span))))
            if any(
                e.form != INFLECTED and (not scope or gaz.places[e.ref].admin1 == scope)
                for e in entries
            ):
                return span
    return None


def _region_wins(gaz: Gazetteer, region: Entry, places: list[Entry], scope: str | None) -> bool:
    """A name of both a region and places: Kirov the town, but Крым the region (not the village)."""
    populations = [
        gaz.places[e.ref].population
        for e in places
        if not scope or gaz.places[e.ref].admin1 == scope
    ]
    if not populations:
        return True
    return region.ref not in CITY_REGIONS and max(populations) < TOWN_OVER_REGION


def _lookup(gaz: Gazetteer, key: str, folded: bool = True) -> list[Entry]:
    """Exact keys first; for Latin text, then the folded skeleton (a looser match, marked by
    form FOLDED so its confidence is lowered)."""
    entries = gaz.entries(key)
    if not entries and folded and script_of(key) == "lat":
        entries = [e._replace(form=FOLDED) for e in gaz.fold_entries(latin_fold(key))]
    return entries


def _places(entries: list[Entry]) -> list[Entry]:
    return [e for e in entries if e.kind == "P"]


def _region_entry(entries: list[Entry]) -> Entry | None:
    return next((e for e in entries if e.kind == "R"), None)


def _rank(
    gaz: Gazetteer, entries: list[Entry], scope: str | None, context: str, key: str
) -> list[tuple[float, Place, Entry]]:
    """Candidates inside the stated admin1, best first: context regions and places, population."""
    places = gaz.places
    best: dict[int, Entry] = {}
    for entry in entries:
        if scope and places[entry.ref].admin1 != scope:
            continue
        old = best.get(entry.ref)
        if old is None or entry.form < old.form:
            best[entry.ref] = entry
    if not best:
        return []
    regions, anchors = context_signals(context, key) if len(best) > 1 and context else ((), ())
    ranked = []
    for gid, entry in best.items():
        place = places[gid]
        score = 1.0 - 0.05 * (entry.form == INFLECTED) + _population_weight(place.population)
        if len(best) > 1 and not _own_name(place, entry, key):
            score -= OTHER_NAME
        if regions and place.admin1 in regions:
            score += 0.4
        if anchors and any(
            a[0] != gid and _km(place.lat, place.lon, a[1], a[2]) < NEAR_KM for a in anchors
        ):
            score += 0.25
        ranked.append((score, place, entry))
    ranked.sort(key=lambda item: (-item[0], item[1].geonameid))
    return ranked


def _own_name(place: Place, entry: Entry, key: str) -> bool:
    """The key is the place's own name (its Russian or Ukrainian name, GeoNames' main name or
    their romanisations), not one of its other names."""
    if script_of(key) == "cyr":
        return not entry.lemma or name_key(entry.lemma) in _own_keys(place)
    return latin_fold(key) in _own_folds(place)


@lru_cache(maxsize=4096)
def _own_keys(place: Place) -> frozenset[str]:
    return frozenset(name_key(n) for n in (place.name_ru, place.name_uk) if n)


@lru_cache(maxsize=4096)
def _own_folds(place: Place) -> frozenset[str]:
    folds = {latin_fold(name_key(place.name))}
    for name, langs in ((place.name_ru, ("ru",)), (place.name_uk, ("uk",))):
        if name:
            folds.update(latin_fold(r) for r in romanisations(name_key(name), langs))
    return frozenset(folds)


@lru_cache(maxsize=65536)
def _population_weight(population: int) -> float:
    """Population breaks ties: 0.08 per power of ten (a city of a million: +0.48)."""
    return 0.08 * math.log10(population + 1)


def _confidence(score: float, entry: Entry, rest: list) -> float:
    base = {INFLECTED: 0.9, FOLDED: 0.75}.get(entry.form, 0.95)
    if not rest:
        return base
    gap = score - rest[0][0]
    return max(0.3, min(base, 0.45 + 2 * gap))


def _fuzzy_place(
    gaz: Gazetteer,
    text: str,
    tokens: list[str],
    key: str,
    context: str,
    lang: str | None,
    scope: str | None,
) -> dict:
    normal = dictionary_form(tokens, lang)
    areas = [scope] if scope else sorted(context_signals(context, key)[0])[:3] if context else []
    if not areas or len(key) < 3:
        return unresolved(text, [], normal)
    scored = fuzzy_candidates(gaz, key, areas)
    candidates = [_candidate(place, score / 100) for score, place in scored[:MAX_CANDIDATES]]
    if scored and scored[0][0] >= FUZZY_RESOLVE:
        score, place = scored[0]
        runner_up = next((s for s, p in scored[1:] if p.geonameid != place.geonameid), 0)
        if score - runner_up >= FUZZY_MARGIN:
            return result(
                text,
                "place",
                geonameid=place.geonameid,
                name=place.name,
                lat=place.lat,
                lon=place.lon,
                admin1=place.admin1,
                candidates=candidates,
                normal=normal,
                confidence=0.75 * score / 100,
            )
    return unresolved(text, candidates, normal)


def fuzzy_candidates(gaz: Gazetteer, key: str, areas: list[str]) -> list[tuple[float, Place]]:
    return [(score, gaz.places[gid]) for score, gid in _fuzzy_scores(key, tuple(areas))]


@lru_cache(maxsize=4096)
def _fuzzy_scores(key: str, areas: tuple[str, ...]) -> tuple[tuple[float, int], ...]:
    from rapidfuzz import fuzz, process

    gaz = load()
    latin = script_of(key) != "cyr"
    queries = {latin_fold(key)} if latin else {key, _CASE_ENDING.sub("", key)}
    best: dict[int, float] = {}
    for area in areas:
        names, owners = _fuzzy_choices(area, latin)
        for query in queries:
            for _, score, index in process.extract(
                query, names, scorer=fuzz.ratio, limit=10, score_cutoff=FUZZY_LIST
            ):
                gid = owners[index]
                best[gid] = max(best.get(gid, 0), score)
    ranked = sorted(best.items(), key=lambda item: (-item[1], -gaz.places[item[0]].population))
    return tuple((score, gid) for gid, score in ranked)


@lru_cache(maxsize=512)
def _fuzzy_choices(area: str, latin: bool) -> tuple[list[str], list[int]]:
    """Every name of every place in one admin1: folded Latin or Cyrillic keys."""
    names, owners = [], []
    for place in load().places_in(area):
        strings = (
            place.folds.split("|") if latin else [name_key(n) for n in place.names_cyr.split("|")]
        )
        for string in strings:
            if string:
                names.append(string)
                owners.append(place.geonameid)
    return names, owners


# --- between, districts, regions, countries --------------------------------------------


def _between(
    gaz: Gazetteer, text: str, parsed: Parsed, context: str, lang: str | None, scope: str | None
) -> dict:
    first, second = parsed.parts
    hint = f"{context} {' '.join(parsed.tokens)}"
    a = _place(gaz, " ".join(first), first, hint, lang, scope)
    b = _place(gaz, " ".join(second), second, hint, lang, scope)
    if not scope and (a["precision"] == "place") != (b["precision"] == "place"):
        # the two ends are neighbours: look for the missing one in the region of the found one
        near = a["admin1"] or b["admin1"]
        if a["precision"] != "place":
            a = _place(gaz, " ".join(first), first, hint, lang, near)
        else:
            b = _place(gaz, " ".join(second), second, hint, lang, near)
    ends = [r for r in (a, b) if r["precision"] == "place"]
    normal = f"{a['normal']} – {b['normal']}"
    candidates = [
        {k: r[k] for k in ("geonameid", "name", "admin1")} | {"score": r["confidence"]}
        for r in ends
    ]
    if len(ends) == 2:
        lat, lon = (a["lat"] + b["lat"]) / 2, (a["lon"] + b["lon"]) / 2
        far = _km(a["lat"], a["lon"], b["lat"], b["lon"]) > 150
        return result(
            text,
            "between-places",
            name=f"{a['name']} – {b['name']}",
            lat=lat,
            lon=lon,
            admin1=a["admin1"] if a["admin1"] == b["admin1"] else scope,
            candidates=candidates,
            normal=normal,
            confidence=min(a["confidence"], b["confidence"]) * (0.6 if far else 1),
        )
    if len(ends) == 1:  # one end known: the place is near it
        only = ends[0]
        return {**only, "normal": normal, "confidence": round(only["confidence"] * 0.6, 2)}
    return unresolved(text, a["candidates"] + b["candidates"], normal)


def _district(
    gaz: Gazetteer, text: str, parsed: Parsed, context: str, lang: str | None, scope: str | None
) -> dict:
    """A raion, okrug or hromada named with its district word."""
    normal = dictionary_form(parsed.tokens + parsed.marker, lang)
    stems = district_stems(name_key(" ".join(parsed.tokens)))
    return _district_answer(gaz, text, stems, normal, context, scope)


def _district_answer(
    gaz: Gazetteer, text: str, stems: tuple[str, ...], normal: str, context: str, scope: str | None
) -> dict:
    """The GeoNames admin2 and its seat's point, else the place the district is named after,
    else (a known district without a seat) its region."""
    areas = [scope] if scope else sorted(context_signals(context, "")[0]) if context else []
    found, seatless = _districts(gaz, stems, scope)
    preferred = [d for d in found if d.admin1 in areas] or (found if len(found) == 1 else [])
    candidates = [
        {"geonameid": d.geonameid, "name": d.name, "admin1": d.admin1, "score": 0.5}
        for d in (preferred or found)[:MAX_CANDIDATES]
    ]
    if preferred:
        district = preferred[0]
        return result(
            text, "admin2", geonameid=district.geonameid, name=district.name, lat=district.lat,
            lon=district.lon, admin1=district.admin1, normal=normal, candidates=candidates,
            confidence=0.85 if len(preferred) == 1 else 0.5,
        )  # fmt: skip
    if found:  # the same district name in several regions, none of them stated
        return unresolved(text, candidates, normal)
    seat = _seat(gaz, stems, areas or sorted(seatless))
    district = _district_seated_at(seat.geonameid) if seat is not None else None
    if district is not None:  # "Synelnykove Raion": named after its seat, not by an adjective
        return result(
            text, "admin2", geonameid=district.geonameid, name=district.name, lat=district.lat,
            lon=district.lon, admin1=district.admin1, normal=normal, confidence=0.7,
            candidates=[{"geonameid": district.geonameid, "name": district.name,
                         "admin1": district.admin1, "score": 0.7}],
        )  # fmt: skip
    if seat is not None:  # a district or community not in GeoNames: the place it is named after
        return result(
            text, "admin2", geonameid=None, name=f"{seat.name} (district)", lat=seat.lat,
            lon=seat.lon, admin1=seat.admin1, normal=normal, candidates=[_candidate(seat, 0.6)],
            confidence=0.6,
        )  # fmt: skip
    if len(seatless) == 1:  # a known district with no known seat: its region is all we can say
        return _region_result(gaz, text, seatless.pop(), normal, scope)
    return unresolved(text, [], normal)


def _districts(gaz: Gazetteer, stems: tuple[str, ...], scope: str | None):
    """Admin2 entries for the first stem that has any: those with a point, and the regions of
    those without one."""
    found, seatless = [], set()
    for stem in stems:
        for entry in gaz.entries(DISTRICT_STEM + stem):
            district = gaz.districts.get(entry.ref)
            if district is None or (scope and district.admin1 != scope):
                continue
            if district.lat is None:
                seatless.add(district.admin1)
            else:
                found.append(district)
        if found:
            break
    return found, seatless


@lru_cache(maxsize=4096)
def district_stems(key: str) -> tuple[str, ...]:
    """Folded Latin stems of a district's name: 'киришском' -> ['kiris'], 'kirishskiy' too."""
    if script_of(key) != "cyr":
        stem = latin_stem(key)
        return (latin_fold(stem),) if stem else ()
    stem = " ".join(CYR_ADJ.sub("", word) for word in key.split(" "))
    variants = {stem}
    if stem.endswith(("ів", "їв")):  # Межівська громада -> Межова: і/о alternation
        variants.add(stem[:-2] + "ов")
    return tuple(sorted({latin_fold(r) for v in variants for r in romanisations(v, ("ru", "uk"))}))


def _seat(gaz: Gazetteer, stems: tuple[str, ...], areas: list[str]) -> Place | None:
    """The place in the areas a district or community is named after (best shared prefix)."""
    best = None
    for area in areas:
        folds = _area_folds(area)
        for stem in stems:
            found = seat_match(stem, folds)
            if found and (best is None or found[0] > best[0]):
                best = found
    return gaz.places[best[1]] if best else None


@lru_cache(maxsize=4096)
def _district_seated_at(geonameid: int) -> District | None:
    """The GeoNames admin2 whose seat is this place, when exactly one is."""
    seated = [d for d in load().districts.values() if d.seat == geonameid]
    return seated[0] if len(seated) == 1 else None


@lru_cache(maxsize=256)
def _area_folds(area: str) -> list[tuple[str, int, int]]:
    return [
        (fold, place.population, place.geonameid)
        for place in load().places_in(area)
        for fold in place.folds.split("|")
    ]


def _region(gaz: Gazetteer, text: str, parsed: Parsed, lang: str | None, scope: str | None) -> dict:
    words = parsed.tokens + parsed.marker
    named = _region_entry(gaz.entries(name_key(" ".join(words))))
    if named:  # the full name is a key: its dictionary form is stored with it
        return _region_result(gaz, text, named.ref, named.lemma or " ".join(words), scope)
    iso = region_of(" ".join(words), lang)
    normal = dictionary_form(words, lang)
    if iso is None:
        return unresolved(text, [], normal)
    return _region_result(gaz, text, iso, normal, scope)


def _region_result(gaz: Gazetteer, text: str, iso: str, normal: str, scope: str | None) -> dict:
    region = gaz.regions.get(iso)
    if region is None or (scope and iso != scope):
        return unresolved(text, [], normal)
    return result(
        text,
        "admin1",
        geonameid=region.geonameid or None,
        name=region.name_en,
        lat=region.lat,
        lon=region.lon,
        admin1=iso,
        normal=normal,
        confidence=0.9,
        candidates=[
            {"geonameid": region.geonameid, "name": region.name_en, "admin1": iso, "score": 0.9}
        ],
    )


def _country_result(gaz: Gazetteer, text: str, gid: int, normal: str) -> dict:
    country = gaz.countries[gid]
    return result(
        text,
        "country",
        geonameid=gid,
        name=country.name,
        lat=country.lat,
        lon=country.lon,
        admin1=None,
        normal=normal,
        confidence=0.9,
    )


def region_of(text: str, lang: str | None = None) -> str | None:
    """ISO 3166-2 code of a region named in any form ('Калужской области', 'Харківщина')."""
    if not isinstance(text, str):
        return None
    gaz = load()
    tokens = strip_leading(tokenize(text))
    entries = gaz.entries(name_key(" ".join(tokens)))
    region = _region_entry(entries)
    if region and (region.ref in CITY_REGIONS or _region_wins(gaz, region, _places(entries), None)):
        return region.ref
    found = find_group(tokens, "region_words")
    if not found:
        return None
    start, size = found
    rest = tokens[:start] + tokens[start + size :]
    if not rest:
        return None
    key = name_key(" ".join(rest))
    if script_of(key) == "cyr":
        stems = [CYR_ADJ.sub("", key.split(" ")[0])]
    else:
        stems = [key, latin_fold(latin_stem(key) or key)]
    for stem in stems:
        region = _region_entry(gaz.entries(REGION_STEM + stem))
        if region:
            return region.ref
    return None


# --- context ----------------------------------------------------------------------------


@lru_cache(maxsize=1024)
def context_signals(context: str, skip_key: str) -> tuple[frozenset[str], tuple]:
    """Regions the sentence names, and points of the unambiguous places it names."""
    gaz = load()
    tokens = tokenize(context)
    regions: set[str] = set()
    anchors = []
    for start in range(len(tokens)):
        for size in (3, 2, 1):
            if start + size > len(tokens):
                continue
            phrase = tokens[start : start + size]
            key = name_key(" ".join(phrase))
            if len(key) < 3 or (skip_key and skip_key in key):
                continue
            entries = gaz.entries(key)
            region = _region_entry(entries)
            if region:
                regions.add(region.ref)
            elif size == 2:
                iso = region_of(" ".join(phrase))
                if iso:
                    regions.add(iso)
            places = {e.ref for e in _places(entries)}
            if places and len(places) <= 3 and phrase[0][:1].isupper():
                for gid in places:
                    place = gaz.places[gid]
                    anchors.append((gid, place.lat, place.lon))
    return frozenset(regions), tuple(anchors)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dlat = math.radians(lat2 - lat1)
    dlon = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(dlat, dlon)
