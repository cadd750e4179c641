"""Morphology through pymorphy3: analyzers built once, parses memoised."""

from __future__ import annotations

from functools import lru_cache

import pymorphy3


@lru_cache(maxsize=None)
def analyzer(lang: str):
    return pymorphy3.MorphAnalyzer(lang="uk" if lang == "uk" else "ru")


@lru_cache(maxsize=200_000)
def parse(word: str, lang: str):
    """The most likely parse of `word` (ru or uk)."""
    return analyzer(lang).parse(word)[0]


def lemma(word: str, lang: str) -> str:
    if lang not in ("ru", "uk"):
        return word.lower()
    return parse(word.lower(), lang).normal_form.replace("'", "’")


def is_plural(word: str, lang: str) -> bool | None:
    """True/False when the word's grammatical number is clear, None otherwise."""
    if lang not in ("ru", "uk"):
        return None
    tag = parse(word.lower(), lang).tag
    if "plur" in tag:
        return True
    if "sing" in tag:
        return False
    return None


@lru_cache(maxsize=50_000)
def nominative(phrase: str, lang: str) -> str:
    """Dictionary form of a place name, keeping its capitals: 'Киришами' -> 'Кириши'."""
    if lang not in ("ru", "uk"):
        return phrase
    words = phrase.split()
    out = []
    for word in words:
        parsed = parse(word, lang)
        normal = parsed.normal_form
        if any(tag in parsed.tag for tag in ("ADJF",)):
            inflected = parsed.inflect({"nomn", "sing", "masc"}) if "район" in phrase.lower() else None
            normal = inflected.word if inflected else normal
        out.append(match_case(word, normal))
    return " ".join(out)


def match_case(original: str, word: str) -> str:
    if original[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
