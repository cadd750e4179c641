"""Numbers in digits and words, in every case and gender, and their qualifiers."""

from __future__ import annotations

import pytest

from extract_helpers import keys
from skyledger.extract import extract
from skyledger.extract.lexicon import lexicon
from skyledger.extract.numbers import find_numbers


@pytest.mark.parametrize(
    ("text", "lang", "values"),
    [
        ("одиннадцать", "ru", [11]),
        ("тридцать четыре", "ru", [34]),
        ("девятью беспилотниками", "ru", [9]),
        ("двумя дронами", "ru", [2]),
        ("одного БПЛА", "ru", [1]),
        ("сорока двух", "ru", [42]),
        ("двадцяти", "uk", [20]),
        ("двох", "uk", [2]),
        ("дев’ять", "uk", [9]),
        ("п'ять", "uk", [5]),
        ("четверо", "uk", [4]),
        ("eleven", "en", [11]),
        ("twenty-one", "en", [21]),
        ("1 200", "ru", [1200]),
        # English parts thousands with commas; a Russian or Ukrainian comma is a decimal point
        ("1,200", "en", [1200]),
        ("12,345,678", "en", [12345678]),
        ("1,2", "en", []),
        ("221", "en", [221]),
        ("двадцять п’ять", "uk", [25]),
        ("північно-західний сорок", "uk", [40]),  # a hyphenated word before is no number
        ("a hundred", "en", [100]),
        ("İzmir, seven", "en", [7]),  # a letter that lengthens in lower case
    ],
)
def test_number_words(text, lang, values):
    assert [n.value for n in find_numbers(text, lexicon(lang))] == values


def test_a_count_with_thousands_parted_by_commas():
    assert keys("Russia launched 1,200 drones at Ukraine overnight.", "en") == [
        ("launched", "uav", 1200, None)
    ]


@pytest.mark.parametrize(
    ("text", "lang", "count", "qualifier"),
    [
        ("Силы ПВО сбили более 20 беспилотников над Курской областью.", "ru", 20, "at_least"),
        ("Силы ПВО сбили не менее 20 беспилотников над Курской областью.", "ru", 20, "at_least"),
        ("Силы ПВО сбили около 20 беспилотников над Курской областью.", "ru", 20, "approx"),
        ("Над Сумщиною збито понад 15 дронів.", "uk", 15, "at_least"),
        ("Над Сумщиною збито близько 15 дронів.", "uk", 15, "approx"),
        ("Над Сумщиною збито щонайменше 15 дронів.", "uk", 15, "at_least"),
        # half a hundred
        ("Над Сумщиною збито понад півсотні дронів.", "uk", 50, "at_least"),
        ("Над Курской областью сбито более полсотни беспилотников.", "ru", 50, "at_least"),
        ("Air defences shot down more than 30 drones over Sumy region.", "en", 30, "at_least"),
        ("Air defences shot down at least 30 drones over Sumy region.", "en", 30, "at_least"),
        ("Air defences shot down about 30 drones over Sumy region.", "en", 30, "approx"),
        ("Russia launched up to 30 drones at Sumy region.", "en", 30, "approx"),
        ("Air defences shot down 30 drones over Sumy region.", "en", 30, "exact"),
        # round figures: "два десятка" about 20, and in English "dozen" about 12
        ("Над Курской областью сбиты два десятка беспилотников.", "ru", 20, "approx"),
        ("Air defences shot down two dozen drones over Sumy region.", "en", 24, "approx"),
        ("Air defences shot down a dozen drones over Sumy region.", "en", 12, "approx"),
        ("Over a dozen drones were downed over Sumy region.", "en", 12, "at_least"),
        ("Air defences shot down dozens of drones over Sumy region.", "en", None, "unspecified"),
        # qualifiers of several words, and a round figure after a vague word
        ("Над Курской областью уничтожено более чем 20 беспилотников.", "ru", 20, "at_least"),
        ("Над Курской областью уничтожено ориентировочно 20 беспилотников.", "ru", 20, "approx"),
        ("Над Сумщиною збито більше ніж 20 дронів.", "uk", 20, "at_least"),
        ("Upwards of 40 drones were shot down over the Kursk region.", "en", 40, "at_least"),
        ("Close to 50 drones were shot down over the Kursk region.", "en", 50, "approx"),
        ("As many as 50 drones were launched at the Sumy region.", "en", 50, "approx"),
        ("Several dozen drones were shot down over the Kursk region.", "en", None, "unspecified"),
    ],
)
def test_qualifiers(text, lang, count, qualifier):
    claim = extract(text, lang=lang)[0]
    assert (claim.count, claim.count_qualifier) == (count, qualifier)


@pytest.mark.parametrize(
    ("text", "lang", "count"),
    [
        ("Над Брянской областью уничтожены девять украинских беспилотников.", "ru", 9),
        ("Над Брянской областью уничтожено двенадцать украинских беспилотников.", "ru", 12),
        ("Украинские войска атаковали Брянский район пятью беспилотниками.", "ru", 5),
        ("Над Харківщиною збито двадцять два ворожі безпілотники.", "uk", 22),
        ("Ворог атакував Сумщину шістьма дронами.", "uk", 6),
        ("Air defences destroyed twelve drones over Kursk region.", "en", 12),
        ("Air defences destroyed all 14 drones over Kursk region.", "en", 14),
    ],
)
def test_counts_in_words(text, lang, count):
    assert extract(text, lang=lang)[0].count == count


