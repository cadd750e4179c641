"""Ukrainian constructions -> claims (claim_type, weapon, count, admin1). Sentences written for these tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from extract_helpers import casualties, keys, places
from skyledger.extract import extract


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # verb first, noun first
        ("Над Полтавщиною збито сім ворожих безпілотників.", [("destroyed", "uav", 7, "UA-53")]),
        ("Сім ворожих безпілотників збито над Полтавщиною.", [("destroyed", "uav", 7, "UA-53")]),
        # singular with no numeral is one
        ("Над Київщиною знищено ворожий безпілотник.", [("destroyed", "uav", 1, "UA-32")]),
        # "знешкоджено" (neutralised) is destroyed
        (
            "Над Київщиною знешкоджено 14 ворожих БпЛА.",
            [("destroyed", "uav", 14, "UA-32")],
        ),
        # official region name in the locative
        ("У Черкаській області сили ППО знищили три дрони.", [("destroyed", "uav", 3, "UA-71")]),
        # debris of one of the weapons counted before is the debris of one
        (
            "Над Черкащиною збили чотири дрони. Уламки одного з них упали на поле.",
            [("destroyed", "uav", 4, "UA-71"), ("debris", "uav", 1, "UA-71")],
        ),
        (
            "Сили ППО збили над Вінниччиною ворожі БпЛА. Уламки одного із них пошкодили склад.",
            [
                ("destroyed", "uav", None, "UA-05"),
                ("debris", "uav", 1, "UA-05"),
                ("damage", "uav", None, "UA-05"),
            ],
        ),
        # a count of houses after a district is no count of the frame's drones
        (
            "Над Київщиною збито 10 дронів. У Бучанському районі пошкоджено три "
            "багатоповерхові будинки.",
            [("destroyed", "uav", 10, "UA-32"), ("damage", "uav", None, "UA-32")],
        ),
        (
            "Над Київщиною збито 10 дронів. Внаслідок падіння уламків у Броварському районі "
            "пошкоджено два приватні будинки.",
            [
                ("destroyed", "uav", 10, "UA-32"),
                ("damage", "uav", None, "UA-32"),
                ("debris", "uav", None, "UA-32"),
            ],
        ),
        # a hit by one drone in a city
        ("У Харкові безпілотник влучив у житловий будинок.", [("hit", "uav", 1, "UA-63")]),
        # a glide bomb strike
        ("Ворог скинув чотири КАБи на Запоріжжя.", [("launched", "glide_bomb", 4, "UA-23")]),
        # a drone shot down before it went off is debris, not a shoot-down and a strike
        (
            "У Харкові внаслідок детонації збитого дрона пошкоджено вікна будинку.",
            [("debris", "uav", 1, "UA-63"), ("damage", "uav", None, "UA-63")],
        ),
        (
            "У Харкові збитий дрон здетонував, пошкоджено вікна.",
            [("debris", "uav", 1, "UA-63"), ("damage", "uav", None, "UA-63")],
        ),
        # one more of those just counted fell: debris of one
        (
            "Над Сумщиною збито два дрони, ще один впав на території промзони.",
            [("destroyed", "uav", 2, "UA-59"), ("debris", "uav", 1, "UA-59")],
        ),
    ],
)
def test_sentences(text, expected):
    assert keys(text, "uk") == expected


def test_air_force_summary_launched_and_destroyed():
    text = (
        "У ніч на 5 березня ворог атакував 48-ма ударними БпЛА типу Shahed. "
        "За попередніми даними, станом на 09:00 збито/подавлено 41 ворожий БпЛА типу Shahed на півночі та сході країни."
    )
    claims = extract(text, lang="uk")
    assert [(c.claim_type, c.count, c.model) for c in claims] == [
        ("launched", 48, "Shahed-136"),
        ("destroyed", 41, "Shahed-136"),
    ]


def test_out_of_total_is_launched():
    assert keys("Уночі збито 20 ворожих дронів із 25.", "uk") == [
        ("destroyed", "uav", 20, None),
        ("launched", "uav", 25, None),
    ]


def test_of_them_and_mixed_models():
    text = (
        "Росія атакувала Україну 30 ударними БпЛА типу Shahed, Гербера та дронами інших типів. "
        "24 з них вдалося збити."
    )
    claims = extract(text, lang="uk")
    assert [(c.claim_type, c.count, c.model) for c in claims] == [
        ("launched", 30, None),
        ("destroyed", 24, None),
    ]


def test_all_of_them_takes_the_launched_count():
    text = "Ворог випустив 9 дронів «Шахед». Усі вони були знищені силами ППО."
    assert [(c.claim_type, c.count, c.model) for c in extract(text, lang="uk")] == [
        ("launched", 9, "Shahed-136"),
        ("destroyed", 9, "Shahed-136"),
    ]


def test_daily_tally_per_model():
    text = (
        "Голова Харківської ОВА повідомив, що за добу по регіону вдарили:\n"
        "▪️три БпЛА типу «Герань-2»;\n"
        "▪️шість fpv-дронів;\n"
        "▪️БпЛА типу «Ланцет»."
    )
    claims = extract(text, lang="uk")
    assert [(c.claim_type, c.count, c.model, c.admin1) for c in claims] == [
        ("hit", 3, "Shahed-136", "UA-63"),
        ("hit", 6, "FPV", "UA-63"),
        ("hit", 1, "Lancet", "UA-63"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an oblast report's strikes, one by FPV drones and one by drones of no named type: two claims
        (
            "Лисак: ворог атакував Нікопольщину FPV-дронами. По Кривому Рогу російські війська "
            "вдарили безпілотниками.",
            [("hit", "FPV", None, "UA-12"), ("hit", None, None, "UA-12")],
        ),
        (
            "Окупанти вдарили по Сумщині дронами. Під ударом були три громади, по Сумах били FPV-дронами.",
            [("hit", None, None, "UA-59"), ("hit", "FPV", None, "UA-59")],
        ),
        # strikes of unknown number, then one drone's strike at one site: still unknown
        (
            "Ворог завдав ударів дронами по Сумщині. У селі Хотінь дрон влучив у склад.",
            [("hit", None, None, "UA-59")],
        ),
        # a strike with no figure and then its figure: one claim
        (
            "Ворог завдав ударів по Запоріжжю. До міста долетіли не менше шести КАБів.",
            [("hit", "KAB", 6, "UA-23")],
        ),
    ],
)
def test_strikes_by_model(text, expected):
    claims = extract(text, lang="uk")
    assert [(c.claim_type, c.model, c.count, c.admin1) for c in claims] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an attack that injured people is a hit
        (
            "Внаслідок атаки дронів на Сумщині поранено двох людей.",
            [("hit", "uav", None, "UA-59"), ("casualties", "uav", None, "UA-59")],
        ),
        # an attack that damaged something is a hit too; none said, no hit
        (
            "Внаслідок атаки дронів на Полтавщині пошкоджено два приватні будинки.",
            [("damage", "uav", None, "UA-53"), ("hit", "uav", None, "UA-53")],
        ),
        ("Унаслідок ракетної атаки на Харківщину пошкоджень не зафіксовано.", []),
        # regions that "suffered" from an attack: damage in each, no hit
        (
            "Унаслідок атаки БпЛА постраждали Сумська та Полтавська області.",
            [("damage", "uav", None, "UA-59"), ("damage", "uav", None, "UA-53")],
        ),
    ],
)
def test_attacks_that_harmed_people_are_hits(text, expected):
    assert keys(text, "uk") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "no hits" is no hit claim; debris with "no casualties" after a comma is still debris
        (
            "За словами мера Києва, в результаті атаки дронів ніхто не постраждав, влучань в "
            "об’єкти інфраструктури також немає.",
            [("casualties", "uav", None, "UA-30")],
        ),
        (
            "На Сумщині уламки дрона впали на дорогу, постраждалих немає.",
            [("debris", "uav", 1, "UA-59"), ("casualties", "uav", None, "UA-59")],
        ),
    ],
)
def test_no_hits_said(text, expected):
    assert keys(text, "uk") == expected


def test_daily_tally_on_one_line_keeps_each_model():
    text = "За добу по Харківщині вдарили: 3 КАБи, 12 FPV-дронів, 2 БпЛА «Молнія» та 1 ракета «Іскандер-М»."
    claims = extract(text, lang="uk")
    assert [(c.claim_type, c.weapon, c.model, c.count) for c in claims] == [
        ("hit", "glide_bomb", "KAB", 3),
        ("hit", "uav", "FPV", 12),
        ("hit", "uav", "Molniya", 2),
        ("hit", "missile", "Iskander-M", 1),
    ]
    assert {c.admin1 for c in claims} == {"UA-63"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("На щастя, обійшлося без постраждалих.", [(0, 0)]),
        ("Загинули двоє людей, ще п'ятеро поранені.", [(2, 5)]),
        ("Постраждав 45-річний чоловік.", [(None, 1)]),
        ("Є інформація про одного загиблого і трьох поранених.", [(1, 3)]),
        # each figure takes the cue of its own clause; an age describes only the next word
        ("Загинув 62-річний чоловік, ще троє людей дістали поранення.", [(1, 3)]),
        ("Загинула 70-річна жінка та її 40-річний син.", [(2, None)]),
        # a second clause's own figure, with no noun: "ще" marks it as more people
        ("Загинула одна людина, ще 14 дістали поранень.", [(1, 14)]),
        ("Загинула одна людина, ще 14 людей травмовано.", [(1, 14)]),
        ("Поранено двох людей, ще троє госпіталізовані.", [(None, 5)]),
        ("Загинула одна людина, ще 14 дронів збито.", [(1, None)]),
    ],
)
def test_casualties(text, expected):
    assert casualties("Дрон атакував Сумщину. " + text, "uk") == expected


def test_debris_and_damage_in_a_city_district():
    text = (
        "Мер Києва Віталій Кличко повідомив: у Дарницькому районі уламки БпЛА впали на дах будинку, "
        "пошкоджено вікна. Постраждалих немає."
    )
    claims = extract(text, lang="uk")
    assert [(c.claim_type, c.count, c.admin1) for c in claims] == [
        ("debris", None, "UA-30"),
        ("damage", None, "UA-30"),
        ("casualties", None, "UA-30"),
    ]
    assert claims[0].claimant == "Mayor of Kyiv Vitali Klitschko"
    assert [p.normal for p in claims[0].places] == ["Дарницький район"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a whole drone that fell is debris, one when singular; verb first and noun first
        (
            "У Дарницькому районі Києва на дах гаража впав ворожий дрон.",
            [("debris", "uav", 1, "UA-30")],
        ),
        (
            "На Житомирщині безпілотник впав на подвір'я приватного будинку, вибуху не було.",
            [("debris", "uav", 1, "UA-18")],
        ),
        # the adjective agrees with the weapon even when it also reads as a noun ("ціле")
        (
            "У Шевченківському районі Києва зафіксовано падіння цілого безпілотника.",
            [("debris", "uav", 1, "UA-30")],
        ),
        # a cue phrase that takes in the weapon; "частини" after a city is no clock zone
        (
            "У Голосіївському районі Києва частини ракети впали на дорогу.",
            [("debris", "missile", 1, "UA-30")],
        ),
        # the same debris named again with its model is one claim
        (
            "На Рівненщині виявили уламки ракети. За попередніми даними, це фрагменти ракети Х-101.",
            [("debris", "missile", 1, "UA-56")],
        ),
        # debris of an unknown number of missiles, then of one at some site: still unknown
        (
            "У Києві зафіксовано падіння уламків ракет. У Дарницькому районі уламок ракети впав на дорогу.",
            [("debris", "missile", None, "UA-30")],
        ),
        # debris of one more drone adds one
        (
            "У Києві впали уламки дрона. Уламки ще одного дрона знайшли на Оболоні.",
            [("debris", "uav", 2, "UA-30")],
        ),
        # damage told by a past verb or a gerund
        (
            "Уламки ракети впали на Вінниччині, пошкодивши лінію електропередачі.",
            [("debris", "missile", 1, "UA-05"), ("damage", "missile", None, "UA-05")],
        ),
        (
            "На Рівненщині збили дрон. Його уламки пошкодили дах складу.",
            [
                ("destroyed", "uav", 1, "UA-56"),
                ("damage", "uav", None, "UA-56"),
                ("debris", "uav", 1, "UA-56"),
            ],
        ),
        # a shell that fell into the sea is neither debris nor a drone
        ("Один із снарядів, ймовірно, впав у море.", []),
        # houses that "suffered" are damaged; an aircraft (літальний апарат) that fell is debris
        (
            "У Харкові збили дрон. Внаслідок падіння апарата постраждали три будинки.",
            [
                ("destroyed", "uav", 1, "UA-63"),
                ("debris", "uav", 1, "UA-63"),
                ("damage", "uav", None, "UA-63"),
            ],
        ),
        (
            "Під час атаки дрона на Харків постраждали двоє мешканців будинку.",
            [("hit", "uav", None, "UA-63"), ("casualties", "uav", None, "UA-63")],
        ),
        (
            "Над Сумщиною РЕБ подавили дрон. Літальний апарат впав на поле.",
            [("destroyed", "uav", 1, "UA-59"), ("debris", "uav", 1, "UA-59")],
        ),
    ],
)
def test_fallen_weapons_and_debris(text, expected):
    assert keys(text, "uk") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Україна може виробляти понад мільйон дронів на рік.",  # production
        "З початку повномасштабного вторгнення збито понад 20 тисяч дронів.",  # running total
        "Противник планує запустити 100 ракет.",  # a plan
        "Ворог може атакувати Київщину дронами вночі.",  # a possibility
        "Вночі можливі атаки ударних БпЛА на Сумщину.",  # a possibility
        "Підприємство нарощує виробництво дронів для ударів по тилу ворога.",  # production
        "Компанія показала нову частину дронів, які вироблятимуть для армії.",  # a share, not parts
        "Під час військових навчань у Білорусі випустили дві ракети по полігону.",  # an exercise
        "Уламків дрона біля Галаца поки не виявлено.",  # a find denied
    ],
)
def test_non_claims(text):
    assert keys(text, "uk") == []


def test_a_weapons_origin_is_no_production():
    text = "Над Херсонщиною збито дві ракети американського виробництва та 16 дронів."
    assert keys(text, "uk") == [
        ("destroyed", "missile", 2, "UA-65"),
        ("destroyed", "uav", 16, "UA-65"),
    ]


def test_strike_on_a_production_site_is_a_claim():
    assert keys("Два дрони влучили у виробничий цех на Харківщині.", "uk") == [
        ("hit", "uav", 2, "UA-63")
    ]


def test_lost_from_radar_is_not_destroyed():
    text = "Збито 30 дронів, ще 10 локаційно втрачено."
    assert keys(text, "uk") == [("destroyed", "uav", 30, None)]


def test_kyiv_time_window_in_summer():
    text = "З 20:00 до 03:00 за київським часом сили ППО збили 18 дронів над Полтавщиною."
    claim = extract(text, lang="uk", published=datetime(2025, 7, 2, 6, 0, tzinfo=UTC))[0]
    kyiv_summer = timezone(timedelta(hours=3))
    assert claim.window_start == datetime(2025, 7, 1, 20, 0, tzinfo=kyiv_summer)
    assert claim.window_end == datetime(2025, 7, 2, 3, 0, tzinfo=kyiv_summer)
    assert claim.admin1 == "UA-53"


def test_air_force_wording_names_the_claimant():
    claims = extract("Станом на 08:30 збито/подавлено 40 ворожих БпЛА.", lang="uk")
    assert [(c.claimant, c.country) for c in claims] == [("Ukrainian Air Force", "UA")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a town with no region stated: its region comes from the gazetteer
        ("Ворог завдав удару дронами по місту Чугуїв.", [("hit", "UA-63", ["Чугуїв"])]),
        ("Ворог атакував Конотоп ударними дронами.", [("hit", "UA-59", ["Конотоп"])]),
        ("Дрон влучив у будинок у Шостці.", [("hit", "UA-59", ["Шостка"])]),
        # a city also named in a town's alternate names: the city, twenty times bigger
        ("Дрон влучив у будинок у Кременчуці.", [("hit", "UA-53", ["Кременчук"])]),
        # a village's name alone tells no region
        ("Дрон влучив у будинок у селі Шостка.", [("hit", None, ["Шостка"])]),
        # a regional capital is a place; "на Запоріжжі" is the region, "у Запоріжжі" the city
        ("У Запоріжжі дрон влучив у склад.", [("hit", "UA-23", ["Запоріжжя"])]),
        (
            "Уламки дрона впали на Запоріжжі, пошкоджено склад.",
            [("debris", "UA-23", []), ("damage", "UA-23", [])],
        ),
        # the region's own name is no city ("Дніпропетровській" is not Дніпропетровськ)
        (
            "Дрон влучив у склад у Дніпропетровській області.",
            [("hit", "UA-12", [])],
        ),
        # launch sites are neither places nor regions of the claim
        (
            "Ворог атакував 40 ударними БпЛА з напрямків Курськ, Брянськ, Міллерово.",
            [("launched", None, [])],
        ),
    ],
)
def test_towns_named_without_a_region(text, expected):
    assert places(text, "uk") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "по N" over regions joined by "та"; the next clause's region is its own
        (
            "Сили ППО знищили по 5 БпЛА над Сумщиною та Харківщиною, ще 3 — над Полтавщиною.",
            [(5, "UA-59", None), (5, "UA-63", None), (3, "UA-53", None)],
        ),
        (
            "Над Сумщиною та Харківщиною знищено по 5 БпЛА, над Полтавщиною — ще 3.",
            [(5, "UA-59", None), (5, "UA-63", None), (3, "UA-53", None)],
        ),
        # a stated total: the lines point at it
        (
            "Повітряні сили: збито 13 ворожих БпЛА: по 5 — над Сумщиною та Харківщиною, "
            "3 — над Полтавщиною.",
            [(13, None, None), (5, "UA-59", "c0"), (5, "UA-63", "c0"), (3, "UA-53", "c0")],
        ),
    ],
)
def test_distributive_over_joined_regions(text, expected):
    assert [(c.count, c.admin1, c.parent) for c in extract(text, lang="uk")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # requests, appeals, advice and assessments to come claim nothing
        (
            "Над Сумщиною збито дрон. Мешканців просять не наближатися до уламків і "
            "повідомляти про знахідки за номером 101.",
            [("destroyed", "uav", 1, "UA-59")],
        ),
        (
            "Над Сумщиною збито дрон. У разі виявлення уламків телефонуйте 101.",
            [("destroyed", "uav", 1, "UA-59")],
        ),
        ("Дрон влучив у Суми. Комісія оцінить пошкодження будинків.", [("hit", "uav", 1, "UA-59")]),
        # inspections and aid to come, anywhere in their clause
        (
            "Дрон влучив у Суми. Пошкоджені будинки обстежить комісія, власникам "
            "пошкодженого житла нададуть допомогу.",
            [("hit", "uav", 1, "UA-59")],
        ),
        # the debris found is claimed; the request after it is not
        (
            "Над Сумщиною збито дрон. Уламки знайшли в полі, мешканців просять не наближатися "
            "до них.",
            [("destroyed", "uav", 1, "UA-59"), ("debris", "uav", 1, "UA-59")],
        ),
    ],
)
def test_requests_and_advice_are_no_claims(text, expected):
    assert keys(text, "uk") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sentence with no region after one that moved to another region than the speaker's
        (
            "Голова Київської МВА повідомив, що над Києвом збито три дрони. А в Хмельницькому "
            "дрон влучив у будинок. Крім того, пошкоджено кілька автомобілів.",
            [
                ("destroyed", "uav", 3, "UA-30"),
                ("hit", "uav", 1, "UA-68"),
                ("damage", "uav", None, "UA-68"),
            ],
        ),
    ],
)
def test_the_region_a_report_moved_on_to(text, expected):
    assert keys(text, "uk") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a strike named by its weapon's adjective: a missile hit, no count
        ("Уночі ворог завдав ракетного удару по Одесі.", [("hit", "missile", None, "UA-51")]),
        (
            "Росіяни завдали ракетного удару по Полтаві, загинули двоє людей.",
            [("hit", "missile", None, "UA-53"), ("casualties", "missile", None, "UA-53")],
        ),
        # the one missile named in the strike's own sentence counts it
        (
            "По Сумах ворог завдав ракетного удару, імовірно ракетою Х-59.",
            [("hit", "missile", 1, "UA-59")],
        ),
    ],
)
def test_missile_strike_adjective(text, expected):
    assert keys(text, "uk") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # missiles and drones joined with no figure: mixed means, one claim of each type
        (
            "Цієї ночі ворог атакував Полтавщину ракетами та БпЛА. Відбулися влучання та падіння "
            "уламків. Пошкоджено будинок.",
            [
                ("hit", "other", None, "UA-53"),
                ("debris", "other", None, "UA-53"),
                ("damage", "other", None, "UA-53"),
            ],
        ),
        (
            "Уночі на Житомирщині зафіксовано падіння уламків крилатих ракет та дронів.",
            [("debris", "other", None, "UA-18")],
        ),
        # artillery beside drones: the strike is the drones', the damage mixes them
        (
            "Ворог атакував Нікопольщину FPV-дронами та артилерією. Пошкоджено два будинки.",
            [("hit", "uav", None, "UA-12"), ("damage", "other", None, "UA-12")],
        ),
    ],
)
def test_mixed_means_without_figure(text, expected):
    assert keys(text, "uk") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "ушкодження" (damage) of buildings is damage; bodily injuries are not
        (
            "Ворог атакував Рівненщину дронами. Маємо ушкодження житлових будинків.",
            [("hit", "uav", None, "UA-56"), ("damage", "uav", None, "UA-56")],
        ),
        (
            "Чоловік отримав тілесні ушкодження внаслідок атаки дрона на Херсон.",
            [("hit", "uav", None, "UA-65"), ("casualties", "uav", None, "UA-65")],
        ),
        # a site that "suffered" was damaged; people who suffered were hurt
        (
            "На Хмельниччині під час нічної атаки дронів постраждав об'єкт критичної "
            "інфраструктури.",
            [("damage", "uav", None, "UA-68"), ("hit", "uav", None, "UA-68")],
        ),
        (
            "Внаслідок атаки дронів на Київщині постраждало підприємство.",
            [("damage", "uav", None, "UA-32"), ("hit", "uav", None, "UA-32")],
        ),
        # no damage said before the harmed: no damage claim
        (
            "Над Полтавщиною збито сім дронів. Пошкоджень та постраждалих немає.",
            [("destroyed", "uav", 7, "UA-53"), ("casualties", "uav", None, "UA-53")],
        ),
        (
            "Над Полтавщиною збито сім дронів. Руйнувань і постраждалих не зафіксовано.",
            [("destroyed", "uav", 7, "UA-53"), ("casualties", "uav", None, "UA-53")],
        ),
        # no information on destruction is no damage
        (
            "Влучань не зафіксовано, інформація щодо руйнувань чи постраждалих не надходила, "
            "повідомили Повітряні сили. Уночі збито 20 дронів.",
            [("casualties", "other", None, None), ("destroyed", "uav", 20, None)],
        ),
        # air targets recorded with their figure were launched; recorded hits stay hits
        (
            "Над Чернігівщиною зафіксовано 20 ворожих дронів.",
            [("launched", "uav", 20, "UA-74")],
        ),
        (
            "Зафіксовано влучання 11 ударних БпЛА на Харківщині.",
            [("hit", "uav", 11, "UA-63")],
        ),
        # drones "aimed at" a region were launched
        (
            "За тиждень 300 російських БпЛА були націлені на Херсонщину, повідомив начальник "
            "Херсонської ОВА.",
            [("launched", "uav", 300, "UA-65")],
        ),
    ],
)
def test_damage_words_and_aimed_drones(text, expected):
    assert keys(text, "uk") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ворог атакував Прикарпаття ракетами. Інформація щодо пошкоджень уточнюється.",
        "Ворог атакував Прикарпаття ракетами. Інформація про руйнування поки не надходила.",
    ],
)
def test_damage_being_clarified_is_no_damage(text):
    assert [k for k in keys(text, "uk") if k[0] == "damage"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a destroyed house is damage, not a shoot-down
        (
            "Внаслідок удару дрона по Сумах знищено приватний будинок.",
            [("hit", "uav", 1, "UA-59"), ("damage", "uav", None, "UA-59")],
        ),
        ("Над Київщиною знищено 5 дронів.", [("destroyed", "uav", 5, "UA-32")]),
        # slashed facades and cars on fire are damage
        (
            "Внаслідок атаки дронів на Харків посічено фасад багатоповерхівки.",
            [("damage", "uav", None, "UA-63"), ("hit", "uav", None, "UA-63")],  # harm: a hit
        ),
        (
            "Після атаки дронів на Київ загорілися автомобілі.",
            [("damage", "uav", None, "UA-30"), ("hit", "uav", None, "UA-30")],
        ),
        # the shell-shocked are injured
        (
            "Внаслідок атаки дронів на Сумщину контужено двох людей.",
            [("hit", "uav", None, "UA-59"), ("casualties", "uav", None, "UA-59")],
        ),
    ],
)
def test_damage_and_harm_words(text, expected):
    assert keys(text, "uk") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a strike suffered, a drone's arrival, one that flew or crashed into a building
        (
            "Удару ворожих дронів зазнала енергетична інфраструктура Одещини.",
            [("hit", "uav", None, "UA-51")],
        ),
        ("У Запоріжжі зафіксовано приліт КАБа.", [("hit", "glide_bomb", 1, "UA-23")]),
        ("Ворожий шахед влетів у багатоповерхівку в Києві.", [("hit", "uav", 1, "UA-30")]),
        ("Дрон врізався у житловий будинок у Сумах.", [("hit", "uav", 1, "UA-59")]),
    ],
)
def test_strike_words(text, expected):
    assert keys(text, "uk") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # brought down and struck in the air are shoot-downs; struck by a weapon is damage
        (
            "Мобільні вогневі групи приземлили над Київщиною 4 шахеди.",
            [("destroyed", "uav", 4, "UA-32")],
        ),
        ("Над Черкащиною уражено 5 ворожих безпілотників.", [("destroyed", "uav", 5, "UA-71")]),
        # one weapon as the agent of a passive strike: a hit of 1, and the damage
        (
            "У Сумах уражено ракетою будинок.",
            [("hit", "missile", 1, "UA-59"), ("damage", "missile", None, "UA-59")],
        ),
        # a drone that landed by itself is debris; one more that fell adds one
        ("На Кіровоградщині безпілотник приземлився у полі.", [("debris", "uav", 1, "UA-35")]),
        (
            "Уламки одного зі збитих дронів впали у полі на Кіровоградщині. Ще один безпілотник "
            "приземлився на території домоволодіння.",
            [("debris", "uav", 2, "UA-35")],
        ),
    ],
)
def test_shootdown_words(text, expected):
    assert keys(text, "uk") == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # damage by two named weapons in one region is two claims
        (
            "uk",
            "По Полтаві ворог вдарив артилерією. Пошкоджено школу. "
            "По Кременчуку ворог вдарив БпЛА. Пошкоджене підприємство.",
            [
                ("hit", "other", None, "UA-53"),
                ("damage", "other", None, "UA-53"),
                ("hit", "uav", None, "UA-53"),
                ("damage", "uav", None, "UA-53"),
            ],
        ),
        (
            "ru",
            "По Белгороду противник ударил из артиллерии. Повреждена школа. "
            "По Шебекино противник ударил беспилотником. Повреждено предприятие.",
            [
                ("hit", "other", None, "RU-BEL"),
                ("damage", "other", None, "RU-BEL"),
                ("hit", "uav", 1, "RU-BEL"),
                ("damage", "uav", None, "RU-BEL"),
            ],
        ),
        (
            "en",
            "Russian artillery shelled Nikopol, damaging a school. "
            "A drone struck Marhanets, damaging an enterprise.",
            [
                ("damage", "other", None, "UA-12"),
                ("hit", "uav", 1, "UA-12"),
                ("damage", "uav", None, "UA-12"),
            ],
        ),
        # a headline's damage with no weapon named is the same damage told again below
        (
            "uk",
            "На Полтавщині є руйнування.\nУночі дрон атакував Полтаву. Пошкоджено будинок.",
            [("damage", "other", None, "UA-53"), ("hit", "uav", 1, "UA-53")],
        ),
    ],
)
def test_damage_by_each_weapon_is_its_own_claim(lang, text, expected):
    assert keys(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # "із застосуванням дронів" (with the use of drones) names the attack's means, as
        # "атаки дронів" does; it is no second launch cue
        (
            "uk",
            "Уночі Полтавщина зазнала атаки із застосуванням ударних дронів. Пошкоджено будинок.",
            [("hit", "uav", None, "UA-53"), ("damage", "uav", None, "UA-53")],
        ),
        (
            "ru",
            "Белгородская область подверглась атаке с применением дронов. Повреждена школа.",
            [("hit", "uav", None, "RU-BEL"), ("damage", "uav", None, "RU-BEL")],
        ),
        # the verb still launches
        ("uk", "Уночі ворог застосував 12 ударних дронів.", [("launched", "uav", 12, None)]),
    ],
)
def test_attack_with_the_use_of_weapons(lang, text, expected):
    assert keys(text, lang) == expected


def test_headline_figure_placed_by_the_next_line():
    # a headline with no region, then the same figure placed: one claim, the governor's
    text = (
        "Над російським регіоном збили два безпілотники\n\n"
        "Губернатор Анохін: над Смоленською областю збито два безпілотники"
    )
    assert [(c.claim_type, c.count, c.admin1, c.claimant) for c in extract(text, lang="uk")] == [
        ("destroyed", 2, "RU-SMO", "Governor of Smolensk Oblast Vasily Anokhin")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "усі ці дрони" у реченні про збиття: ті, що пораховані раніше
        (
            "Голова ОВА повідомив, що чотири дрони атакували Сумщину. Сили ППО збили усі ці дрони.",
            [("launched", "uav", 4, "UA-59"), ("destroyed", "uav", 4, "UA-59")],
        ),
        (
            "Голова ОВА повідомив, що над Сумщиною сили ППО збили ці дрони.",
            [("destroyed", "uav", None, "UA-59")],
        ),
        (
            "Голова ОВА повідомив, що три дрони атакували Сумщину. Сили ППО збили їх.",
            [("launched", "uav", 3, "UA-59"), ("destroyed", "uav", 3, "UA-59")],
        ),
    ],
)
def test_the_weapons_counted_before(text, expected):
    assert keys(text, "uk") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "безпілотна повітряна атака" is by drones, not of mixed means
        (
            "У Києві оголошено безпілотну повітряну атаку. Удару зазнала нафтобаза.",
            [("hit", "uav", None, "UA-30")],
        ),
    ],
)
def test_drone_air_attacks(text, expected):
    assert keys(text, "uk") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a village named like an adjective ("Козаче") agrees with no weapon after it
        (
            "Росіяни атакували Козаче дронами, пошкоджено два будинки.",
            [("damage", "uav", None, None), ("hit", "uav", None, None)],
        ),
        ("Український БпЛА збито над Брянщиною.", [("destroyed", "uav", 1, "RU-BRY")]),
    ],
)
def test_a_place_name_before_the_weapon_is_no_adjective(text, expected):
    assert keys(text, "uk") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a strike named with its weapon, as community lines give it: a hit
        ("Білопільська громада Сумщини: удар КАБами.", [("hit", "glide_bomb", None, "UA-59")]),
        (
            "У Білопільській громаді Сумщини удар КАБом, пошкоджено будинок.",
            [("hit", "glide_bomb", 1, "UA-59"), ("damage", "glide_bomb", None, "UA-59")],
        ),
        ("Краснопільська громада Сумщини: удари FPV-дронами.", [("hit", "uav", None, "UA-59")]),
    ],
)
def test_a_strike_named_with_its_weapon(text, expected):
    assert keys(text, "uk") == expected


def test_a_headline_drone_in_the_singular_counted_by_the_body():
    # the headline's singular names the kind; the body counts it: one claim of two
    text = (
        "Дрон влучив у будинок у Сумах\n\n"
        "Уночі два ворожі дрони влучили в будинок у Сумах, постраждалих немає."
    )
    assert keys(text, "uk") == [("hit", "uav", 2, "UA-59"), ("casualties", "uav", None, "UA-59")]


def test_a_suppressed_drone_that_went_off_is_debris():
    text = "У Сумах дрон було подавлено засобами РЕБ, він здетонував при падінні, пошкоджено дах."
    assert keys(text, "uk") == [
        ("destroyed", "uav", 1, "UA-59"),
        ("damage", "uav", None, "UA-59"),
        ("debris", "uav", 1, "UA-59"),
    ]


def test_an_attack_on_a_city_shot_down_whose_debris_did_the_harm_is_no_strike():
    text = (
        "Уночі ворог атакував Київ балістичними ракетами. Сили ППО збили три ракети. Уламки "
        "впали у Голосіївському районі, пошкоджено склад."
    )
    assert sorted(c.claim_type for c in extract(text, lang="uk")) == [
        "damage",
        "debris",
        "destroyed",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "У Херсоні дрон атакував автомобіль, поранено лікаря.",
            [("hit", None, None), ("casualties", None, 1)],
        ),
    ],
)
def test_people_by_their_work(text, expected):
    found = [(c.claim_type, c.model, c.injured) for c in extract(text, lang="uk")]
    assert found == expected


def test_more_downed_by_electronic_warfare_are_no_part_of_the_count_before():
    text = (
        "Над Харківщиною збито 14 дронів, повідомив Олег Синєгубов. Ще два безпілотники подавлено "
        "засобами РЕБ над Чугуївським районом."
    )
    assert keys(text, "uk") == [("destroyed", "uav", 14, "UA-63"), ("destroyed", "uav", 2, "UA-63")]


def test_the_attack_of_one_drone_then_its_strike_is_one():
    text = (
        "У Сумах внаслідок атаки дрона поранено двох людей\n\nУ Сумах дрон влучив у легковий "
        "автомобіль на парковці."
    )
    assert keys(text, "uk")[0] == ("hit", "uav", 1, "UA-59")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a weapon that entered a neighbour's airspace was sent there: a launch, in that country
        (
            "Міноборони Румунії повідомило, що дрон порушив повітряний простір країни.",
            [("launched", "uav", 1, "RO")],
        ),
        (
            "Оперативне командування Польщі повідомило, що 19 дронів порушили повітряний простір "
            "Польщі.",
            [("launched", "uav", 19, "PL")],
        ),
        (
            "Два дрони залетіли до повітряного простору Молдови, повідомило Міноборони Молдови.",
            [("launched", "uav", 2, "MD")],
        ),
    ],
)
def test_weapons_that_entered_a_neighbours_airspace(text, expected):
    claims = extract(text, lang="uk")
    assert [(c.claim_type, c.weapon, c.count, c.country) for c in claims] == expected


def test_a_headline_told_again_in_the_body():
    # a headline's claim with no figure and no speaker is the body's, whoever speaks first
    text = (
        "Чернігівщина: дрони влучили в енергооб'єкт\n\nПовітряні сили повідомили, що вночі ворог "
        "запустив 60 дронів, 45 з них збито. На Чернігівщині дрони влучили в енергооб'єкт, "
        "повідомив голова ОВА В'ячеслав Чаус."
    )
    assert keys(text, "uk") == [
        ("launched", "uav", 60, None),
        ("destroyed", "uav", 45, None),
        ("hit", "uav", None, "UA-74"),
    ]


def test_missiles_fired_at_a_city_that_killed_people_struck_it():
    text = "Росія випустила дві ракети по Дніпру, вбивши трьох людей, повідомив Лисак."
    assert keys(text, "uk") == [
        ("hit", "missile", 2, "UA-12"),
        ("casualties", "missile", None, "UA-12"),
    ]


def test_most_of_which_were_shot_down():
    text = "Ворог запустив 60 дронів, більшість з яких збито, повідомили Повітряні сили."
    assert keys(text, "uk") == [("launched", "uav", 60, None), ("destroyed", "uav", None, None)]
