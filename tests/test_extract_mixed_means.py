"""Missiles and drones named together with no count of their own are mixed means: the hit,
debris and damage told of them have weapon `other`; a weapon with its own quantity, or
artillery beside drones, keeps its own kind. Sentences written for these tests."""

from __future__ import annotations

import pytest

from extract_helpers import keys


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "uk",
            "Ворог атакував Полтавщину ракетами та дронами. Зафіксовано влучання та падіння "
            "уламків у Полтавському районі.",
            [("hit", "other", None, "UA-53"), ("debris", "other", None, "UA-53")],
        ),
        (
            "ru",
            "Противник атаковал Белгородскую область ракетами и беспилотниками. Зафиксированы "
            "попадания в Белгородском районе.",
            [("hit", "other", None, "RU-BEL")],
        ),
        (
            "en",
            "Russia attacked the Poltava region with missiles and drones. Hits were recorded in "
            "the Poltava district.",
            [("hit", "other", None, "UA-53")],
        ),
        # one kind only: it stays itself
        (
            "uk",
            "Ворог атакував Полтавщину дронами. Зафіксовано падіння уламків у Полтавському районі.",
            [("hit", "uav", None, "UA-53"), ("debris", "uav", None, "UA-53")],
        ),
        # each with its own quantity: each its own claim
        (
            "uk",
            "На Тернопільщині зафіксовано падіння уламків ракети та кількох БпЛА.",
            [("debris", "missile", 1, "UA-61"), ("debris", "uav", None, "UA-61")],
        ),
    ],
)
def test_missiles_and_drones_together_are_mixed_means(lang, text, expected):
    assert keys(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # one of each is no mixed count
        (
            "uk",
            "Сили ППО збили одну ракету і безпілотник на Кіровоградщині.",
            [("destroyed", "missile", 1), ("destroyed", "uav", 1)],
        ),
        (
            "ru",
            "Над Брянской областью сбиты одна ракета и беспилотник.",
            [("destroyed", "missile", 1), ("destroyed", "uav", 1)],
        ),
        (
            "en",
            "Air defences shot down one missile and a drone over the Kirovohrad region.",
            [("destroyed", "missile", 1), ("destroyed", "uav", 1)],
        ),
        # a count of both together is one mixed count
        ("uk", "Сили ППО збили 40 ракет і дронів.", [("destroyed", "other", 40)]),
    ],
)
def test_one_missile_and_a_drone_are_one_of_each(lang, text, expected):
    assert [k[:3] for k in keys(text, lang)] == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # artillery beside drones strikes nothing from the air: the drones' strike alone
        (
            "en",
            "Russian forces attacked Nikopol with FPV drones and artillery. A man "
            "was injured in Marhanets.",
        ),
        (
            "en",
            "Russian forces attacked Nikopol with artillery and drones. A house "
            "was damaged in Marhanets.",
        ),
        (
            "uk",
            "Ворог атакував Нікопольський район з артилерії та дронів. Пошкоджено будинок у "
            "Марганці.",
        ),
        (
            "ru",
            "Противник атаковал Никопольский район артиллерией и дронами. Поврежден дом в "
            "Марганце.",
        ),
    ],
)
def test_artillery_beside_drones_leaves_the_strike_to_the_drones(lang, text):
    hits = [k[:3] for k in keys(text, lang) if k[0] in ("hit", "launched")]
    assert hits == [("hit", "uav", None)]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("ru", "Уничтожены 37 дронов, ракеты сбить не удалось.", [("destroyed", "uav", 37, None)]),
        ("uk", "Збито 37 дронів, ракети збити не вдалося.", [("destroyed", "uav", 37, None)]),
        # a list of weapons after the comma stays one count of mixed means
        (
            "ru",
            "Атаковали 20 дронами, ракетами и бомбами, повреждены дома.",
            [("launched", "other", 20, None), ("damage", "other", None, None)],
        ),
    ],
)
def test_a_weapon_after_a_comma_with_a_predicate_of_its_own_is_no_partner(lang, text, expected):
    assert keys(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # "балістика" names the means, never one missile: beside drones it mixes them, and the
        # enemy targets downed after it are of mixed means
        (
            "uk",
            "Ворог атакував Київщину балістикою та дронами. Загалом сили ППО знищили понад 20 "
            "ворожих цілей.",
        ),
        (
            "ru",
            "Враг атаковал Киевщину баллистикой и дронами. Всего силы ПВО уничтожили более 20 "
            "вражеских целей.",
        ),
        (
            "en",
            "Russia attacked the Kyiv region with ballistic missiles and drones. Air defences "
            "destroyed more than 20 enemy targets.",
        ),
    ],
)
def test_ballistics_beside_drones_are_mixed_means(lang, text):
    assert keys(text, lang) == [("destroyed", "other", 20, "UA-32")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("uk", "Ворог атакував Київ балістикою. Сили ППО працювали по цілях."),
        ("ru", "Враг атаковал Киев баллистикой. Силы ПВО работали по целям."),
    ],
)
def test_ballistics_alone_count_no_missile(lang, text):
    assert [k[2] for k in keys(text, lang)] == [None]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # bare "targets" with their breakdown after a colon: a total of mixed means and its
        # parts of each kind
        ("uk", "Протиповітряною обороною знешкоджено 585 цілей: 29 ракет та 556 дронів."),
        ("ru", "Силами ПВО обезврежены 585 целей: 29 ракет и 556 дронов."),
        ("en", "Air defences neutralised 585 targets: 29 missiles and 556 drones."),
    ],
)
def test_targets_with_a_breakdown_are_a_mixed_total(lang, text):
    assert keys(text, lang) == [
        ("destroyed", "other", 585, None),
        ("destroyed", "missile", 29, None),
        ("destroyed", "uav", 556, None),
    ]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a claim with no figure after counts of two kinds in its sentence is of both: `other`
        (
            "uk",
            "Зафіксовано влучання 22 ракет та 46 БпЛА на 29 локаціях, падіння уламків — на 12 "
            "локаціях.",
        ),
        (
            "ru",
            "Зафиксированы попадания 22 ракет и 46 БПЛА на 29 локациях, падение обломков — на 12 "
            "локациях.",
        ),
        ("en", "Overnight, 22 missiles and 46 drones hit 29 sites, and debris fell at 12 more."),
    ],
)
def test_no_figure_after_counts_of_two_kinds_is_of_both(lang, text):
    assert keys(text, lang) == [
        ("hit", "missile", 22, None),
        ("hit", "uav", 46, None),
        ("debris", "other", None, None),
    ]


