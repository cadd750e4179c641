"""Romanisation of Cyrillic names by the systems in data/translit.yaml."""

from __future__ import annotations

from functools import cache
from importlib import resources

from skyledger.datafile import read_yaml

SOFT_AFTER = set("аеёиоуыэюяіїєьъ")
RU_SYSTEMS = ("ru_bgn", "ru_simple", "ru_icao")
UK_SYSTEMS = ("uk_national", "uk_bgn")


@cache
def systems() -> dict:
    text = resources.files("skyledger.geo").joinpath("data/translit.yaml").read_text("utf-8")
    return read_yaml(text)


def romanise(key: str, system: str) -> str:
    """Romanise a lowercase Cyrillic key (see normalize.name_key) word by word."""
    table = systems()[system]
    return " ".join(_word(word, table) for word in key.split(" "))


def _word(word: str, table: dict) -> str:
    letters, initial = table["letters"], table.get("initial") or {}
    ending = ""
    for cyr, lat in (table.get("endings") or {}).items():
        if word.endswith(cyr) and len(word) > len(cyr) + 1:
            word, ending = word[: -len(cyr)], lat
            break
    for cyr, lat in (table.get("digraphs") or {}).items():
        word = word.replace(cyr, "\0" + lat + "\0")
    out, prev = [], ""
    for char in word:
        if char == "\0":
            continue
        if char in initial and (not prev or prev in SOFT_AFTER):
            out.append(initial[char])
        else:
            out.append(letters.get(char, char))
        prev = char
    return "".join(out).replace("\0", "") + ending


def romanisations(key: str, langs: tuple[str, ...]) -> set[str]:
    names = RU_SYSTEMS * ("ru" in langs) + UK_SYSTEMS * ("uk" in langs)
    return {romanise(key, system) for system in names}
