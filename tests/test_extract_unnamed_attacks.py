"""A report that names no means at all ("ворог атакував громаду, пошкоджено будинок") tells
an attack of unspecified means: weapon `other`, a strike where harm follows (guideline,
weapon `other`: "an unspecified attack"). Sentences written for these tests."""

from __future__ import annotations

import pytest

from extract_helpers import keys


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # the attack verb in one sentence, the harm in the next
        (
            "uk",
            "Ворог атакував Охтирську громаду. Пошкоджено школу та два приватні будинки. "
            "Поранено чоловіка, — Сумська ОВА.",
            [
                ("hit", "other", None, "UA-59"),
                ("damage", "other", None, "UA-59"),
                ("casualties", "other", None, "UA-59"),
            ],
        ),
        (
            "ru",
            "Враг атаковал Купянский район Харьковской области. Повреждены два частных дома.",
            [("hit", "other", None, "UA-63"), ("damage", "other", None, "UA-63")],
        ),
        (
            "en",
            "Russian forces attacked the Izium community in Kharkiv Oblast. Two houses were "
            "damaged.",
            [("hit", "other", None, "UA-63"), ("damage", "other", None, "UA-63")],
        ),
        # the attack noun with the harm it caused
        (
            "uk",
            "Внаслідок нічної атаки ворога на Черкащині пошкоджено газопровід.",
            [("damage", "other", None, "UA-71"), ("hit", "other", None, "UA-71")],
        ),
        (
            "ru",
            "В результате атаки противника в Черкасской области повреждена подстанция.",
            [("damage", "other", None, "UA-71"), ("hit", "other", None, "UA-71")],
        ),
        # an attack with no outcome: a launch of no count
        (
            "uk",
            "Ворог атакував Миколаївщину, повідомив Віталій Кім.",
            [("launched", "other", None, "UA-48")],
        ),
        # no attack told: nothing
        ("uk", "На Сумщині пошкоджено лінію електропередачі через негоду.", []),
    ],
)
def test_an_attack_of_unnamed_means_is_read(lang, text, expected):
    assert keys(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "uk",
            "Упродовж доби російські військові обстрілювали з дронів 27 населених пунктів "
            "Херсонщини. Поранено трьох людей.",
            [("hit", "uav", None, "UA-65"), ("casualties", "uav", None, "UA-65")],
        ),
        (
            "ru",
            "За сутки российские военные обстреливали из дронов 27 населенных пунктов "
            "Херсонской области. Ранены три человека.",
            [("hit", "uav", None, "UA-65"), ("casualties", "uav", None, "UA-65")],
        ),
    ],
)
def test_shelling_from_drones_is_an_attack_with_drones(lang, text, expected):
    assert keys(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "uk",
            "Укренерго: внаслідок нічної атаки ворога пошкоджено енергетичне обладнання в "
            "Полтавській та Сумській областях.",
            [
                ("damage", "other", None, "UA-53"),
                ("damage", "other", None, "UA-59"),
                ("hit", "other", None, "UA-53"),
                ("hit", "other", None, "UA-59"),
            ],
        ),
        (
            "ru",
            "В результате ночной атаки дронов повреждены объекты энергетики в Полтавской и "
            "Сумской областях.",
            [
                ("damage", "uav", None, "UA-53"),
                ("damage", "uav", None, "UA-59"),
                ("hit", "uav", None, "UA-53"),
                ("hit", "uav", None, "UA-59"),
            ],
        ),
        (
            "en",
            "A Russian attack overnight damaged energy facilities in the Poltava and Sumy "
            "regions, Ukrenergo said.",
            [
                ("damage", "other", None, "UA-53"),
                ("damage", "other", None, "UA-59"),
                ("hit", "other", None, "UA-53"),
                ("hit", "other", None, "UA-59"),
            ],
        ),
    ],
)
def test_an_attack_that_harmed_several_regions_struck_each(lang, text, expected):
    assert keys(text, lang) == expected
