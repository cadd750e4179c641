"""Canonical claimants: one id and one English name per office and holder.

Every way of naming a claimant (English, Russian, Ukrainian; the office alone or with its
holder) resolves to the office's entry in `claimants.yaml`: its `id` is what events and
filters compare, its name (with the holder when one is named, or known for the report's
date) is what the ledger records. The text's own wording stays in the claim's evidence.

>>> claimant_id("Mayor of Kyiv") == claimant_id("Mayor of Kyiv Vitali Klitschko") == "ua-30-mayor"
True
>>> canonical_name("Мэр Киева Виталий Кличко")
'Mayor of Kyiv Vitali Klitschko'
>>> canonical_name("Губернатор Калужской области")
'Governor of Kaluga Oblast'
>>> canonical_name("Governor of Kaluga Oblast", when=date(2025, 6, 2))
'Governor of Kaluga Oblast Vladislav Shapsha'
>>> claimant_id("Новости Mail.ru (outlet, earlier report)")
'новости mail ru'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path

from skyledger.datafile import read_yaml

TABLE = Path(__file__).parent / "claimants.yaml"
UNNAMED = "An unnamed source"

_PARENTHESES = re.compile(r"\([^)]*\)")
_NOT_WORD = re.compile(r"[^\w]+")


def words(text: str) -> list[str]:
    """Lower-cased words, ё folded to е, punctuation dropped."""
    folded = text.lower().replace("ё", "е")
    return [w for w in _NOT_WORD.split(folded) if w]


@dataclass(frozen=True)
class Holder:
    name: str
    full: str  # "<title or office> <name>", as the ledger records it
    surnames: tuple[str, ...]  # regular expressions, any script
    own_title: bool  # a spokesman or an acting head: speaks for the office, does not hold it
    since: str | None = None  # YYYY-MM or YYYY-MM-DD, inclusive
    until: str | None = None
    channels: tuple[str, ...] = ()  # Telegram handles the holder publishes on

    def serves(self, day: date) -> bool:
        """Whether the holder held the office on `day` (both ends of the term known or open)."""
        stamp = day.isoformat()
        if self.since and stamp[: len(self.since)] < self.since:
            return False
        return not (self.until and stamp[: len(self.until)] > self.until)


@dataclass(frozen=True)
class Office:
    id: str
    name: str
    admin1: str | None
    country: str | None
    aliases: tuple[tuple[str, ...], ...]  # phrases as word stems
    holders: tuple[Holder, ...]
    channels: tuple[str, ...] = ()

    def holder_in(self, text: str) -> Holder | None:
        """The holder a claimant's wording names, if any."""
        pattern = _holder_pattern(self.holders)
        if pattern is None:
            return None
        found = pattern.search(text)
        return self.holders[int(found.lastgroup[1:])] if found else None

    def holder_on(self, day: date) -> Holder | None:
        """The one holder with a known term covering `day`, if exactly one."""
        serving = [h for h in self.holders if not h.own_title and h.since and h.serves(day)]
        return serving[0] if len(serving) == 1 else None


@cache
def _holder_pattern(holders: tuple[Holder, ...]) -> re.Pattern | None:
    """Compiled when first asked for: most offices' holders are never looked for in a run."""
    if not holders:
        return None
    groups = (
        f"(?P<h{i}>\\b(?:{'|'.join(h.surnames)}))" for i, h in enumerate(holders) if h.surnames
    )
    from skyledger.extract.literals import gated  # the extraction's modules load on first use

    surnames = [s for h in holders for s in h.surnames]
    return gated(re.compile("|".join(groups), re.IGNORECASE), surnames)


def _text(value) -> str | None:
    return None if value is None else str(value)  # YAML reads 2024-05-15 as a date


UKRAINIAN_LETTERS = str.maketrans({"і": "и", "ї": "и", "є": "е", "ґ": "г"})


