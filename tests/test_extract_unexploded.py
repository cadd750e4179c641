"""A weapon found unexploded is debris; one that fell unexploded somewhere is a hit ("fell
in"). Sentences written for these tests."""

from __future__ import annotations

import pytest

from extract_helpers import keys


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "uk",
            "У Шевченківському районі Києва виявлено нерозірваний ворожий дрон.",
            [("debris", "uav", 1, "UA-30")],
        ),
        (
            "uk",
            "У Києві знайшли російський дрон, який не вибухнув.",
            [("debris", "uav", 1, "UA-30")],
        ),
        (
            "ru",
            "В Курской области обнаружен неразорвавшийся беспилотник.",
            [("debris", "uav", 1, "RU-KRS")],
        ),
        # other words for unexploded, and the finding after it
        (
            "uk",
            "На Полтавщині виявили невибухлий дрон.",
            [("debris", "uav", 1, "UA-53")],
        ),
        (
            "ru",
            "Один невзорвавшийся беспилотник нашли во дворе дома в Курской области.",
            [("debris", "uav", 1, "RU-KRS")],
        ),
        (
            "en",
            "An undetonated drone was found in a field in the Sumy region.",
            [("debris", "uav", 1, "UA-59")],
        ),
        (
            "en",
            "In the Poltava region, an unexploded missile fell in a residential house's backyard.",
            [("hit", "missile", 1, "UA-53")],
        ),
    ],
)
def test_a_weapon_found_unexploded_is_debris(lang, text, expected):
    assert keys(text, lang) == expected


def test_an_unexploded_drone_found_in_english_is_debris():
    assert [k[0] for k in keys("An unexploded drone was found in the Kursk region.", "en")] == [
        "debris"
    ]
