"""Per-language lexicons (lang/*.yaml) compiled once into regular expressions.

Every pattern is a fragment anchored at a word start and matched case-insensitively
on the original text, so spans point straight into the report. Fragments are plain
alternations of literal stems with bounded suffixes: nothing nests quantifiers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

LANG_DIR = Path(__file__).parent / "lang"
WORD_START = r"(?<![\w\-])"
WORD_END = r"(?![\w])"
FLAGS = re.IGNORECASE | re.UNICODE


def load_yaml(name: str):
    with open(LANG_DIR / name, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def alternation(fragments, end: bool = True) -> str:
    body = "|".join(f"(?:{fragment})" for fragment in fragments)
    return WORD_START + f"(?:{body})" + (WORD_END if end else "")


def compile_list(fragments, end: bool = True) -> re.Pattern | None:
    fragments = [f for f in fragments or [] if f]
    return re.compile(alternation(fragments, end), FLAGS) if fragments else None


def compile_groups(groups: dict[str, list[str]]) -> re.Pattern:
    """One pattern with a named group per key (keys must be identifiers).

    The word-start test sits outside the groups so that it runs once per position.
    """
    parts = [
        f"(?P<{key}>" + "|".join(f"(?:{v})" for v in values) + f"){WORD_END}"
        for key, values in groups.items()
        if values
    ]
    return re.compile(WORD_START + "(?:" + "|".join(parts) + ")", FLAGS)


@dataclass(frozen=True)
class Lexicon:
    lang: str
    weapons: re.Pattern
    claim_types: re.Pattern
    no_casualties: re.Pattern | None
    no_killed: re.Pattern | None
    no_damage: re.Pattern | None
    people_plural: re.Pattern
    people_single: re.Pattern
    at_least: re.Pattern
    approx: re.Pattern
    distributive: frozenset
    subcount: re.Pattern
    all_words: frozenset
    numbers: dict
    vague: frozenset
    negation: re.Pattern | None
    cumulative: re.Pattern | None
    multi_region: re.Pattern | None
    seas: re.Pattern
    sea_names: list
    zone_moscow: re.Pattern | None
    zone_kyiv: re.Pattern | None
    months: list
    attribution: re.Pattern | None
    about_this: re.Pattern | None
    outlet_cues: re.Pattern | None
    offices: tuple
    titles: re.Pattern
    number_word: re.Pattern


def ending_pattern(words) -> re.Pattern:
    """A qualifier that must end right before the number (allowing spaces)."""
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"{WORD_START}(?:{body})\s*$", FLAGS)


@cache
def lexicon(lang: str) -> Lexicon:
    data = load_yaml(f"{lang}.yaml")
    seas = data.get("seas") or {}
    sea_names = list(seas)
    sea_groups = {f"s{i}": patterns for i, patterns in enumerate(seas.values())}
    number_words = {str(k).lower(): v for k, v in (data.get("numbers") or {}).items()}
    quals = data.get("qualifiers") or {}
    time = data.get("time") or {}
    titles = data.get("titles") or {}
    no_cas = data.get("no_casualties") or []
    return Lexicon(
        lang=lang,
        weapons=compile_groups(data["weapons"]),
        claim_types=compile_groups(data["claim_types"]),
        no_casualties=compile_list(no_cas),
        no_killed=compile_list(data.get("no_killed") or []),
        no_damage=compile_list(data.get("no_damage")),
        people_plural=compile_list(data["people"]["plural"]),
        people_single=compile_list(data["people"]["single"]),
        at_least=ending_pattern(quals.get("at_least") or []),
        approx=ending_pattern(quals.get("approx") or []),
        distributive=frozenset(w.lower() for w in data.get("distributive") or []),
        subcount=ending_pattern(data.get("subcount") or ["\u0000"]),
        all_words=frozenset(w.lower() for w in data.get("all_words") or []),
        numbers=number_words,
        vague=frozenset(w.lower() for w in data.get("vague") or []),
        negation=compile_list(data.get("negation")),
        cumulative=compile_list(data.get("cumulative")),
        multi_region=compile_list(data.get("multi_region")),
        seas=compile_groups(sea_groups) if sea_groups else re.compile(r"(?!x)x"),
        sea_names=sea_names,
        zone_moscow=compile_list(time.get("zone_moscow")),
        zone_kyiv=compile_list(time.get("zone_kyiv")),
        months=list((time.get("months") or {}).items()),
        attribution=compile_list(data.get("attribution")),
        about_this=compile_list(data.get("about_this")),
        outlet_cues=compile_list(data.get("outlet_cues")),
        offices=(
            compile_groups(
                {f"f{i}": [entry["pattern"]] for i, entry in enumerate(data.get("claimants") or [])}
            ),
            [(entry["claimant"], entry.get("country")) for entry in data.get("claimants") or []],
        ),
        titles=compile_groups(titles),
        number_word=compile_list(sorted(number_words, key=len, reverse=True))
        or re.compile(r"(?!x)x"),
    )


@cache
def models() -> list[tuple[str, str, re.Pattern]]:
    """(normalised name, weapon kind, pattern) for every known model."""
    data = load_yaml("models.yaml")
    return [
        (name, entry["weapon"], compile_list(entry["spellings"])) for name, entry in data.items()
    ]


@cache
def models_pattern() -> tuple[re.Pattern, list[tuple[str, str]]]:
    data = load_yaml("models.yaml")
    names = list(data.items())
    groups = {f"m{i}": entry["spellings"] for i, (_name, entry) in enumerate(names)}
    return compile_groups(groups), [(name, entry["weapon"]) for name, entry in names]


@cache
def officials() -> tuple[re.Pattern, list[dict]]:
    """One pattern for every official's surname spellings; group oN -> entries[N]."""
    entries = load_yaml("officials.yaml")
    return compile_groups({f"o{i}": entry["names"] for i, entry in enumerate(entries)}), entries
