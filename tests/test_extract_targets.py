"""Generic names of incoming weapons ("воздушные цели", "ворожі цілі", "air targets") count
the one weapon kind the report names; with several kinds or none they stay `other`.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from skyledger.extract import extract


def destroyed(text: str, lang: str) -> list[tuple]:
    return [(c.weapon, c.count) for c in extract(text, lang=lang) if c.claim_type == "destroyed"]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # one kind named before: the targets are of that kind
        (
            "ru",
            "Беспилотники атаковали Курскую область. Силами ПВО уничтожено 9 воздушных целей.",
            [("uav", 9)],
        ),
        (
            "uk",
            "Ворог атакував Полтавщину ударними дронами. Сили ППО знищили більшість ворожих цілей.",
            [("uav", None)],
        ),
        (
            "uk",
            "Ворог атакував Житомирщину ударними дронами. Сили ППО збили всі ворожі цілі.",
            [("uav", None)],
        ),
        (
            "en",
            "Russia attacked the Sumy region with drones. Air defences destroyed 11 air targets.",
            [("uav", 11)],
        ),
        # several kinds named: mixed means
        (
            "ru",
            "Ночью ракеты и беспилотники атаковали регион. Сбито 12 воздушных целей.",
            [("other", 12)],
        ),
        (
            "uk",
            "За ніч ППО збила 30 повітряних цілей, серед яких 6 ракет та 24 дрони.",
            [("other", 30), ("missile", 6), ("uav", 24)],
        ),
        # none named: unspecified means
        ("ru", "Средствами ПВО уничтожено 7 воздушных целей.", [("other", 7)]),
        ("uk", "Сили ППО збили 8 повітряних цілей.", [("other", 8)]),
        ("en", "Air defences destroyed 5 aerial targets overnight.", [("other", 5)]),
    ],
)
def test_generic_targets_count_the_named_weapon(lang, text, expected):
    assert destroyed(text, lang) == expected
