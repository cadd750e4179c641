"""Taking a mention apart: prepositions, 'between X and Y', district and region words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skyledger.geo.mention import parse, tokenize


@pytest.mark.parametrize(
    "mention, kind, tokens, parts, marker",
    [
        ("над Малоярославцем", "place", ["Малоярославцем"], [], []),
        ("near the town of Shebekino", "place", ["Shebekino"], [], []),
        ("в районе Кириш", "place", ["Кириш"], [], []),  # "in the area of": a preposition
        ("у Кривому Розі", "place", ["Кривому", "Розі"], [], []),
        ("Kharkiv's", "place", ["Kharkiv"], [], []),
        ("«Усть-Луга»", "place", ["Усть-Луга"], [], []),
        ("между Киришами и Будогощью", "between", ["между", "Киришами", "и", "Будогощью"],
         [["Киришами"], ["Будогощью"]], ["между"]),
        ("між селами Одноробівка та Золочів", "between",
         ["між", "селами", "Одноробівка", "та", "Золочів"], [["Одноробівка"], ["Золочів"]],
         ["між"]),
        ("between the villages of Kirishi and Budogoshch", "between",
         ["between", "the", "villages", "of", "Kirishi", "and", "Budogoshch"],
         [["Kirishi"], ["Budogoshch"]], ["between"]),
        ("в Киришском районе", "district", ["Киришском"], [], ["районе"]),
        ("у Золочівській громаді", "district", ["Золочівській"], [], ["громаді"]),
        ("городской округ Сочи", "district", ["Сочи"], [], ["городской", "округ"]),
        ("Kupiansk district", "district", ["Kupiansk"], [], ["district"]),
        ("в Калужской области", "region", ["Калужской"], [], ["области"]),
        ("over the Kaluga region", "region", ["Kaluga"], [], ["region"]),
        ("в", "place", ["в"], [], []),
    ],
)  # fmt: skip
def test_parse(mention, kind, tokens, parts, marker):
    parsed = parse(mention)
    assert (parsed.kind, parsed.tokens, parsed.parts, parsed.marker) == (
        kind,
        tokens,
        parts,
        marker,
    )


@given(st.text(max_size=80))
def test_parse_any_text(text):
    parsed = parse(text)
    assert parsed.kind in {"place", "between", "district", "region"}
    words = tokenize(text)
    assert all(token in words for token in parsed.tokens + parsed.marker)
    if parsed.kind == "between":
        assert len(parsed.parts) == 2 and all(parsed.parts)
