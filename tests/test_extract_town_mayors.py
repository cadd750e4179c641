"""A mayor of a town that is no region's centre, named by the town ("міський голова
Слов'янська", "мэр Славянска", "Sloviansk Mayor"), speaks for that town, in its region.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from skyledger.extract import extract


@pytest.mark.parametrize(
    ("lang", "text", "claimant", "admin1"),
    [
        (
            "uk",
            "Міський голова Слов'янська Вадим Лях: росіяни скинули на місто дві авіабомби.",
            "Mayor of Sloviansk",
            "UA-14",
        ),
        ("uk", "Мер Ізмаїла Андрій Абрамченко: уламки дрона пошкодили склад.", None, "UA-51"),
        (
            "ru",
            "Мэр Славянска Вадим Лях: на город сброшены две авиабомбы, ранены три человека.",
            "Mayor of Sloviansk",
            "UA-14",
        ),
        (
            "en",
            "Sloviansk Mayor Vadym Liakh said two glide bombs hit the city.",
            "Mayor of Sloviansk",
            "UA-14",
        ),
        ("en", "The mayor of Kramatorsk said a drone hit a house.", "Mayor of Kramatorsk", "UA-14"),
    ],
)
def test_a_town_mayor_speaks_for_the_town(lang, text, claimant, admin1):
    claims = extract(text, lang=lang)
    assert claims and {c.admin1 for c in claims} == {admin1}
    assert all(c.claimant and c.claimant.startswith("Mayor of ") for c in claims)
    if claimant is not None:
        assert {c.claimant for c in claims} == {claimant}
