"""A number right before a noun of something else ("two enterprises", "двох підприємствах")
counts that noun, never weapons elided after it ("seven over Kursk", "сім над Сумщиною");
fragments of something else ("фрагменты конструкции", "уламки будівлі", "fragments of the
building") are no weapon debris.

Russian and Ukrainian ask the morphological analyser whether the next word is a noun;
English has no analyser here, so en.yaml lists the words that may follow an elided count
(`after_elided_count:`), and any other word is taken as the noun counted.
"""

from __future__ import annotations

import re
from functools import cache

from skyledger.extract.lexicon import load_yaml
from skyledger.extract.morph import can_be_adjective, parse

FOLLOWING_WORD = re.compile(r"[ \t]+([^\W\d_]{3,})\b")


@cache
def elided_followers(lang: str) -> frozenset:
    return frozenset(w.lower() for w in load_yaml(f"{lang}.yaml").get("after_elided_count") or [])


def counts_a_noun(text: str, number_end: int, lang: str) -> bool:
    """Is the word right after the number a noun the number counts?"""
    found = FOLLOWING_WORD.match(text, number_end)
    if found is None:
        return False
    word = found.group(1).lower()
    if lang == "en":
        return word not in elided_followers(lang) and not word.endswith("ly")
    return parse(word, lang).tag.POS == "NOUN"


def counts_a_noun_past_adjectives(text: str, number_end: int, lang: str) -> bool:
    """Is the number followed by a noun it counts, adjectives between ("пять российских
    регионов", "five Russian regions")?"""
    if lang == "en":
        return counts_a_noun(text, number_end, lang)
    end = number_end
    for _ in range(3):
        found = FOLLOWING_WORD.match(text, end)
        if found is None:
            return False
        tag = parse(found.group(1).lower(), lang).tag
        if tag.POS == "NOUN":
            return True
        if tag.POS not in ("ADJF", "PRTF"):
            return False
        end = found.end()
    return False


@cache
def partitive(lang: str) -> re.Pattern | None:
    words = load_yaml(f"{lang}.yaml").get("partitive") or []
    if not words:
        return None
    body = "|".join(re.escape(str(w)) for w in words)
    return re.compile(rf"[ \t]+(?:{body})[ \t]+([^\W\d_]{{3,}})\b", re.IGNORECASE)


def one_of_something_else(text: str, number_end: int, weapon_starts, lang: str) -> bool:
    """ "В одном из сёл района", "в одному з сіл": the number is one of a noun of something
    else, not a weapon of the frame (English "one of the villages" reads as "of them")."""
    pattern = partitive(lang) if lang in ("ru", "uk") else None
    found = pattern.match(text, number_end) if pattern else None
    if found is None or found.start(1) in weapon_starts:
        return False
    return parse(found.group(1).lower(), lang).tag.POS == "NOUN"


def own_noun_before(text: str, number_end: int, weapon_start: int, lang: str) -> bool:
    """A noun of something else right after the number, adjectives between, before the weapon
    named later ("атаковал 12 населённых пунктов с помощью FPV-дронов", "сбросил 25
    боеприпасов с БПЛА"): the number counts that noun. Russian and Ukrainian only."""
    if lang not in ("ru", "uk"):
        return False
    end = number_end
    for _ in range(3):
        found = FOLLOWING_WORD.match(text, end)
        if found is None or found.end() > weapon_start:
            return False
        word = found.group(1).lower()
        tag = parse(word, lang).tag
        if can_be_adjective(word, lang) or (tag.POS == "NOUN" and tag.case == "ablt"):
            end = found.end()  # "21 ударного БпЛА", "14 запущених ворогом дронів"
            continue
        return tag.POS == "NOUN"
    return False


OF_THE = re.compile(r"\s+of\s+(?:the\s+|an?\s+)?([^\W\d_]{3,})\b", re.IGNORECASE)


def debris_of_something_else(text: str, cue_end: int, weapons, debris, lang: str) -> bool:
    """The debris words are followed by the noun of what broke, and it is no weapon; a chain
    of debris words ("падения фрагментов конструкции") is judged by its last."""
    pattern = OF_THE if lang == "en" else FOLLOWING_WORD
    found = pattern.match(text, cue_end)
    while found is not None:
        chained = next((e for _k, s, e in debris if s == found.start(1)), None)
        if chained is None:
            break
        found = pattern.match(text, chained)
    if found is None or any(start == found.start(1) for _kind, start, _end in weapons):
        return False
    word = found.group(1).lower()
    if lang == "en":
        return True
    parsed = parse(word, lang)
    return parsed.tag.POS == "NOUN" and "gent" in parsed.tag
