"""Weapons named by their model, in every case and language, with or without a weapon noun
beside them ("сбиты 4 Х-101", "5 «Гераней»", "3 Kh-101s", "dropped 10 KABs").
Sentences written for these tests."""

from __future__ import annotations

import pytest

from skyledger.extract import extract


def claims(text: str, lang: str) -> list[tuple]:
    return [(c.claim_type, c.weapon, c.count, c.model) for c in extract(text, lang=lang)]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a model with no weapon noun counts as its weapon
        ("ru", "Над Брянской областью сбиты 4 Х-101.", [("destroyed", "missile", 4, "Kh-101")]),
        (
            "ru",
            "ВСУ выпустили 2 ATACMS по Курской области.",
            [("launched", "missile", 2, "ATACMS")],
        ),
        ("uk", "Ворог запустив 6 Х-101 по Львівщині.", [("launched", "missile", 6, "Kh-101")]),
        (
            "en",
            "Russia fired 3 Kh-101s at the Lviv region.",
            [("launched", "missile", 3, "Kh-101")],
        ),
        # a model beside its weapon noun: one count
        (
            "ru",
            "Над Брянской областью сбиты 4 ракеты Х-101.",
            [("destroyed", "missile", 4, "Kh-101")],
        ),
        (
            "en",
            "Russia fired 3 Kh-101 cruise missiles at the Lviv region.",
            [("launched", "missile", 3, "Kh-101")],
        ),
        # Geran in every case
        ("ru", "Над Курской областью сбиты 5 «Гераней».", [("destroyed", "uav", 5, "Shahed-136")]),
        ("uk", "Над Сумщиною збито 3 «Герані».", [("destroyed", "uav", 3, "Shahed-136")]),
        (
            "en",
            "Russia launched 9 Gerans at the Sumy region.",
            [("launched", "uav", 9, "Shahed-136")],
        ),
        # glide bombs dropped
        (
            "en",
            "Russia dropped 10 KABs on the Kharkiv region.",
            [("launched", "glide_bomb", 10, "KAB")],
        ),
        (
            "ru",
            "Российская авиация сбросила 6 КАБов на Харьковскую область.",
            [("launched", "glide_bomb", 6, "KAB")],
        ),
        ("uk", "Ворог скинув на Харківщину 7 КАБів.", [("launched", "glide_bomb", 7, "KAB")]),
        # rockets of a multiple rocket launcher (HIMARS) are rocket artillery: `other`, MLRS
        (
            "ru",
            "Средства ПВО сбили четыре реактивных снаряда РСЗО HIMARS.",
            [("destroyed", "other", 4, "MLRS")],
        ),
        ("uk", "Сили ППО збили три снаряди HIMARS.", [("destroyed", "other", 3, "MLRS")]),
        (
            "en",
            "Air defences shot down four HIMARS rockets.",
            [("destroyed", "other", 4, "MLRS")],
        ),
        # ... and so when the launcher's name is spelled out
        (
            "ru",
            "Сбиты четыре снаряда реактивной системы залпового огня HIMARS.",
            [("destroyed", "other", 4, "MLRS")],
        ),
        (
            "uk",
            "Збито чотири снаряди реактивної системи залпового вогню HIMARS.",
            [("destroyed", "other", 4, "MLRS")],
        ),
        (
            "en",
            "Four rockets of the HIMARS multiple rocket launcher were shot down.",
            [("destroyed", "other", 4, "MLRS")],
        ),
        # a model before adjectives and its head noun: the noun's number decides, so plural
        # missiles with no figure are no single missile
        (
            "en",
            "Russia struck Lviv with Kalibr cruise missiles, damaging a warehouse.",
            [("hit", "missile", None, "Kalibr"), ("damage", "missile", None, None)],
        ),
        (
            "en",
            "Russia struck Lviv with a Kalibr cruise missile, damaging a warehouse.",
            [("hit", "missile", 1, "Kalibr"), ("damage", "missile", None, None)],
        ),
        (
            "ru",
            "Россия ударила по Львову крылатыми ракетами «Калибр», повреждён склад.",
            [("hit", "missile", None, "Kalibr"), ("damage", "missile", None, None)],
        ),
        (
            "uk",
            "Росія вдарила по Львову крилатими ракетами «Калібр», пошкоджено склад.",
            [("hit", "missile", None, "Kalibr"), ("damage", "missile", None, None)],
        ),
        # a launcher named in passing is no weapon: "градоначальник" is no Grad
        ("ru", "Градоначальник сообщил о работе экстренных служб.", []),
    ],
)
def test_weapons_named_by_model(lang, text, expected):
    assert claims(text, lang) == expected