@pytest.mark.parametrize(
    "text",
    [
        "В 20:30 над Брянской областью уничтожен беспилотник.",  # a clock time is no count
        "Беспилотник сбит над Брянской областью, в 5 км от села.",  # neither is a distance
        "В Брянской области беспилотник повредил 3 дома.",  # nor damaged houses
    ],
)
def test_numbers_that_are_not_counts(text):
    counts = [c.count for c in extract(text, lang="ru") if c.claim_type == "destroyed"]
    assert counts in ([1], [])


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # a gliding bomb is a glide bomb, not a plan: the sentence still claims
        ("Уничтожены три ракеты HARM и планирующая бомба JDAM.", "ru"),
        ("Сбиты три ракеты и одна планирующая авиабомба.", "ru"),
        ("Збито три ракети та одну плануючу авіабомбу.", "uk"),
        ("Three missiles and one gliding bomb were shot down.", "en"),
    ],
)
def test_a_gliding_bomb_is_no_plan(text, lang):
    assert keys(text, lang) == [
        ("destroyed", "missile", 3, None),
        ("destroyed", "glide_bomb", 1, None),
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # an area, a weight or a volume after the number measures the damage, counts nothing
        ("Обломки беспилотника упали на склад, площадь пожара составила 200 кв. м.", "ru"),
        ("Уламки дрона впали на склад, пожежа охопила 150 квадратних метрів.", "uk"),
        ("Уламки дрона впали на елеватор, згоріло 3 тонни зерна.", "uk"),
        ("Обломки дрона упали на нефтебазу, разлилось 40 кубометров топлива.", "ru"),
        ("Debris from a drone fell on a depot; the fire covered 300 sq m.", "en"),
        ("Debris from a drone fell on a farm, where 20 tonnes of grain burned.", "en"),
        ("Debris from a drone set fire to 12 hectares of forest.", "en"),
    ],
)
def test_measures_are_not_counts(text, lang):
    assert [c.count for c in extract(text, lang=lang) if c.claim_type == "debris"] == [1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "both" before its weapon counts it
        (
            "Russia fired 30 drones and two missiles; air defences destroyed 28 drones and both missiles.",
            [("launched", 30), ("launched", 2), ("destroyed", 28), ("destroyed", 2)],
        ),
        # "both" on a line of its own is no elliptical count of the drones before it
        (
            "The ministry said air defences had destroyed three drones over Bryansk region.\n\n"
            "Both Bryansk and Kursk regions border Ukraine.",
            [("destroyed", 3)],
        ),
        (
            "Air defences destroyed nine drones.\nA single region reported damage.",
            [("destroyed", 9)],
        ),
    ],
)
def test_determiners_count_only_their_weapon(text, expected):
    claims = extract(text, lang="en")
    assert [(c.claim_type, c.count) for c in claims if c.claim_type != "damage"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a number before another noun counts that noun, never the drones of the frame
        (
            "Drones launched by Russia caused fires at two enterprises in the Dnipro district.",
            [("damage", None)],
        ),
        (
            "Russia launched three missiles at the Cherkasy region. The governor said debris "
            "damaged windows of one private business.",
            [("launched", 3), ("damage", None), ("debris", None)],
        ),
        # a count standing alone before a preposition, "more" or a claim word still counts
        (
            "28 drones were shot down over the Saratov region, four over the Voronezh region.",
            [("destroyed", 28), ("destroyed", 4)],
        ),
        # "one of the heaviest strikes" compares: no count ("one of the drones" still counts)
        (
            "Russia fired 19 missiles at Ukraine overnight, the air force said, in one of the "
            "heaviest strikes this autumn.",
            [("launched", 19), ("hit", None)],
        ),
        ("One of the drones hit a house in the Sumy region.", [("hit", 1)]),
    ],
)
def test_a_count_of_another_noun_counts_no_weapon(text, expected):
    claims = extract(text, lang="en")
    assert [(c.claim_type, c.count) for c in claims] == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # a weapon word after a second count is that count's, not the first one's
        (
            "За сутки ВСУ выпустили по Белгородской области 47 боеприпасов и атаковали 31 беспилотником.",
            "ru",
        ),
        ("За добу ворог випустив по Сумщині 47 боєприпасів та атакував її 31 дроном.", "uk"),
    ],
)
def test_a_weapon_after_a_second_count_is_that_counts(text, lang):
    assert [(c.claim_type, c.weapon, c.count) for c in extract(text, lang=lang)] == [
        ("launched", "uav", 31)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the number after a month name is a day: neither a count nor a casualty figure (the
        # attack that injured a man is a strike with no count)
        (
            "Russia attacked the Sumy region with drones on the night of March 24, injuring a man.",
            [("hit", None, None, None), ("casualties", None, None, 1)],
        ),
        (
            "On Sept. 3, 12 drones were shot down over the Kursk region.",
            [("destroyed", 12, None, None)],
        ),
        (
            "Air defences shot down drones on October 7 over the Bryansk region.",
            [("destroyed", None, None, None)],
        ),
        (
            "A drone struck a house in Sumy on June 12, wounding two people.",
            [("hit", 1, None, None), ("casualties", None, None, 2)],
        ),
    ],
)
def test_english_dates_are_not_counts(text, expected):
    claims = extract(text, lang="en")
    assert [(c.claim_type, c.count, c.killed, c.injured) for c in claims] == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # one count over two weapon kinds is a mixed set: weapon other
        ("Russia launched 40 missiles, drones overnight.", "en", [("other", 40)]),
        ("Russia launched 60 missiles and attack drones at Ukraine.", "en", [("other", 60)]),
        ("Ворог атакував Україну 80 ракетами та дронами.", "uk", [("other", 80)]),
        ("ВСУ атаковали регион 15 ракетами и беспилотниками.", "ru", [("other", 15)]),
        # each kind with its own number stays apart
        ("Russia launched 31 drones and 2 missiles.", "en", [("uav", 31), ("missile", 2)]),
        ("Air defences downed 28 drones and both missiles.", "en", [("uav", 28), ("missile", 2)]),
        ("Ворог випустив 8 ракет та 20 дронів.", "uk", [("missile", 8), ("uav", 20)]),
        # two names of one kind are not mixed
        ("Russia launched 50 Shahed drones and decoys.", "en", [("uav", 50)]),
        # a singular noun after the count is one weapon of its own, not a mixed set
        ("Сбиты три ракеты и бомба JDAM.", "ru", [("missile", 3), ("glide_bomb", 1)]),
        ("Збито три ракети і дрон.", "uk", [("missile", 3), ("uav", 1)]),
        ("Сбиты 20 ракет и БПЛА.", "ru", [("other", 20)]),
    ],
)
def test_mixed_weapons_under_one_count(text, lang, expected):
    assert [(c.weapon, c.count) for c in extract(text, lang=lang)] == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # "N of M": M were launched, but only after a count or at the opening of the sentence
        (
            "Air defences shot down 21 of 22 drones launched by Russia.",
            "en",
            [("destroyed", 21), ("launched", 22)],
        ),
        (
            "Из 30 беспилотников 25 были сбиты над Курской областью.",
            "ru",
            [("launched", 30), ("destroyed", 25)],
        ),
        # the whole first and the part after its verb
        (
            "Повітряні сили: з 80 ударних БпЛА збито 60.",
            "uk",
            [("launched", 80), ("destroyed", 60)],
        ),
        ("Із 45 ворожих дронів сили ППО знищили 38.", "uk", [("launched", 45), ("destroyed", 38)]),
        ("Из 80 беспилотников сбиты 60.", "ru", [("launched", 80), ("destroyed", 60)]),
        ("Of the 80 drones, 60 were shot down.", "en", [("launched", 80), ("destroyed", 60)]),
        # "a total of" and "a prototype of a" are no such pair
        (
            "Air defences destroyed a total of 30 drones over the Kursk region.",
            "en",
            [("destroyed", 30)],
        ),
        ("A total of 40 means of enemy air attack were recorded.", "en", [("launched", 40)]),
        ("Officials presented a prototype of a long-range drone.", "en", []),
    ],
)
def test_out_of_pairs(text, lang, expected):
    assert [(c.claim_type, c.count) for c in extract(text, lang=lang)] == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # the number of aircraft or ships that carried the weapons counts no weapon
        ("Russia used seven Tu-95 bombers to launch missiles at Ukraine.", "en", []),
        ("Russia launched 20 missiles from six ships.", "en", [("launched", 20)]),
        ("Ворог застосував 8 літаків Ту-95 для пуску ракет.", "uk", []),
        ("З трьох кораблів випущено 12 ракет «Калібр».", "uk", [("launched", 12)]),
        ("С двух кораблей выпущены восемь ракет «Калибр».", "ru", [("launched", 8)]),
        # "aircraft-type" describes the drones: no carrier
        (
            "Air defences intercepted and destroyed 41 Ukrainian aircraft-type unmanned aerial "
            "vehicles.",
            "en",
            [("destroyed", 41)],
        ),
    ],
)
def test_carriers_are_not_counted(text, lang, expected):
    assert [(c.claim_type, c.count) for c in extract(text, lang=lang)] == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # "N of the M" over a region: N is the outcome, M were launched, both over the region
        (
            "Air defences shot down 17 of the 28 drones over Kursk region.",
            "en",
            [("destroyed", "uav", 17, "RU-KRS"), ("launched", "uav", 28, "RU-KRS")],
        ),
        (
            "Силы ПВО сбили 17 из 28 беспилотников над Курской областью.",
            "ru",
            [("destroyed", "uav", 17, "RU-KRS"), ("launched", "uav", 28, "RU-KRS")],
        ),
        (
            "Над Сумщиною збито 17 з 28 дронів.",
            "uk",
            [("destroyed", "uav", 17, "UA-59"), ("launched", "uav", 28, "UA-59")],
        ),
        # "44 of 50": two claims, with no region
        (
            "Сили ППО збили 44 з 50 дронів, якими ворог атакував уночі.",
            "uk",
            [("destroyed", "uav", 44, None), ("launched", "uav", 50, None)],
        ),
    ],
)
def test_part_of_a_whole(text, lang, expected):
    assert keys(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # "N strikes with <weapon>": N hits of that weapon
        (
            "Ворог завдав шість ударів ФАБами по Запорізькій області.",
            "uk",
            [("hit", "glide_bomb", 6, "UA-23")],
        ),
        (
            "Противник нанес шесть ударов ФАБами по Запорожской области.",
            "ru",
            [("hit", "glide_bomb", 6, "UA-23")],
        ),
        (
            "Russian forces carried out six strikes with glide bombs on Zaporizhzhia region.",
            "en",
            [("hit", "glide_bomb", 6, "UA-23")],
        ),
        # a cue that only describes the weapon ("one of the launched missiles") is no type
        (
            "Ворог застосував ракети. Один із запущених снарядів ймовірно впав у воду.",
            "uk",
            [],
        ),
    ],
)
def test_counted_strikes(text, lang, expected):
    assert [k for k in keys(text, lang) if k[2] is not None] == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # "one …, the other …": one each, the second one elliptical
        (
            "Один беспилотник сбит над Курской областью, другой — над Белгородской.",
            "ru",
            [("destroyed", "uav", 1, "RU-KRS"), ("destroyed", "uav", 1, "RU-BEL")],
        ),
        (
            "Один дрон збили над Сумщиною, інший — над Харківщиною.",
            "uk",
            [("destroyed", "uav", 1, "UA-59"), ("destroyed", "uav", 1, "UA-63")],
        ),
        (
            "One drone was shot down over the Kursk region, the other over the Belgorod region.",
            "en",
            [("destroyed", "uav", 1, "RU-KRS"), ("destroyed", "uav", 1, "RU-BEL")],
        ),
        # no "one" before it: "другой" is no count
        (
            "С другой стороны, над Курской областью сбит беспилотник.",
            "ru",
            [("destroyed", "uav", 1, "RU-KRS")],
        ),
    ],
)
def test_one_and_the_other(text, lang, expected):
    assert keys(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "count", "qualifier"),
    [
        # round figures in tens: about that many; plural tens alone are vague
        (
            "Над Брянской областью уничтожены более трёх десятков беспилотников.",
            "ru",
            30,
            "at_least",
        ),
        ("Над Брянской областью уничтожены три десятка беспилотников.", "ru", 30, "approx"),
        ("Над Київщиною збито близько десятка дронів.", "uk", 10, "approx"),
        ("Над Київщиною збито понад два десятки дронів.", "uk", 20, "at_least"),
        ("Над Київщиною збито десятки дронів.", "uk", None, "unspecified"),
        ("Над Брянской областью уничтожены десятки беспилотников.", "ru", None, "unspecified"),
    ],
)
def test_round_figures_in_tens(text, lang, count, qualifier):
    claim = extract(text, lang=lang)[0]
    assert (claim.count, claim.count_qualifier) == (count, qualifier)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # the cue right before a count governs it, whatever cue follows in the clause
        (
            "Зафіксовано влучання 11 ударних БпЛА на 6 локаціях та падіння уламків збитих на 3 "
            "локаціях.",
            "uk",
            [("hit", "uav", 11, None), ("debris", "uav", None, None)],
        ),
        (
            "Зафіксовано влучання понад 11 ударних БпЛА на 6 локаціях та падіння уламків збитих.",
            "uk",
            [("hit", "uav", 11, None), ("debris", "uav", None, None)],
        ),
        (
            "Зафиксировано попадание 11 ударных БПЛА на 6 локациях и падение обломков сбитых на 3 "
            "локациях.",
            "ru",
            [("hit", "uav", 11, None), ("debris", "uav", None, None)],
        ),
        # English links the noun to its count with a preposition
        (
            "Hits by 11 drones were recorded in the Sumy region.",
            "en",
            [("hit", "uav", 11, "UA-59")],
        ),
        ("Hits of 11 drones were recorded in six locations.", "en", [("hit", "uav", 11, None)]),
    ],
)
def test_the_cue_before_a_count_governs_it(text, lang, expected):
    assert keys(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # "N times with <weapon>": N hits of that weapon
        (
            "Також учора росіяни шість разів атакували FPV-дронами Очаківську громаду Миколаївщини.",
            "uk",
            [("hit", "uav", 6, "UA-48")],
        ),
        (
            "Противник четыре раза атаковал FPV-дронами населенные пункты Белгородской области.",
            "ru",
            [("hit", "uav", 4, "RU-BEL")],
        ),
        (
            "Russian forces attacked Nikopol in the Dnipropetrovsk region with drones six times.",
            "en",
            [("hit", "uav", 6, "UA-12")],
        ),
        # "twice", "three times" in one word
        ("Ворог тричі атакував Нікополь FPV-дронами.", "uk", [("hit", "uav", 3, "UA-12")]),
        ("Противник дважды атаковал Белгород беспилотниками.", "ru", [("hit", "uav", 2, "RU-BEL")]),
        ("Russia attacked Nikopol twice with FPV drones.", "en", [("hit", "uav", 2, "UA-12")]),
        ("Сирени лунали двічі за ніч на Сумщині.", "uk", []),
        # N times with drones and artillery mixes means: a hit of other, no count
        (
            "За добу ворог 10 разів атакував Нікопольщину дронами та артилерією.",
            "uk",
            [("hit", "other", None, "UA-12")],
        ),
        (
            "За сутки противник 12 раз атаковал Белгородскую область беспилотниками и артиллерией.",
            "ru",
            [("hit", "other", None, "RU-BEL")],
        ),
        # shelling N times mixes means; sirens N times count nothing
        ("За добу ворог 12 разів обстріляв Нікопольщину з артилерії.", "uk", []),
        ("Сирены звучали три раза за ночь в Курской области.", "ru", []),
    ],
)
def test_strikes_counted_in_times(text, lang, expected):
    assert keys(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # "N units" counts the weapon named before it
        (
            "Повітряні сили заявляють про рекордну кількість збитих дронів за цю ніч – 87 одиниць.",
            "uk",
            [("destroyed", "uav", 87, None)],
        ),
        (
            "Всего за сутки сбито беспилотников — 52 единицы.",
            "ru",
            [("destroyed", "uav", 52, None)],
        ),
        # waves, directions and groups are no weapons
        (
            "Ворог атакував Україну 40 дронами. Атакували хвилями за чотирма напрямками: Курськ, Крим.",
            "uk",
            [("launched", "uav", 40, None)],
        ),
        (
            "Атака шла двумя волнами с трёх направлений, над Курской областью сбиты 12 беспилотников.",
            "ru",
            [("destroyed", "uav", 12, "RU-KRS")],
        ),
        (
            "Russia launched 40 drones in two waves from three directions at the Sumy region.",
            "en",
            [("launched", "uav", 40, "UA-59")],
        ),
    ],
)
def test_units_and_nouns_counted_instead(text, lang, expected):
    assert keys(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # "the number of … reached N": N of the weapon named before
        (
            "Над Брянской областью сбиты ещё два беспилотника. Общее число сбитых над Брянской "
            "областью БПЛА достигло 6.",
            "ru",
            [("destroyed", "uav", 2, "RU-BRY"), ("destroyed", "uav", 6, "RU-BRY")],
        ),
        (
            "Загальна кількість збитих над Києвом дронів сягнула 20.",
            "uk",
            [("destroyed", "uav", 20, "UA-30")],
        ),
        (
            "The number of drones shot down over the Moscow region rose to 30, the mayor said.",
            "en",
            [("destroyed", "uav", 30, "RU-MOS")],
        ),
        # with no weapon named before, the figure counts no weapon
        ("Casualties rose to 12, the governor said after drones attacked the city.", "en", []),
    ],
)
def test_running_figures(text, lang, expected):
    assert keys(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # "all N" with no weapon noun: all of those just counted
        (
            "Russia launched 14 drones overnight. All 14 were shot down.",
            "en",
            [("launched", "uav", 14, None), ("destroyed", "uav", 14, None)],
        ),
        (
            "Противник запустил 14 беспилотников. Все 14 были уничтожены.",
            "ru",
            [("launched", "uav", 14, None), ("destroyed", "uav", 14, None)],
        ),
        (
            "Ворог запустив 14 дронів. Усі 14 збито.",
            "uk",
            [("launched", "uav", 14, None), ("destroyed", "uav", 14, None)],
        ),
    ],
)
def test_all_of_a_count(text, lang, expected):
    assert keys(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # "N strikes" before a list: the listed counts are hits
        (
            "За сутки противник нанес по Белгородской области 15 ударов: 9 FPV-дронов, 4 КАБа и "
            "2 ракеты.",
            "ru",
            [
                ("hit", "uav", 9, "RU-BEL"),
                ("hit", "glide_bomb", 4, "RU-BEL"),
                ("hit", "missile", 2, "RU-BEL"),
            ],
        ),
        (
            "Russian forces carried out 15 strikes on the Sumy region: 9 with FPV drones, 4 with "
            "guided bombs and 2 with missiles.",
            "en",
            [
                ("hit", "uav", 9, "UA-59"),
                ("hit", "glide_bomb", 4, "UA-59"),
                ("hit", "missile", 2, "UA-59"),
            ],
        ),
        # "N ударів <weapon>" with another verb
        (
            "286 ударів БпЛА різних модифікацій атакували Степногірськ Запорізької області.",
            "uk",
            [("hit", "uav", 286, "UA-23")],
        ),
        # no weapon named near: the one kind the report names
        (
            "Ворог атакував Запоріжжя ударними дронами. Загалом росіяни завдали п'ять ударів по "
            "місту.",
            "uk",
            [("hit", "uav", 5, "UA-23")],
        ),
    ],
)
def test_strikes_counted(text, lang, expected):
    assert [k for k in keys(text, lang) if k[2] is not None] == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a round "more than"/"about" figure beside the exact one it rounds: one claim
        (
            "За тиждень над Херсонщиною збили понад 2 тис. дронів.\n\nЗа словами голови ОВА, над "
            "Херсонщиною збили 2331 дрон.",
            "uk",
            [("destroyed", "uav", 2331, "UA-65")],
        ),
        (
            "ПВО сбили около 40 беспилотников над Курской областью. Всего над Курской областью "
            "сбиты 41 беспилотник.",
            "ru",
            [("destroyed", "uav", 41, "RU-KRS")],
        ),
        (
            "Air defences downed more than 100 drones over the Kursk region. In all, 103 drones "
            "were downed over the Kursk region.",
            "en",
            [("destroyed", "uav", 103, "RU-KRS")],
        ),
        # a figure far from the round one is another claim
        (
            "ПВО сбили более 20 беспилотников над Курской областью. Позже над Курской областью "
            "сбиты ещё 45 беспилотников.",
            "ru",
            [("destroyed", "uav", 20, "RU-KRS"), ("destroyed", "uav", 45, "RU-KRS")],
        ),
    ],
)
def test_rounded_restatements(text, lang, expected):
    assert keys(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # one of a kind joins no other kind; two counts joined by "and" share the place after
        (
            "Сили ППО збили одну ракету і безпілотник на Кіровоградщині.",
            "uk",
            [("destroyed", "missile", 1, "UA-35"), ("destroyed", "uav", 1, "UA-35")],
        ),
        (
            "Силы ПВО сбили одну ракету и беспилотник над Курской областью.",
            "ru",
            [("destroyed", "missile", 1, "RU-KRS"), ("destroyed", "uav", 1, "RU-KRS")],
        ),
        (
            "Air defences shot down one missile and a drone over the Kursk region.",
            "en",
            [("destroyed", "missile", 1, "RU-KRS"), ("destroyed", "uav", 1, "RU-KRS")],
        ),
        (
            "ПВО сбили 5 ракет и 10 дронов над Курской областью.",
            "ru",
            [("destroyed", "missile", 5, "RU-KRS"), ("destroyed", "uav", 10, "RU-KRS")],
        ),
    ],
)
def test_coordinated_counts(text, lang, expected):
    assert keys(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # "N hits of <weapon>": N hits
        ("Є два влучання «шахедів» по Чернігівщині.", "uk", [("hit", "uav", 2, "UA-74")]),
        (
            "Зафиксировано три попадания беспилотников по Белгороду.",
            "ru",
            [("hit", "uav", 3, "RU-BEL")],
        ),
        (
            "There were two hits by Shahed drones in the Chernihiv region.",
            "en",
            [("hit", "uav", 2, "UA-74")],
        ),
        # a participle after the count describes the weapon, it gives no claim type
        (
            "Силы ПВО уничтожили 14 запущенных беспилотников.",
            "ru",
            [("destroyed", "uav", 14, None)],
        ),
    ],
)
def test_counted_hits(text, lang, expected):
    assert [k for k in keys(text, lang) if k[2] is not None] == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # collective numerals count people: no elliptical weapon count
        ("Росіяни КАБами атакували Сумщину – троє поранених", "uk", []),
        ("Дроны атаковали Белгородскую область — двое раненых.", "ru", []),
        # before a weapon noun they count it
        ("Над Сумщиною збито двоє дронів.", "uk", [("destroyed", "uav", 2, "UA-59")]),
    ],
)
def test_collectives_count_people(text, lang, expected):
    assert [k for k in keys(text, lang) if k[2] is not None] == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # "one of them" after a number of regions is one of the regions, not a weapon
        ("en", "Overnight, Ukrainian drones attacked five Russian regions, one of them Voronezh."),
        (
            "ru",
            "Ночью украинские дроны атаковали пять российских регионов, одним из них стала "
            "Воронежская область.",
        ),
        (
            "uk",
            "Вночі дрони атакували п'ять регіонів росії, одним з них стала Воронезька область.",
        ),
    ],
)
def test_one_of_a_number_of_regions_counts_no_weapon(lang, text):
    assert all(c.count is None for c in extract(text, lang=lang))


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # ... while one of a number of weapons is one of them
        ("en", "Five drones were shot down, one of them over the Kursk region.", [5, 1]),
        ("ru", "Сбиты пять беспилотников, один из них над Курской областью.", [5, 1]),
        ("uk", "Збито п'ять дронів, один з них над Сумщиною.", [5, 1]),
    ],
)
def test_one_of_a_number_of_weapons_is_counted(lang, text, expected):
    assert [c.count for c in extract(text, lang=lang)] == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # debris of one weapon named in the singular, after a strike by a weapon of the same
        # kind in the same sentence: the debris counts one of its own
        ("У Києві дрон влучив у склад, а в Дарницькому районі уламки дрона пошкодили будинок.", "uk"),
        ("В Курске беспилотник попал в склад, а в соседнем районе обломки дрона повредили дом.", "ru"),
        ("In Kursk a drone hit a warehouse, and in another district debris of a drone damaged a house.", "en"),
    ],
)  # fmt: skip
def test_debris_of_one_weapon_after_a_strike(text, lang):
    found = {c.claim_type: c.count for c in extract(text, lang=lang)}
    assert (found["hit"], found["debris"]) == (1, 1)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a comparison with the whole war is no running total: the night's figure stands
        (
            "en",
            "Russia launched 273 drones at Ukraine overnight, the largest single aerial attack "
            "since the start of the war, the air force said.",
            [("launched", "uav", 273, None)],
        ),
        (
            "ru",
            "Россия запустила по Украине 273 беспилотника — это крупнейшая атака с начала войны, "
            "сообщили Воздушные силы ВСУ.",
            [("launched", "uav", 273, None)],
        ),
        (
            "uk",
            "Росія випустила по Україні 273 дрони — це наймасованіша атака з початку "
            "повномасштабного вторгнення, повідомили Повітряні сили.",
            [("launched", "uav", 273, None)],
        ),
        # a running total since the start of the war stays out
        ("en", "Since the start of the war, air defences have destroyed 5,000 drones.", []),
        ("ru", "Всего с начала СВО уничтожены 5000 беспилотников, сообщило Минобороны.", []),
        ("uk", "З початку повномасштабного вторгнення сили ППО знищили 5000 дронів.", []),
    ],
)
def test_a_comparison_with_the_whole_war_is_no_running_total(lang, text, expected):
    assert keys(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Губернатор Брянской области сообщил о 12 уничтоженных БПЛА.", "ru"),
        ("Губернатор Брянской области сообщил о 12 сбитых над регионом беспилотниках.", "ru"),
        ("Голова ОВА повідомив про 12 збитих над Брянською областю дронів.", "uk"),
        ("The governor of the Bryansk region reported 12 downed drones.", "en"),
    ],
)
def test_a_shoot_down_word_between_count_and_weapon_is_the_claim(text, lang):
    """ "о 12 сбитых БПЛА": the participle before the weapon says what the count is; an attack
    word there names the weapon ("5 ударними БпЛА"), no claim of its own."""
    assert keys(text, lang) == [("destroyed", "uav", 12, "RU-BRY")]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a number counting a noun of its own counts no weapon named after that noun
        (
            "Противник атаковал 12 населённых пунктов региона с помощью FPV-дронов.",
            "ru",
            [("launched", None)],
        ),
        ("Ворог атакував 12 сіл громади за допомогою FPV-дронів.", "uk", [("hit", None)]),
        # ... but adjectives and unit words between a number and its weapon keep the count
        ("Зафіксовано влучання 21 ударного БпЛА на восьми локаціях.", "uk", [("hit", 21)]),
        ("Над регионом сбиты 5 украинских ударных БПЛА.", "ru", [("destroyed", 5)]),
        ("Противник атаковал 3 единицами БПЛА.", "ru", [("launched", 3)]),
    ],
)
def test_a_number_counting_its_own_noun_counts_no_weapon_after_it(text, lang, expected):
    assert [(c.claim_type, c.count) for c in extract(text, lang=lang)] == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "По городу было выпущено не менее 12 ракет, часть из них сбита системой ПВО.",
            "ru",
            [("launched", "missile", 12, None), ("destroyed", "missile", None, None)],
        ),
        (
            "Над Белгородом выпущено 12 ракет, несколько из них попали в жилые дома.",
            "ru",
            [("launched", "missile", 12, "RU-BEL"), ("hit", "missile", None, "RU-BEL")],
        ),
        (
            "По місту випустили щонайменше 12 ракет, частину з них збито.",
            "uk",
            [("launched", "missile", 12, None), ("destroyed", "missile", None, None)],
        ),
        (
            "Over 12 missiles were fired at the city, some of them were shot down.",
            "en",
            [("launched", "missile", 12, None), ("destroyed", "missile", None, None)],
        ),
        # a counted part stays counted
        (
            "Выпущено 12 ракет, из них 10 сбиты.",
            "ru",
            [("launched", "missile", 12, None), ("destroyed", "missile", 10, None)],
        ),
    ],
)
def test_an_uncounted_part_of_them_is_a_claim_of_its_own_type(text, lang, expected):
    assert keys(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Drone wreckage found in Moldova\n\nFragments of a drone were found in a vineyard near "
            "Ocnita, the Moldovan Defence Ministry said.",
            "en",
        ),
        (  # a dateline before the headline
            "CHISINAU, May 4 (Reuters) - Drone wreckage found in Moldova\n\nFragments of a "
            "drone were found in a vineyard near Ocnita, the Moldovan Defence Ministry said.",
            "en",
        ),
        (
            "В Молдавии нашли обломки БПЛА\n\nОбломки беспилотника обнаружены на винограднике у "
            "Окницы, сообщило Минобороны Молдавии.",
            "ru",
        ),
        (
            "У Молдові знайшли уламки БпЛА\n\nУламки дрона виявили на винограднику біля Окниці, "
            "повідомило Міноборони Молдови.",
            "uk",
        ),
    ],
)
def test_a_headline_find_is_counted_by_the_body(text, lang):
    """The headline's debris with no figure and the body's "fragments of a drone" are one
    find of one weapon (guideline: "fragments of a drone" gives 1)."""
    assert keys(text, lang) == [("debris", "uav", 1, "MD-OC")]


