"""Oblast daily tallies: a count of launches ("11 пусків КАБ", "3 пуска ракет", "12 launches
of guided bombs") is so many launched of the weapon named after the noun; strikes from
aircraft ("6 авіаударів") are strikes of glide bombs. Sentences written for these tests."""

from __future__ import annotations

import pytest

from extract_helpers import keys


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "uk",
            "За добу ворог здійснив 17 пусків КАБ по Сумщині.",
            [("launched", "glide_bomb", 17, "UA-59")],
        ),
        (
            "uk",
            "По Херсонщині зафіксовано 6 пусків керованих авіабомб та 2 пуски ракет.",
            [("launched", "glide_bomb", 6, "UA-65"), ("launched", "missile", 2, "UA-65")],
        ),
        (
            "ru",
            "За сутки по Запорожской области зафиксировано 23 пуска КАБ.",
            [("launched", "glide_bomb", 23, "UA-23")],
        ),
        (
            "ru",
            "Противник совершил 4 пуска ракет по Николаевской области.",
            [("launched", "missile", 4, "UA-48")],
        ),
        (
            "en",
            "Russian forces carried out 9 launches of guided aerial bombs on Kharkiv Oblast.",
            [("launched", "glide_bomb", 9, "UA-63")],
        ),
    ],
)
def test_a_count_of_launches_is_so_many_launched(lang, text, expected):
    assert keys(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "uk",
            "Ворог завдав 6 авіаударів по Степногірську та Малій Токмачці.",
            [("hit", "glide_bomb", 6, "UA-23")],
        ),
        ("ru", "Противник нанес 4 авиаудара по Степногорску.", [("hit", "glide_bomb", 4, "UA-23")]),
        (
            "uk",
            "Росіяни завдали авіаудару по Сумах, пошкоджено будинок.",
            [("hit", "glide_bomb", None, "UA-59"), ("damage", "glide_bomb", None, "UA-59")],
        ),
    ],
)
def test_strikes_from_aircraft_are_glide_bomb_strikes(lang, text, expected):
    assert keys(text, lang) == expected
