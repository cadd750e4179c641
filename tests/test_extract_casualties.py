""" "No one was hurt" in its three shapes, in every language (guideline revision 2): a blanket
phrase gives killed 0 and injured 0, one that names only deaths gives killed 0 alone.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from extract_helpers import casualties, keys
from skyledger.extract import extract

LEAD = {
    "ru": "Над Брянской областью сбиты два беспилотника. ",
    "uk": "Над Сумщиною збито два дрони. ",
    "en": "Two drones were shot down over the Bryansk region. ",
}
BOTH, DEATHS = [(0, 0)], [(0, None)]


@pytest.mark.parametrize(
    ("lang", "phrase", "expected"),
    [
        # the harmed, then said to be absent
        ("ru", "Погибших и пострадавших нет.", BOTH),
        ("ru", "Пострадавшие отсутствуют.", BOTH),
        ("ru", "Раненых и погибших нет.", BOTH),
        ("ru", "Пострадавших среди мирного населения нет.", BOTH),
        ("ru", "Информации о пострадавших нет.", BOTH),
        ("ru", "Жертв нет.", DEATHS),
        ("ru", "Жертвы отсутствуют.", DEATHS),
        ("ru", "Погибших нет.", DEATHS),
        ("uk", "Постраждалі відсутні.", BOTH),
        ("uk", "Поранених та загиблих немає.", BOTH),
        ("uk", "Інформація щодо травмованих та загиблих не надходила.", BOTH),
        ("uk", "Інформації про постраждалих немає.", BOTH),
        ("uk", "Загиблих немає.", DEATHS),
        # ... with an aside between them and their absence
        ("ru", "Раненых, по предварительным данным, нет.", BOTH),
        ("ru", "Пострадавших, как уточнили в администрации, нет.", BOTH),
        ("uk", "Травмованих, за словами очільника громади, немає.", BOTH),
        # ... but not an absence of some of them
        (
            "ru",
            "Ранены три человека, среди пострадавших, по словам медиков, нет детей.",
            [(None, 3)],
        ),
        # a word before them
        ("ru", "Отсутствуют жертвы и пострадавшие.", BOTH),
        ("ru", "Обошлось без жертв.", DEATHS),
        ("uk", "Минулось без травмованих.", BOTH),
        ("uk", "Обійшлося без загиблих і поранених.", BOTH),
        ("uk", "Попередньо без руйнувань та постраждалих.", BOTH),
        ("uk", "Без жертв.", DEATHS),
        ("uk", "Обійшлося без жертв серед населення.", DEATHS),
        # a comma ends the phrase: the injured of the next clause are not zeroed
        ("uk", "Попередньо, без жертв, постраждалим надають допомогу.", DEATHS),
        ("en", "There were no casualties.", BOTH),
        ("en", "There were no deaths or injuries.", BOTH),
        ("en", "There was no damage or casualties.", BOTH),
        ("en", "There were no deaths.", DEATHS),
        # someone who was not harmed
        ("ru", "Люди не пострадали.", BOTH),
        ("ru", "Никто из людей не пострадал.", BOTH),
        ("uk", "Люди не постраждали.", BOTH),
        ("uk", "Ніхто не постраждав.", BOTH),
        ("en", "No one was hurt.", BOTH),
        ("en", "No one was injured.", BOTH),
        ("en", "Nobody was killed or injured.", BOTH),
        ("en", "No civilians were hurt.", BOTH),
        # people at work there who were not harmed
        ("ru", "Личный состав не пострадал.", BOTH),
        ("ru", "Сотрудники предприятия не пострадали.", BOTH),
        ("uk", "Особовий склад не постраждав.", BOTH),
        ("uk", "Рятувальники не постраждали.", BOTH),
        ("en", "No personnel were injured.", BOTH),
        ("en", "No firefighters were hurt.", BOTH),
        # an outlet saying nothing was reported claims no zero
        # the people of the place struck
        ("ru", "Жильцы не пострадали.", BOTH),
        ("ru", "Водитель не пострадал.", BOTH),
        ("uk", "Водій не постраждав.", BOTH),
        # ... and in English, denied after their verb
        ("en", "He said the residents were not hurt.", BOTH),
        ("en", "The driver wasn't injured.", BOTH),
        ("en", "Local people were not killed or injured.", BOTH),
        ("en", "The presidents were not hurt by the news.", []),
        ("en", "There were no victims.", BOTH),
        ("en", "There were no immediate reports of casualties.", []),
        ("en", "Fortunately, no injuries were reported.", []),
        # ... but an official saying so claims it
        ("en", "The governor said no casualties were reported.", BOTH),
        ("en", "The governor reported no hits to homes or casualties.", BOTH),
    ],
)
def test_no_one_was_hurt(lang, phrase, expected):
    assert casualties(LEAD[lang] + phrase, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a figure stated beside no phrase of none
        ("ru", "В Курске беспилотник атаковал дом, ранены двое мирных жителей.", [(None, 2)]),
        ("uk", "Унаслідок удару дрона по Херсону поранені двоє дітей.", [(None, 2)]),
        ("en", "A drone strike on Kherson injured two children.", [(None, 2)]),
        # "N deaths" are the killed, never a count of drones
        ("en", "A drone strike on Kherson resulted in 25 deaths.", [(25, None)]),
        # "чоловік" (a man, or people after a numeral): one when its verb is singular
        ("uk", "Внаслідок атаки дрона на Херсон чоловік отримав поранення.", [(None, 1)]),
        ("uk", "Внаслідок атаки дронів на Херсон 5 чоловік отримали поранення.", [(None, 5)]),
        # people named by their work or where they were
        ("en", "Drones attacked the port of Novorossiysk. Two sailors were injured.", [(None, 2)]),
        ("ru", "Беспилотники атаковали порт Новороссийска. Ранены два моряка.", [(None, 2)]),
        ("uk", "Дрони атакували порт в Одесі. Поранено двох моряків.", [(None, 2)]),
        ("en", "A drone hit a car in Kherson, injuring two police officers.", [(None, 2)]),
        ("ru", "Дрон атаковал автомобиль в Белгороде, ранены двое полицейских.", [(None, 2)]),
        ("uk", "Дрон атакував автомобіль у Херсоні, поранено двох поліцейських.", [(None, 2)]),
        # workers and employees are people
        (
            "uk",
            "Дрон атакував підприємство у Миколаєві, двоє працівників отримали поранення.",
            [(None, 2)],
        ),
        (
            "ru",
            "Беспилотник атаковал предприятие в Белгороде, ранены двое сотрудников.",
            [(None, 2)],
        ),
        ("en", "A drone attacked a plant in Mykolaiv, injuring two workers.", [(None, 2)]),
        # people of another clause, after the harm word's own figure, are not the harmed
        (
            "ru",
            "При атаке дронов на Белгород ранены два человека, более 10 000 жителей остались без света.",
            [(None, 2)],
        ),
        (
            "uk",
            "Через атаку дронів на Одесу поранені двоє людей, понад 10 000 мешканців без світла.",
            [(None, 2)],
        ),
        (
            "en",
            "In the drone attack on Odesa two people were injured, over 10,000 residents lost power.",
            [(None, 2)],
        ),
        # a bare count of people after its harm word, ending its clause or joining the next
        ("ru", "Беспилотник ударил по рынку в Белгороде, ранены четверо.", [(None, 4)]),
        ("ru", "При атаке дрона на Белгород погибли двое и ранены пятеро.", [(2, 5)]),
        ("uk", "Дрон атакував ринок у Херсоні, поранено чотирьох.", [(None, 4)]),
        ("uk", "Унаслідок атаки дрона на Херсон загинули двоє, поранено п'ятьох.", [(2, 5)]),
        # ... and in English before it, with its auxiliary between
        ("en", "A drone hit a market in Kherson, four were injured.", [(None, 4)]),
        ("en", "In the drone attack on Kherson two were killed and five injured.", [(2, 5)]),
        # people beside those counted before: "four others were injured"
        (
            "en",
            "One person was killed and four others were injured in a drone attack on Kryvyi Rih.",
            [(1, 4)],
        ),
        (
            "en",
            "Two people were killed and 12 more were wounded in a missile strike on Odesa.",
            [(2, 12)],
        ),
        # "lost their lives" is killed
        ("en", "Two people lost their lives when a drone hit a house in Kherson.", [(2, None)]),
        ("en", "A man lost his life in a Russian drone strike on Nikopol.", [(1, None)]),
        # a figure right after "and" with its own predicate is that predicate's, not the
        # nearer cue's before it
        (
            "en",
            "A drone hit a house in Kupiansk. A man was killed and three people were wounded.",
            [(1, 3)],
        ),
        (
            "ru",
            "Беспилотник ударил по дому в Шебекино. Один человек погиб и три человека получили "
            "ранения.",
            [(1, 3)],
        ),
        (
            "uk",
            "Дрон влучив у будинок у Куп'янську. Одна людина загинула і три людини отримали "
            "поранення.",
            [(1, 3)],
        ),
        # "чоловік" (a man, or "of people") is one when the verb before it is singular
        ("uk", "Внаслідок удару БпЛА по Борові загинув чоловік.", [(1, None)]),
        ("ru", "В результате удара беспилотника по Боровой погиб мужчина.", [(1, None)]),
        ("en", "A man was killed in a drone strike on Borova.", [(1, None)]),
    ],
)
def test_figures_stand_alone(lang, text, expected):
    assert casualties(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a figure set off from its casualty word by a dash, and not the figure before a comma
        ("uk", "Внаслідок удару по Дніпру дроном загиблих — троє, поранених — семеро.", [(3, 7)]),
        ("uk", "Внаслідок атаки дронів на Одесу загинули 2 людини, ще 5 — поранені.", [(2, 5)]),
        (
            "ru",
            "В результате удара дрона по Белгороду погибших — трое, раненых — семеро.",
            [(3, 7)],
        ),
        ("en", "Drone attack on Kharkiv: killed - 3, injured - 7.", [(3, 7)]),
        # "особа" (a person)
        ("uk", "Унаслідок удару КАБами по Запоріжжю загинула 1 особа.", [(1, None)]),
    ],
)
def test_dashed_figures(lang, text, expected):
    assert casualties(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a toll that rose to a new figure, with no noun after it
        (
            "uk",
            "Кількість загиблих унаслідок ракетного удару по Полтаві зросла до 14.",
            [(14, None)],
        ),
        (
            "ru",
            "Число погибших в результате ракетного удара по Белгороду возросло до 14.",
            [(14, None)],
        ),
        ("en", "The number of injured in the drone attack on Kyiv rose to nine.", [(None, 9)]),
    ],
)
def test_a_toll_that_rose(lang, text, expected):
    assert casualties(text, lang) == expected
    # the figure counts people, never the weapons of the strike
    assert [k[2] for k in keys(text, lang) if k[0] == "hit"] == [None]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # lives taken are the killed
        ("uk", "Ракетний удар по Дніпру забрав життя трьох людей.", [(3, None)]),
        ("ru", "Атака беспилотников на Белгород унесла жизни двух человек.", [(2, None)]),
        ("ru", "Удар ракеты по Харькову забрал жизни четырёх человек.", [(4, None)]),
        ("en", "The missile strike on Dnipro claimed the lives of three people.", [(3, None)]),
        ("en", "The drone attack on Sumy claimed the life of a 60-year-old man.", [(1, None)]),
    ],
)
def test_lives_taken(lang, text, expected):
    assert casualties(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # the same speaker's earlier count is a claim of its own, not merged into the new one
        (
            "uk",
            "Унаслідок атаки дронів на Запоріжжя поранено 12 людей, повідомив Іван Федоров. "
            "Раніше Федоров повідомляв про одного загиблого та сімох поранених.",
        ),
        (
            "ru",
            "В результате атаки дронов на Белгород ранены 12 человек, сообщил Вячеслав Гладков. "
            "Ранее Гладков сообщал об одном погибшем и семи раненых.",
        ),
        (
            "en",
            "Twelve people were injured in a drone attack on Belgorod, Governor Vyacheslav Gladkov "
            "said. Earlier, Gladkov reported one killed and seven injured.",
        ),
    ],
)
def test_an_earlier_count_is_a_claim_of_its_own(lang, text):
    assert casualties(text, lang) == [(None, 12), (1, 7)]


def damage(text: str, lang: str) -> list[tuple]:
    return [(k[0], k[3]) for k in keys(text, lang) if k[0] == "damage"]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a fire at a named object or site is damage (revision 2) ...
        (
            "ru",
            "В Ростовской области после атаки беспилотника вспыхнул пожар на территории предприятия.",
            [("damage", "RU-ROS")],
        ),
        (
            "ru",
            "Обломки беспилотника упали в Курской области, произошло возгорание помещения охраны.",
            [("damage", "RU-KRS")],
        ),
        (
            "uk",
            "Унаслідок атаки дронів на Київщині виникла пожежа на території підприємства.",
            [("damage", "UA-32")],
        ),
        (
            "en",
            "After the drone attack in the Kursk region, a fire broke out at the refinery.",
            [("damage", "RU-KRS")],
        ),
        # the site named first, its fire later in the clause (English reads "fires broke out"
        # as damage in any order)
        (
            "ru",
            "На нефтебазе в Брянском районе Брянской области после атаки дронов вспыхнул пожар.",
            [("damage", "RU-BRY")],
        ),
        (
            "ru",
            "Обломки дрона рухнули на склад в Курской области, после чего там начался пожар.",
            [("damage", "RU-KRS")],
        ),
        (
            "uk",
            "На нафтобазі в Ніжинському районі Чернігівщини після падіння уламків дрона виникла пожежа.",
            [("damage", "UA-74")],
        ),
        (
            "uk",
            "Уламки дрона впали на склад на Полтавщині, після чого там почалася пожежа.",
            [("damage", "UA-53")],
        ),
        (
            "en",
            "Drone debris fell at an oil depot in the Lipetsk region, causing a fire.",
            [("damage", "RU-LIP")],
        ),
        (
            "en",
            "Debris of a drone fell on a warehouse in the Kursk region, sparking a blaze.",
            [("damage", "RU-KRS")],
        ),
        # something named set on fire
        (
            "en",
            "Drone debris fell in the Kursk region, setting a car on fire.",
            [("damage", "RU-KRS")],
        ),
        # ... denied, it is none
        ("ru", "Обломки дрона упали на склад в Курской области, пожара нет.", []),
        ("uk", "Уламки дрона впали на склад на Полтавщині, пожежі немає.", []),
        # ... a bare fire is not
        ("ru", "После атаки беспилотников в Курской области возник пожар.", []),
        ("ru", "На территории Курской области сбит беспилотник, возник пожар.", []),
        ("en", "Russia fired missiles at a residential building in the Kyiv region.", []),
        # the site attacked first, its fire after
        (
            "en",
            "Ukrainian drones attacked an oil refinery in Russia's Saratov region overnight, "
            "causing a fire.",
            [("damage", "RU-SAR")],
        ),
        (
            "ru",
            "Украинские беспилотники атаковали нефтеперерабатывающий завод в Саратовской "
            "области, вызвав пожар.",
            [("damage", "RU-SAR")],
        ),
        (
            "uk",
            "Українські дрони атакували нафтопереробний завод у Саратовській області, "
            "спричинивши пожежу.",
            [("damage", "RU-SAR")],
        ),
        # the floors of a building struck are a site
        ("uk", "Дрон влучив у багатоповерхівку в Дніпрі. Виникла пожежа на верхніх поверхах.", [("damage", "UA-12")]),
        ("ru", "Беспилотник попал в многоэтажку в Днепре. Возник пожар на верхних этажах.", [("damage", "UA-12")]),
        ("en", "A drone hit an apartment block in Dnipro. A fire broke out on the upper floors.", [("damage", "UA-12")]),
    ],
)  # fmt: skip
def test_fire_at_a_named_site(lang, text, expected):
    assert damage(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # buildings and vehicles destroyed are damage, never drones shot down, told after
        # them too when the verb closes their clause
        (
            "ru",
            "После атаки дронов на Белгород три частных дома уничтожены.",
            [("hit", "uav", None, "RU-BEL"), ("damage", "uav", None, "RU-BEL")],
        ),
        (
            "uk",
            "Після атаки дронів на Суми три приватні будинки знищено.",
            [("hit", "uav", None, "UA-59"), ("damage", "uav", None, "UA-59")],
        ),
        (
            "en",
            "A drone attack hit Sumy. Three residential buildings were destroyed.",
            [("hit", "uav", None, "UA-59"), ("damage", "uav", None, "UA-59")],
        ),
        (
            "en",
            "A drone attack on Sumy destroyed two houses and a car.",
            [("hit", "uav", None, "UA-59"), ("damage", "uav", None, "UA-59")],
        ),
        # ... but drones destroyed near them, and unmanned aerial vehicles, are shot down
        (
            "ru",
            "В районе складов уничтожены два беспилотника над Белгородской областью.",
            [("destroyed", "uav", 2, "RU-BEL")],
        ),
        (
            "uk",
            "Біля складів знищено два дрони над Сумщиною.",
            [("destroyed", "uav", 2, "UA-59")],
        ),
        (
            "en",
            "Air defences destroyed five unmanned aerial vehicles over the Kursk region.",
            [("destroyed", "uav", 5, "RU-KRS")],
        ),
    ],
)
def test_buildings_destroyed_are_damage(lang, text, expected):
    assert sorted(keys(text, lang), key=lambda k: k[0] != "hit") == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # "no one was hurt" about another incident stands beside the figure, unmerged
        (
            "ru",
            "В Курской области при атаке беспилотника ранения получили два человека. "
            "Обломки другого беспилотника упали на частный дом в Курской области, пострадавших нет.",
            [(None, 2), (0, 0)],
        ),
        (
            "uk",
            "На Сумщині внаслідок атаки дрона поранено двох людей. "
            "Уламки іншого дрона впали на приватний будинок на Сумщині, постраждалих немає.",
            [(None, 2), (0, 0)],
        ),
        (
            "en",
            "A drone attack in the Belgorod region injured two people. "
            "Debris of another drone fell on a house in the Belgorod region, no one was hurt.",
            [(None, 2), (0, 0)],
        ),
    ],
)
def test_no_one_hurt_and_a_figure_stay_apart(lang, text, expected):
    assert casualties(text, lang) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a bare count of people with its auxiliary before the harm word counts no weapon of the
        # strike told after it
        "Two people were killed and five were injured when a missile hit a plant in Zaporizhzhia.",
        "One person was killed and three were wounded after a drone struck a bus in Horlivka.",
        "One person was killed and three others were hurt after a drone struck a bus in Horlivka.",
    ],
)
def test_a_bare_count_of_people_counts_no_weapon(text):
    found = [(c.claim_type, c.count, c.killed, c.injured) for c in extract(text, lang="en")]
    assert [f for f in found if f[0] == "hit"] == [("hit", 1, None, None)]
    assert [f[2:] for f in found if f[0] == "casualties"] in ([(2, 5)], [(1, 3)])


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Ukrainian drones attacked an oil refinery in the Saratov region, causing a fire.",
        ),
        (
            "ru",
            "Украинские беспилотники атаковали нефтезавод в Саратовской области, вызвав пожар.",
        ),
        (
            "uk",
            "Українські дрони атакували нафтопереробний завод у Саратовській області, "
            "спричинивши пожежу.",
        ),
    ],
)
def test_a_fire_at_the_site_attacked_makes_the_attack_a_strike(lang, text):
    assert sorted(k[:2] for k in keys(text, lang)) == [("damage", "uav"), ("hit", "uav")]


@pytest.mark.parametrize(
    ("lang", "text", "region"),
    [
        ("ru", "Над Липецкой областью сбит беспилотник, выбиты стекла в двух домах.", "RU-LIP"),
        ("uk", "Над Сумщиною збито дрон, вибито шибки у двох будинках.", "UA-59"),
        (
            "en",
            "A drone was shot down over the Kursk region and windows were shattered in two houses.",
            "RU-KRS",
        ),
    ],
)
def test_windows_blown_out_are_damage(lang, text, region):
    assert ("damage", "uav", None, region) in keys(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a count right before its harm word is people, not more of the bombs counted before,
        # also with the speaker's region after it
        (
            "uk",
            "Окупанти скинули 6 авіабомб на Білозерку. Загинула одна людина, ще 11 поранено, "
            "повідомив начальник Херсонської ОВА.",
        ),
        (
            "ru",
            "Оккупанты сбросили 6 авиабомб на Белозерку. Погиб один человек, еще 11 ранены, "
            "сообщил глава Херсонской области.",
        ),
        (
            "en",
            "Russian troops dropped 6 bombs on Bilozerka. One person was killed, 11 injured, "
            "the head of the Kherson regional administration said.",
        ),
    ],
)
def test_a_count_right_before_its_harm_word_counts_no_weapon(lang, text):
    found = [(c.claim_type, c.count, c.killed, c.injured) for c in extract(text, lang=lang)]
    assert found == [("hit", 6, None, None), ("casualties", None, 1, 11)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # grass and scrub set alight by falling debris are no damage
        ("uk", "Над Черкащиною збито 11 дронів. Через падіння уламків загорівся сухостій."),
        ("uk", "Над Черкащиною збито 11 дронів. Через падіння уламків зайнялася суха трава."),
        ("ru", "Над Курской областью сбиты 11 дронов. Из-за падения обломков загорелась сухая трава."),
        ("en", "Eleven drones were shot down over the Kursk region. Falling debris set dry grass on fire."),
    ],
)  # fmt: skip
def test_grass_set_alight_is_no_damage(lang, text):
    assert [k[0] for k in keys(text, lang)] == ["destroyed", "debris"]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # people harmed by another kind of weapon, with another figure: another incident
        (
            "uk",
            "Ворог завдав удару КАБом по Харкову. Постраждали троє людей.\n"
            "Ізюмський район: внаслідок удару ударного БпЛА загинув 54-річний чоловік.\n"
            "Купʼянський район: через обстріл FPV-дроном поранено 71-річну жінку.",
            [(None, 3), (1, None), (None, 1)],
        ),
        (
            "ru",
            "Противник нанес удар КАБом по Харькову. Пострадали три человека. В Изюмском районе "
            "в результате удара беспилотника погиб 54-летний мужчина.",
            [(None, 3), (1, None)],
        ),
        (
            "en",
            "A guided bomb struck Kharkiv, injuring three people. In the Izium district, a drone "
            "strike killed a 54-year-old man.",
            [(None, 3), (1, None)],
        ),
        # the same figure told again (a headline and its body) is one claim
        (
            "uk",
            "Одна людина постраждала через атаку дронів на Запоріжжя\n"
            "Жінка дістала поранень внаслідок ворожого обстрілу Запоріжжя.",
            [(None, 1)],
        ),
    ],
)
def test_people_harmed_by_another_weapon_are_another_incident(lang, text, expected):
    assert casualties(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # the figure a toll rose to counts people, never the weapons of the strike named in it
        ("uk", "Кількість постраждалих у Дніпрі внаслідок ракетного удару зросла до 35."),
        ("ru", "Число пострадавших в Днепре в результате ракетного удара выросло до 35."),
        ("en", "The number of people injured in the missile strike on Dnipro rose to 35."),
    ],
)
def test_a_toll_that_rose_counts_no_weapon(lang, text):
    assert keys(text, lang) == [
        ("hit", "missile", None, "UA-12"),
        ("casualties", "missile", None, "UA-12"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "A drone hit an industrial facility in Kharkiv Oblast, sparking a fire.",
        "Two drones struck a warehouse in Odesa Oblast, causing a fire.",
        "A missile hit a substation in Lviv Oblast and started a fire.",
    ],
)
def test_a_fire_at_the_site_struck_is_damage(text):
    """A site struck before its fire is named ("hit an industrial facility, sparking a fire"),
    as a site attacked is: the fire is damage (revision 2, "Fires")."""
    assert "damage" in {c.claim_type for c in extract(text, lang="en")}