def with_russian_spellings(surnames) -> tuple[str, ...]:
    """A Ukrainian surname as Russian texts spell it too ("Вілкул" -> "Вилкул", "Прокудін"
    -> "Прокудин"); the vowels that differ otherwise ("Лисак", "Лысак") are in the table."""
    spelt = [str(s) for s in surnames]
    return tuple(dict.fromkeys(spelt + [s.translate(UKRAINIAN_LETTERS) for s in spelt]))


@cache
def offices() -> tuple[Office, ...]:
    """The table, in file order."""
    entries = read_yaml(TABLE.read_text(encoding="utf-8"))  # C loader: read at every start-up
    found = []
    for entry in entries:
        holders = tuple(
            Holder(
                name=h["name"],
                full=f"{h.get('title') or entry['name']} {h['name']}",
                surnames=with_russian_spellings(h.get("surnames") or ()),
                own_title=bool(h.get("title")),
                since=_text(h.get("since")),
                until=_text(h.get("until")),
                channels=tuple(h.get("channels") or ()),
            )
            for h in entry.get("holders") or ()
        )
        found.append(
            Office(
                id=entry["id"],
                name=entry["name"],
                admin1=entry.get("admin1"),
                country=entry.get("country") or (entry.get("admin1") or "")[:2] or None,
                aliases=tuple(tuple(words(phrase)) for phrase in entry["aliases"]),
                holders=holders,
                channels=tuple(entry.get("channels") or ()),
            )
        )
    return tuple(found)


def _phrase_matches(phrase: tuple[str, ...], text_words: list[str]) -> bool:
    return all(any(word.startswith(stem) for word in text_words) for stem in phrase)


@cache
def office_of(claimant: str | None) -> Office | None:
    """The office an alias names in this claimant's wording, or None."""
    if not claimant:
        return None
    text_words = words(claimant)
    for office in offices():
        if any(_phrase_matches(phrase, text_words) for phrase in office.aliases):
            return office
    return None


@cache
def claimant_id(claimant: str | None) -> str:
    """The canonical id: equal for the same office however it is written; '' for nobody.

    A claimant no entry knows keeps its own folded words as its id (notes in parentheses,
    "(outlet, earlier report)", dropped), so its exact repeats still match.
    """
    if not claimant:
        return ""
    office = office_of(claimant)
    if office is not None:
        return office.id
    return " ".join(words(_PARENTHESES.sub(" ", claimant)))


def canonical_name(claimant: str | None, when: date | datetime | None = None) -> str | None:
    """The name the ledger records: the office's English name, with the holder its wording
    names (or the one holder known to have held the office on `when`); any other claimant
    as written."""
    if not claimant:
        return None
    office = office_of(claimant)
    if office is None:
        return claimant
    holder = office.holder_in(claimant)
    if holder is None and when is not None:
        holder = office.holder_on(when.date() if isinstance(when, datetime) else when)
    return holder.full if holder else office.name


def display_name(claimant: str | None) -> str:
    """The claimant as an English briefing names it."""
    return canonical_name(claimant) or UNNAMED


@cache
def _channels() -> dict[str, str]:
    """Channel handle -> the claimant publishing there (a holder's name, else the office's)."""
    found = {}
    for office in offices():
        for handle in office.channels:
            found[handle.lower()] = office.name
        for holder in office.holders:
            for handle in holder.channels:
                found[handle.lower()] = holder.full
    return found


def channel_claimant(handle: str | None) -> str | None:
    """Who publishes on this Telegram channel ("@vvgladkov", "kpszsu"), if the table knows."""
    if not handle:
        return None
    return _channels().get(handle.lstrip("@").lower())


@cache
def official_entries() -> list[dict]:
    """Every holder with surname spellings, for the extractor to find in a text."""
    return [
        {
            "names": list(holder.surnames),
            "claimant": holder.full,
            "given": holder.name.split()[0],
            "admin1": office.admin1,
            "country": office.country,
        }
        for office in offices()
        for holder in office.holders
        if holder.surnames
    ]
