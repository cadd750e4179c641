"""Region mentions -> ISO 3166-2 codes, and the capitals that name no place. Sentences written for these tests."""

from __future__ import annotations

import pytest

from extract_helpers import keys, places
from skyledger.extract import extract
from skyledger.extract.regions import find_regions


@pytest.mark.parametrize(
    ("text", "lang", "codes"),
    [
        ("Drones were downed over the Kursk and Bryansk regions.", "en", ["RU-KRS", "RU-BRY"]),
        ("A missile hit Kyiv overnight.", "en", ["UA-30"]),
        ("Над Брянской областью сбиты дроны.", "ru", ["RU-BRY"]),
        ("У Києва частини ракети впали на дорогу.", "uk", ["UA-30"]),  # "частини" is no clock zone
        ("З 20:00 за київським часом.", "uk", []),
        # a capital as a dateline or as its government names no place
        ("KYIV (Reuters) - Drones hit the Sumy region.", "en", ["UA-59"]),
        ("Russian missiles kill two in strike on Ukraine - Kyiv\nA drone fell.", "en", []),
        ("Moscow rarely discloses details of the attacks.", "en", []),
        ("The mayor of Moscow said three drones were downed.", "en", ["RU-MOW"]),
        ("Air defences shot down drones as Kyiv pushes for more air defence.", "en", []),
        ("Kyiv's air force said 20 drones were shot down.", "en", []),
        # ... but its possessive before a part of the city is the city
        ("Drone debris fell in Kyiv's Darnytskyi district.", "en", ["UA-30"]),
        ("Drone debris fell on Moscow’s outskirts.", "en", ["RU-MOW"]),
        # a city's name in a chain of regions is its region
        ("Debris fell in the Kyiv and Poltava regions.", "en", ["UA-32", "UA-53"]),
        ("Drones were shot down over the Moscow and Kaluga regions.", "en", ["RU-MOS", "RU-KLU"]),
        # Kyiv's military administration (МВА) is the city's, not the oblast's
        ("Повідомив начальник Київської МВА.", "uk", ["UA-30"]),
        ("Сообщил глава Киевской МВА.", "ru", ["UA-30"]),
        ("Said the head of the Kyiv City Military Administration.", "en", ["UA-30"]),
    ],
)
def test_regions(text, lang, codes):
    assert [m.code for m in find_regions(text, lang)] == codes


@pytest.mark.parametrize(
    ("lang", "text", "code"),
    [
        # "all of them" shot down after a launch on a region: that region's
        (
            "ru",
            "ВСУ атаковали Брянскую область 12 беспилотниками. Все они были уничтожены.",
            "RU-BRY",
        ),
        (
            "ru",
            "ВСУ атаковали Брянскую область 12 беспилотниками. Все беспилотники уничтожены.",
            "RU-BRY",
        ),
        ("uk", "Ворог атакував Сумщину 12 дронами. Усі вони знищені.", "UA-59"),
        (
            "en",
            "Ukraine attacked the Bryansk region with 12 drones. All of them were destroyed.",
            "RU-BRY",
        ),
    ],
)
def test_all_of_them_downed_lie_where_they_were_launched(lang, text, code):
    assert keys(text, lang) == [("launched", "uav", 12, code), ("destroyed", "uav", 12, code)]


@pytest.mark.parametrize(
    ("lang", "text", "code"),
    [
        # "all of them" shot down after an attack of no count: shot down, no count, there (in
        # Ukrainian and English the bare shoot-down words say so already)
        (
            "ru",
            "Ночью регион подвергся атаке нескольких десятков беспилотников, сообщил губернатор "
            "Орловской области. Все они уничтожены.",
            "RU-ORL",
        ),
        (
            "ru",
            "Ночью ВСУ атаковали Орловскую область беспилотниками. Все они уничтожены.",
            "RU-ORL",
        ),
    ],
)
def test_all_of_them_downed_after_an_attack_of_no_count(lang, text, code):
    assert keys(text, lang) == [("destroyed", "uav", None, code)]


