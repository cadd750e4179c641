"""A number of directions or waves, or a number right before another noun ("two
enterprises"), counts no weapons. Sentences written for these tests."""

from __future__ import annotations

import pytest

from extract_helpers import keys


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("uk", "Ворог запустив 40 дронів з трьох напрямків.", [("launched", "uav", 40, None)]),
        (
            "uk",
            "Росія запустила 90 шахедів. Атакували хвилями за чотирма напрямками: Курськ і Крим.",
            [("launched", "uav", 90, None)],
        ),
        ("uk", "Ворог запустив 25 дронів трьома хвилями.", [("launched", "uav", 25, None)]),
        ("ru", "Россия запустила 30 дронов с трех направлений.", [("launched", "uav", 30, None)]),
        (
            "ru",
            "Противник выпустил 12 беспилотников двумя волнами.",
            [("launched", "uav", 12, None)],
        ),
        ("en", "Russia launched 40 drones from three directions.", [("launched", "uav", 40, None)]),
        ("en", "Russia launched 18 drones in two waves.", [("launched", "uav", 18, None)]),
    ],
)
def test_directions_and_waves_count_no_weapons(lang, text, expected):
    assert keys(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Drones launched by Russian troops caused fires at two enterprises in the Dnipro "
            "district.",
            [("damage", "uav", None, "UA-12")],
        ),
        (
            "ru",
            # the drones struck (no count of theirs); the two are enterprises
            "Вражеские беспилотники повредили два предприятия в Курской области.",
            [("damage", "uav", None, "RU-KRS"), ("hit", "uav", None, "RU-KRS")],
        ),
        # an elided weapon count before a region stays one
        (
            "en",
            "Air defences destroyed 20 drones: seven over the Kursk region, five over the Bryansk "
            "region.",
            [
                ("destroyed", "uav", 20, None),
                ("destroyed", "uav", 7, "RU-KRS"),
                ("destroyed", "uav", 5, "RU-BRY"),
            ],
        ),
        (
            "uk",
            "Збито 20 дронів: сім над Сумщиною, п’ять — над Харківщиною.",
            [
                ("destroyed", "uav", 20, None),
                ("destroyed", "uav", 7, "UA-59"),
                ("destroyed", "uav", 5, "UA-63"),
            ],
        ),
    ],
)
def test_a_number_before_another_noun_counts_no_weapons(lang, text, expected):
    assert keys(text, lang) == expected
