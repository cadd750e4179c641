"""Generic names of incoming weapons ("воздушные цели", "ворожі цілі", "air targets").

A bulletin that names one kind of weapon and then counts "air targets" counts that kind:
"атаковали беспилотниками ... уничтожено 13 воздушных целей" is 13 drones. When the report
names several kinds ("392 повітряні цілі, серед яких 20 ракет і 367 БпЛА") or none, the
targets stay `other` (mixed or unspecified means). The words are `generic_targets:` in
each lexicon.
"""

from __future__ import annotations

import re
from functools import cache

from skyledger.extract.lexicon import FLAGS, WORD_START, load_yaml


@cache
def generic(lang: str) -> re.Pattern | None:
    words = load_yaml(f"{lang}.yaml").get("generic_targets") or []
    if not words:
        return None
    return re.compile(WORD_START + "(?:" + "|".join(words) + ")", FLAGS)


def named_kind(text: str, weapons, lang: str) -> str | None:
    """The one weapon kind the report names outside generic words, if it names only one."""
    pattern = generic(lang)
    kinds = {
        kind
        for kind, start, _end in weapons
        if kind != "other" and not (pattern and pattern.match(text, start))
    }
    return kinds.pop() if len(kinds) == 1 else None


def retyped(text: str, weapons: list, lang: str) -> list:
    """The weapon mentions, generic targets given the report's one named kind."""
    pattern = generic(lang)
    if pattern is None or not any(
        kind == "other" and pattern.match(text, start) for kind, start, _end in weapons
    ):
        return weapons
    kind = named_kind(text, weapons, lang)
    if kind is None:
        return weapons
    return [
        (kind, start, end) if pattern.match(text, start) else (k, start, end)
        for k, start, end in weapons
    ]
