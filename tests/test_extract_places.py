"""Place mentions by cue words, in their dictionary form. Sentences written for these tests."""

from __future__ import annotations

import pytest

from skyledger.extract.places import find_places


@pytest.mark.parametrize(
    ("text", "lang", "normals"),
    [
        ("Обломки упали в селе Глинищево.", "ru", ["Глинищево"]),
        ("Беспилотник сбит над Брянским районом.", "ru", ["Брянский район"]),
        ("Обломки нашли между Калугой и Тулой.", "ru", ["Калуга", "Тула"]),
        ("Пошкоджено будинок у м. Куп’янськ.", "uk", ["Куп’янськ"]),
        ("Уламки впали в Дарницькому районі.", "uk", ["Дарницький район"]),
        ("Удар по Межівській громаді.", "uk", ["Межівська громада"]),
        ("Уламки знайшли між Одноробівкою та Золочевом.", "uk", ["Одноробівка", "Золочів"]),
        ("Drones hit the towns of Pavlohrad and Ternivka.", "en", ["Pavlohrad", "Ternivka"]),
        ("A drone fell in the village of Glinishchevo.", "en", ["Glinishchevo"]),
        # no cue word: no place, whatever the capitals
        ("Над Брянской областью сбиты три беспилотника.", "ru", []),
        ("Governor Kiper said Odesa was attacked.", "en", []),
    ],
)
def test_places_by_cue_words(text, lang, normals):
    assert [p.normal for p in find_places(text, lang)] == normals
