"""Shared rule patterns: a gated pattern finds what the pattern alone finds."""

from __future__ import annotations

import re

import pytest

from skyledger.extract.breakdown import without_last_word
from skyledger.extract.rule_patterns import AGE, CLAUSE_BREAK, NEGATED_AFTER, model_or_clock_before


@pytest.mark.parametrize(
    ("text", "pos", "negated"),
    [
        ("Влучання: пошкоджень немає.", 8, True),
        ("Попадания в здание, по предварительным данным, не было.", 9, False),  # a comma first
        ("Попадания в здание не было.", 9, True),
        ("Влучань у будинок НЕ ЗАФІКСОВАНО.", 7, True),
        ("Влучання у будинок зафіксовано.", 8, False),
        ("Попадание в жилой дом, пострадавших нет", 8, False),
        ("A hit on the depot was not confirmed.", 5, False),
        (" " + "а" * 58 + " нет", 0, True),  # the word opens 60 characters on
        (" " + "а" * 59 + " нет", 0, False),  # 61: too far
    ],
)
def test_negated_after_is_the_pattern_run_only_where_its_words_can_open(text, pos, negated):
    assert (NEGATED_AFTER.match(text, pos) is not None) is negated
    assert (NEGATED_AFTER.pattern.match(text, pos) is not None) is negated


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("ракети, дрони; (КАБи): інше", [(6, 7), (13, 14), (15, 16), (20, 21), (21, 22)]),
        ("Kursk - Bryansk — Oryol–Kaluga", [(5, 8), (15, 18)]),  # dashes between spaces only
        ("Новгород-Сіверський  -x", []),
        ("a\t–\tb", [(1, 4)]),
    ],
)
def test_clause_breaks(text, spans):
    assert [m.span() for m in CLAUSE_BREAK.finditer(text)] == spans


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("загинув 45-річний чоловік", ["45-річний"]),
        ("a 7-year-old girl and a 102-Years-Old man", ["7-year-old", "102-Years-Old"]),
        ("Х12-річний, 1234-летний", []),  # a letter before it; four digits
    ],
)
def test_ages(text, ages):
    assert [m.group() for m in AGE.finditer(text)] == ages


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ("ракети Х-", True),  # a model: "Х-101"
        ("о 12:", True),  # a clock: "12:30"
        ("о 12.", True),
        ("збито 5 ", True),  # a digit before: "5 000"
        ("о 12:\n", True),  # one newline may end the text
        ("ракети Х-\n\n", False),
        ("збито ", False),
        ("ракет -", False),  # a dash between words
        ("", False),
    ],
)
def test_model_or_clock_before_as_its_pattern_at_the_end(before, expected):
    assert model_or_clock_before(before) is expected
    assert bool(re.search(r"[\w]-$|[:.]$|\d\s*$", before)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("147 drones over Russia, including the ", "147 drones over Russia, including "),
        ("в том числе над ", "в том числе "),
        ("including the, ", "including "),
        ("над регіоном 5 ", "над регіоном 5 "),  # a digit last: as it is
        ("", ""),
        ("Ту", ""),
    ],
)
def test_without_last_word_as_its_pattern_removes_it(text, expected):
    assert without_last_word(text) == expected
    assert re.sub(r"[^\W\d_]+\W*$", "", text) == expected