@pytest.mark.parametrize(
    ("lang", "text", "code"),
    [
        # a model named after the first count's noun does not part the two joined counts
        ("uk", "Ворог атакував Харківщину 12 БпЛА типу Герань-2 та 5 FPV-дронами.", "UA-63"),
        (
            "ru",
            "Противник атаковал Белгородскую область 12 беспилотниками типа «Герань» и 5 "
            "FPV-дронами.",
            "RU-BEL",
        ),
        ("ru", "ВСУ атаковали Курскую область 12 БПЛА «Герань-2» и 5 FPV-дронами.", "RU-KRS"),
    ],
)
def test_a_leading_region_is_both_counts_past_a_model(lang, text, code):
    assert [(c[0], c[2], c[3]) for c in keys(text, lang)] == [
        ("launched", 12, code),
        ("launched", 5, code),
    ]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a model named in quotes as the weapon itself, in any case, is a count of its own, and
        # the region leading it leads the count joined after its closing quote
        (
            "uk",
            "Над Харківщиною знищено одну «Молнію» та один FPV-дрон.",
            [("destroyed", 1, "Molniya", "UA-63"), ("destroyed", 1, "FPV", "UA-63")],
        ),
        (
            "ru",
            "ВСУ атаковали Курскую область одной «Молнией» и двумя FPV-дронами.",
            [("launched", 1, "Molniya", "RU-KRS"), ("launched", 2, "FPV", "RU-KRS")],
        ),
    ],
)
def test_a_model_in_quotes_and_the_count_after_it(lang, text, expected):
    found = [(c.claim_type, c.count, c.model, c.admin1) for c in extract(text, lang=lang)]
    assert found == expected


@pytest.mark.parametrize(
    ("lang", "text", "code"),
    [
        # a republic by its short name, in any case (lemmas of lang/*.yaml `region_names`)
        ("ru", "Над Башкирией сбиты два беспилотника.", "RU-BA"),
        ("ru", "Глава Чувашии сообщил, что над регионом сбиты два беспилотника.", "RU-CU"),
        ("ru", "Над Северной Осетией сбиты два беспилотника.", "RU-SE"),
        ("ru", "Над Адыгеей сбиты два беспилотника.", "RU-AD"),
        ("ru", "В Республике Адыгея сбиты два беспилотника.", "RU-AD"),
        ("uk", "Над Республікою Татарстан збито два дрони.", "RU-TA"),
        ("uk", "Над Башкирією збито два дрони.", "RU-BA"),
        ("uk", "Над Північною Осетією збито два дрони.", "RU-SE"),
        ("en", "Two drones were shot down over Tatarstan.", "RU-TA"),
        ("en", "Two drones were shot down over the Republic of Adygea.", "RU-AD"),
        ("en", "Two drones were shot down over Bashkiria.", "RU-BA"),
    ],
)
def test_republics_by_short_name(lang, text, code):
    assert [k[3] for k in keys(text, lang)] == [code]


