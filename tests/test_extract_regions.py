"""Region mentions -> ISO 3166-2 codes, and the capitals that name no place. Sentences written for these tests."""

from __future__ import annotations

import pytest

from skyledger.extract.regions import find_regions


@pytest.mark.parametrize(
    ("text", "lang", "codes"),
    [
        ("Drones were downed over the Kursk and Bryansk regions.", "en", ["RU-KRS", "RU-BRY"]),
        ("A missile hit Kyiv overnight.", "en", ["UA-30"]),
        ("Над Брянской областью сбиты дроны.", "ru", ["RU-BRY"]),
        ("У Києва частини ракети впали на дорогу.", "uk", ["UA-30"]),  # "частини" is no clock zone
        ("З 20:00 за київським часом.", "uk", []),
        # a capital as a dateline or as its government names no place
        ("KYIV (Reuters) - Drones hit the Sumy region.", "en", ["UA-59"]),
        ("Russian missiles kill two in strike on Ukraine - Kyiv\nA drone fell.", "en", []),
        ("Moscow rarely discloses details of the attacks.", "en", []),
        ("The mayor of Moscow said three drones were downed.", "en", ["RU-MOW"]),
        ("Air defences shot down drones as Kyiv pushes for more air defence.", "en", []),
        ("Kyiv's air force said 20 drones were shot down.", "en", []),
    ],
)
def test_regions(text, lang, codes):
    assert [m.code for m in find_regions(text, lang)] == codes
