"""Take a place mention apart: prepositions, 'between X and Y', district and region words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from skyledger.datafile import read_yaml
from skyledger.geo.normalize import name_key

LANGS = ("ru", "uk", "en")
_POSSESSIVE = re.compile(r"(?:'s|’s)$")
_EDGE_PUNCTUATION = ',.;:!?()[]{}«»"“”„'


@cache
def words(lang: str) -> dict:
    text = resources.files("skyledger.geo").joinpath(f"data/words_{lang}.yaml").read_text("utf-8")
    return read_yaml(text)


@cache
def phrases(group: str) -> frozenset[str]:
    """The keys of one word group, all languages together (the lists barely overlap)."""
    out = set()
    for lang in LANGS:
        out.update(name_key(p) for p in words(lang)[group])
    return frozenset(out)


@dataclass
class Parsed:
    kind: str  # "place", "between", "district", "region"
    tokens: list[str]  # the words of the name, as written
    parts: list[list[str]]  # for "between": the two names
    marker: list[str]  # the district or region words, as written


def tokenize(text: str) -> list[str]:
    """Words as written; punctuation around them dropped, inner dashes kept."""
    out = []
    for raw in text.split():
        token = raw.strip(_EDGE_PUNCTUATION)
        if "'" in token or "’" in token:
            token = _POSSESSIVE.sub("", token)
        if token and name_key(token):
            out.append(token)
    return out


@cache
def first_words(group: str) -> frozenset[str]:
    return frozenset(p.split(" ")[0] for p in phrases(group))


def _match_at(keys: list[str], start: int, group: str) -> int:
    """Length of the longest phrase of `group` starting at keys[start], 0 if none."""
    if keys[start] not in first_words(group):
        return 0
    table = phrases(group)
    for size in (4, 3, 2, 1):
        if start + size <= len(keys) and " ".join(keys[start : start + size]) in table:
            return size
    return 0


def _leading(keys: list[str]) -> int:
    """How many words in front are prepositions and 'town of'-style words (keeping one word)."""
    start = 0
    while start < len(keys) - 1:
        size = _match_at(keys, start, "prepositions") or _match_at(keys, start, "place_words")
        if not size or start + size >= len(keys):
            break
        start += size
    return start


def strip_leading(tokens: list[str]) -> list[str]:
    """Drop prepositions and 'town of'-style words in front of a name, keeping at least one word."""
    return tokens[_leading([name_key(t) for t in tokens]) :]


def _find(keys: list[str], group: str) -> tuple[int, int] | None:
    for start in range(len(keys)):
        size = _match_at(keys, start, group)
        if size:
            return start, size
    return None


def find_group(tokens: list[str], group: str) -> tuple[int, int] | None:
    return _find([name_key(t) for t in tokens], group)


MARKERS = ("between", "district_words", "region_words")


@cache
def marker_words() -> frozenset[str]:
    return frozenset().union(*(first_words(group) for group in MARKERS))


@lru_cache(maxsize=16384)
def _parse(text: str) -> Parsed:
    tokens = tokenize(text)
    keys = [name_key(t) for t in tokens]
    start = _leading(keys)
    tokens, keys = tokens[start:], keys[start:]
    if not marker_words().intersection(keys):  # the usual case: a bare name
        return Parsed("place", tokens, [], [])
    between = _find(keys, "between")
    if between and between[0] + between[1] < len(tokens):
        rest = tokens[between[0] + between[1] :]
        join = find_group(rest, "and")
        if join and 0 < join[0] < len(rest) - join[1]:
            first = strip_leading(rest[: join[0]])
            second = strip_leading(rest[join[0] + join[1] :])
            return Parsed("between", tokens, [first, second], tokens[: between[0] + 1])
    # "в районе Кириш" (in the area of) is a preposition, stripped above.
    for kind, group in (("district", "district_words"), ("region", "region_words")):
        found = _find(keys, group)
        if found and len(tokens) > found[1]:
            at, size = found
            rest = tokens[:at] + tokens[at + size :]
            return Parsed(kind, strip_leading(rest), [], tokens[at : at + size])
    return Parsed("place", tokens, [], [])


def parse(text: str) -> Parsed:
    """The mention's structure (cached: callers must not modify the result)."""
    return _parse(text)
