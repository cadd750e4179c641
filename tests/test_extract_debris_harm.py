"""Harm told with or after the debris of weapons shot down is the debris's: a count-less
attack on the area stays absorbed into the shoot-down, or, with debris alone, a launch of no
count (revision 2: "a weapon that falls and explodes", "a count-less attack statement").
Sentences written for these tests."""

from __future__ import annotations

import pytest

from extract_helpers import keys


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "uk",
            "Уночі Житомирщина зазнала атаки ударних БпЛА. Сили ППО збили 12 безпілотників. "
            "Уламки пошкодили приватне господарство в Житомирському районі.",
            [
                ("destroyed", "uav", 12, "UA-18"),
                ("damage", "uav", None, "UA-18"),
                ("debris", "uav", None, "UA-18"),
            ],
        ),
        (
            "uk",
            "Ворог атакував Рівненщину дронами. Сили ППО знищили 6 БпЛА. Внаслідок падіння "
            "уламків у Сарненському районі пошкоджено склад.",
            [
                ("destroyed", "uav", 6, "UA-56"),
                ("damage", "uav", None, "UA-56"),
                ("debris", "uav", None, "UA-56"),
            ],
        ),
        # debris alone, no shoot-down counted: the attack is a launch of no count
        (
            "uk",
            "Бориспільський район зазнав ракетної атаки. Внаслідок падіння уламків збитої ракети "
            "пошкоджено 4 приватні будинки. Постраждала одна людина.",
            [
                ("launched", "missile", None, "UA-32"),
                ("debris", "missile", 1, "UA-32"),
                ("damage", "missile", None, "UA-32"),
                ("casualties", "missile", None, "UA-32"),
            ],
        ),
    ],
)
def test_harm_of_the_debris_is_no_strike(lang, text, expected):
    assert keys(text, lang) == expected
