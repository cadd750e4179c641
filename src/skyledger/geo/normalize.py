"""Name keys: the folded spelling under which every name form is indexed and looked up."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

APOSTROPHES = "'’ʼ`´′‘ʻ\u02bc"
_DROP = str.maketrans({c: None for c in APOSTROPHES + '"«»„“”()[].'})
_DASHES = re.compile(r"[\u2010-\u2015\u2212_/-]+")
_SPACES = re.compile(r"\s+")
_LATIN_EXTRA = str.maketrans({"ł": "l", "ø": "o", "ß": "ss", "đ": "d", "ı": "i", "æ": "ae"})
_ACCENTED = re.compile(r"[\u00c0-\u024f\u0300-\u036f\u1e00-\u1eff]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LATIN = re.compile(r"[a-z]")


def strip_latin_accents(text: str) -> str:
    """Drop diacritics from Latin letters only: Cyrillic й, ї, ё must keep theirs."""
    out = []
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char) and out and out[-1] < "\u0250":
            continue
        out.append(char)
    return unicodedata.normalize("NFC", "".join(out))


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """Lowercase, ё→е, apostrophes and quotes dropped, dashes as spaces, Latin accents dropped."""
    text = text.lower().replace("ё", "е").translate(_DROP).translate(_LATIN_EXTRA)
    text = _DASHES.sub(" ", text)
    if not text.isascii() and _ACCENTED.search(text):
        text = strip_latin_accents(text)
    return _SPACES.sub(" ", text).strip()


_FOLD_STEPS = (
    ("shch", "s"),
    ("sch", "s"),
    ("tsch", "c"),
    ("kh", "h"),
    ("zh", "z"),
    ("ts", "c"),
    ("tz", "c"),
    ("ch", "c"),
    ("sh", "s"),
    ("sz", "s"),
    ("cz", "c"),
    ("w", "v"),
    ("x", "h"),
    ("g", "h"),
    ("y", "i"),
    ("j", "i"),
    ("ie", "e"),
    ("ii", "i"),
)
_DOUBLE = re.compile(r"([a-z])\1+")


def latin_fold(key: str) -> str:
    """A coarse skeleton of a Latin key, so romanisation systems meet (Kharkov ~ Harkov)."""
    key = key.replace(" ", "")
    for old, new in _FOLD_STEPS:
        key = key.replace(old, new)
    return _DOUBLE.sub(r"\1", key)


def script_of(text: str) -> str:
    """'cyr', 'lat' or '' (neither)."""
    if CYRILLIC.search(text):
        return "cyr"
    return "lat" if LATIN.search(text.lower()) else ""