@pytest.mark.parametrize(
    ("lang", "text", "code"),
    [
        # a region by its colloquial name, in any case; a city with a hyphenated name
        ("ru", "На Ставрополье сбиты два беспилотника.", "RU-STA"),
        ("ru", "Над Воронежчиной сбиты два беспилотника.", "RU-VOR"),
        ("ru", "Два беспилотника сбиты над Ростовом-на-Дону.", "RU-ROS"),
        ("uk", "Над Рязанщиною збито два дрони.", "RU-RYA"),
        ("uk", "На Тульщині збито два дрони.", "RU-TUL"),
        ("uk", "Над Кубанню збито два дрони.", "RU-KDA"),
        ("uk", "У Підмосков'ї збито два дрони.", "RU-MOS"),
        # Ukrainian oblasts by colloquial name in Russian, as Ukrainian outlets write them
        ("ru", "На Харьковщине сбиты два беспилотника.", "UA-63"),
        ("ru", "Над Днепропетровщиной сбиты два беспилотника.", "UA-12"),
        ("ru", "На Одесчине сбиты два беспилотника.", "UA-51"),
        ("ru", "На Винниччине сбиты два беспилотника.", "UA-05"),
        ("ru", "На Волыни сбиты два беспилотника.", "UA-07"),
        ("ru", "На Закарпатье упали обломки беспилотника.", "UA-21"),
        ("ru", "Над Саратовщиной сбиты два беспилотника.", "RU-SAR"),
        # Russian oblasts as Ukrainian outlets spell them, and their cities
        ("uk", "Над Бєлгородською областю збито два дрони.", "RU-BEL"),
        ("uk", "У Воронезькій області збито два дрони.", "RU-VOR"),
        ("uk", "Над Нижньогородською областю збито два дрони.", "RU-NIZ"),
        ("uk", "На Білгородщині збито два дрони.", "RU-BEL"),
        ("uk", "У Воронежі збито два дрони.", "RU-VOR"),
        ("uk", "Над Ростовом збито два дрони.", "RU-ROS"),
        ("uk", "У Новоросійську збито два дрони.", "RU-KDA"),
        ("en", "Two drones were shot down over the Kuban.", "RU-KDA"),
        ("en", "Two drones were shot down over Rostov-on-Don.", "RU-ROS"),
    ],
)
def test_regions_by_colloquial_name(lang, text, code):
    assert [k[3] for k in keys(text, lang)] == [code]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a dateline is where the story was filed, never the claim's region
        ("ru", "Москва. 25 октября. Обломки беспилотника упали на территории предприятия."),
        ("ru", "МОСКВА, 25 октября. /ТАСС/. Обломки беспилотника упали на территории завода."),
        ("ru", "Белгород, 5 октября. Обломки беспилотника упали на территории предприятия."),
        ("uk", "Київ, 5 жовтня. Уламки дрона впали на територію підприємства."),
        (
            "ru",
            "Москва, 25 окт - РИА Новости. Обломки беспилотника упали на территории предприятия.",
        ),
        ("en", "KYIV, Oct 5 (Reuters) - Debris from a drone fell on an industrial site."),
        # a place in capitals opening a line, with no date
        ("en", "KYIV >> Air defences shot down two missiles overnight."),
        ("en", "ODESA, Ukraine (Reuters) - Debris from a drone fell on an industrial site."),
        ("uk", "ОДЕСА – Уламки дрона впали на територію підприємства."),
        # ... or two, for a story filed from both capitals
        ("en", "KYIV/MOSCOW (Reuters) - Russia attacked Ukraine with 75 drones overnight."),
        ("en", "MOSCOW/KYIV, Nov 23 (Reuters) - Russia attacked Ukraine with 75 drones."),
        # a launch site is no target
        ("uk", "Ворог атакував 12 ударними БпЛА з Брянської області."),
        ("en", "Air defences destroyed 12 drones launched from Crimea."),
        ("en", "Russia launched 12 drones from the directions of Kursk, Oryol and Millerovo."),
        ("ru", "Силы ПВО сбили 12 беспилотников, запущенных с территории Курской области."),
        # ... nor is a launch area
        ("uk", "Противник атакував 7 ракетами Х-101 з районів пусків у Саратовській області."),
        ("uk", "Противник атакував 7 ракетами Х-101 з району пуску Енгельс."),
        ("ru", "Противник выпустил 7 ракет Х-101 из района пуска в Саратовской области."),
        ("en", "Russia launched seven Kh-101 missiles from launch areas in the Saratov region."),
        # an outlet named after its city is no place
        ("en", "Russia attacked Ukraine with 60 drones, the air force told the Kyiv Independent."),
        ("en", "Air defences shot down 17 drones overnight, the military told the Kyiv Post."),
        ("en", "Air defences destroyed 14 drones overnight, the Moscow Times reported."),
        # a capital that attacks is its government
        ("en", "Moscow launched 120 drones at Ukraine overnight, the air force said."),
        ("ru", "Москва запустила по Украине 120 дронов за ночь."),
        ("uk", "Київ випустив по російських регіонах 40 безпілотників."),
    ],
)
def test_datelines_and_launch_sites_are_no_region(lang, text):
    assert [k[3] for k in keys(text, lang)] == [None]


def test_a_region_and_a_count_on_a_line_is_no_dateline():
    assert keys("Брянская область, 12 беспилотников сбиты.", "ru") == [
        ("destroyed", "uav", 12, "RU-BRY")
    ]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a region leading two counts joined by "and" is both counts' region
        ("uk", "Ворог атакував Одещину 4 ракетами та 10 дронами."),
        ("ru", "Противник атаковал Одесскую область 4 ракетами и 10 беспилотниками."),
        ("en", "Russia attacked the Odesa region with 4 missiles and 10 drones."),
    ],
)
def test_a_leading_region_is_both_joined_counts(lang, text):
    assert keys(text, lang) == [
        ("launched", "missile", 4, "UA-51"),
        ("launched", "uav", 10, "UA-51"),
    ]