def test_no_figure_after_one_kind_counted_stays_that_kind():
    text = "Над Київщиною збито 3 ракети, уламки впали в полі."
    assert keys(text, "uk") == [
        ("destroyed", "missile", 3, "UA-32"),
        ("debris", "missile", None, "UA-32"),
    ]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a weapon noun after a comma with a predicate of its own opens another clause: the
        # count before it is of its own kind
        ("uk", "Збито 60 дронів, ракети локаційно втрачено."),
        ("ru", "Сбиты 60 дронов, ракеты локационно потеряны."),
        ("en", "Sixty drones were shot down, while the missiles were lost from radar."),
    ],
)
def test_a_weapon_opening_a_clause_of_its_own_is_not_joined(lang, text):
    assert keys(text, lang) == [("destroyed", "uav", 60, None)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # harm "because of" a strike ("через ракетний удар", "из-за ракетного удара") is a strike
        ("uk", "У Кривому Розі через ракетний удар зруйновано адміністративну будівлю."),
        ("ru", "В Кривом Роге из-за ракетного удара разрушено административное здание."),
        ("en", "In Kryvyi Rih, an administrative building was destroyed by a missile strike."),
    ],
)
def test_harm_because_of_a_strike_is_a_strike(lang, text):
    assert keys(text, lang) == [
        ("hit", "missile", None, "UA-12"),
        ("damage", "missile", None, "UA-12"),
    ]
