"""Inflected forms of Cyrillic names, computed when the gazetteer is built.

pymorphy3 declines the names its dictionaries know and, for the others, declines by analogy
with known words. Toponym endings it gets wrong (Ермолино read as an adjective) are covered by
the suffix rules in data/suffix_rules.yaml. Forms are a superset: a spurious form costs a key,
a missing one costs a miss.
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources

from skyledger.datafile import read_yaml

CASES = {
    "ru": ("nomn", "gent", "datv", "accs", "ablt", "loct", "loc2", "gen2"),
    "uk": ("nomn", "gent", "datv", "accs", "ablt", "loct"),
}
LINKS = {"на", "над", "при", "у", "в", "де", "ла", "ле", "и", "і", "на-дону"}


@cache
def analyzer(lang: str):
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=lang)


@lru_cache(maxsize=200_000)
def readings(word: str, lang: str) -> tuple:
    """Every reading of `word` in the dictionary of `lang` (ru or uk), memoised: the stages
    that look at one word (its number, a name's, a place's form) share one parse of it."""
    return tuple(analyzer(lang).parse(word))


@cache
def suffix_rules(lang: str) -> list[tuple[str, list[str]]]:
    text = resources.files("skyledger.geo").joinpath("data/suffix_rules.yaml").read_text("utf-8")
    rules = read_yaml(text)[lang]
    return sorted(rules.items(), key=lambda item: -len(item[0]))


def rule_forms(word: str, lang: str) -> set[str]:
    """Forms from the longest matching toponym ending; '' matches consonant-final words."""
    for ending, replacements in suffix_rules(lang):
        if ending and word.endswith(ending) and len(word) > len(ending):
            stem = word[: -len(ending)]
            return {stem + r for r in replacements}
        if not ending and word[-1:] not in "аеёиоуыэюяіїєьй":
            return {word + r for r in replacements}
    return set()


@cache
def _nominative_parses(word: str, lang: str):
    """Parses reading the word as a nominative noun or adjective, nouns and Geox first."""
    parses = [
        p for p in readings(word, lang) if p.tag.case == "nomn" and p.tag.POS in ("NOUN", "ADJF")
    ]
    parses.sort(key=lambda p: (p.tag.POS != "NOUN", "Geox" not in str(p.tag), -p.score))
    return parses[:2]


def is_adjective(word: str, lang: str) -> bool:
    parses = _nominative_parses(word, lang)
    return bool(parses) and parses[0].tag.POS == "ADJF"


@cache
def word_forms(word: str, lang: str) -> dict[str, str]:
    """case -> forms joined by '|' for one lowercase word (nominative included)."""
    by_case: dict[str, set[str]] = {case: set() for case in CASES[lang]}
    by_case["nomn"].add(word)
    for parse in _nominative_parses(word, lang):
        for case in CASES[lang]:
            try:
                inflected = parse.inflect({case, parse.tag.number} - {None})
            except ValueError:  # a grammeme this tag set lacks (loc2 on some words)
                continue
            if inflected is not None:
                by_case[case].add(inflected.word.replace("ё", "е"))
    by_case["rule"] = rule_forms(word, lang)
    return {case: "|".join(sorted(forms)) for case, forms in by_case.items()}


def name_forms(key: str, lang: str) -> set[str]:
    """All case forms of a (possibly multi-word, hyphenated) lowercase name key.

    Words of a multi-word name are put in the same case (Нижний Новгород -> Нижнем Новгороде).
    A hyphenated name is declined in its last part, in every part, and, for Ростов-на-Дону
    style names, in its first part only.
    """
    words = key.split(" ")
    if len(words) > 8 or not key:
        return {key}
    forms = {key}
    cases = (*CASES[lang], "rule") if len(words) == 1 else CASES[lang]
    per_word = [word_forms(w, lang) if w not in LINKS and len(w) > 1 else None for w in words]
    for case in cases:
        variants = [""]
        for word, table in zip(words, per_word, strict=True):
            options = table[case].split("|") if table and table[case] else [word]
            options = options if len(words) == 1 else options[:3]
            variants = [f"{v} {o}".strip() for v in variants for o in options]
        forms.update(variants)
    if len(words) == 2 and per_word[0] and per_word[1] and per_word[1]["rule"]:
        # Велика Новосілка -> Великій Новосілці: the adjective's case form, the noun by rule.
        for case in ("datv", "loct"):
            for first in (per_word[0][case].split("|") if per_word[0][case] else [])[:2]:
                forms.update(f"{first} {last}" for last in per_word[1]["rule"].split("|"))
    if len(words) > 1:
        if words[1] in LINKS or words[1] == "на":
            for form in name_forms(words[0], lang):
                forms.add(" ".join([form, *words[1:]]))
        if not is_adjective(words[0], lang):
            for form in name_forms(words[-1], lang):
                forms.add(" ".join([*words[:-1], form]))
    return forms