@pytest.mark.parametrize(
    ("lang", "text", "code"),
    [
        # a bare "область" refers back to the one region named before
        (
            "ru",
            "Ночью противник атаковал Курскую область беспилотниками. Над областью сбиты три БПЛА.",
            "RU-KRS",
        ),
        (
            "ru",
            "Курская область подверглась атаке беспилотников. Всего в области уничтожены три БПЛА.",
            "RU-KRS",
        ),
        ("uk", "Ворог атакував Сумщину дронами. Над областю знешкоджено три ворожі БпЛА.", "UA-59"),
        ("uk", "Сумщина зазнала атаки дронів. Всього в області збито три БпЛА.", "UA-59"),
        (
            "en",
            "Russia attacked the Sumy region with drones. Three drones were shot down over the oblast.",
            "UA-59",
        ),
    ],
)
def test_the_oblast_refers_to_the_region_named_before(lang, text, code):
    assert keys(text, lang) == [("destroyed", "uav", 3, code)]


@pytest.mark.parametrize(
    ("lang", "text", "code"),
    [
        # a community named like another region's centre is a place of the region it lies in
        (
            "en",
            "In the Mykolaiv community of Synelnykove district in the Dnipropetrovsk region, a "
            "drone hit a farm.",
            "UA-12",
        ),
        (
            "uk",
            "На Дніпропетровщині дрон влучив у ферму в Миколаївській громаді Синельниківського району.",
            "UA-12",
        ),
        (
            "ru",
            "В Днепропетровской области дрон попал в ферму в Николаевской общине Синельниковского района.",
            "UA-12",
        ),
    ],
)
def test_a_community_named_like_a_region_is_no_region(lang, text, code):
    assert {k[3] for k in keys(text, lang)} == {code}


@pytest.mark.parametrize(
    ("lang", "text", "codes"),
    [
        # a surname after a given name or patronymic is a person, even one spelt like a
        # regional centre; the city itself stays the region
        ("ru", "Дрон атаковал завод в Чебоксарах, сообщил глава Чувашии Олег Николаев.", {"RU-CU"}),
        ("ru", "Дрон атаковал склад, сообщила министр Ирина Николаева.", {None}),
        ("ru", "Дрон атаковал склад, сообщил Олег Алексеевич Николаев.", {None}),
        ("uk", "Дрон атакував склад, повідомив міністр Олег Ніколаєв.", {None}),
        ("ru", "Вечером дрон атаковал Николаев, сообщили власти.", {"UA-48"}),
        ("uk", "Про атаку повідомив Олег Кипер. Миколаїв атакували два дрони.", {"UA-48"}),
    ],
)
def test_a_surname_spelt_like_a_city_is_no_region(lang, text, codes):
    assert {k[3] for k in keys(text, lang)} == codes


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a ministry's count with no region, in a report whose claims all lie in one region
        (
            "ru",
            "Минобороны сообщило, что обломки ракеты упали на территорию Брянской области. "
            "Всего три ракеты были сбиты.",
            [("debris", "missile", 1, "RU-BRY"), ("destroyed", "missile", 3, "RU-BRY")],
        ),
        (
            "uk",
            "Повітряні сили повідомили, що уламки ракети впали на території Одеської області. "
            "Загалом три ракети було збито.",
            [("debris", "missile", 1, "UA-51"), ("destroyed", "missile", 3, "UA-51")],
        ),
        (
            "en",
            "The Defense Ministry said debris of a missile fell in the Bryansk region. "
            "In all, three missiles were shot down.",
            [("debris", "missile", 1, "RU-BRY"), ("destroyed", "missile", 3, "RU-BRY")],
        ),
        # ... but a national count beside a governor's claims in his region stays national
        (
            "ru",
            "Минобороны сообщило, что за ночь сбиты 30 беспилотников. Губернатор Брянской "
            "области сообщил, что обломки дрона упали на территорию Брянской области.",
            [("destroyed", "uav", 30, None), ("debris", "uav", 1, "RU-BRY")],
        ),
        (
            "uk",
            "Повітряні сили повідомили, що за ніч збито 30 дронів. Начальник Одеської ОВА "
            "повідомив, що уламки дрона впали на території Одеської області.",
            [("destroyed", "uav", 30, None), ("debris", "uav", 1, "UA-51")],
        ),
        (
            "en",
            "The Defense Ministry said 30 drones were shot down overnight. The governor of the "
            "Bryansk region said debris of a drone fell in the Bryansk region.",
            [("destroyed", "uav", 30, None), ("debris", "uav", 1, "RU-BRY")],
        ),
    ],
)
def test_a_count_with_no_region_in_a_one_region_report(lang, text, expected):
    assert keys(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "code"),
    [
        # "the region" with no name is the one named before it
        (
            "ru",
            "Ночью ВСУ атаковали Курскую область. Над областью сбиты 14 беспилотников.",
            "RU-KRS",
        ),
        ("uk", "Росіяни атакували Дніпропетровщину. Над областю сили ППО збили 14 БпЛА.", "UA-12"),
        ("uk", "Росіяни атакували 6 районів Сумщини. В області збито 14 БпЛА.", "UA-59"),
        (
            "en",
            "Ukraine attacked the Kursk region. Over the oblast, 14 drones were shot down.",
            "RU-KRS",
        ),
    ],
)
def test_the_region_named_before(lang, text, code):
    assert [k[3] for k in keys(text, lang) if k[2] == 14] == [code]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # explosions heard in a town: the town's region is the one of the strike told next
        ("uk", "У Луцьку пролунали вибухи. Внаслідок ракетного удару пошкоджено підприємство."),
        ("ru", "В Луцке прогремели взрывы. В результате ракетного удара повреждено предприятие."),
        ("en", "Explosions were heard in Lutsk. A missile strike damaged an industrial plant."),
    ],
)
def test_explosions_in_a_town_place_what_follows(lang, text):
    assert keys(text, lang) == [
        ("hit", "missile", None, "UA-07"),
        ("damage", "missile", None, "UA-07"),
    ]


