"""Words of claims that speak of something else: fragments of a structure are no weapon
debris, and harm to a body part is an injury, never damage. Sentences written for these
tests."""

from __future__ import annotations

import pytest

from extract_helpers import keys


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # fragments of a structure
        (
            "ru",
            "В Курской области беспилотник атаковал вышку связи. Вследствие падения фрагментов "
            "конструкции пострадала женщина.",
            [("hit", "uav", 1, "RU-KRS"), ("casualties", "uav", None, "RU-KRS")],
        ),
        (
            "uk",
            "На Харківщині дрон влучив у будівлю. Уламки будівлі пошкодили автомобіль.",
            [("hit", "uav", 1, "UA-63"), ("damage", "uav", None, "UA-63")],
        ),
        (
            "en",
            "A drone hit a tower in the Kursk region. Fragments of the structure injured a woman.",
            [("hit", "uav", 1, "RU-KRS"), ("casualties", "uav", None, "RU-KRS")],
        ),
        # debris of a weapon, or of nothing named, stays debris
        (
            "ru",
            "В Курской области после атаки дронов зафиксировано падение обломков.",
            [("debris", "uav", None, "RU-KRS")],
        ),
        (
            "ru",
            "В Курской области зафиксировано падение обломков беспилотника.",
            [("debris", "uav", 1, "RU-KRS")],
        ),
        # harm to a body part
        (
            "ru",
            "В Курской области беспилотник атаковал объект связи. Осколками ранена женщина, она "
            "получила повреждение нижней конечности.",
            [("hit", "uav", 1, "RU-KRS"), ("casualties", "uav", None, "RU-KRS")],
        ),
        (
            "uk",
            "На Харківщині дрон атакував автомобіль. Водій отримав пошкодження голови.",
            [("hit", "uav", 1, "UA-63"), ("casualties", "uav", None, "UA-63")],
        ),
        (
            "en",
            "A drone hit a car in the Belgorod region; the driver suffered damage to his legs.",
            [("hit", "uav", 1, "RU-BEL"), ("casualties", "uav", None, "RU-BEL")],
        ),
        # one of the villages, not one of the drones
        (
            "ru",
            "Над Воронежской областью сбиты 8 БПЛА. В одном из сёл Острогожского района "
            "упали обломки.",
            [("destroyed", "uav", 8, "RU-VOR"), ("debris", "uav", None, "RU-VOR")],
        ),
        (
            "uk",
            "Над Сумщиною збито 8 БпЛА. В одному з сіл Сумського району впали уламки.",
            [("destroyed", "uav", 8, "UA-59"), ("debris", "uav", None, "UA-59")],
        ),
        # ... but one of them is one of the drones
        (
            "ru",
            "Над Воронежской областью сбиты 8 БПЛА. Обломки одного из них упали в "
            "Острогожском районе.",
            [("destroyed", "uav", 8, "RU-VOR"), ("debris", "uav", 1, "RU-VOR")],
        ),
    ],
)
def test_words_of_something_else(lang, text, expected):
    assert keys(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # the threat of a strike (an alert, a warning) is no strike
        ("ru", "Из-за угрозы удара беспилотников по Белгороду объявлена тревога.", []),
        ("uk", "Через загрозу ракетного удару по Києву оголошено повітряну тривогу.", []),
        ("uk", "Існує загроза удару дронів по Харкову.", []),
        ("en", "An air alert was declared across Ukraine over the threat of missile strikes.", []),
        ("en", "There is a danger of drone strikes on Kharkiv, the mayor warned.", []),
        # a threat in another clause leaves the claim
        (
            "ru",
            "Беспилотник сбит над Белгородом, угрозы для жителей нет.",
            [("destroyed", "uav", 1, "RU-BEL")],
        ),
        (
            "uk",
            "Дрон збили над Харковом, загрози для мешканців немає.",
            [("destroyed", "uav", 1, "UA-63")],
        ),
    ],
)
def test_the_threat_of_a_strike_is_none(lang, text, expected):
    assert keys(text, lang) == expected
