"""Which of English, Russian or Ukrainian a text is written in.

Russian and Ukrainian share most of Cyrillic. Each has letters the other lacks
(Ukrainian і ї є ґ and the apostrophe inside words, Russian ы э ъ ё), common words
of its own and a few telling word endings; the words and endings live in
`lang/ru.yaml` and `lang/uk.yaml`. Letters weigh most, then words, then endings.
With no evidence either way a Cyrillic text counts as Russian.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from skyledger.datafile import read_yaml

LANG_DATA = Path(__file__).parent / "lang"
LETTER_WEIGHT, WORD_WEIGHT, ENDING_WEIGHT = 3, 2, 1

SAMPLE_CHARS = 3000  # a few paragraphs decide; the rest only costs time
UK_LETTERS = "ІіЇїЄєҐґ"
RU_LETTERS = "ЫыЭэЪъЁё"
_NOT_CYRILLIC = re.compile(r"[^А-Яа-яЁёІіЇїЄєҐґ]+")
_NOT_LATIN = re.compile(r"[^A-Za-z]+")
_UK_APOSTROPHE = re.compile(r"[а-яіїєґ]['’ʼ][яюєї]", re.IGNORECASE)  # об'єкт, м'ясо
_WORD = re.compile(r"[а-яёіїєґ]+")


@cache
def lang_evidence(lang: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """(words, endings) that speak for `lang`, from its data file."""
    data = read_yaml((LANG_DATA / f"{lang}.yaml").read_text(encoding="utf-8"))
    return frozenset(data["words"]), tuple(data["endings"])


def detect_lang(text: str) -> str:
    """'en', 'ru' or 'uk' for a text; Latin-only or empty text counts as English."""
    sample = text[:SAMPLE_CHARS]
    cyrillic = len(_NOT_CYRILLIC.sub("", sample))
    if cyrillic == 0 or cyrillic < len(_NOT_LATIN.sub("", sample)):
        return "en"
    uk = LETTER_WEIGHT * sum(map(sample.count, UK_LETTERS))
    ru = LETTER_WEIGHT * sum(map(sample.count, RU_LETTERS))
    if "'" in sample or "’" in sample or "ʼ" in sample:
        uk += LETTER_WEIGHT * len(_UK_APOSTROPHE.findall(sample))
    uk_words, uk_endings = lang_evidence("uk")
    ru_words, ru_endings = lang_evidence("ru")
    for word in _WORD.findall(sample.lower()):
        if word in uk_words:
            uk += WORD_WEIGHT
        elif word in ru_words:
            ru += WORD_WEIGHT
        if len(word) > 3:
            uk += ENDING_WEIGHT * word.endswith(uk_endings)
            ru += ENDING_WEIGHT * word.endswith(ru_endings)
    return "uk" if uk > ru else "ru"
