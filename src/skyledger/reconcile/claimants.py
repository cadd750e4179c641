"""Claimants under one name: the same office in English, Russian or Ukrainian.

`claimant_key("Минобороны России") == claimant_key("Russian Ministry of Defense")`.
The aliases live in `data/claimants.yaml`; a claimant no entry matches keeps its own
folded text as its key, so unknown claimants still match their exact repeats.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

ALIASES = Path(__file__).parent / "data" / "claimants.yaml"

_PARENTHESES = re.compile(r"\([^)]*\)")
_NOT_WORD = re.compile(r"[^\w]+")


def words(text: str) -> list[str]:
    """Lower-cased words, ё folded to е, punctuation dropped."""
    folded = text.lower().replace("ё", "е")
    return [w for w in _NOT_WORD.split(folded) if w]


@cache
def alias_table() -> tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]:
    """(office name, phrases as word tuples) in file order."""
    entries = yaml.safe_load(ALIASES.read_text(encoding="utf-8"))
    return tuple(
        (entry["name"], tuple(tuple(words(phrase)) for phrase in entry["match"]))
        for entry in entries
    )


def _phrase_matches(phrase: tuple[str, ...], text_words: list[str]) -> bool:
    return all(any(word.startswith(stem) for word in text_words) for stem in phrase)


def office(claimant: str | None) -> str | None:
    """The office name an alias entry gives this claimant, or None."""
    if not claimant:
        return None
    text_words = words(claimant)
    for name, phrases in alias_table():
        if any(_phrase_matches(phrase, text_words) for phrase in phrases):
            return name
    return None


@cache
def claimant_key(claimant: str | None) -> str:
    """A key equal for the same claimant however it is written; '' when nobody is named.

    Notes in parentheses ("(outlet, earlier report)") do not change who is speaking.
    """
    if not claimant:
        return ""
    named = office(claimant)
    if named:
        return named.lower()
    return " ".join(words(_PARENTHESES.sub(" ", claimant)))


def display_name(claimant: str | None) -> str:
    """The claimant as a briefing in English names it: its own words when written in
    Latin script, else its office's English name, else as written."""
    if not claimant:
        return "An unnamed source"
    if claimant.isascii():
        return claimant
    return office(claimant) or claimant
