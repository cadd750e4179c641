"""Morphology through pymorphy3: analyzers built once, parses memoised."""

from __future__ import annotations

import re
from functools import lru_cache

from skyledger.geo import forms


def analyzer(lang: str):
    """The one analyzer per language that the geocoder uses too (each holds its dictionary)."""
    return forms.analyzer("uk" if lang == "uk" else "ru")


def readings(word: str, lang: str) -> tuple:
    """Every reading of `word` (ru or uk), parsed once however many stages ask."""
    return forms.readings(word, "uk" if lang == "uk" else "ru")


@lru_cache(maxsize=200_000)
def parse(word: str, lang: str):
    """The most likely parse of `word` (ru or uk)."""
    return readings(word, lang)[0]


def lemma(word: str, lang: str) -> str:
    if lang not in ("ru", "uk"):
        return word.lower()
    return parse(word.lower(), lang).normal_form.replace("'", "’")


def grammatical_number(tag, lang: str) -> str | None:
    """'plur', 'sing' or None; the Ukrainian dictionary marks only the plural."""
    if "plur" in tag:
        return "plur"
    if "sing" in tag:
        return "sing"
    if lang == "uk" and any(g in tag for g in ("masc", "femn", "neut")):
        return "sing"
    return None


@lru_cache(maxsize=100_000)
def can_be_adjective(word: str, lang: str) -> bool:
    """Some reading is an adjective or participle ("цілого" is also the noun "ціле")."""
    return any(p.tag.POS in ("ADJF", "PRTF") and p.score >= 0.05 for p in readings(word, lang))


@lru_cache(maxsize=100_000)
def is_plural(word: str, lang: str) -> bool | None:
    """True/False when every likely reading agrees on the number, None otherwise."""
    if lang not in ("ru", "uk"):
        return None
    parses = [p for p in readings(word.lower(), lang) if p.score >= 0.05] or readings(
        word.lower(), lang
    )[:1]
    numbers = {
        grammatical_number(p.tag, lang)
        for p in parses
        if p.tag.POS in ("NOUN", "ADJF", "PRTF", "PRTS", "VERB", "NUMR")
    }
    numbers.discard(None)
    if len(numbers) != 1:
        return None
    return numbers.pop() == "plur"


@lru_cache(maxsize=50_000)
def nominative(phrase: str, lang: str) -> str:
    """Dictionary form of a place name, keeping its capitals and its number: 'Киришами' ->
    'Кириши', 'Великих Луках' -> 'Великие Луки'."""
    if lang not in ("ru", "uk"):
        return phrase
    words = phrase.split()
    parses = [place_parse(word, lang) for word in words]
    plural = any("ADJF" in p.tag and "plur" in p.tag for p in parses)
    out = []
    for index, (word, parsed) in enumerate(zip(words, parses, strict=True)):
        normal = parsed.normal_form
        if plural and parsed.tag.POS in ("ADJF", "NOUN") and "Pltm" not in parsed.tag.grammemes:
            inflected = parsed.inflect({"nomn", "plur"})
            normal = inflected.word if inflected else normal
        elif "ADJF" in parsed.tag:
            inflected = (
                parsed.inflect({"nomn", gender} | SINGULAR[lang])
                if (gender := adjective_gender(parsed, parses[index + 1 :], phrase))
                else None
            )
            normal = inflected.word if inflected else normal
        out.append(match_case(word, normal))
    return " ".join(out)


SINGULAR = {"ru": {"sing"}, "uk": set()}  # the Ukrainian dictionary marks only the plural
PLACE_POS = ("NOUN", "ADJF", "PRTF")  # a short adjective or a verb is never a place's word


@lru_cache(maxsize=50_000)
def place_parse(word: str, lang: str):
    """The reading of a word of a place name: the likeliest when it is an adjective
    ("Красные"), else a place's (Geox) if the dictionary has one ("Муром", not the surname
    "Мур"), else the likeliest thing's noun ("Харкові": Харків, not the surname Харко), else
    the likeliest noun or adjective ("Головчино", a village, not a short adjective)."""
    parses = readings(word, lang)
    if parses[0].tag.POS in ("ADJF", "PRTF"):
        return parses[0]
    return (
        next((p for p in parses if "Geox" in p.tag.grammemes), None)
        or next((p for p in parses if p.tag.POS == "NOUN" and "inan" in p.tag.grammemes), None)
        or next((p for p in parses if p.tag.POS in PLACE_POS), None)
        or parses[0]
    )


def adjective_gender(parsed, following: list, phrase: str) -> str | None:
    """The gender a place name's adjective takes in the nominative: its noun's ("Белой
    Церкви" -> "Белая Церковь"), a district's ("район"), else its own ("Никольское", a
    village, not the dictionary form "Никольский"); None for a plural ("Великие Луки")."""
    if "plur" in parsed.tag:
        return None
    if "район" in phrase.lower():
        return "masc"
    noun = next((p for p in following if p.tag.POS == "NOUN"), None)
    return (noun.tag.gender if noun is not None else None) or parsed.tag.gender


def match_case(original: str, word: str) -> str:
    """The capitals of `original` on `word`, part by part ("Новгород-Сіверський")."""
    originals, parts = original.split("-"), word.split("-")
    if len(originals) != len(parts):
        originals, parts = [original], [word]
    return "-".join(
        part[:1].upper() + part[1:] if source[:1].isupper() else part
        for source, part in zip(originals, parts, strict=True)
    )


NAME_BEFORE = re.compile(r"(?<![\w\-])([^\W\d_][^\W\d_'’]+) $")


def given_name_before(text: str, start: int, lang: str) -> str | None:
    """The given name right before `start`, or before the patronymic there ("Олег " or
    "Олег Алексеевич " + "Николаев"); a patronymic alone stands for it. None: no name."""
    if lang not in ("ru", "uk"):
        return None
    before = NAME_BEFORE.search(text, max(0, start - 30), start)
    if before is None or not before.group(1)[0].isupper():
        return None
    kind = personal_name(before.group(1), lang)
    if kind == "Patr":
        given = given_name_before(text, before.start(1), lang)
        return given or before.group(1)
    return before.group(1) if kind == "Name" else None


@lru_cache(maxsize=20_000)
def personal_name(word: str, lang: str) -> str | None:
    """ "Name" when some reading is a given name ("Олег"), "Patr" a patronymic ("Алексеевич"):
    the capitalised word after it is a surname, whatever else it names ("Олег Николаев")."""
    tags = {g for p in readings(word, lang) for g in ("Name", "Patr") if g in p.tag}
    return "Name" if "Name" in tags else ("Patr" if tags else None)


@lru_cache(maxsize=50_000)
def genitive_plural(word: str, lang: str) -> bool | None:
    """Number of `word` read as a genitive (a noun's complement: "частини ракети")."""
    parses = [p for p in readings(word.lower(), lang) if "gent" in p.tag and p.tag.POS == "NOUN"]
    numbers = {grammatical_number(p.tag, lang) for p in parses} - {None}
    return numbers.pop() == "plur" if len(numbers) == 1 else None
