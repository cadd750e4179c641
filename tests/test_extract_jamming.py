"""Weapons jammed, suppressed or landed by electronic warfare are neutralised: destroyed
(guideline: "suppressed" by electronic warfare). Lost from radar stays no claim.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from extract_helpers import keys


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "ru",
            "Средствами РЭБ подавлены три беспилотника над Смоленской областью.",
            [("destroyed", "uav", 3, "RU-SMO")],
        ),
        (
            "ru",
            "Над Смоленской областью средствами РЭБ посажены два беспилотника.",
            [("destroyed", "uav", 2, "RU-SMO")],
        ),
        (
            "ru",
            "Над Смоленской областью посажены два беспилотника средствами РЭБ.",
            [("destroyed", "uav", 2, "RU-SMO")],
        ),
        (
            "ru",
            "Над Тверской областью заглушены шесть беспилотников.",
            [("destroyed", "uav", 6, "RU-TVE")],
        ),
        ("uk", "На Київщині засобами РЕБ заглушено 4 дрони.", [("destroyed", "uav", 4, "UA-32")]),
        ("uk", "На Київщині посаджено 3 дрони засобами РЕБ.", [("destroyed", "uav", 3, "UA-32")]),
        (
            "en",
            "Two drones were jammed by electronic warfare over the Smolensk region.",
            [("destroyed", "uav", 2, "RU-SMO")],
        ),
        (
            "en",
            "Electronic warfare forced four drones to land in the Smolensk region.",
            [("destroyed", "uav", 4, "RU-SMO")],
        ),
        # lost from radar, with jamming guessed at: no claim of those
        (
            "en",
            "Air defences shot down 41 drones, while 12 more were lost from radar, likely jammed.",
            [("destroyed", "uav", 41, None)],
        ),
    ],
)
def test_jammed_and_landed_weapons_are_destroyed(lang, text, expected):
    assert keys(text, lang) == expected
