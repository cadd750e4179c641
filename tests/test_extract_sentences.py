"""Sentence splitting: where a report's sentences end."""

from __future__ import annotations

import pytest

from skyledger.extract.sentences import BOUNDARY


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Збито 5 дронів. Пошкоджено будинок.", [(14, 16)]),
        ("Shot down 5 drones... Two more!\n\nKursk", [(18, 22), (30, 33)]),
        ("Збито 5 дронів.» Далі", [(14, 17)]),  # closing quote kept with the stop
        ("у м. київ", []),  # a small letter after the stop
        ("Сбито 3 БПЛА:\n- два над X", [(13, 14)]),  # a line break
        ("Итог: 7. — над Y", [(7, 9)]),  # a dash after the stop
    ],
)
def test_sentence_boundaries(text, spans):
    assert [m.span() for m in BOUNDARY.finditer(text)] == spans