@pytest.mark.parametrize(
    ("lang", "text", "code"),
    [
        # a town opening its sentence as the subject of an attack names the region
        ("ru", "Саратов атакован беспилотниками, повреждены окна жилого дома.", "RU-SAR"),
        ("ru", "Энгельс подвергся атаке беспилотников, повреждены окна жилого дома.", "RU-SAR"),
        ("uk", "Павлоград атакували ударні дрони, пошкоджено будинок.", "UA-12"),
        ("uk", "Нова Каховка зазнала атаки дронів, пошкоджено будинок.", "UA-65"),
        ("en", "Izmail came under drone attack overnight, damaging a house.", "UA-51"),
        # after a dateline's dash too
        (
            "en",
            "KYIV, Oct 5 (Reuters) - Izmail came under drone attack overnight, damaging a house.",
            "UA-51",
        ),
    ],
)
def test_a_town_opening_its_sentence_as_the_one_attacked(lang, text, code):
    assert {k[3] for k in keys(text, lang)} == {code}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a shoot-down right after an attack of no count on one region lies over that region
        (
            "uk",
            "Ворог атакував Харківщину ударними БпЛА. Сили ППО знищили 12 ворожих дронів.",
            [("destroyed", "uav", 12, "UA-63")],
        ),
        (
            "uk",
            "Ворог атакував столицю ударними БпЛА. Сили ППО знищили понад 20 ворожих дронів.",
            [("destroyed", "uav", 20, "UA-30")],
        ),
        (
            "ru",
            "ВСУ атаковали Курскую область беспилотниками. Силы ПВО уничтожили 12 дронов.",
            [("destroyed", "uav", 12, "RU-KRS")],
        ),
        (
            "en",
            "Russia attacked the Kharkiv region with drones overnight. Air defences shot down 12 "
            "drones.",
            [("destroyed", "uav", 12, "UA-63")],
        ),
        # a total over the country or another region named stays where it is said to be
        (
            "uk",
            "Ворог атакував Харківщину ударними БпЛА. Загалом по Україні збито 50 дронів.",
            [("destroyed", "uav", 50, None)],
        ),
        (
            "ru",
            "ВСУ атаковали Курскую область беспилотниками. Всего над регионами России уничтожено "
            "40 дронов.",
            [("destroyed", "uav", 40, None)],
        ),
    ],
)
def test_a_shootdown_right_after_an_attack_on_a_region(lang, text, expected):
    assert keys(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a district the text names settles the region when no region is named
        (
            "ru",
            "В Ракитянском районе беспилотник атаковал автомобиль.",
            [("hit", "RU-BEL", ["Ракитянский район"])],
        ),
        (
            "ru",
            "Дрон атаковал машину в Шебекинском городском округе.",
            [("hit", "RU-BEL", ["Шебекинский городской округ"])],
        ),
        # districts listed are named by their adjectives, and frame the sentences after them
        (
            "ru",
            "Ночью уничтожены 8 БПЛА над Лискинским и Острогожским районами. Пострадавших нет.",
            [
                ("destroyed", "RU-VOR", ["Лискинский район", "Острогожский район"]),
                ("casualties", "RU-VOR", []),
            ],
        ),
        # a hromada is Ukrainian: a namesake abroad is no place of the claim
        (
            "uk",
            "Уламки дрона впали у Зеленодольській громаді.",
            [("debris", None, ["Зеленодольська громада"])],
        ),
        (
            "en",
            "A drone hit a car in the Rakityansky district.",
            [("hit", "RU-BEL", ["Rakityansky district"])],
        ),
        (
            "en",
            "Russian forces struck the Nikopol district with FPV drones.",
            [("hit", "UA-12", ["Nikopol district"])],
        ),
        # a line naming only a district heads the claims after it in its paragraph
        (
            "ru",
            "Грайворонский округ. В селе Головчино дрон атаковал легковой автомобиль.",
            [("hit", "RU-BEL", ["Головчино", "Грайворонский округ"])],
        ),
        (
            "uk",
            "Харківський район: \nУ селі Мала Данилівка дрон атакував автомобіль.",
            [("hit", "UA-63", ["Мала Данилівка", "Харківський район"])],
        ),
        # ... and no further than its paragraph
        (
            "ru",
            "Белгородский район. Дрон атаковал автомобиль.\n\nВ Курской области дрон атаковал дом.",
            [("hit", "RU-BEL", ["Белгородский район"]), ("hit", "RU-KRS", [])],
        ),
    ],
)
def test_a_district_places_its_claims(lang, text, expected):
    assert places(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a report naming one region and nobody who speaks: a count with no region lies there
        ("ru", "Ночью ВСУ атаковали Курскую область. Сбито 8 дронов.", [8, "RU-KRS"]),
        ("uk", "Ворог атакував Сумщину.\n— збито 8 дронів;", [8, "UA-59"]),
        (
            "en",
            "Russia attacked the Sumy region overnight.\n- 8 drones were shot down;",
            [8, "UA-59"],
        ),
        # ... but beside a count of that region, one with none is a total
        (
            "ru",
            "Над Курской областью сбиты 3 дрона. Всего за ночь сбиты 40 беспилотников.",
            [40, None],
        ),
    ],
)
def test_a_count_in_the_only_region_named(lang, text, expected):
    counted = [[k[2], k[3]] for k in keys(text, lang) if k[2] == expected[0]]
    assert counted == [expected]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a neighbouring country's county, voivodeship or district, by its ISO 3166-2 code
        (
            "en",
            "Romania's Ministry of National Defence said fragments of a drone were found in "
            "Tulcea county.",
            [("debris", 1, "RO-TL", "RO")],
        ),
        (
            "ru",
            "Минобороны Румынии сообщило, что обломки дрона нашли в уезде Тулча.",
            [("debris", 1, "RO-TL", "RO")],
        ),
        (
            "uk",
            "Міноборони Румунії повідомило, що уламки дрона знайшли в повіті Тульча.",
            [("debris", 1, "RO-TL", "RO")],
        ),
        (
            "en",
            "A drone crashed and exploded in a field in the Lublin province, Poland's "
            "Operational Command said.",
            [("hit", 1, "PL-06", "PL")],
        ),
        (
            "uk",
            "У Люблінському воєводстві зафіксовано падіння і вибух дрона, повідомило Оперативне "
            "командування Польщі.",
            [("hit", 1, "PL-06", "PL")],
        ),
        (
            "en",
            "Moldova's defence ministry said debris of a drone was found near the town of Ocnita.",
            [("debris", 1, "MD-OC", "MD")],
        ),
        (
            "ru",
            "Минобороны Молдовы сообщило, что обломки беспилотника нашли возле города Окница.",
            [("debris", 1, "MD-OC", "MD")],
        ),
        # Belarus's regions by their official names
        (
            "en",
            "Belarus's defence ministry said air defences shot down two drones over the Gomel "
            "region.",
            [("destroyed", 2, "BY-HO", "BY")],
        ),
        (
            "ru",
            "Минобороны Белоруссии сообщило, что над Гомельской областью сбиты два беспилотника.",
            [("destroyed", 2, "BY-HO", "BY")],
        ),
    ],
)
def test_regions_of_neighbouring_countries(lang, text, expected):
    assert [
        (c.claim_type, c.count, c.admin1, c.country) for c in extract(text, lang=lang)
    ] == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Russia attacked Ukraine with missiles and drones overnight. Energy facilities were "
            "hit in the Lviv, Ivano-Frankivsk and Kharkiv regions.",
        ),
        (
            "uk",
            "Росія атакувала Україну ракетами та дронами. Зафіксовано влучання в енергетичні "
            "об'єкти у Львівській, Івано-Франківській та Харківській областях.",
        ),
        (
            "ru",
            "Россия атаковала Украину ракетами и дронами. Зафиксированы попадания во Львовской, "
            "Ивано-Франковской и Харьковской областях.",
        ),
    ],
)
def test_a_claim_with_no_figure_in_listed_regions_is_one_per_region(lang, text):
    """One claim per claimant, type, weapon and region: hits listed in three regions are three."""
    assert [k for k in keys(text, lang) if k[0] == "hit"] == [
        ("hit", "other", None, "UA-46"),
        ("hit", "other", None, "UA-26"),
        ("hit", "other", None, "UA-63"),
    ]


