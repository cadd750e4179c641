"""A number of directions or waves counts no weapons ("з трьох напрямків", "in three waves").
Sentences written for these tests."""

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
