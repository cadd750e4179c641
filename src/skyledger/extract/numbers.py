"""Numbers as reports write them: digits, words in any case and gender, compounds.

"34", "тридцать четыре", "двадцяти", "двох", "eleven", "twenty-one" -> an int with its span.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

from skyledger.extract import numerals
from skyledger.extract.lexicon import Lexicon

# A digit first, the lookbehind after it ("\d(?<!X\d)", not "(?<!X)\d"): a pattern that opens
# with a character class lets the engine skip ahead to digits; one that opens with an
# assertion, even "(?=\d)", is tried at every position
DIGITS = re.compile(
    r"\d(?<![\w.,:/\-]\d)"
    r"(?:\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?![\w:])|\d*(?![\w:]|[.,:]\d))"
)
# English writes thousands apart with commas ("1,200 drones"); in Russian and Ukrainian a
# comma is a decimal point
COMMA_THOUSANDS = re.compile(r"\d(?<![\w.,:/\-]\d)\d{0,2}(?:,\d{3})+(?![\w:]|[.,]\d)")
WORD = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)?(?:-[^\W\d_]+)?", re.UNICODE)
SPACES = re.compile(r"\s+")
SAME_REACH = 120  # how far "столько же" may stand after the count it repeats
OTHER_REACH = 200  # how far "the other" may stand after its "one" (two short clauses)
RUN_CHARS = "'’ʼ-"  # besides letters, what a word may hold: a word never spans other characters


class Number(NamedTuple):
    value: int
    start: int
    end: int
    approx: bool = False  # a round figure ("три десятка", "десяток"): about that many


def word_value(word: str, lex: Lexicon) -> int | None:
    """The value of one number word in any case and gender (forms from lang/numerals.yaml)."""
    if lex.lang != "en" and word[:2].lower() not in lex.number_word:
        return None  # cheap pre-check: no number word starts with these letters
    lowered = word.lower().replace("'", "’").replace("ʼ", "’")
    if lowered in lex.numbers:
        return lex.numbers[lowered]
    if lex.lang == "en" and "-" in lowered:
        tens, _, unit = lowered.partition("-")
        if tens in lex.numbers and unit in lex.numbers:
            return lex.numbers[tens] + lex.numbers[unit]
    return None


def digits_value(written: str) -> int:
    return int(written) if written.isdigit() else int("".join(c for c in written if c.isdigit()))


def find_numbers(text: str, lex: Lexicon) -> list[Number]:
    """Every number in `text`, compound word numbers joined ("двадцать один" = 21,
    "двумя тысячами четырьмястами" = 2400); years ("у 2024 році") are none."""
    lang = lex.lang
    found, scales = [], []
    thousands = numerals.thousand_after(lang)
    matches = DIGITS.finditer(text)
    if lang == "en" and "," in text:
        matches = sorted([*matches, *COMMA_THOUSANDS.finditer(text)], key=lambda m: m.start())
    for m in matches:
        if lex.month_before and lex.month_before.search(text, max(0, m.start() - 12), m.start()):
            continue
        if numerals.is_year(text, m.start(), m.end(), lang):
            continue
        value, end = digits_value(m.group(0)), m.end()
        scale = thousands.match(text, end) if thousands is not None else None
        if scale is not None and value < numerals.THOUSAND:
            value, end = value * numerals.THOUSAND, scale.end()
            scales.append((m.end(), end))
        found.append(Number(value, m.start(), end))
    words = word_numbers(text, lex)
    if scales:  # "2 тисячі": the word is part of the digits' number
        words = [w for w in words if not any(s <= w.start < e for s, e in scales)]
    numbers = sorted(found + words + other_ones(text, lex, words), key=lambda n: n.start)
    return with_same_numbers(text, lex, numbers)


def with_same_numbers(text: str, lex: Lexicon, numbers: list[Number]) -> list[Number]:
    """ "столько же", "the same number" as the count right before it (in the same stretch)."""
    pattern = numerals.same_number(lex.lang)
    if pattern is None or not numbers:
        return numbers
    starts = [n.start for n in numbers]
    same = []
    for m in pattern.finditer(text, numbers[0].end):
        index = bisect_left(starts, m.start()) - 1
        before = numbers[index] if index >= 0 else None
        if before is not None and 0 < m.start() - before.end <= SAME_REACH:
            same.append(Number(before.value, m.start(), m.end(), before.approx))
    return sorted(numbers + same, key=lambda n: n.start) if same else numbers


def other_ones(text: str, lex: Lexicon, words: list[Number]) -> list[Number]:
    """ "the other" as a count of one when a "one" stands shortly before it:
    "один — над Курской, другой — над Белгородской" counts two drones."""
    pattern = numerals.the_other(lex.lang)
    ones = [n.end for n in words if n.value == 1]
    if pattern is None or not ones:
        return []
    return [
        Number(1, m.start(), m.end())
        for m in pattern.finditer(text, ones[0])
        if any(0 < m.start() - end <= OTHER_REACH for end in ones)
    ]


def word_numbers(text: str, lex: Lexicon) -> list[Number]:
    """Runs of number words, each run cut into the numbers it makes."""
    lang = lex.lang
    words: list[Number] = []
    run: numerals.Accumulator | None = None
    run_start = run_end = 0
    lone: str | None = None  # the run's word, while it is its only one
    prefixes = lex.number_word
    for match in candidate_words(text, lex):
        word = match.group(0)
        if word[:2].lower() not in prefixes:
            continue  # no number word starts with these letters (compounds start with their tens)
        value = word_value(word, lex)
        gap = text[run_end : match.start()] if run is not None else None
        if value is None:
            scale = numerals.scales(lang).get(word.lower())
            if scale is None:
                continue
            if run is not None and not gap.strip() and run.scale == 1:
                run.scale, run_end, lone = scale, match.end(), None  # "трёх десятков"
                continue
            if run is not None:
                words.extend(close(text, lex, run, run_start, run_end, lone))
                run = None
            fraction = numerals.fraction_before(lang)
            if fraction is not None and fraction.search(
                text, max(0, match.start() - 20), match.start()
            ):
                continue  # "полтора десятка": a fraction, never a count
            if word.lower() not in numerals.plural_scales(lang) and not vague_before(
                text, match.start(), lex
            ):
                words.append(Number(scale, match.start(), match.end(), True))  # "десяток"
            continue
        if (
            run is not None
            and gap.strip() in ("", "and")
            and run.scale == 1
            and run.add(value, lang)
        ):
            run_end, lone = match.end(), None
            continue
        if run is not None:
            words.extend(close(text, lex, run, run_start, run_end, lone))
        run, run_start, run_end, lone = numerals.Accumulator(), match.start(), match.end(), word
        run.add(value, lang)
    if run is not None:
        words.extend(close(text, lex, run, run_start, run_end, lone))
    return words


WORD_BEFORE = re.compile(r"(\w+)\s+$")


def vague_before(text: str, start: int, lex: Lexicon) -> bool:
    """ "several dozen", "кілька десятків": a round figure after a vague word is no count."""
    word = WORD_BEFORE.search(text, max(0, start - 20), start)
    return word is not None and word.group(1).lower() in lex.vague


def qualified(text: str, start: int, lex: Lexicon) -> bool:
    """ "more than", "about" right before `start` ("более тысячи", "близько сотні")."""
    before = text[max(0, start - 30) : start]
    return bool(lex.at_least.search(before) or lex.approx.search(before))


def close(text: str, lex: Lexicon, run, start: int, end: int, lone: str | None) -> list[Number]:
    """A finished run as a number, unless it is one word that is more often no number here:
    a plural "тысячи" alone (thousands), "thousand" after a fraction ("2.5 thousand"), or a
    form that is also another word ("семью") with no weapon noun right after it."""
    if lone is not None:
        lowered = lone.lower()
        if lowered in numerals.plural_thousands(lex.lang) and not qualified(text, start, lex):
            return []  # "тысячи дронов" (thousands), but "более тысячи" (more than a thousand)
        if (
            run.value == numerals.THOUSAND
            and text[max(0, start - 2) : start].strip()[-1:].isdigit()
        ):
            return []
        if lowered in numerals.ambiguous(lex.lang):
            ahead = SPACES.match(text, end)
            if ahead is None or not lex.weapons.match(text, ahead.end()):
                return []
    return [Number(run.value, start, end, run.scale != 1)]


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