@pytest.mark.parametrize(
    ("lang", "text", "region"),
    [
        (
            "ru",
            "Над Краснодарским краем ночью работала ПВО. По данным Минобороны, над краем сбиты 16 "
            "дронов.",
            "RU-KDA",
        ),
        (
            "uk",
            "Над Краснодарським краєм працювала ППО. За даними Міноборони РФ, над краєм збито 16 "
            "дронів.",
            "RU-KDA",
        ),
        (
            "en",
            "Air defences were active over the Krasnodar krai. Russia's defence ministry said 16 "
            "drones were shot down over the krai.",
            "RU-KDA",
        ),
        (
            "ru",
            "В Татарстане объявили тревогу. Минобороны: над республикой сбиты 5 дронов.",
            "RU-TA",
        ),
    ],
)
def test_the_krai_or_the_republic_is_the_one_named_before(lang, text, region):
    assert [c.admin1 for c in extract(text, lang=lang) if c.claim_type == "destroyed"] == [region]


@pytest.mark.parametrize(
    "text",
    [
        "В селе Казинка Липецкой области сбит беспилотник.",
        "В Казинке Липецкой области сбит беспилотник.",
    ],
)
def test_a_region_with_its_noun_after_a_village_is_no_surname(text):
    assert keys(text, "ru") == [("destroyed", "uav", 1, "RU-LIP")]


