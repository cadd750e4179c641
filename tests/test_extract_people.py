"""People named by their work ("двоє працівників", "двое рабочих", "two workers") are counted
among the injured and killed like "people"; a bare count right after a harm word counts people.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from extract_helpers import casualties, keys


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "uk",
            "Внаслідок атаки дрона на Миколаїв двоє працівників отримали поранення.",
            [(None, 2)],
        ),
        ("uk", "Унаслідок удару дрона по Херсону загинув пасажир автобуса.", [(1, None)]),
        ("ru", "В результате атаки дрона на Курск двое рабочих получили ранения.", [(None, 2)]),
        (
            "ru",
            "При атаке беспилотника на Белгород пострадали три сотрудника предприятия.",
            [(None, 3)],
        ),
        ("en", "Two workers were injured in a drone attack on Mykolaiv.", [(None, 2)]),
        ("en", "A driver was injured in a drone attack on Kherson.", [(None, 1)]),
        # people by sex and age, counted like "people"
        ("en", "A drone struck a car in Rylsk, injuring two men.", [(None, 2)]),
        ("en", "Three women were wounded in a drone strike on Kherson.", [(None, 3)]),
    ],
)
def test_people_named_by_their_work_are_counted(lang, text, expected):
    assert casualties(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "region"),
    [
        (
            "en",
            "Russian drones struck a school in Okhtyrka, wounding a dozen others, the head of the "
            "Sumy regional administration said.",
            "UA-59",
        ),
        (
            "uk",
            "Російські дрони вдарили по школі в Охтирці, поранено 12, повідомив начальник Сумської "
            "ОВА.",
            "UA-59",
        ),
        (
            "ru",
            "Беспилотники ударили по школе в Грайвороне, ранены ещё 12, сообщил губернатор "
            "Белгородской области.",
            "RU-BEL",
        ),
    ],
)
def test_a_count_right_after_a_harm_word_counts_people_not_weapons(lang, text, region):
    """Even with a region after it, the count is of the people harmed: no strike of 12."""
    assert keys(text, lang) == [("hit", "uav", None, region), ("casualties", "uav", None, region)]
    assert casualties(text, lang) == [(None, 12)]
