"""A number right before a noun of something else ("two enterprises", "двох підприємствах")
counts that noun, never weapons elided after it ("seven over Kursk", "сім над Сумщиною").

Russian and Ukrainian ask the morphological analyser whether the next word is a noun;
English has no analyser here, so en.yaml lists the words that may follow an elided count
(`after_elided_count:`), and any other word is taken as the noun counted.
"""

from __future__ import annotations

import re
from functools import cache

from skyledger.extract.lexicon import load_yaml
from skyledger.extract.morph import parse

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