@pytest.mark.parametrize(
    ("lang", "text", "claimant"),
    [
        # an oblast seat named alone is its region, for a claim and for a title beside it
        (
            "en",
            "A drone hit a house in Ivano-Frankivsk, the mayor said.",
            "Mayor of Ivano-Frankivsk",
        ),
        (
            "en",
            "A missile hit a school in Sloviansk, the governor said.",
            "Head of Donetsk Oblast Military Administration",
        ),
        (
            "ru",
            "Беспилотник попал в дом в Ивано-Франковске, сообщил мэр.",
            "Mayor of Ivano-Frankivsk",
        ),
        ("ru", "Ракета попала в школу в Тернополе, сообщил мэр.", "Mayor of Ternopil"),
        (
            "uk",
            "Дрон влучив у будинок в Івано-Франківську, повідомив мер.",
            "Mayor of Ivano-Frankivsk",
        ),
    ],
)
def test_an_oblast_seat_named_alone_is_its_region(lang, text, claimant):
    claims = extract(text, lang=lang)
    assert [c.claimant for c in claims] == [claimant]


@pytest.mark.parametrize(
    ("lang", "text", "code"),
    [
        # the pronoun as the subject of a shoot-down points back to the launch, as "все они"
        (
            "ru",
            "ВСУ атаковали Брянскую область 12 беспилотниками. Силами ПВО они уничтожены.",
            "RU-BRY",
        ),
        ("uk", "Ворог атакував Сумщину 12 дронами. Вони були збиті силами ППО.", "UA-59"),
    ],
)
def test_they_were_downed_lie_where_they_were_launched(lang, text, code):
    assert keys(text, lang) == [("launched", "uav", 12, code), ("destroyed", "uav", 12, code)]
