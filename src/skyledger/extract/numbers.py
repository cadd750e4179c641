"""Numbers as reports write them: digits, words in any case and gender, compounds.

"34", "тридцать четыре", "двадцяти", "двох", "eleven", "twenty-one" -> an int with its span.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from skyledger.extract.lexicon import Lexicon
from skyledger.extract.morph import lemma

DIGITS = re.compile(  # "(?=\d)" first: the engine skips to digits before any lookbehind
    r"(?=\d)(?<![\w.,:/\-])(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\w:])|\d+(?![\w:]|[.,:]\d))"
)
WORD = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)?(?:-[^\W\d_]+)?", re.UNICODE)
RUN_CHARS = "'’ʼ-"  # besides letters, what a word may hold: a word never spans other characters


class Number(NamedTuple):
    value: int
    start: int
    end: int


def word_value(word: str, lex: Lexicon) -> int | None:
    if lex.lang != "en" and word[:2].lower() not in lex.number_word:
        return None  # cheap pre-check: no number word starts with these letters
    lowered = word.lower().replace("'", "’").replace("ʼ", "’")
    if lowered in lex.numbers:
        return lex.numbers[lowered]
    if lex.lang == "en":
        if "-" in lowered:
            tens, _, unit = lowered.partition("-")
            if tens in lex.numbers and unit in lex.numbers:
                return lex.numbers[tens] + lex.numbers[unit]
        return None
    if len(lowered) < 3 or len(lowered) > 20 or lowered[:2] not in lex.number_word:
        return None
    base = lemma(lowered, lex.lang)
    return lex.numbers.get(base)


def digits_value(written: str) -> int:
    return int(written) if written.isdigit() else int("".join(c for c in written if c.isdigit()))


def find_numbers(text: str, lex: Lexicon) -> list[Number]:
    """Every number in `text`, compound word numbers joined ("двадцать один" = 21)."""
    found = [
        Number(digits_value(m.group(0)), m.start(), m.end())
        for m in DIGITS.finditer(text)
        if not (
            lex.month_before and lex.month_before.search(text, max(0, m.start() - 12), m.start())
        )
    ]
    words: list[Number] = []
    prefixes = lex.number_word
    for match in candidate_words(text, lex):
        word = match.group(0)
        if word[:2].lower() not in prefixes:
            continue  # no number word starts with these letters (compounds start with their tens)
        value = word_value(word, lex)
        if value is None:
            continue
        previous = words[-1] if words else None
        gap = text[previous.end : match.start()] if previous else ""
        if previous and gap.strip() in ("", "and") and joinable(previous.value, value):
            words[-1] = Number(previous.value + value, previous.start, match.end())
        elif (
            previous
            and gap.strip() == ""
            and previous.value < 10
            and value == 100
            and lex.lang == "en"
        ):
            words[-1] = Number(previous.value * 100, previous.start, match.end())
        else:
            words.append(Number(value, match.start(), match.end()))
    return sorted(found + words, key=lambda n: n.start)


def candidate_words(text: str, lex: Lexicon):
    """The words of `text` (as WORD.finditer cuts them) that may begin with a number word.

    Positions where a number word's first letters open a letter run are found in one regex
    pass; each such stretch of letters, apostrophes and hyphens is then cut into words on
    its own, which cuts it exactly as a pass over the whole text would.
    """
    done_until = 0
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is longer: look at every word
        yield from WORD.finditer(text)
        return
    for hit in lex.number_starts.finditer(lowered):
        if hit.start() < done_until:
            continue
        run_start = hit.start()
        while run_start > 0 and (text[run_start - 1].isalpha() or text[run_start - 1] in RUN_CHARS):
            run_start -= 1
        run_end = hit.end()
        while run_end < len(text) and (text[run_end].isalpha() or text[run_end] in RUN_CHARS):
            run_end += 1
        yield from WORD.finditer(text, run_start, run_end)
        done_until = run_end


def joinable(first: int, second: int) -> bool:
    """'twenty' + 'one', 'сто' + 'двадцать': the larger order comes first."""
    if first >= 100 and first % 100 == 0 and second < 100:
        return True
    return first >= 20 and first % 10 == 0 and first < 100 and 0 < second < 10
