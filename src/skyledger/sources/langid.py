"""Which of English, Russian or Ukrainian a text is written in.

Russian and Ukrainian share most of Cyrillic; each has letters the other lacks
(Ukrainian і ї є ґ and the apostrophe inside words, Russian ы э ъ ё) and common
short words of its own. Counting both is cheap and reliable on a few sentences.
"""

from __future__ import annotations

import re

_CYRILLIC = re.compile(r"[А-Яа-яЁёІіЇїЄєҐґ]")
_LATIN = re.compile(r"[A-Za-z]")
_UK_LETTERS = re.compile(r"[ІіЇїЄєҐґ]|[а-яії]['’ʼ][яюєї]")
_RU_LETTERS = re.compile(r"[ЫыЭэЪъЁё]")
_WORD = re.compile(r"[а-яёіїєґ']+")
_UK_WORDS = frozenset(
    "та що як це від або які його її було були буде щодо також під через після "
    "збито області районі внаслідок повідомили".split()
)
_RU_WORDS = frozenset(
    "и что как это от или которые его ее было были будет также во время через после "
    "сбиты области районе результате сообщили".split()
)


def detect_lang(text: str) -> str:
    """'en', 'ru' or 'uk' for a text; Latin-only or empty text counts as English."""
    sample = text[:5000]
    cyrillic = len(_CYRILLIC.findall(sample))
    latin = len(_LATIN.findall(sample))
    if cyrillic <= latin:
        return "en"
    lowered = sample.lower()
    uk = 2 * len(_UK_LETTERS.findall(sample))
    ru = 2 * len(_RU_LETTERS.findall(sample))
    for word in _WORD.findall(lowered):
        if word in _UK_WORDS:
            uk += 1
        elif word in _RU_WORDS:
            ru += 1
    return "uk" if uk > ru else "ru"