def test_a_headline_of_several_weapons_debris_keeps_no_count():
    text = (
        "Падіння уламків ракет зафіксували у Києві\n\nУламок ракети впав у дворі школи в "
        "Оболонському районі, повідомив Віталій Кличко. Уламки також впали в парку."
    )
    assert keys(text, "uk") == [("debris", "missile", None, "UA-30")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # weapons detected with their figure are launched, as recorded ones are
        ("uk", "У повітряному просторі виявлено 140 ударних БпЛА."),
        ("ru", "В воздушном пространстве обнаружено 140 ударных БПЛА."),
        ("en", "In total, 140 attack drones were detected in Ukrainian airspace."),
    ],
)
def test_weapons_detected_are_launched(lang, text):
    assert [(c.claim_type, c.count) for c in extract(text, lang=lang)] == [("launched", 140)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a shoot-down denied after its participle ("збиті не були") claims none
        ("uk", "Противник атакував Україну 96 дронами та трьома ракетами Х-59. Збито 71 БпЛА. Ракети збиті не були."),
        ("ru", "Противник атаковал Украину 96 дронами и тремя ракетами Х-59. Сбит 71 БПЛА. Ракеты сбиты не были."),
        ("en", "Russia attacked Ukraine with 96 drones and three Kh-59 missiles. 71 drones were shot down. The missiles were not shot down."),
    ],
)  # fmt: skip
def test_a_shoot_down_denied_claims_none(lang, text):
    found = [(c.claim_type, c.weapon, c.count) for c in extract(text, lang=lang)]
    assert found == [("launched", "uav", 96), ("launched", "missile", 3), ("destroyed", "uav", 71)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Russia fired 18 Kalibr missiles, all of which were shot down, the navy said."),
        ("en", "Russia fired 18 Kalibr missiles; all of them were shot down, the navy said."),
        ("uk", "Росія випустила 18 ракет «Калібр», усі вони були збиті, повідомили ВМС."),
        ("ru", "Россия выпустила 18 ракет «Калибр», все они были сбиты, сообщили ВМС Украины."),
    ],
)
def test_all_of_those_counted_before_in_the_sentence(lang, text):
    """ "All of which were shot down" after a launch in the same sentence: that many downed."""
    assert [(k[0], k[2]) for k in keys(text, lang)] == [("launched", 18), ("destroyed", 18)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # "N пусков": N of the weapon named after the launch noun, launched
        (
            "Воздушные силы зафиксировали 12 пусков крылатых ракет Х-101 и 3 пуска ракет "
            "Искандер-М, 10 ракет сбиты.",
            "ru",
            [
                ("launched", "missile", 12, None),
                ("launched", "missile", 3, None),
                ("destroyed", "missile", 10, None),
            ],
        ),
        (
            "Над Одесской областью зафиксировано пять пусков противокорабельных ракет, из них три "
            "сбиты.",
            "ru",
            [("launched", "missile", 5, "UA-51"), ("destroyed", "missile", 3, "UA-51")],
        ),
        (
            "Зафіксовано 4 пуски керованих авіаційних ракет Х-59, дві ракети збито.",
            "uk",
            [("launched", "missile", 4, None), ("destroyed", "missile", 2, None)],
        ),
        (
            "The Air Force recorded 12 launches of Kalibr cruise missiles, ten were shot down.",
            "en",
            [("launched", "missile", 12, None), ("destroyed", "missile", 10, None)],
        ),
    ],
)
def test_launches_counted(text, lang, expected):
    assert keys(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # an ordinal before the weapon noun: the series so far
        (
            "Над Белгородом сбит уже пятый за день беспилотник.",
            "ru",
            [("destroyed", "uav", 5, "RU-BEL")],
        ),
        (
            "У Черкасах сили ППО збили третій за ніч шахед.",
            "uk",
            [("destroyed", "uav", 3, "UA-71")],
        ),
        (
            "Air defences shot down a third drone of the night approaching Moscow.",
            "en",
            [("destroyed", "uav", 3, "RU-MOW")],
        ),
        # a series told one by one and its ordinal: one claim of that many
        (
            "Сбит беспилотник, летевший на Москву. Отражена атака ещё двух БПЛА, летевших на "
            "Москву. Сбит четвертый беспилотник, летевший на Москву.",
            "ru",
            [("destroyed", "uav", 4, "RU-MOW")],
        ),
        (
            "Над Києвом збито дрон. Згодом над Києвом збито ще два дрони. Над Києвом збито "
            "четвертий дрон.",
            "uk",
            [("destroyed", "uav", 4, "UA-30")],
        ),
    ],
)
def test_ordinals_count_a_series(text, lang, expected):
    assert keys(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a count with no noun right after a claim verb, closing its clause: the weapon before
        (
            "Ночью враг атаковал Украину 48 ударными БпЛА, сбито 35.",
            "ru",
            [("launched", "uav", 48, None), ("destroyed", "uav", 35, None)],
        ),
        (
            "Вночі ворог атакував 48 ударними БпЛА, збито 35.",
            "uk",
            [("launched", "uav", 48, None), ("destroyed", "uav", 35, None)],
        ),
        (
            "Противник запустил 48 БпЛА. Сбито 35.",
            "ru",
            [("launched", "uav", 48, None), ("destroyed", "uav", 35, None)],
        ),
    ],
)
def test_a_bare_count_after_its_verb(text, lang, expected):
    assert keys(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # air strikes in a region's daily tally: the bombs aircraft drop
        (
            "Окупанти завдали 9 авіаударів по Степногірську та Приморському, 214 БпЛА атакували "
            "Запорізьку область.",
            "uk",
            [("hit", "glide_bomb", 9, "UA-23"), ("hit", "uav", 214, "UA-23")],
        ),
        (
            "За сутки по Запорожской области нанесено 9 авиаударов и 120 ударов БпЛА.",
            "ru",
            [("hit", "glide_bomb", 9, "UA-23"), ("hit", "uav", 120, "UA-23")],
        ),
    ],
)
def test_air_strikes_counted(text, lang, expected):
    assert keys(text, lang) == expected
