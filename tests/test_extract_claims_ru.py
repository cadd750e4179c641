"""Russian constructions -> claims (claim_type, weapon, count, admin1). Sentences written for these tests."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from extract_helpers import casualties, keys, places
from skyledger.extract import extract

MSK = timezone(timedelta(hours=3))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # verb first
        (
            "Дежурными средствами ПВО уничтожены пять украинских беспилотников над Орловской областью.",
            [("destroyed", "uav", 5, "RU-ORL")],
        ),
        # noun first
        (
            "Пять беспилотников сбиты над Орловской областью, сообщило Минобороны.",
            [("destroyed", "uav", 5, "RU-ORL")],
        ),
        # singular with no numeral is one
        ("Над Смоленской областью уничтожен украинский БПЛА.", [("destroyed", "uav", 1, "RU-SMO")]),
        ("Беспилотник сбит над Тверской областью.", [("destroyed", "uav", 1, "RU-TVE")]),
        # colloquial region names
        ("Над Брянщиной сбиты три дрона.", [("destroyed", "uav", 3, "RU-BRY")]),
        ("В Подмосковье перехвачены два беспилотника.", [("destroyed", "uav", 2, "RU-MOS")]),
        # Crimea is Ukraine's UA-43
        ("Над Крымом уничтожены шесть беспилотников.", [("destroyed", "uav", 6, "UA-43")]),
        # a vague count is null
        (
            "Над Курской областью сбиты несколько беспилотников.",
            [("destroyed", "uav", None, "RU-KRS")],
        ),
        # debris of one of the weapons counted before is the debris of one
        (
            "Ночью над Курской областью сбиты семь дронов. Обломки одного из них упали на "
            "территорию склада.",
            [("destroyed", "uav", 7, "RU-KRS"), ("debris", "uav", 1, "RU-KRS")],
        ),
        (
            "Над Липецкой областью уничтожены беспилотники. Обломки одного из них повредили забор.",
            [
                ("destroyed", "uav", None, "RU-LIP"),
                ("debris", "uav", 1, "RU-LIP"),
                ("damage", "uav", None, "RU-LIP"),
            ],
        ),
        # a count of houses after a district is no count of the frame's drones
        (
            "Над Белгородской областью сбиты 10 дронов. В Белгородском районе повреждены три "
            "многоэтажных дома.",
            [("destroyed", "uav", 10, "RU-BEL"), ("damage", "uav", None, "RU-BEL")],
        ),
        # a missile
        (
            "Над Белгородской областью перехвачены две ракеты.",
            [("destroyed", "missile", 2, "RU-BEL")],
        ),
        # a drone shot down before it went off is debris, not a shoot-down and a strike
        (
            "В поселке Разумное Белгородского района в результате детонации сбитого беспилотника "
            "повреждено остекление дома.",
            [("debris", "uav", 1, "RU-BEL"), ("damage", "uav", None, "RU-BEL")],
        ),
        (
            "В Белгороде сбитый беспилотник сдетонировал, повреждены окна дома.",
            [("debris", "uav", 1, "RU-BEL"), ("damage", "uav", None, "RU-BEL")],
        ),
        # words of the first weapon's kind between two counts joined by "и": the region leads both
        (
            "Над Белгородской областью сбиты две ракеты большой дальности и 16 беспилотников.",
            [("destroyed", "missile", 2, "RU-BEL"), ("destroyed", "uav", 16, "RU-BEL")],
        ),
        # one more of those just counted fell: debris of one
        (
            "Над Чувашией сбиты два беспилотника, еще один упал на территории промзоны.",
            [("destroyed", "uav", 2, "RU-CU"), ("debris", "uav", 1, "RU-CU")],
        ),
    ],
)
def test_sentences(text, expected):
    assert keys(text, "ru") == expected


def test_breakdown_with_total_sea_and_distributive():
    text = (
        "Дежурными средствами ПВО перехвачены и уничтожены 19 украинских беспилотников.\n"
        "Девять — над Рязанской областью, четыре — над Липецкой, по два — над Тамбовской "
        "и Пензенской областями, а также два — над акваторией Азовского моря."
    )
    claims = extract(text, lang="ru")
    assert [(c.count, c.admin1) for c in claims] == [
        (19, None),
        (9, "RU-RYA"),
        (4, "RU-LIP"),
        (2, "RU-TAM"),
        (2, "RU-PNZ"),
        (2, None),
    ]
    total = claims[0]
    assert all(c.parent == total.id for c in claims[1:])
    assert total.country is None  # a sea among the parts
    assert claims[-1].places[0].normal == "Азовское море"
    assert total.claimant == "Russian Ministry of Defense"


def test_bulleted_lines_and_subcount():
    text = (
        "С 10:00 до 14:00 мск средства ПВО уничтожили 15 украинских беспилотников:\n"
        "▪️ 9 — над территорией Московского региона, в том числе 3, летевших на Москву;\n"
        "▪️ 6 — над территорией Калужской области."
    )
    claims = extract(text, lang="ru", published=datetime(2025, 6, 1, 16, 0, tzinfo=MSK))
    assert [(c.count, c.admin1) for c in claims] == [(15, None), (9, "RU-MOS"), (6, "RU-KLU")]
    assert claims[0].country == "RU"
    assert claims[0].window_start == datetime(2025, 6, 1, 10, 0, tzinfo=MSK)
    assert claims[0].window_end == datetime(2025, 6, 1, 14, 0, tzinfo=MSK)


def test_total_recomputed_from_breakdown():
    text = (
        "Минобороны: дежурными средствами ПВО перехвачены беспилотники самолетного типа:\n"
        "• пять БПЛА — над территорией Курской области;\n"
        "• три БПЛА — над территорией Воронежской области."
    )
    claims = extract(text, lang="ru")
    assert [(c.count, c.admin1, c.parent) for c in claims] == [
        (8, None, None),
        (5, "RU-KRS", "c0"),
        (3, "RU-VOR", "c0"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("По словам губернатора, пострадавших нет.", [(0, 0)]),
        ("В результате атаки погибла женщина и пострадал мужчина.", [(1, 1)]),
        ("Ранены пять человек.", [(None, 5)]),
        ("Погибли двое мирных жителей, трое ранены.", [(2, 3)]),
        ("Погиб 58-летний мужчина, ранены двое мирных жителей.", [(1, 2)]),
        # a second clause's own figure, with no noun: "ещё" marks it as more people
        ("Погиб один человек, ещё 12 получили ранения.", [(1, 12)]),
        ("Погиб мужчина, еще трое получили ранения.", [(1, 3)]),
        ("Ранены двое мирных жителей, ещё трое госпитализированы.", [(None, 5)]),
        # "ещё" before a weapon counts no people
        ("Погиб один человек, ещё 12 беспилотников сбиты над областью.", [(1, None)]),
    ],
)
def test_casualties(text, expected):
    assert casualties("Беспилотник атаковал Белгородскую область. " + text, "ru") == expected


def test_governor_claimant_damage_and_places():
    text = (
        "Губернатор Брянской области Александр Богомаз сообщил, что над Брянским районом "
        "уничтожен беспилотник. В селе Глинищево повреждены два частных дома, пострадавших нет."
    )
    claims = extract(text, lang="ru")
    assert [(c.claim_type, c.admin1) for c in claims] == [
        ("destroyed", "RU-BRY"),
        ("damage", "RU-BRY"),
        ("casualties", "RU-BRY"),
    ]
    assert {c.claimant for c in claims} == {"Governor of Bryansk Oblast Alexander Bogomaz"}
    assert [p.normal for p in claims[0].places] == ["Брянский район"]
    assert [p.normal for p in claims[1].places] == ["Глинищево"]


def test_debris_of_one_downed_drone_is_not_a_second_claim():
    text = "Губернатор Орловской области: обломки сбитого беспилотника упали на крышу склада."
    assert keys(text, "ru") == [("debris", "uav", 1, "RU-ORL")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the fall of a drone is debris: one when "one of", null when the number is unclear
        (
            "В Курской области при падении одного из беспилотников повреждена крыша склада.",
            [("debris", "uav", 1, "RU-KRS"), ("damage", "uav", None, "RU-KRS")],
        ),
        (
            "В результате падения БПЛА в Тверской области загорелся сарай.",
            [("debris", "uav", None, "RU-TVE"), ("damage", "uav", None, "RU-TVE")],
        ),
        # debris of drones, then of one of them: how many in all is still unknown
        (
            "В Курске упали обломки беспилотников. Обломки одного дрона повредили крышу гаража.",
            [("debris", "uav", None, "RU-KRS"), ("damage", "uav", None, "RU-KRS")],
        ),
        # damage told by a gerund
        (
            "Обломки дрона упали на жилой дом в Курске, повредив окна.",
            [("debris", "uav", 1, "RU-KRS"), ("damage", "uav", None, "RU-KRS")],
        ),
        # a whole drone that fell, noun first and verb first
        (
            "Беспилотник упал на территории промзоны в Липецкой области.",
            [("debris", "uav", 1, "RU-LIP")],
        ),
        (
            "Во дворе частного дома в Смоленской области упал украинский дрон.",
            [("debris", "uav", 1, "RU-SMO")],
        ),
        # "БПЛА" after debris tells no number: the debris of the one drone downed before it
        (
            "Над Тульской областью сбит беспилотник. В Ефремове обломки БПЛА упали во двор.",
            [("destroyed", "uav", 1, "RU-TUL"), ("debris", "uav", 1, "RU-TUL")],
        ),
        (
            "Над Тульской областью сбиты три беспилотника. В Ефремове обломки БПЛА упали во двор.",
            [("destroyed", "uav", 3, "RU-TUL"), ("debris", "uav", None, "RU-TUL")],
        ),
    ],
)
def test_fallen_drones_are_debris(text, expected):
    assert keys(text, "ru") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Минобороны планирует закупить 500 беспилотников в следующем году.",  # a plan
        "Противник может атаковать Курскую область беспилотниками ночью.",  # a possibility
        "Ночью возможны атаки беспилотников на Белгородскую область.",  # a possibility
        "Завод выпустил 300 беспилотников за месяц.",  # production
        "Предприятие производит тысячи беспилотников.",  # production
        "Обломков беспилотника у Галаца пока не обнаружено.",  # a find denied
        "Всего с начала специальной военной операции уничтожено 40 000 беспилотников.",  # a running total
        "Всего за время проведения операции сбиты 600 самолетов и 40 000 беспилотников.",
        "Завод наладил производство беспилотников для ударов по тылу.",  # production, not a strike
        "Часть беспилотников закупят для армии.",  # a share of drones, not their parts
        # a test launch: the missile started and struck a target on a test range
        "Минобороны провело испытательный пуск межконтинентальной баллистической ракеты. "
        "Ракета стартовала из Плесецка и поразила цель на полигоне Кура.",
    ],
)
def test_non_claims(text):
    assert keys(text, "ru") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a night's or a day's running total is a claim, not a war's
        (
            "Отражена атака двух беспилотников, летевших на Москву. Всего с начала ночи сбиты 11 "
            "дронов, летевших на столицу.",
            [("destroyed", "uav", 2, "RU-MOW"), ("destroyed", "uav", 11, "RU-MOW")],
        ),
        (
            "Всего с начала суток над регионами России уничтожены 40 беспилотников.",
            [("destroyed", "uav", 40, None)],
        ),
    ],
)
def test_running_totals_of_a_night(text, expected):
    assert keys(text, "ru") == expected


def test_attack_on_a_production_site_is_a_claim():
    text = "Два беспилотника атаковали производственный цех в Тульской области."
    assert keys(text, "ru") == [("launched", "uav", 2, "RU-TUL")]


def test_a_weapons_origin_is_no_production():
    text = (
        "Над Белгородской областью сбиты две ракеты ATACMS американского производства и 16 "
        "беспилотников."
    )
    assert keys(text, "ru") == [
        ("destroyed", "missile", 2, "RU-BEL"),
        ("destroyed", "uav", 16, "RU-BEL"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an attack that injured people or damaged something is a hit
        (
            "В результате атаки беспилотника в Курской области ранены два человека.",
            [("hit", "uav", None, "RU-KRS"), ("casualties", "uav", None, "RU-KRS")],
        ),
        # damage from the attack makes it a hit as well (guideline: damage or injuries)
        (
            "Атака дронов на Белгородскую область: повреждены два дома.",
            [("damage", "uav", None, "RU-BEL"), ("hit", "uav", None, "RU-BEL")],
        ),
        (
            "В результате атаки беспилотников на Липецкую область повреждена крыша склада.",
            [("damage", "uav", None, "RU-LIP"), ("hit", "uav", None, "RU-LIP")],
        ),
        # no damage said: no hit
        ("Атака беспилотников на Курскую область обошлась без повреждений.", []),
    ],
)
def test_attacks_that_harmed_people_are_hits(text, expected):
    assert keys(text, "ru") == expected


def test_no_hits_said():
    text = "По словам губернатора, в результате атаки дронов на Курск пострадавших нет, попаданий в жилые дома не было."
    assert keys(text, "ru") == [("casualties", "uav", None, "RU-KRS")]


@pytest.mark.parametrize(
    "text",
    [
        "МО: над Курской областью уничтожены два БПЛА.",
        "Сводка МО РФ: над Курской областью уничтожены два БПЛА.",
        "В результате удара беспилотника по Курской области минобороны сообщило о двух сбитых БПЛА.",
    ],
)
def test_ministry_abbreviations(text):
    assert {c.claimant for c in extract(text, lang="ru")} == {"Russian Ministry of Defense"}


def test_strikes_of_unknown_number_stay_unknown():
    text = (
        "В результате ударов беспилотников по Белгородской области повреждены дома. "
        "В селе Муром дрон попал в сарай."
    )
    assert keys(text, "ru") == [("hit", "uav", None, "RU-BEL"), ("damage", "uav", None, "RU-BEL")]


def test_an_office_named_in_passing_is_no_claimant():
    text = (
        "Губернатор Гладков сообщил, что беспилотник ударил по Шебекино. Ремонт начнут по "
        "согласованию с Минобороны России. В селе Муром дрон повредил дом."
    )
    claims = extract(text, lang="ru")
    assert [c.claim_type for c in claims] == ["hit", "damage"]
    assert {c.claimant for c in claims} == {"Governor of Belgorod Oblast Vyacheslav Gladkov"}


def test_evidence_spans_point_into_the_text():
    text = "Над Калужской областью уничтожены семь беспилотников, сообщило Минобороны России."
    claim = extract(text, lang="ru")[0]
    assert text[slice(*claim.evidence["count"])] == "семь"
    assert text[slice(*claim.evidence["weapon"])] == "беспилотников"
    assert text[slice(*claim.evidence["admin1"])] == "Калужской"
    assert text[slice(*claim.evidence["claimant"])] == "Минобороны"
    assert claim.region_text == "Калужской"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a town with no region stated: the gazetteer knows one Погар, in Bryansk Oblast
        (
            "В ночь на 5 марта противник атаковал Погар ударными беспилотниками.",
            [("hit", "RU-BRY", ["Погар"])],
        ),
        ("Беспилотник сбит над Льговом.", [("destroyed", "RU-KRS", ["Льгов"])]),
        ("Дрон ударил по Шебекино.", [("hit", "RU-BEL", ["Шебекино"])]),
        # the region stated: the town is still a place of the claim
        (
            "Над Сасово Рязанской области сбиты два беспилотника.",
            [("destroyed", "RU-RYA", ["Сасово"])],
        ),
        # a town of 30,000 and a village a tenth its size share the name: no region
        ("Беспилотник сбит над Сасово.", [("destroyed", None, ["Сасово"])]),
        ("Обломки беспилотника упали в Кирове.", [("debris", None, ["Киров"])]),
        # a city of 225,000 whose name a town of 11,000 also carries: the city
        ("Дрон попал в дом в Кременчуге.", [("hit", "UA-53", ["Кременчуг"])]),
        # a regional capital is a place too
        ("В Курске беспилотник попал в жилой дом.", [("hit", "RU-KRS", ["Курск"])]),
        # a region named earlier in the report: the town is looked up there
        (
            "Над Брянской областью сбиты три беспилотника. Ещё один дрон сбит над Погаром.",
            [("destroyed", "RU-BRY", []), ("destroyed", "RU-BRY", ["Погар"])],
        ),
        # a governor speaks of his region: a town of that name elsewhere is not his
        (
            "Губернатор Белгородской области сообщил, что в Муроме дрон повредил крышу.",
            [("hit", "RU-BEL", []), ("damage", "RU-BEL", [])],  # one drone that damaged: a hit
        ),
        (
            "Губернатор Курской области сообщил, что в Льгове дрон повредил автомобиль.",
            [("hit", "RU-KRS", ["Льгов"]), ("damage", "RU-KRS", ["Льгов"])],
        ),
        # capitalised words that name no place
        (
            "В Минобороны сообщили, что над Брянской областью сбиты три беспилотника.",
            [("destroyed", "RU-BRY", [])],
        ),
        # a launch site is neither a place nor the region of the claim
        (
            "Противник запустил 30 беспилотников из Курской области.",
            [("launched", None, [])],
        ),
    ],
)
def test_towns_named_without_a_cue_word(text, expected):
    assert places(text, "ru") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "по N" over regions joined by "и", the regions first; the next clause's region is its own
        (
            "Над Орловской областью и Ростовской областью уничтожены по 14 беспилотников, "
            "над Московским регионом — ещё 19, говорится в сводке Минобороны России.",
            [(14, "RU-ORL", None), (14, "RU-ROS", None), (19, "RU-MOS", None)],
        ),
        (
            "Над Орловской и Ростовской областями уничтожены по 14 беспилотников, "
            "над Московским регионом — ещё 19.",
            [(14, "RU-ORL", None), (14, "RU-ROS", None), (19, "RU-MOS", None)],
        ),
        # not distributive: the same order of clauses
        (
            "Над Курской областью уничтожены семь беспилотников, над Брянской — ещё три.",
            [(7, "RU-KRS", None), (3, "RU-BRY", None)],
        ),
        # under a header with no total: the total is their sum, each line points at it
        (
            "Минобороны: дежурными средствами ПВО перехвачены беспилотники самолетного типа:\n"
            "• по 14 — над Орловской и Ростовской областями;\n"
            "• 19 — над Московским регионом.",
            [(47, None, None), (14, "RU-ORL", "c0"), (14, "RU-ROS", "c0"), (19, "RU-MOS", "c0")],
        ),
    ],
)
def test_distributive_over_joined_regions(text, expected):
    assert [(c.count, c.admin1, c.parent) for c in extract(text, lang="ru")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # requests, appeals, advice and assessments to come claim nothing
        (
            "Над Курской областью сбит беспилотник. Жителей просят сообщать об обнаруженных "
            "обломках по телефону 112.",
            [("destroyed", "uav", 1, "RU-KRS")],
        ),
        (
            "Над Курской областью сбит беспилотник. Власти призвали жителей не подходить к "
            "фрагментам.",
            [("destroyed", "uav", 1, "RU-KRS")],
        ),
        (
            "Над Курской областью сбит беспилотник. При обнаружении обломков звоните 112.",
            [("destroyed", "uav", 1, "RU-KRS")],
        ),
        (
            "Беспилотник ударил по Курску. Комиссия оценит повреждения жилых домов.",
            [("hit", "uav", 1, "RU-KRS")],
        ),
        # inspections and aid to come, anywhere in their clause
        (
            "Беспилотник ударил по Курску. Поврежденные дома обследует комиссия, жильцам "
            "поврежденных квартир окажут помощь.",
            [("hit", "uav", 1, "RU-KRS")],
        ),
        # the debris found is claimed; the request after it is not
        (
            "Над Курской областью сбит беспилотник. Его обломки найдены в поле, жителей просят "
            "не подходить к ним.",
            [("destroyed", "uav", 1, "RU-KRS"), ("debris", "uav", 1, "RU-KRS")],
        ),
    ],
)
def test_requests_and_advice_are_no_claims(text, expected):
    assert keys(text, "ru") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sentence with no region after one that moved to another region than the speaker's
        (
            "Мэр Москвы сообщил, что на подлете к Москве сбиты два беспилотника. А в Калуге "
            "обломки упали на крышу дома. Кроме того, повреждены два автомобиля.",
            [
                ("destroyed", "uav", 2, "RU-MOW"),
                ("debris", "uav", None, "RU-KLU"),
                ("damage", "uav", None, "RU-KLU"),
            ],
        ),
        # ... unless the speaker is named again
        (
            "Губернатор Курской области сообщил, что над Белгородом сбит беспилотник. "
            "Губернатор Курской области добавил, что повреждены два дома.",
            [("destroyed", "uav", 1, "RU-BEL"), ("damage", "uav", None, "RU-KRS")],
        ),
    ],
)
def test_the_region_a_report_moved_on_to(text, expected):
    assert keys(text, "ru") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a strike named by its weapon's adjective: a missile hit, no count
        ("Ночью ВСУ нанесли ракетный удар по Белгороду.", [("hit", "missile", None, "RU-BEL")]),
        (
            "По Курску нанесён ракетный удар, предположительно ракетой ATACMS.",
            [("hit", "missile", 1, "RU-KRS")],
        ),
    ],
)
def test_missile_strike_adjective(text, expected):
    assert keys(text, "ru") == expected


def test_mixed_means_without_figure():
    text = (
        "Ночью противник атаковал Белгородскую область ракетами и беспилотниками. Есть попадания "
        "и падение обломков. Повреждён частный дом."
    )
    assert keys(text, "ru") == [
        ("hit", "other", None, "RU-BEL"),
        ("debris", "other", None, "RU-BEL"),
        ("damage", "other", None, "RU-BEL"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a site that "suffered" was damaged; people who suffered were hurt
        (
            "В результате атаки беспилотника в Курской области пострадало предприятие.",
            [("damage", "uav", None, "RU-KRS"), ("hit", "uav", None, "RU-KRS")],
        ),
        (
            "В результате атаки беспилотника в Курской области пострадали три человека.",
            [("hit", "uav", None, "RU-KRS"), ("casualties", "uav", None, "RU-KRS")],
        ),
        # no damage said before the harmed: no damage claim
        (
            "Над Курской областью сбиты семь дронов. Повреждений и пострадавших нет.",
            [("destroyed", "uav", 7, "RU-KRS"), ("casualties", "uav", None, "RU-KRS")],
        ),
        (
            "Над Курской областью сбиты семь дронов. Повреждений и жертв не зафиксировано.",
            [("destroyed", "uav", 7, "RU-KRS"), ("casualties", "uav", None, "RU-KRS")],
        ),
        (
            "Над Курской областью сбиты семь дронов. Обошлось без пострадавших и разрушений.",
            [("destroyed", "uav", 7, "RU-KRS"), ("casualties", "uav", None, "RU-KRS")],
        ),
        # no information on destruction is no damage
        (
            "Попаданий нет, информации о разрушениях и пострадавших не поступало, сообщили в "
            "Минобороны. Ночью сбито 20 беспилотников.",
            [("casualties", "other", None, None), ("destroyed", "uav", 20, None)],
        ),
        # air targets recorded with their figure were launched
        (
            "За сутки над Белгородской областью зафиксировано 20 воздушных целей.",
            [("launched", "other", 20, "RU-BEL")],
        ),
        # drones "aimed at" a region were launched
        (
            "За неделю 300 беспилотников были нацелены на Курскую область, сообщил губернатор.",
            [("launched", "uav", 300, "RU-KRS")],
        ),
    ],
)
def test_no_damage_information_and_aimed_drones(text, expected):
    assert keys(text, "ru") == expected


def test_damage_being_clarified_is_no_damage():
    text = "Противник атаковал Курск беспилотниками. Информация о повреждениях уточняется."
    assert [k for k in keys(text, "ru") if k[0] == "damage"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a destroyed house is damage, not a shoot-down; a place named like a house is no house
        (
            "В результате удара дрона по Белгороду уничтожен частный дом.",
            [("hit", "uav", 1, "RU-BEL"), ("damage", "uav", None, "RU-BEL")],
        ),
        ("Над Домодедово уничтожены два беспилотника.", [("destroyed", "uav", 2, "RU-MOS")]),
        # the shell-shocked are injured
        (
            "В результате атаки беспилотников на Курск контужены два человека.",
            [("hit", "uav", None, "RU-KRS"), ("casualties", "uav", None, "RU-KRS")],
        ),
        # houses and cars that "suffered" are damaged, no one is hurt
        (
            "В Крыму сбили беспилотник. В результате падения аппарата пострадали три дома и два "
            "автомобиля.",
            [
                ("destroyed", "uav", 1, "UA-43"),
                ("debris", "uav", 1, "UA-43"),
                ("damage", "uav", None, "UA-43"),
            ],
        ),
        # people of a house who suffered are hurt, the house is not said to be damaged
        (
            "При атаке беспилотника на Белгород пострадали двое жителей дома.",
            [("hit", "uav", None, "RU-BEL"), ("casualties", "uav", None, "RU-BEL")],
        ),
        # an aircraft (летательный аппарат) that fell is debris
        (
            "Беспилотник подавили средства РЭБ над Тульской областью. Летательный аппарат упал "
            "недалеко от дома.",
            [("destroyed", "uav", 1, "RU-TUL"), ("debris", "uav", 1, "RU-TUL")],
        ),
    ],
)
def test_damage_and_harm_words(text, expected):
    assert keys(text, "ru") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a strike suffered, a drone that flew into a building
        (
            "Энергетическая инфраструктура Белгорода подверглась удару беспилотников.",
            [("hit", "uav", None, "RU-BEL")],
        ),
        ("Беспилотник влетел в многоэтажку в Курске.", [("hit", "uav", 1, "RU-KRS")]),
        # one more drone that fell
        (
            "Ещё один беспилотник упал на территории частного дома в Курской области.",
            [("debris", "uav", 1, "RU-KRS")],
        ),
        # a drone that landed by itself is debris
        (
            "В Курской области беспилотник приземлился на территории частного дома.",
            [("debris", "uav", 1, "RU-KRS")],
        ),
    ],
)
def test_strike_words(text, expected):
    assert keys(text, "ru") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline with no region, then the same figure placed: one claim, the governor's
        (
            "Над российским регионом сбиты два беспилотника\n\n"
            "Губернатор Миляев: над Тульской областью сбиты два беспилотника ВСУ",
            [("destroyed", "uav", 2, "RU-TUL", "Governor of Tula Oblast Dmitry Milyaev")],
        ),
        # a national total and a regional part differ: both stay
        (
            "Над регионами России сбиты 54 беспилотника\n\n"
            "Минобороны: над Тульской областью сбиты два беспилотника",
            [
                ("destroyed", "uav", 54, None, "Russian Ministry of Defense"),
                ("destroyed", "uav", 2, "RU-TUL", "Russian Ministry of Defense"),
            ],
        ),
    ],
)
def test_headline_figure_placed_by_the_next_line(text, expected):
    assert [
        (c.claim_type, c.weapon, c.count, c.admin1, c.claimant) for c in extract(text, lang="ru")
    ] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "все беспилотники" в предложении о сбитии: те, что сосчитаны раньше
        (
            "Губернатор сообщил, что три беспилотника атаковали Курскую область. "
            "Силы ПВО сбили все беспилотники.",
            [("launched", "uav", 3, "RU-KRS"), ("destroyed", "uav", 3, "RU-KRS")],
        ),
        (
            "Губернатор сообщил, что над Курской областью силы ПВО сбили эти беспилотники.",
            [("destroyed", "uav", None, "RU-KRS")],
        ),
        (
            "Губернатор сообщил, что три беспилотника атаковали Курскую область. "
            "Силы ПВО их сбили.",
            [("launched", "uav", 3, "RU-KRS"), ("destroyed", "uav", 3, "RU-KRS")],
        ),
    ],
)
def test_the_weapons_counted_before(text, expected):
    assert keys(text, "ru") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the object before "подверглись удару" or after it: a hit of the report's weapon
        (
            "Над Новороссийском сбиты пять беспилотников. Удару подверглись нефтебаза и порт.",
            [("destroyed", "uav", 5, "RU-KDA"), ("hit", "uav", None, "RU-KDA")],
        ),
        (
            "Над Новороссийском сбиты пять беспилотников. Нефтебаза подверглась удару.",
            [("destroyed", "uav", 5, "RU-KDA"), ("hit", "uav", None, "RU-KDA")],
        ),
        # "беспилотная воздушная атака" is by drones, not of mixed means
        (
            "В Новороссийске объявлена беспилотная воздушная атака. Удару подверглась нефтебаза.",
            [("hit", "uav", None, "RU-KDA")],
        ),
    ],
)
def test_struck_objects_and_drone_air_attacks(text, expected):
    assert keys(text, "ru") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a village named like a short adjective ("Теткино") agrees with no weapon after it
        (
            "ВСУ атаковали Теткино дронами, повреждены две хозпостройки.",
            [("hit", "uav", None, "RU-KRS"), ("damage", "uav", None, "RU-KRS")],
        ),
        # an adjective opening the sentence still does
        ("Украинский БПЛА сбит над Брянском.", [("destroyed", "uav", 1, "RU-BRY")]),
    ],
)
def test_a_place_name_before_the_weapon_is_no_adjective(text, expected):
    assert keys(text, "ru") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a strike named with its weapon, as a list of districts gives it: a hit, several
        # bombs told by the plural ending even of an abbreviation
        ("Суджанский район: удар КАБами.", [("hit", "glide_bomb", None, "RU-KRS")]),
        ("В Суджанском районе удар КАБом.", [("hit", "glide_bomb", 1, "RU-KRS")]),
        ("Белгородский район: удары FPV-дронами.", [("hit", "uav", None, "RU-BEL")]),
    ],
)
def test_a_strike_named_with_its_weapon(text, expected):
    assert keys(text, "ru") == expected


def test_a_headline_drone_in_the_singular_counted_by_the_body():
    # the headline's singular names the kind; the body counts it: one claim of two
    text = (
        "Беспилотник попал в дом в Курчатове\n\n"
        "Губернатор сообщил, что два беспилотника попали в жилой дом в Курчатове."
    )
    assert keys(text, "ru") == [("hit", "uav", 2, "RU-KRS")]


def test_a_makers_plant_struck_is_a_target():
    text = "Ракета попала в завод производителя мебели в Ужгороде."
    assert keys(text, "ru") == [("hit", "missile", 1, "UA-21")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a drone suppressed or shot down that went off as it fell: its debris, no strike
        (
            "В Курске беспилотник был подавлен средствами РЭБ и сдетонировал при падении, "
            "повреждена кровля.",
            [
                ("destroyed", "uav", 1, "RU-KRS"),
                ("damage", "uav", None, "RU-KRS"),
                ("debris", "uav", 1, "RU-KRS"),
            ],
        ),
        # "Он добавил": a speaker, not the weapon falling
        (
            "Над Ленинградской областью ночью сбиты три беспилотника. Он добавил, что в Киришах "
            "упали обломки.",
            [("destroyed", "uav", 3, "RU-LEN"), ("debris", "uav", None, "RU-LEN")],
        ),
    ],
)
def test_downed_drones_that_went_off_and_speakers_pronouns(text, expected):
    assert keys(text, "ru") == expected


def test_an_attack_on_a_city_shot_down_whose_debris_did_the_harm_is_no_strike():
    text = (
        "Ночью враг атаковал Киев баллистическими ракетами, сообщил мэр Виталий Кличко. Силы ПВО "
        "сбили все ракеты. В Печерском районе обломки упали на офисный центр, выбиты окна."
    )
    assert sorted(c.claim_type for c in extract(text, lang="ru")) == [
        "damage",
        "debris",
        "destroyed",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a town attacked with FPV drones: their strike, apart from a raid's
        (
            "ВСУ атаковали поселок Климово при помощи FPV-дронов, ранен мужчина.",
            [("hit", "FPV", None), ("casualties", None, 1)],
        ),
        # people named by their work are people hurt
        (
            "В Судже дрон атаковал машину скорой помощи, ранен фельдшер.",
            [("hit", None, None), ("casualties", None, 1)],
        ),
    ],
)
def test_fpv_strikes_on_towns_and_people_by_their_work(text, expected):
    found = [(c.claim_type, c.model, c.injured) for c in extract(text, lang="ru")]
    assert found == expected


def test_more_downed_by_electronic_warfare_are_no_part_of_the_count_before():
    text = (
        "Над территорией Брянской области уничтожены 14 БПЛА, сообщил губернатор Александр "
        "Богомаз. Ещё два беспилотника подавлены средствами РЭБ над Климовским районом."
    )
    assert keys(text, "ru") == [
        ("destroyed", "uav", 14, "RU-BRY"),
        ("destroyed", "uav", 2, "RU-BRY"),
    ]


def test_the_attack_of_one_drone_then_its_strike_is_one():
    text = (
        "В Белгороде в результате атаки беспилотника пострадали два человека\n\nВ Белгороде "
        "беспилотник ударил по легковому автомобилю."
    )
    assert keys(text, "ru")[0] == ("hit", "uav", 1, "RU-BEL")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a weapon that entered a neighbour's airspace was sent there: a launch, in that country
        (
            "Минобороны Румынии сообщило, что беспилотник нарушил воздушное пространство страны.",
            [("launched", "uav", 1, "RO")],
        ),
        (
            "Два дрона залетели в воздушное пространство Молдовы, сообщило Минобороны республики.",
            [("launched", "uav", 2, "MD")],
        ),
    ],
)
def test_weapons_that_entered_a_neighbours_airspace(text, expected):
    claims = extract(text, lang="ru")
    assert [(c.claim_type, c.weapon, c.count, c.country) for c in claims] == expected


def test_most_of_which_were_shot_down():
    text = "Противник выпустил 60 дронов, большинство из которых сбиты, сообщили Воздушные силы Украины."
    assert keys(text, "ru") == [("launched", "uav", 60, None), ("destroyed", "uav", None, None)]
