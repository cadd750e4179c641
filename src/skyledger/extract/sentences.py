"""Sentence splitting that keeps offsets into the original text.

Splits at line breaks (bulletins put one region a line) and at sentence-final
punctuation followed by a capital, a digit, a quote or a bullet; never after short
abbreviations such as "обл.", "с.", "м.", "St.".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Stops, then closing marks and spaces before a capital or a bullet; or line breaks. One class
# opens both, so the engine skips ahead to stops and breaks instead of trying every position.
BOUNDARY = re.compile(
    r"[.!?…\n](?:(?<=\n)\n*|[.!?…]*[\"»”'’)]*\s+(?=[\"«“'(\[]?[^\W_a-zа-яіїєґё]|[▪▫•\-–—]))"
)
ABBREVIATIONS = frozenset(
    [
        "обл",
        "г",
        "гг",
        "им",
        "ул",
        "пос",
        "пгт",
        "р-н",
        "ст",
        "с",
        "м",
        "д",
        "х",
        "смт",
        "вул",
        "просп",
        "тыс",
        "тис",
        "млн",
        "st",
        "mr",
        "mrs",
        "dr",
        "gen",
        "lt",
        "col",
        "no",
        "vs",
        "sept",
        "oct",
        "nov",
        "dec",
        "jan",
        "feb",
        "aug",
        "m",
        "a",
        "p",
    ]
)
LAST_WORD = re.compile(r"([\w\-]+)$")
MAX_SENTENCE = 1500
BULLET = re.compile(r"^[\s▪▫•◾◽●○\-–—*·✅❗️⚡️🔴]+")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int
    line_start: bool  # begins a line (headline, bullet, list item)
    bullet: bool


def split(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    paragraph = 0
    cursor = 0
    for match in BOUNDARY.finditer(text):
        if "\n" not in match.group(0) and abbreviation_before(text, match.start()):
            continue
        add(sentences, text, cursor, match.start() + len(match.group(0).rstrip()), paragraph)
        if match.group(0).count("\n") >= 2 or (
            "\n" in match.group(0) and blank_line(match.group(0))
        ):
            paragraph += 1
        cursor = match.end()
    add(sentences, text, cursor, len(text), paragraph)
    return sentences


def blank_line(gap: str) -> bool:
    return gap.count("\n") >= 2


def abbreviation_before(text: str, dot: int) -> bool:
    word = LAST_WORD.search(text[max(0, dot - 12) : dot])
    return bool(word) and word.group(1).lower() in ABBREVIATIONS


def add(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while end - start > MAX_SENTENCE:  # no real sentence is this long: cut it at a space
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        add(sentences, text, start, cut, paragraph)
        start = cut
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return
    line_start = start == 0 or "\n" in text[max(0, start - 3) : start] or text[start - 1] == "\n"
    body = text[start:end]
    bullet = bool(BULLET.match(body)) and line_start
    sentences.append(Sentence(start, end, body, paragraph, line_start, bullet))
