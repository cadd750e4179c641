"""Take a place mention apart: prepositions, 'between X and Y', district and region words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from skyledger.geo.normalize import name_key

LANGS = ("ru", "uk", "en")
_POSSESSIVE = re.compile(r"(?:'s|’s)$")


@cache
def words(lang: str) -> dict:
    text = resources.files("skyledger.geo").joinpath(f"data/words_{lang}.yaml").read_text("utf-8")
    return yaml.safe_load(text)


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
    tokens: list[str]  # the original words of the name (several names: see parts)
    parts: list[list[str]]  # for "between": the two names
    marker: list[str]  # the district or region words, as written


def tokenize(text: str) -> list[str]:
    """Words as written; punctuation around them dropped, inner dashes kept."""
    out = []
    for raw in text.split():
        token = raw.strip(',.;:!?()[]{}«»"“”„')
        token = _POSSESSIVE.sub("", token)
        if token and name_key(token):
            out.append(token)
    return out


def _match_at(tokens: list[str], start: int, group: str) -> int:
    """Length of the longest phrase of `group` starting at tokens[start], 0 if none."""
    table = phrases(group)
    for size in (4, 3, 2, 1):
        if (
            start + size <= len(tokens)
            and name_key(" ".join(tokens[start : start + size])) in table
        ):
            return size
    return 0


def strip_leading(tokens: list[str]) -> list[str]:
    """Drop prepositions and 'town of'-style words in front of a name, keeping at least one word."""
    start = 0
    while start < len(tokens) - 1:
        size = _match_at(tokens, start, "prepositions") or _match_at(tokens, start, "place_words")
        if not size or start + size >= len(tokens):
            break
        start += size
    return tokens[start:]


def find_group(tokens: list[str], group: str) -> tuple[int, int] | None:
    for start in range(len(tokens)):
        size = _match_at(tokens, start, group)
        if size:
            return start, size
    return None


def parse(text: str) -> Parsed:
    tokens = strip_leading(tokenize(text))
    between = find_group(tokens, "between")
    if between and between[0] + between[1] < len(tokens):
        rest = tokens[between[0] + between[1] :]
        join = find_group(rest, "and")
        if join and 0 < join[0] < len(rest) - join[1]:
            first = strip_leading(rest[: join[0]])
            second = strip_leading(rest[join[0] + join[1] :])
            return Parsed("between", tokens, [first, second], tokens[: between[0] + 1])
    # "в районе Кириш" / "in the area of" is a preposition, stripped above.
    district = find_group(tokens, "district_words")
    if district and len(tokens) > district[1]:
        start, size = district
        rest = tokens[:start] + tokens[start + size :]
        return Parsed("district", strip_leading(rest), [], tokens[start : start + size])
    region = find_group(tokens, "region_words")
    if region and len(tokens) > region[1]:
        start, size = region
        rest = tokens[:start] + tokens[start + size :]
        return Parsed("region", strip_leading(rest), [], tokens[start : start + size])
    return Parsed("place", tokens, [], [])
