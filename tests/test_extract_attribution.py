"""Attribution: who makes each claim, read like a table (sentence -> claimants of its claims)."""

from __future__ import annotations

import pytest

from skyledger.extract import extract
from skyledger.extract.attribution import spans, word_list, word_list_spans


def claimants(text: str, lang: str) -> list[tuple]:
    return [(c.claim_type, c.count, c.claimant) for c in extract(text, lang=lang)]


VINNYTSIA_HEAD = "Head of Vinnytsia Oblast Military Administration"
RU_MOD, UA_AIR_FORCE = "Russian Ministry of Defense", "Ukrainian Air Force"


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a title with its region inside it
        (
            "uk",
            "Над областю збили чотири дрони. Про це повідомив начальник Вінницької ОВА Іван Петренко.",
            [("destroyed", 4, VINNYTSIA_HEAD)],
        ),
        (
            "uk",
            "Над областю збили чотири дрони, повідомив голова Вінницької військової адміністрації.",
            [("destroyed", 4, VINNYTSIA_HEAD)],
        ),
        (
            "ru",
            "Глава Тамбовской области заявил, что над регионом сбиты два беспилотника.",
            [("destroyed", 2, "Governor of Tambov Oblast")],
        ),
        (
            "en",
            "The head of the Vinnytsia Regional Military Administration, Ivan Petrenko, said four "
            "drones were shot down over the region.",
            [("destroyed", 4, VINNYTSIA_HEAD)],
        ),
        # an office that speaks for its region
        (
            "uk",
            "Вінницька обласна військова адміністрація повідомила, що над областю збили чотири дрони.",
            [("destroyed", 4, VINNYTSIA_HEAD)],
        ),
        (
            "ru",
            "Оперативный штаб Тамбовской области сообщил, что над регионом сбиты два беспилотника.",
            [("destroyed", 2, "Operational Headquarters of Tambov Oblast")],
        ),
        (
            "en",
            "Four drones were shot down over the Vinnytsia region, the regional military "
            "administration said.",
            [("destroyed", 4, VINNYTSIA_HEAD)],
        ),
        # ... named with no "military" ("regional administration", "regional state
        # administration"): the Ukrainian one is the military administration
        (
            "en",
            "Four drones were shot down over the Vinnytsia region, the regional administration "
            "said.",
            [("destroyed", 4, VINNYTSIA_HEAD)],
        ),
        (
            "en",
            "Four drones were shot down over the Vinnytsia region, the head of the regional state "
            "administration said.",
            [("destroyed", 4, VINNYTSIA_HEAD)],
        ),
        # a bare title: its holder in the region the sentence names
        (
            "ru",
            "Над Тамбовской областью сбиты два беспилотника, сообщил губернатор Иван Петров.",
            [("destroyed", 2, "Governor of Tambov Oblast")],
        ),
        (
            "ru",
            "В Тамбовской области сбили два беспилотника, сообщил врио губернатора Иван Петров.",
            [("destroyed", 2, "Governor of Tambov Oblast")],
        ),
        (
            "uk",
            "У Вінницькій області вночі збили чотири дрони. Про це повідомив голова ОВА Іван Петренко.",
            [("destroyed", 4, VINNYTSIA_HEAD)],
        ),
        # "Ukrainian military" before what was struck is an adjective, no speaker
        (
            "en",
            "Russian forces struck Ukrainian military airfields with attack drones, the Russian "
            "Defense Ministry said.",
            [("hit", None, RU_MOD)],
        ),
        # a second claimant speaking later in the sentence: the figures after it are its own
        (
            "en",
            "The Russian Defence Ministry said it downed 64 Ukrainian drones overnight, while "
            "Ukraine's Air Force said Russia had launched 98 drones.",
            [("destroyed", 64, RU_MOD), ("launched", 98, UA_AIR_FORCE)],
        ),
        (
            "ru",
            "Минобороны России сообщило, что ПВО сбили 64 беспилотника, а Воздушные силы "
            "Украины заявили, что Россия запустила 98 дронов.",
            [("destroyed", 64, RU_MOD), ("launched", 98, UA_AIR_FORCE)],
        ),
        (
            "uk",
            "Міноборони РФ заявило, що ППО збила 64 дрони, а Повітряні сили ЗСУ повідомили, що "
            "Росія запустила 98 дронів.",
            [("destroyed", 64, RU_MOD), ("launched", 98, UA_AIR_FORCE)],
        ),
        # a headline's title and the official the body names as its holder are one speaker:
        # the figure told in both is one claim
        (
            "en",
            "Voronezh governor says 12 drones downed\n\nAir defences destroyed 12 drones over the "
            "Voronezh region overnight, Governor Alexander Gusev said on Sunday.",
            [("destroyed", 12, "Governor of Voronezh Oblast Alexander Gusev")],
        ),
        (
            "ru",
            "Губернатор Воронежской области: над регионом сбиты 12 дронов\n\nНад Воронежской "
            "областью ночью уничтожены 12 беспилотников, сообщил губернатор Александр Гусев.",
            [("destroyed", 12, "Governor of Voronezh Oblast Alexander Gusev")],
        ),
    ],
)
def test_titles_and_offices_name_the_claimant(lang, text, expected):
    assert claimants(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # the forces of an office acted; the governor who posts it speaks
        (
            "ru",
            "Губернатор Тамбовской области Иван Петров сообщил о пожаре. «Силами ПВО Минобороны "
            "над регионом уничтожены три БПЛА», — написал он.",
            [("destroyed", 3, "Governor of Tambov Oblast")],
        ),
        (
            "uk",
            "Голова Вінницької ОВА розповів про атаку. «Силами ППО Міністерства оборони України "
            "над областю знищено три дрони», — написав він.",
            [("destroyed", 3, VINNYTSIA_HEAD)],
        ),
        # nobody else speaks: the office that acted is the claimant
        (
            "ru",
            "Силами ПВО Минобороны над Тамбовской областью уничтожены три БПЛА.",
            [("destroyed", 3, "Russian Ministry of Defense")],
        ),
        # the outlet's own background, from its cue to the paragraph's end
        (
            "ru",
            "Над Тамбовской областью сбиты два беспилотника, сообщило Минобороны.\n\n"
            "Напомним, накануне пять дронов сбили над Липецкой областью. Ещё шесть дронов "
            "были сбиты над Орловской областью.",
            [
                ("destroyed", 2, "Russian Ministry of Defense"),
                ("destroyed", 5, "(outlet)"),
                ("destroyed", 6, "(outlet)"),
            ],
        ),
        (
            "uk",
            "Над Вінницькою областю збили два дрони, повідомили Повітряні сили.\n\n"
            "Нагадаємо, напередодні п'ять дронів збили над Житомирською областю. Ще шість "
            "дронів збили над Рівненською областю.",
            [
                ("destroyed", 2, "Ukrainian Air Force"),
                ("destroyed", 5, "(outlet)"),
                ("destroyed", 6, "(outlet)"),
            ],
        ),
        (
            "en",
            "Two drones were shot down over the Tambov region, the Russian Defence Ministry said.\n\n"
            "Earlier, five drones were downed over the Lipetsk region. Six more drones were "
            "downed over the Oryol region.",
            [
                ("destroyed", 2, "Russian Ministry of Defense"),
                ("destroyed", 5, "(outlet)"),
                ("destroyed", 6, "(outlet)"),
            ],
        ),
        # "note that", "let us point out": the outlet's own aside
        (
            "uk",
            "Над Вінницькою областю збили два дрони, повідомили Повітряні сили.\n\n"
            "Зауважимо, що загалом за ніч сили ППО збили 40 дронів.",
            [("destroyed", 2, "Ukrainian Air Force"), ("destroyed", 40, "(outlet)")],
        ),
        (
            "ru",
            "Над Тамбовской областью сбиты два беспилотника, сообщило Минобороны.\n\n"
            "Отметим, что всего за ночь силы ПВО сбили 40 беспилотников.",
            [("destroyed", 2, "Russian Ministry of Defense"), ("destroyed", 40, "(outlet)")],
        ),
    ],
)
def test_who_acted_and_who_tells(lang, text, expected):
    assert claimants(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "ru",
            "Ночью силами ПВО Министерства обороны над Брянской областью уничтожены "
            "12 беспилотников.",
        ),
        ("uk", "Вночі силами ППО Міноборони Росії над Брянською областю знищено 12 дронів."),
        ("en", "Air defence forces of the Defence Ministry downed 12 drones over Bryansk."),
    ],
)
def test_an_office_that_acted_is_no_speaker_when_the_publisher_is_known(lang, text):
    """A governor's channel: "силами ПВО Минобороны" is who shot the drones down; the post
    is still his. With no publisher known, the office's wording makes it the ministry's."""
    governor = "Governor of Bryansk Oblast Alexander Bogomaz"
    given = extract(text, lang=lang, claimant=governor)
    assert [(c.count, c.claimant) for c in given] == [(12, governor)]
    alone = extract(text, lang=lang)
    assert [(c.count, c.claimant) for c in alone] == [(12, "Russian Ministry of Defense")]


def test_a_side_general_claimant_is_the_office_whose_figures_it_relays():
    text = (
        "Russia launched 40 drones at Ukraine overnight, with air defences destroying 35, "
        'the Ukrainian military said. "Air defence destroyed 35 attack drones," Ukraine\'s '
        "Air Force said on Telegram."
    )
    assert {c.claimant for c in extract(text, lang="en")} == {"Ukrainian Air Force"}


def test_a_side_general_claimant_with_figures_of_its_own_stays():
    text = (
        "Russia fired 12 missiles at Ukraine on Friday, Ukrainian officials said. Air defences "
        "shot down 9 missiles, air force spokesman Yurii Ihnat said."
    )
    found = {(c.claim_type, c.count): c.claimant for c in extract(text, lang="en")}
    assert found[("launched", 12)] == "Ukrainian officials"


@pytest.mark.parametrize(
    ("lang", "text", "claimant"),
    [
        (
            "uk",
            "Сили оборони півдня України повідомили, що над Одещиною збили 7 дронів.",
            "Defense Forces of the South of Ukraine",
        ),
        (
            "en",
            "Seven drones were shot down over the Odesa region, Ukraine's Defense Forces of the South said.",
            "Defense Forces of the South of Ukraine",
        ),
        (
            "ru",
            "Минобороны Беларуси сообщило, что над Гомельской областью сбит один беспилотник.",
            "Ministry of Defence of Belarus",
        ),
        (
            "en",
            "Two drones hit a warehouse in the Kharkiv region, the State Emergency Service said.",
            "State Emergency Service of Ukraine",
        ),
        (
            "ru",
            "Оперштаб Тамбовской области сообщил, что над регионом сбиты два беспилотника.",
            "Operational Headquarters of Tambov Oblast",
        ),
        (
            "ru",
            "Беспилотник атаковал нефтебазу в Тамбовской области, сообщают телеграм-каналы.",
            "Telegram channels",
        ),
        (
            "uk",
            "Дрон влучив у склад на Житомирщині, повідомляють моніторингові канали.",
            "Telegram channels",
        ),
        (
            "en",
            "According to monitoring channels, Zaporizhzhia was attacked by 15 drones.",
            "Monitoring channels",
        ),
        (
            "ru",
            "Беспилотник атаковал нефтебазу в Тамбовской области, пишут украинские телеграм-каналы.",
            "Ukrainian Telegram channels",
        ),
        (
            "uk",
            "Дрон атакував нафтобазу на Тамбовщині, пишуть російські телеграм-канали.",
            "Russian Telegram channels",
        ),
        # a regional prosecutor's office speaks for the damage it reports
        (
            "en",
            "According to the Odesa regional prosecutor's office, drone debris damaged 15 cars.",
            "Odesa Regional Prosecutor's Office",
        ),
        (
            "uk",
            "За даними Одеської обласної прокуратури, уламки дрона пошкодили 15 автомобілів.",
            "Odesa Regional Prosecutor's Office",
        ),
        (
            "uk",
            "Як повідомили у прокуратурі Одеської області, уламки дрона пошкодили будинок.",
            "Odesa Regional Prosecutor's Office",
        ),
        (
            "ru",
            "По данным прокуратуры Курской области, обломки дрона повредили дом.",
            "Kursk Regional Prosecutor's Office",
        ),
        (
            "ru",
            "Как сообщила Курская областная прокуратура, обломки дрона повредили дом.",
            "Kursk Regional Prosecutor's Office",
        ),
        # officials Russia installed in occupied regions, and an adviser who speaks for a head
        (
            "ru",
            "Сальдо сообщил, что над Херсонской областью сбиты две ракеты.",
            "Russian-installed Governor of Kherson Oblast Vladimir Saldo",
        ),
        (
            "en",
            "Kherson region governor Vladimir Saldo said two missiles were shot down.",
            "Russian-installed Governor of Kherson Oblast Vladimir Saldo",
        ),
        (
            "uk",
            "Гауляйтер Запорізької області Євген Балицький заявив, що над областю збили дві "
            "ракети.",
            "Russian-installed Governor of Zaporizhzhia Oblast Yevgeny Balitsky",
        ),
        (
            "ru",
            "Советник главы Крыма Олег Крючков сообщил, что над Джанкоем сбит беспилотник.",
            "Adviser to the Head of Crimea Oleg Kryuchkov",
        ),
        (
            "uk",
            "Голова Сумської ОВА Олег Григоров повідомив, що по громаді вдарили дві КАБ.",
            "Head of Sumy Oblast Military Administration Oleh Hryhorov",
        ),
        (
            "uk",
            "Над Полтавщиною збито п'ять дронів, повідомив Володимир Когут.",
            "Head of Poltava Oblast Military Administration Volodymyr Kohut",
        ),
        (
            "ru",
            "В Тверской области сбит беспилотник, сообщил врио губернатора Виталий Королев.",
            "Acting Governor of Tver Oblast Vitaly Korolev",
        ),
    ],
)
def test_more_offices(lang, text, claimant):
    assert {c.claimant for c in extract(text, lang=lang)} == {claimant}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "ru",
            "Два беспилотника сбиты над городом, сообщили в правительстве Санкт-Петербурга.",
            [("destroyed", 2, "Government of Saint Petersburg")],
        ),
        (
            "en",
            "The governor of the southern region of Mykolaiv said that air defences destroyed "
            "13 drones over his region.",
            [("destroyed", 13, "Head of Mykolaiv Oblast Military Administration")],
        ),
        # a region's adjective before the title
        (
            "ru",
            "Псковский губернатор: над регионом сбиты два беспилотника.",
            [("destroyed", 2, "Governor of Pskov Oblast")],
        ),
        (
            "uk",
            "Курський губернатор заявив, що над областю збито два дрони.",
            [("destroyed", 2, "Governor of Kursk Oblast")],
        ),
        # a title's region is in its own sentence: the next sentence's city is no region of his
        (
            "en",
            "Debris of a drone fell on a house in the Kursk region, the governor said.\nMoscow "
            "has not commented.",
            [("debris", 1, "Governor of Kursk Oblast")],
        ),
    ],
)
def test_a_title_holds_the_region_its_own_words_name(lang, text, expected):
    assert [(k, n, c) for k, n, _a, c in keyed(text, lang)] == expected


def keyed(text: str, lang: str) -> list[tuple]:
    return [(c.claim_type, c.count, c.admin1, c.claimant) for c in extract(text, lang=lang)]


def test_a_side_general_claimant_sharing_only_a_small_figure_stays():
    text = (
        "Russia fired 12 missiles at Ukraine, killing one civilian, Ukrainian officials said. "
        "One drone was shot down over the Kyiv region, the air force said."
    )
    found = {(c.claim_type, c.count): c.claimant for c in extract(text, lang="en")}
    assert found[("launched", 12)] == "Ukrainian officials"


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # someone the outlet quotes speaks after its cue: the last claimant named, not the outlet
        (
            "ru",
            "Губернатор Тамбовской области провёл совещание.\n\nРанее Иван Петров "
            "сообщил, что над регионом сбиты три беспилотника.",
            [("destroyed", 3, "Governor of Tambov Oblast")],
        ),
        (
            "uk",
            "Голова Вінницької ОВА розповів про пожежу.\n\nРаніше Іван Петренко повідомив, що над "
            "областю збито три дрони.",
            [("destroyed", 3, VINNYTSIA_HEAD)],
        ),
        # a verb with no speaker keeps the sentence the outlet's own
        (
            "ru",
            "Губернатор Тамбовской области провёл совещание.\n\nРанее сообщалось, что "
            "над Липецкой областью сбиты три беспилотника.",
            [("destroyed", 3, "(outlet)")],
        ),
        (
            "uk",
            "Голова Вінницької ОВА розповів про пожежу.\n\nРаніше повідомлялося, що над "
            "Житомирською областю збито три дрони.",
            [("destroyed", 3, "(outlet)")],
        ),
        # a list item's dash before the cue: the item opens with the cue all the same
        (
            "uk",
            "Над Вінницькою областю збили два дрони, повідомив начальник Вінницької ОВА.\n"
            "- Згодом стало відомо, що у Вінниці дрон влучив у склад.",
            [("destroyed", 2, VINNYTSIA_HEAD), ("hit", 1, "(outlet)")],
        ),
        (
            "ru",
            "Над Тамбовской областью сбиты два беспилотника, сообщил губернатор Тамбовской "
            "области.\n- Позже стало известно, что в Тамбове беспилотник попал в склад.",
            [("destroyed", 2, "Governor of Tambov Oblast"), ("hit", 1, "(outlet)")],
        ),
        (
            "en",
            "Two drones were shot down over the Vinnytsia region, the regional military "
            "administration said.\n- Later, it emerged that a drone hit a warehouse in Vinnytsia.",
            [("destroyed", 2, VINNYTSIA_HEAD), ("hit", 1, "(outlet)")],
        ),
        # a background section's header: its items are the outlet's own account
        (
            "uk",
            "У Вінниці дрон влучив у склад, повідомив начальник Вінницької ОВА.\nПередісторія:\n"
            "- Вночі дрон влучив у житловий будинок у Вінниці.",
            [("hit", 1, VINNYTSIA_HEAD), ("hit", 1, "(outlet)")],
        ),
        (
            "ru",
            "В Тамбове беспилотник попал в склад, сообщил губернатор Тамбовской области.\n"
            "Предыстория:\n- Ночью беспилотник попал в жилой дом в Тамбове.",
            [("hit", 1, "Governor of Tambov Oblast"), ("hit", 1, "(outlet)")],
        ),
        (
            "en",
            "A drone hit a warehouse in Vinnytsia, the head of the Vinnytsia regional military "
            "administration said.\nBackground:\n- Overnight, a drone hit an apartment building "
            "in Vinnytsia.",
            [("hit", 1, VINNYTSIA_HEAD), ("hit", 1, "(outlet)")],
        ),
    ],
)
def test_an_outlet_cue_before_reported_speech(lang, text, expected):
    assert claimants(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a governor speaks for his region: a total over several regions is the ministry's ...
        (
            "ru",
            "Губернатор Тамбовской области сообщил о пожаре. По данным Минобороны, ночью над "
            "регионами России сбиты 20 беспилотников: 12 над Тамбовской областью и 8 над "
            "Липецкой областью.",
            [
                ("destroyed", 20, None, "Russian Ministry of Defense"),
                ("destroyed", 12, "RU-TAM", "Russian Ministry of Defense"),
                ("destroyed", 8, "RU-LIP", "Russian Ministry of Defense"),
            ],
        ),
        # ... or, with no ministry named, the outlet's
        (
            "ru",
            "Губернатор Тамбовской области сообщил о пожаре.\n\nВсего ночью над регионами России "
            "сбиты 20 беспилотников: 12 над Тамбовской областью и 8 над Липецкой областью.",
            [
                ("destroyed", 20, None, "(outlet)"),
                ("destroyed", 12, "RU-TAM", "(outlet)"),
                ("destroyed", 8, "RU-LIP", "(outlet)"),
            ],
        ),
        (
            "en",
            "The Tambov governor reported a fire.\n\nIn all, 20 drones were shot down over Russia "
            "overnight: 12 over the Tambov region and 8 over the Lipetsk region.",
            [
                ("destroyed", 20, None, "(outlet)"),
                ("destroyed", 12, "RU-TAM", "(outlet)"),
                ("destroyed", 8, "RU-LIP", "(outlet)"),
            ],
        ),
    ],
)
def test_a_total_over_several_regions_is_no_governors(lang, text, expected):
    assert keyed(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # "the authorities reported": the regional head named before, not an office that warned
        (
            "uk",
            "Про атаку повідомив голова Вінницької ОВА.\n\nО 14:00 Повітряні сили попередили про "
            "дрони. О 14:20 влада повідомила про влучання дрона в житловий будинок.",
            [("hit", 1, VINNYTSIA_HEAD)],
        ),
        (
            "ru",
            "Губернатор Тамбовской области рассказал о ночной атаке.\n\nУтром Минобороны "
            "предупредило о дронах. Позже власти сообщили о попадании беспилотника в жилой дом.",
            [("hit", 1, "Governor of Tambov Oblast")],
        ),
        (
            "en",
            "The governor of the Tambov region spoke about the attack.\n\nThe defence ministry "
            "warned of drones in the morning. Later, local authorities said a drone hit a house.",
            [("hit", 1, "Governor of Tambov Oblast")],
        ),
    ],
)
def test_the_authorities_are_the_regional_head(lang, text, expected):
    assert claimants(text, lang) == expected


RU_LEAD = "Над Тамбовской областью сбиты два беспилотника, сообщило Минобороны.\n\n"
UK_LEAD = "Над Вінницькою областю збили два дрони, повідомили Повітряні сили.\n\n"
EN_LEAD = "Two drones were shot down over the Tambov region, the Russian Defence Ministry said.\n\n"


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # "recall that", "last week", "over yesterday": the outlet's own background
        (
            "en",
            EN_LEAD + "Recall that five drones were downed over the Lipetsk region.",
            "(outlet)",
        ),
        ("en", EN_LEAD + "Last week, five drones were downed over the Lipetsk region.", "(outlet)"),
        ("ru", RU_LEAD + "На прошлой неделе пять дронов сбили над Липецкой областью.", "(outlet)"),
        ("ru", RU_LEAD + "За вчерашний день над Липецкой областью сбили пять дронов.", "(outlet)"),
        ("uk", UK_LEAD + "Минулого тижня п'ять дронів збили над Житомирською областю.", "(outlet)"),
        (
            "uk",
            UK_LEAD + "За вчорашній день над Житомирською областю збили п'ять дронів.",
            "(outlet)",
        ),
        # a past weekday or month opens the outlet's own account too
        (
            "en",
            EN_LEAD + "Last Thursday, five drones were downed over the Lipetsk region.",
            "(outlet)",
        ),
        ("ru", RU_LEAD + "В прошлую среду пять дронов сбили над Липецкой областью.", "(outlet)"),
        (
            "uk",
            UK_LEAD + "Минулого четверга п'ять дронів збили над Житомирською областю.",
            "(outlet)",
        ),
        (
            "uk",
            UK_LEAD + "У минулу п'ятницю п'ять дронів збили над Житомирською областю.",
            "(outlet)",
        ),
        # "it later emerged", "стало известно": nobody speaks but the outlet
        (
            "en",
            EN_LEAD + "Later it emerged that five drones were downed over the Lipetsk region.",
            "(outlet)",
        ),
        (
            "ru",
            RU_LEAD + "Позже стало известно, что пять дронов сбили над Липецкой областью.",
            "(outlet)",
        ),
        (
            "uk",
            UK_LEAD + "Згодом стало відомо, що п'ять дронів збили над Житомирською областю.",
            "(outlet)",
        ),
        # ... unless someone the outlet quotes speaks after it
        (
            "ru",
            RU_LEAD
            + "На прошлой неделе Минобороны сообщило, что над Липецкой областью сбиты пять дронов.",
            "Russian Ministry of Defense",
        ),
        (
            "en",
            EN_LEAD + "Last week, the Air Force said five drones were downed over the Kyiv region.",
            "Ukrainian Air Force",
        ),
    ],
)
def test_the_outlets_own_background_after_an_official(lang, text, expected):
    found = {c.count: c.claimant for c in extract(text, lang=lang)}
    assert found[5] == expected
    assert found[2] in ("Russian Ministry of Defense", "Ukrainian Air Force")


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a nameless sentence whose next one opens "as the governor said": the governor's
        (
            "ru",
            RU_LEAD + "Ночью в Липецкой области сбиты пять беспилотников. Как уточнил губернатор "
            "Игорь Артамонов, обломки повредили дом.",
            "Governor of Lipetsk Oblast Igor Artamonov",
        ),
        (
            "uk",
            UK_LEAD + "Вночі над Житомирською областю збили п'ять дронів. Як уточнив начальник "
            "Житомирської ОВА, уламки пошкодили будинок.",
            "Head of Zhytomyr Oblast Military Administration",
        ),
        (
            "en",
            EN_LEAD + "Overnight five drones were downed over the Lipetsk region. As the governor "
            "of the Lipetsk region Igor Artamonov said, debris damaged a house.",
            "Governor of Lipetsk Oblast Igor Artamonov",
        ),
    ],
)
def test_as_the_official_said_claims_the_sentence_before(lang, text, expected):
    found = {c.count: c.claimant for c in extract(text, lang=lang)}
    assert found[5] == expected
    assert found[2] in ("Russian Ministry of Defense", "Ukrainian Air Force")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # the outlet's own account of the day, after an official's post (the guideline's example)
        (
            "ru",
            "Мэр Москвы Собянин сообщил, что над городом сбит беспилотник.\n\nСегодня, 5 мая, над Москвой сбиты 16 беспилотников.",
        ),
        (
            "uk",
            "Мер Києва Кличко повідомив про збитий дрон.\n\nСьогодні, 5 травня, над Києвом збили 16 дронів.",
        ),
        (
            "en",
            "Mayor Sergei Sobyanin said a drone was shot down.\n\nToday, 16 drones were shot down while approaching Moscow.",
        ),
    ],
)
def test_today_opens_the_outlets_own_account(lang, text):
    found = {c.count: c.claimant for c in extract(text, lang=lang)}
    assert found[16] == "(outlet)"
    assert found[1].startswith("Mayor of")


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a republic has a head (named, the holder the claimants table knows)
        (
            "ru",
            "Глава Татарстана Рустам Минниханов сообщил, что над республикой сбиты два беспилотника.",
            [("destroyed", 2, "Head of the Republic of Tatarstan Rustam Minnikhanov")],
        ),
        # a head named by surname alone, in another paragraph than the figures
        (
            "ru",
            "В Татарстане сбиты два беспилотника.\n\nОб этом сообщил Минниханов.",
            [("destroyed", 2, "Head of the Republic of Tatarstan Rustam Minnikhanov")],
        ),
        (
            "ru",
            "Глава Республики Башкортостан сообщил, что над республикой сбиты два беспилотника.",
            [("destroyed", 2, "Head of the Republic of Bashkortostan")],
        ),
        (
            "en",
            "The head of Tatarstan said two drones were shot down over the republic.",
            [("destroyed", 2, "Head of the Republic of Tatarstan")],
        ),
        # a title's region follows it in its own clause: "глава МИД заявил, что над Курской"
        # names no head of Kursk
        (
            "ru",
            "Глава МИД заявил, что над Курской областью сбиты два беспилотника, сообщило "
            "Минобороны.",
            [("destroyed", 2, "Russian Ministry of Defense")],
        ),
    ],
)
def test_heads_of_republics_and_titles_of_other_offices(lang, text, expected):
    assert claimants(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # each governor of a plural title speaks for their own region
        (
            "Russia launched five drones overnight, the air force said. The governors of Kyiv "
            "and Kirovohrad regions reported no damage or casualties.",
            [
                ("launched", None, 5, "Ukrainian Air Force"),
                ("casualties", "UA-32", None, "Head of Kyiv Oblast Military Administration"),
                ("casualties", "UA-35", None, "Head of Kirovohrad Oblast Military Administration"),
            ],
        ),
        # the clause before the plural title keeps its own speaker
        (
            "Russia launched 29 drones overnight, the air force said. The governor of Cherkasy "
            "said debris damaged a shop, while the governors of the Sumy, Poltava and Odesa "
            "regions reported no hits to infrastructure or casualties.",
            [
                ("launched", None, 29, "Ukrainian Air Force"),
                ("damage", "UA-71", None, "Head of Cherkasy Oblast Military Administration"),
                ("debris", "UA-71", None, "Head of Cherkasy Oblast Military Administration"),
                ("casualties", "UA-59", None, "Head of Sumy Oblast Military Administration"),
                ("casualties", "UA-53", None, "Head of Poltava Oblast Military Administration"),
                ("casualties", "UA-51", None, "Head of Odesa Oblast Military Administration"),
            ],
        ),
    ],
)
def test_a_plural_title_speaks_for_each_region_named(text, expected):
    assert [
        (c.claim_type, c.admin1, c.count, c.claimant) for c in extract(text, lang="en")
    ] == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a regional head speaks for his region: a nameless paragraph on another region is the
        # outlet's own account; one on his region (or naming none) stays his
        (
            "uk",
            "Начальник Житомирської ОВА повідомив, що над областю збили два дрони.\n\n"
            "А в Хмельницькому внаслідок удару дрона постраждали троє людей.",
            "(outlet)",
        ),
        (
            "uk",
            "Начальник Житомирської ОВА повідомив, що над областю збили два дрони.\n\n"
            "У Житомирі внаслідок удару дрона постраждали троє людей.",
            "Head of Zhytomyr Oblast Military Administration",
        ),
        (
            "ru",
            "Губернатор Липецкой области сообщил, что над регионом сбиты два беспилотника.\n\n"
            "А в Курской области при атаке дрона пострадали три человека.",
            "(outlet)",
        ),
        (
            "ru",
            "Губернатор Липецкой области сообщил, что над регионом сбиты два беспилотника.\n\n"
            "В Ельце при атаке дрона пострадали три человека.",
            "Governor of Lipetsk Oblast",
        ),
        (
            "en",
            "The governor of the Lipetsk region said two drones were shot down.\n\n"
            "In the Kursk region, a drone strike injured three people.",
            "(outlet)",
        ),
        (
            "en",
            "The governor of the Lipetsk region said two drones were shot down.\n\n"
            "A drone strike injured three people in the region.",
            "Governor of Lipetsk Oblast",
        ),
    ],
)
def test_a_regional_head_speaks_for_his_region(lang, text, expected):
    found = {c.claim_type: c.claimant for c in extract(text, lang=lang)}
    assert found["destroyed"] != "(outlet)"
    assert found["casualties"] == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a Telegram channel the outlet cites by name is a source of its own, and speaks of the
        # report's one region; the governor keeps his own figures
        (
            "ru",
            "Губернатор Курской области сообщил, что над регионом сбиты два беспилотника. По "
            "информации Telegram-канала Baza, всего по области выпустили 12 дронов.",
            {2: ("Governor of Kursk Oblast", "RU-KRS"), 12: ("Baza (Telegram channel)", "RU-KRS")},
        ),
        (
            "uk",
            "Губернатор Курської області повідомив, що над регіоном збили два дрони. За даними "
            "телеграм-каналу Astra, всього випустили 12 дронів.",
            {2: ("Governor of Kursk Oblast", "RU-KRS"), 12: ("Astra (Telegram channel)", "RU-KRS")},
        ),
        (
            "en",
            "The governor of the Kursk region said two drones were shot down over the region. "
            "The Shot Telegram channel reported that 12 drones were launched.",
            {2: ("Governor of Kursk Oblast", "RU-KRS"), 12: ("Shot (Telegram channel)", "RU-KRS")},
        ),
    ],
)
def test_a_telegram_channel_cited_by_name(lang, text, expected):
    found = {c.count: (c.claimant, c.admin1) for c in extract(text, lang=lang)}
    assert found == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Shot down drones fell in the Kursk region, the governor of the Kursk region said."),
        (
            "en",
            "Shot at by air defences, a drone fell in a field in the Kursk region, the governor "
            "of the Kursk region said.",
        ),
        ("ru", "Губернатор Курской области сообщил, что на военной базе упали обломки дрона."),
    ],
)
def test_words_like_a_channels_name_are_no_channel(lang, text):
    assert {c.claimant for c in extract(text, lang=lang)} == {"Governor of Kursk Oblast"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a ministry whose bulletins tell only of shoot-downs tells no harm at home: a later
        # paragraph naming nobody is the outlet's own account
        (
            "ru",
            "Минобороны сообщило, что над Брянской областью сбиты пять беспилотников.\n\n"
            "В Курске беспилотник попал в жилой дом, пострадали два человека.",
            [
                ("destroyed", "Russian Ministry of Defense"),
                ("hit", "(outlet)"),
                ("casualties", "(outlet)"),
            ],
        ),
        (
            "uk",
            "Міноборони РФ заявило, що над Брянською областю збили п'ять безпілотників.\n\n"
            "У Курську дрон влучив у житловий будинок, постраждали двоє людей.",
            [
                ("destroyed", "Russian Ministry of Defense"),
                ("hit", "(outlet)"),
                ("casualties", "(outlet)"),
            ],
        ),
        (
            "en",
            "The Russian Defense Ministry said five drones were shot down over the Bryansk "
            "region.\n\nIn Kursk, a drone hit an apartment building, injuring two people.",
            [
                ("destroyed", "Russian Ministry of Defense"),
                ("hit", "(outlet)"),
                ("casualties", "(outlet)"),
            ],
        ),
        (
            "ru",
            "Минобороны Беларуси сообщило, что над Гомельской областью сбит беспилотник.\n\n"
            "Обломки беспилотника упали в поле под Гомелем.",
            [("destroyed", "Ministry of Defence of Belarus"), ("debris", "(outlet)")],
        ),
        # in the bulletin's own paragraph, or attributed to it, the harm stays the ministry's
        (
            "ru",
            "Минобороны сообщило, что над Брянской областью сбиты пять беспилотников. По "
            "данным ведомства, обломки одного из них упали во дворе жилого дома в Брянске.",
            [
                ("destroyed", "Russian Ministry of Defense"),
                ("debris", "Russian Ministry of Defense"),
            ],
        ),
        # harm abroad (its own side's strikes) is no harm at home
        (
            "ru",
            "Минобороны сообщило, что над Черным морем сбиты пять беспилотников.\n\n"
            "В Херсонской области беспилотник попал в жилой дом, пострадали два человека.",
            [
                ("destroyed", "Russian Ministry of Defense"),
                ("hit", "Russian Ministry of Defense"),
                ("casualties", "Russian Ministry of Defense"),
            ],
        ),
    ],
)
def test_a_shootdown_bulletin_tells_no_harm_at_home(lang, text, expected):
    assert [(c.claim_type, c.claimant) for c in extract(text, lang=lang)] == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # "по данным ведомства", "the ministry said": the office named before, not the last
        # claimant, speaks
        (
            "ru",
            "Минобороны сообщило, что над Брянской областью сбиты пять беспилотников.\n\n"
            "Губернатор Брянской области сообщил, что пострадавших нет.\n\n"
            "По данным ведомства, ещё два беспилотника сбиты над Брянской областью.",
            {5: "Russian Ministry of Defense", 2: "Russian Ministry of Defense"},
        ),
        (
            "uk",
            "Міноборони РФ повідомило, що над Брянською областю збили п'ять дронів.\n\n"
            "Губернатор Брянської області повідомив, що постраждалих немає.\n\n"
            "За даними відомства, ще два дрони збили над Брянською областю.",
            {5: "Russian Ministry of Defense", 2: "Russian Ministry of Defense"},
        ),
        (
            "en",
            "The Russian Defense Ministry said five drones were shot down over the Bryansk "
            "region.\n\nThe governor of the Bryansk region said no one was hurt.\n\nTwo more "
            "drones were shot down over the Bryansk region, the ministry said.",
            {5: "Russian Ministry of Defense", 2: "Russian Ministry of Defense"},
        ),
        # harm at home the office itself tells, in a later paragraph, stays its own
        (
            "ru",
            "Минобороны сообщило, что над Брянской областью сбиты пять беспилотников.\n\n"
            "В Брянске обломки беспилотника упали во двор жилого дома, уточнили в ведомстве.",
            {5: "Russian Ministry of Defense", 1: "Russian Ministry of Defense"},
        ),
    ],
)
def test_the_office_referred_to(lang, text, expected):
    found = {c.count: c.claimant for c in extract(text, lang=lang) if c.count is not None}
    assert found == expected


def test_another_ministry_named_is_no_reference():
    text = (
        "Минобороны сообщило, что над Брянской областью сбиты пять беспилотников.\n\n"
        "По данным министерства здравоохранения, в Брянске при атаке дрона пострадали три "
        "человека."
    )
    found = {c.claim_type: c.claimant for c in extract(text, lang="ru")}
    assert found["casualties"] == "(outlet)"


KYIV_OBLAST_HEAD = "Head of Kyiv Oblast Military Administration Ruslan Kravchenko"


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # an official's surname after another given name is a namesake, not the official
        (
            "ru",
            "Над городом сбиты три беспилотника, сообщил мэр Андрей Кравченко.",
            [("destroyed", 3, None)],
        ),
        (
            "uk",
            "Над містом збито три дрони, повідомив депутат Андрій Кравченко.",
            [("destroyed", 3, None)],
        ),
        # the holder's own name, in either script and with a patronymic, is the holder
        (
            "ru",
            "Над Киевской областью сбиты три дрона, сообщил Руслан Анатольевич Кравченко.",
            [("destroyed", 3, KYIV_OBLAST_HEAD)],
        ),
        (
            "uk",
            "Над Київщиною збито три дрони, повідомив Руслан Кравченко.",
            [("destroyed", 3, KYIV_OBLAST_HEAD)],
        ),
        (
            "uk",
            "Над Харківщиною збито три дрони, повідомив Олег Синєгубов.",
            [("destroyed", 3, "Head of Kharkiv Oblast Military Administration Oleh Syniehubov")],
        ),
    ],
)
def test_a_namesake_of_an_official_is_not_the_official(lang, text, expected):
    assert claimants(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "ru",
            "Минобороны Белоруссии сообщило, что над Гомельской областью сбит беспилотник.",
            [("destroyed", 1, "Ministry of Defence of Belarus")],
        ),
        (
            "en",
            "Belarus's defence ministry said its air defences shot down a drone over the Gomel "
            "region.",
            [("destroyed", 1, "Ministry of Defence of Belarus")],
        ),
        (
            "uk",
            "Міноборони Польщі повідомило, що над країною збили чотири дрони.",
            [("destroyed", 4, "Polish Ministry of National Defence")],
        ),
        (
            "ru",
            "Министр обороны Польши Владислав Косиняк-Камыш заявил, что над страной были сбиты "
            "три дрона.",
            [("destroyed", 3, "Polish Ministry of National Defence")],
        ),
        (
            "en",
            "Ukraine's defence ministry said Russia launched 40 drones at western Ukraine.",
            [("launched", 40, "Ukrainian Ministry of Defence")],
        ),
        (
            "uk",
            "Міністерство оборони Молдови повідомило, що уламки дрона знайшли поблизу села Чемир.",
            [("debris", 1, "Ministry of Defence of Moldova")],
        ),
        (
            "en",
            "Romania's defence ministry said fragments of a drone fell on its territory near the "
            "Danube.",
            [("debris", 1, "Romanian Ministry of National Defence")],
        ),
        (
            "ru",
            "Министерство обороны Румынии заявило, что обломки дрона упали на территории страны.",
            [("debris", 1, "Romanian Ministry of National Defence")],
        ),
        # the Russian ministry as Ukrainian texts write it
        (
            "uk",
            "У Міноборони Росії заявили, що збили 40 безпілотників над Брянською областю. "
            "Водночас губернатор області Богомаз повідомив лише про три дрони.",
            [("destroyed", 40, "Russian Ministry of Defense")],
        ),
    ],
)
def test_defence_ministries_of_other_countries(lang, text, expected):
    assert claimants(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        # a Ukrainian official named in a Russian text, spelt the Russian way
        (
            "Над Одесской областью сбиты пять дронов, сообщил Олег Кипер.",
            "Head of Odesa Oblast Military Administration Oleh Kiper",
        ),
        (
            "Над Днепропетровской областью сбиты пять дронов, сообщил Сергей Лысак.",
            "Head of Dnipropetrovsk Oblast Military Administration Serhiy Lysak",
        ),
        (
            "Над Херсонской областью сбиты пять дронов, сообщил Александр Прокудин.",
            "Head of Kherson Oblast Military Administration Oleksandr Prokudin",
        ),
    ],
)
def test_ukrainian_officials_in_russian_spelling(text, claimant):
    assert claimants(text, "ru") == [("destroyed", 5, claimant)]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        # a Ukrainian oblast's military administration named in Russian speaks for it
        (
            "Как сообщили в Харьковской ОВА, над областью сбиты пять дронов.",
            "Head of Kharkiv Oblast Military Administration",
        ),
        (
            "По данным Одесской областной военной администрации, сбиты пять дронов.",
            "Head of Odesa Oblast Military Administration",
        ),
    ],
)
def test_a_military_administration_named_in_russian(text, claimant):
    assert claimants(text, "ru") == [("destroyed", 5, claimant)]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Ukrainian President Volodymyr Zelensky said Russia had launched more than 400 drones "
            "and 40 missiles at Ukraine overnight.",
            [
                ("launched", 400, "President of Ukraine Volodymyr Zelensky"),
                ("launched", 40, "President of Ukraine Volodymyr Zelensky"),
            ],
        ),
        (
            "ru",
            "Президент Украины Владимир Зеленский заявил, что за неделю Россия выпустила по "
            "Украине более 1000 дронов.",
            [("launched", 1000, "President of Ukraine Volodymyr Zelensky")],
        ),
        (
            "uk",
            "Зеленський заявив, що вночі росіяни запустили по Україні 300 дронів.",
            [("launched", 300, "President of Ukraine Volodymyr Zelensky")],
        ),
        # heads of oblasts named with a bare title: the holder, not the official named before
        (
            "en",
            "In the Kherson region, Governor Oleksandr Prokudin said a drone strike injured a "
            "woman. In the Donetsk region, a drone hit a house in Kostiantynivka, according to "
            "Governor Vadym Filashkin.",
            [
                ("hit", None, "Head of Kherson Oblast Military Administration Oleksandr Prokudin"),
                (
                    "casualties",
                    None,
                    "Head of Kherson Oblast Military Administration Oleksandr Prokudin",
                ),
                ("hit", 1, "Head of Donetsk Oblast Military Administration Vadym Filashkin"),
            ],
        ),
        (
            "uk",
            "Вадим Філашкін повідомив, що дрон влучив у будинок у Костянтинівці.",
            [("hit", 1, "Head of Donetsk Oblast Military Administration Vadym Filashkin")],
        ),
        (
            "ru",
            "Глава Луганской ОВА Артем Лысогор сообщил, что дрон ударил по дому в Северодонецке.",
            [("hit", 1, "Head of Luhansk Oblast Military Administration Artem Lysohor")],
        ),
        # officials of the other side, named by surname
        (
            "ru",
            "Глава ДНР Денис Пушилин сообщил, что в результате удара дрона по Горловке погиб "
            "мирный житель.",
            [
                ("hit", 1, "Russian-installed Head of Donetsk Oblast Denis Pushilin"),
                ("casualties", None, "Russian-installed Head of Donetsk Oblast Denis Pushilin"),
            ],
        ),
        (
            "uk",
            "Пушилін заявив, що безпілотник влучив у будинок у Горлівці.",
            [("hit", 1, "Russian-installed Head of Donetsk Oblast Denis Pushilin")],
        ),
        (
            "en",
            "Ryazan governor Pavel Malkov said debris of a drone fell on an industrial site.",
            [("debris", 1, "Governor of Ryazan Oblast Pavel Malkov")],
        ),
        (
            "ru",
            "Кондратьев сообщил, что обломки беспилотника упали на территории Краснодарского края.",
            [("debris", 1, "Governor of Krasnodar Krai Veniamin Kondratyev")],
        ),
        # heads of republics and governors of regions drones reach, by title or surname
        (
            "ru",
            "Над Мордовией уничтожены 6 беспилотников, сообщил глава республики Артём Здунов.",
            [("destroyed", 6, "Head of the Republic of Mordovia Artyom Zdunov")],
        ),
        (
            "ru",
            "Кумпилов сообщил, что обломки беспилотника упали в Тахтамукайском районе Адыгеи.",
            [("debris", 1, "Head of the Republic of Adygea Murat Kumpilov")],
        ),
        (
            "uk",
            "Глава Дагестану Сергій Мєліков заявив, що над Каспійськом збито два дрони.",
            [("destroyed", 2, "Head of the Republic of Dagestan Sergey Melikov")],
        ),
        (
            "en",
            "Saratov governor Roman Busargin said debris of a drone damaged a house in Engels.",
            [
                ("debris", 1, "Governor of Saratov Oblast Roman Busargin"),
                ("damage", None, "Governor of Saratov Oblast Roman Busargin"),
            ],
        ),
        (
            "ru",
            "Глава Чувашии Олег Николаев сообщил, что беспилотник атаковал предприятие в Чебоксарах.",
            [("hit", 1, "Head of the Republic of Chuvashia Oleg Nikolaev")],
        ),
        # a given name before the surname is what makes a common surname the official
        ("ru", "Никитин сообщил, что над Кстово сбиты 5 беспилотников.", [("destroyed", 5, None)]),
        # a city's mayor, not his oblast's
        (
            "uk",
            "Міський голова Дніпра Борис Філатов повідомив, що дрон влучив у житловий будинок.",
            [("hit", 1, "Mayor of Dnipro Borys Filatov")],
        ),
    ],
)
def test_officials_named_by_surname(lang, text, expected):
    assert claimants(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # the only speaker a bare title after the figures of its paragraph
        (
            "ru",
            "Ночью ВСУ атаковали Курскую область беспилотниками. Пострадал один человек, "
            "сообщили в оперштабе региона.",
            [
                ("hit", None, "Governor of Kursk Oblast"),
                ("casualties", None, "Governor of Kursk Oblast"),
            ],
        ),
        (
            "uk",
            "Вночі ворог атакував Сумщину дронами. Поранено двох людей, повідомили в ОВА.",
            [
                ("hit", None, "Head of Sumy Oblast Military Administration"),
                ("casualties", None, "Head of Sumy Oblast Military Administration"),
            ],
        ),
        (
            "en",
            "According to the regional administration, Russian forces attacked Zaporizhzhia with "
            "10 drones overnight. Two people were wounded, the administration added.",
            [
                ("hit", 10, "Head of Zaporizhzhia Oblast Military Administration"),
                (
                    "casualties",
                    None,
                    "Head of Zaporizhzhia Oblast Military Administration",
                ),
            ],
        ),
        (
            "en",
            "Russia fired three Iskander-M missiles at Kharkiv, regional officials said.",
            [("launched", 3, "Head of Kharkiv Oblast Military Administration")],
        ),
    ],
)
def test_a_bare_title_the_only_speaker(lang, text, expected):
    assert claimants(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "ru",
            "Над Москвой сбиты три беспилотника, сообщил Собянин. По подсчетам РБК, с начала "
            "недели на подлете к столице уничтожены 45 дронов.",
            [
                ("destroyed", 3, "Mayor of Moscow Sergei Sobyanin"),
                ("destroyed", 45, "(outlet)"),
            ],
        ),
        (
            "en",
            "Two drones were downed on approach to Moscow, Mayor Sergei Sobyanin said. According "
            "to a Reuters tally, at least 150 drones have been shot down near Moscow this month.",
            [
                ("destroyed", 2, "Mayor of Moscow Sergei Sobyanin"),
                ("destroyed", 150, "(outlet)"),
            ],
        ),
        (
            "uk",
            "Над Києвом збито 10 дронів, повідомив Ткаченко. За підрахунками «Української "
            "правди», від початку місяця по столиці випущено понад 500 шахедів.",
            [
                ("destroyed", 10, "Head of Kyiv City Military Administration Tymur Tkachenko"),
                ("launched", 500, "(outlet)"),
            ],
        ),
    ],
)
def test_the_outlets_own_count(lang, text, expected):
    assert claimants(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "The Russian-installed governor of the Zaporizhzhia region said 12 Ukrainian drones "
            "were shot down over the region.",
            [("destroyed", 12, "Russian-installed Governor of Zaporizhzhia Oblast")],
        ),
        (
            "en",
            "Moscow-installed officials in Crimea said air defences destroyed eight drones over "
            "the peninsula.",
            [("destroyed", 8, "Head of the Republic of Crimea")],
        ),
        (
            "uk",
            "Окупаційна влада Криму заявила, що над півостровом збили 10 дронів.",
            [("destroyed", 10, "Head of the Republic of Crimea")],
        ),
        (
            "uk",
            "Призначений Кремлем очільник окупованої частини Запорізької області повідомив про "
            "збиття шести дронів.",
            [("destroyed", 6, "Russian-installed Governor of Zaporizhzhia Oblast")],
        ),
        (
            "ru",
            "Назначенный Москвой глава Херсонской области заявил, что над регионом сбиты пять "
            "беспилотников.",
            [("destroyed", 5, "Russian-installed Governor of Kherson Oblast")],
        ),
        (
            "ru",
            "Оккупационные власти Херсонской области сообщили, что в Каховке беспилотник "
            "атаковал автомобиль.",
            [("hit", 1, "Russian-installed Governor of Kherson Oblast")],
        ),
        # in Russian a bare governor of a region whose governor Russia installed is that one
        (
            "ru",
            "Как сообщил губернатор Херсонской области, в результате удара украинского дрона по "
            "Каховке ранены двое мирных жителей.",
            [
                ("hit", 1, "Russian-installed Governor of Kherson Oblast"),
                ("casualties", None, "Russian-installed Governor of Kherson Oblast"),
            ],
        ),
        (
            "ru",
            "Губернатор Запорожской области заявил, что над регионом сбиты пять беспилотников.",
            [("destroyed", 5, "Russian-installed Governor of Zaporizhzhia Oblast")],
        ),
        # the head of the region's Ukrainian administration stays: named, or in Ukrainian and
        # English, where "governor" is what the Ukrainian head is called
        (
            "en",
            "Kherson governor Oleksandr Prokudin said a Russian drone hit a bus.",
            [("hit", 1, "Head of Kherson Oblast Military Administration Oleksandr Prokudin")],
        ),
        (
            "ru",
            "Губернатор Запорожской области Иван Федоров сообщил, что дрон атаковал Запорожье.",
            [("hit", 1, "Head of Zaporizhzhia Oblast Military Administration Ivan Fedorov")],
        ),
        (
            "uk",
            "Губернатор Херсонщини повідомив, що російський дрон атакував автобус у Херсоні.",
            [("hit", 1, "Head of Kherson Oblast Military Administration")],
        ),
    ],
)
def test_officials_russia_installed(lang, text, expected):
    assert claimants(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "uk",
            "СБУ атакувала дронами НПЗ у Саратові, повідомило джерело в спецслужбі.",
            [("hit", None, "Security Service of Ukraine")],
        ),
        (
            "en",
            "Ukraine's Security Service (SBU) said its long-range drones hit an oil refinery in "
            "Ryazan.",
            [("hit", None, "Security Service of Ukraine")],
        ),
        (
            "en",
            "Ukraine's military intelligence agency HUR said its drones struck a fuel depot in "
            "the Bryansk region.",
            [("hit", None, "Defence Intelligence of Ukraine")],
        ),
        (
            "uk",
            "Представник ВМС Дмитро Плетенчук повідомив, що над Чорним морем збито дві ракети.",
            [("destroyed", 2, "Ukrainian Navy spokesman Dmytro Pletenchuk")],
        ),
        (
            "uk",
            "У пресслужбі Національної гвардії повідомили, що зенітники знищили 15 шахедів над "
            "Київщиною.",
            [("destroyed", 15, "National Guard of Ukraine")],
        ),
        (
            "ru",
            "В МЧС России сообщили, что после падения обломков беспилотника в Белгороде "
            "загорелся склад.",
            [
                ("debris", 1, "Russian Ministry of Emergency Situations"),
                ("damage", None, "Russian Ministry of Emergency Situations"),
            ],
        ),
        (
            "ru",
            "ФСБ сообщила, что беспилотник атаковал автомобиль пограничников в Курской области.",
            [("hit", 1, "Federal Security Service of Russia")],
        ),
        # an office that helped the forces acting speaks for nothing
        (
            "uk",
            "Повітряні сили повідомили, що вночі збито 14 шахедів. Військові пояснили, що всі "
            "цілі вдалося збити за сприяння Нацгвардії.",
            [("destroyed", 14, "Ukrainian Air Force")],
        ),
    ],
)
def test_security_and_military_offices(lang, text, expected):
    assert claimants(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # "the ministry of the republic": the republic named last before it
        (
            "ru",
            "Ночью над Беларусью пролетели беспилотники — Минобороны республики\n\nДва "
            "беспилотника были уничтожены. Об этом сообщили в Минобороны республики.",
            [("destroyed", 2, "Ministry of Defence of Belarus")],
        ),
        (
            "uk",
            "Над Молдовою пролетів дрон. Міноборони республіки повідомило, що його уламки впали "
            "біля села Чемир.",
            [("debris", None, "Ministry of Defence of Moldova")],
        ),
        # a name after "республики" is the ministry's own
        (
            "ru",
            "Минобороны республики Беларусь сообщило, что над Гомелем сбит беспилотник.",
            [("destroyed", 1, "Ministry of Defence of Belarus")],
        ),
    ],
)
def test_the_ministry_of_the_republic_named_before(lang, text, expected):
    assert claimants(text, lang) == expected


POLISH_COMMAND = "Operational Command of the Polish Armed Forces"


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # Poland's Operational Command reports what fell on its territory; Ukraine's operational
        # commands ("Operational Command South") are none of it
        (
            "en",
            "Poland's Operational Command said debris of a drone was found near Hrubieszow.",
            [("debris", 1, POLISH_COMMAND)],
        ),
        (
            "en",
            "Debris of a drone was found in a field, the Operational Command of the Polish Armed "
            "Forces said.",
            [("debris", 1, POLISH_COMMAND)],
        ),
        (
            "ru",
            "Оперативное командование ВС Польши сообщило, что обломки дрона нашли в поле.",
            [("debris", 1, POLISH_COMMAND)],
        ),
        (
            "uk",
            "Оперативне командування Польщі повідомило, що уламки дрона знайшли в полі.",
            [("debris", 1, POLISH_COMMAND)],
        ),
        # Romania's ministry by its full name
        (
            "en",
            "Fragments of a drone were found near Plauru, Romania's Ministry of National Defence "
            "said.",
            [("debris", 1, "Romanian Ministry of National Defence")],
        ),
    ],
)
def test_polish_operational_command(lang, text, expected):
    assert claimants(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # Ukraine's energy ministry and grid operator report hits on the energy system
        (
            "en",
            "A Russian missile hit an energy facility in the Lviv region, the energy ministry said.",
            [("hit", 1, "Ministry of Energy of Ukraine")],
        ),
        (
            "en",
            "A drone hit a substation in the Odesa region, Ukrenergo said.",
            [("hit", 1, "Ukrenergo")],
        ),
        (
            "uk",
            "Міненерго повідомило, що ракета влучила в енергооб'єкт на Львівщині.",
            [("hit", 1, "Ministry of Energy of Ukraine")],
        ),
        (
            "ru",
            "В Укрэнерго сообщили, что дрон попал в подстанцию в Одесской области.",
            [("hit", 1, "Ukrenergo")],
        ),
    ],
)
def test_energy_offices(lang, text, expected):
    assert claimants(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "ru",
            "Киев утверждает, что за ночь сбиты 48 из 70 российских дронов.",
            [
                ("destroyed", 48, "Ukrainian officials", None),
                ("launched", 70, "Ukrainian officials", None),
            ],
        ),
        (
            "ru",
            "В Москве заявили, что над Курской областью сбиты 30 беспилотников.",
            [("destroyed", 30, "Russian officials", "RU-KRS")],
        ),
        (
            "ru",
            "Москва заявила, что сбила 30 дронов.",
            [("destroyed", 30, "Russian officials", None)],
        ),
        (
            "uk",
            "У Москві заявили, що за ніч збили 30 українських дронів.",
            [("destroyed", 30, "Russian officials", None)],
        ),
        (
            "uk",
            "Київ стверджує, що за ніч збито 48 із 70 дронів.",
            [
                ("destroyed", 48, "Ukrainian officials", None),
                ("launched", 70, "Ukrainian officials", None),
            ],
        ),
        (
            "en",
            "Moscow said its air defences shot down 30 Ukrainian drones overnight.",
            [("destroyed", 30, "Russian officials", None)],
        ),
        # an aside between the capital and its verb
        (
            "ru",
            "Киев, в свою очередь, заявил, что сбиты 40 дронов.",
            [("destroyed", 40, "Ukrainian officials", None)],
        ),
        (
            "en",
            "Kyiv, for its part, said it had shot down 40 drones.",
            [("destroyed", 40, "Ukrainian officials", None)],
        ),
        # the city's own officials tell of the city
        ("ru", "В Киеве сообщили о попадании дрона в жилой дом.", [("hit", 1, None, "UA-30")]),
    ],
)
def test_a_capital_that_speaks_is_its_sides_government_not_a_place(lang, text, expected):
    got = [(c.claim_type, c.count, c.claimant, c.admin1) for c in extract(text, lang=lang)]
    assert got == expected


KHERSON_HEAD = "Head of Kherson Oblast Military Administration Oleksandr Prokudin"
SUMY_HEAD = "Head of Sumy Oblast Military Administration"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Kherson Oblast: A drone hit a bus in Beryslav, Governor Oleksandr Prokudin said.\n\n"
            "Sumy Oblast: A drone hit a shop in Romny, the regional military administration said.",
        ),
        (
            "uk",
            "Херсонщина: дрон влучив в автобус у Бериславі, повідомив Олександр Прокудін.\n\n"
            "Сумщина: дрон влучив у магазин у Ромнах, повідомили в обласній військовій "
            "адміністрації.",
        ),
        (
            "ru",
            "Херсонская область: дрон попал в автобус в Бериславе, сообщил Александр Прокудин.\n\n"
            "Сумская область: дрон попал в магазин в Ромнах, сообщили в областной военной "
            "администрации.",
        ),
    ],
)
def test_a_bare_title_in_a_paragraph_of_another_region_is_that_regions(lang, text):
    """The official of the paragraph before speaks for his region; the bare title in the next
    paragraph, of another region, is that region's holder."""
    assert claimants(text, lang) == [("hit", 1, KHERSON_HEAD), ("hit", 1, SUMY_HEAD)]
    swapped = "\n\n".join(reversed(text.split("\n\n")))  # a live blog: the official after
    assert claimants(swapped, lang) == [("hit", 1, SUMY_HEAD), ("hit", 1, KHERSON_HEAD)]


CITY_AUTHORITIES = [("launched", 80, "Ukrainian Air Force"), ("damage", None, "Mayor of Kharkiv")]
MAYOR_THEN_HEAD = [
    ("damage", None, "Mayor of Lviv"),
    ("hit", 1, "Head of Zakarpattia Oblast Military Administration"),
]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # city authorities are the mayor of the city named
        (
            "en",
            "Russia launched 80 drones, the air force said. In Kharkiv, a house was damaged, city "
            "officials said.",
            CITY_AUTHORITIES,
        ),
        (
            "uk",
            "Росія запустила 80 дронів, повідомили Повітряні сили. У Харкові пошкоджено будинок, "
            "повідомила міська влада.",
            CITY_AUTHORITIES,
        ),
        (
            "ru",
            "Россия запустила 80 дронов, сообщили Воздушные силы ВСУ. В Харькове повреждён дом, "
            "сообщили городские власти.",
            CITY_AUTHORITIES,
        ),
        # a regional title after a mayor is the region's head, not the mayor
        (
            "en",
            "In Lviv, a house was damaged, Mayor Andriy Sadovyi said. In the Zakarpattia region, a "
            "drone hit a plant, the regional governor said.",
            MAYOR_THEN_HEAD,
        ),
        (
            "uk",
            "У Львові пошкоджено будинок, повідомив міський голова. На Закарпатті дрон влучив у "
            "завод, повідомив голова ОВА.",
            MAYOR_THEN_HEAD,
        ),
        (
            "ru",
            "Во Львове поврежден дом, сообщил мэр. В Закарпатской области дрон попал в завод, "
            "сообщил глава ОВА.",
            MAYOR_THEN_HEAD,
        ),
    ],
)
def test_mayors_and_regional_heads_stay_apart(lang, text, expected):
    assert claimants(text, lang) == expected


@pytest.mark.parametrize(
    ("speaker", "claimant"),
    [
        # in English too: another given name is a namesake; a title before the surname is none
        ("Andrei Kravchenko", None),
        ("Governor Kravchenko", KYIV_OBLAST_HEAD),
        ("Ruslan Kravchenko", KYIV_OBLAST_HEAD),
    ],
)
def test_an_english_namesake_of_an_official_is_not_the_official(speaker, claimant):
    text = f"Three drones were downed over the Kyiv region, {speaker} said."
    assert claimants(text, "en") == [("destroyed", 3, claimant)]


def test_an_english_given_name_spelt_another_way_is_the_holder():
    """ "Filip" and "Philip" open with one sound: the holder, not a namesake."""
    text = "Three drones were downed over the Poltava region, Filip Pronin said."
    assert claimants(text, "en") == [
        ("destroyed", 3, "Head of Poltava Oblast Military Administration Philip Pronin")
    ]


@pytest.mark.parametrize(
    ("text", "lang", "found"),
    [
        ("Как сообщили в ведомстве, сбиты 5 БПЛА.", "ru", ["ведомстве"]),
        ("Министерство сообщило о 5 БПЛА.", "ru", ["Министерство"]),
        ("Министерство обороны сообщило о 5 БПЛА.", "ru", []),  # another office named after it
        ("Сбиты 5 БПЛА над областью.", "ru", []),
        ("За даними відомства, збито 5 БпЛА.", "uk", ["відомства"]),
        ("The ministry said 5 drones were downed.", "en", ["The ministry"]),
        ("The Ministry of Health said 2 were injured.", "en", []),
    ],
)
def test_anaphora_spans_are_the_patterns_and_skip_texts_without_its_words(text, lang, found):
    spanned = word_list_spans("anaphora", text, lang)
    assert [text[start:end] for start, end in spanned] == found
    assert spanned == spans(word_list("anaphora", lang), text)


KYIV_CITY = "Head of Kyiv City Military Administration"


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # Kyiv's city administrations by their abbreviations speak, and "столица" is Kyiv there
        (
            "ru",
            "Киевская ГВА сообщила, что ночью над столицей сбиты 12 беспилотников.",
            [("destroyed", 12, "UA-30", KYIV_CITY)],
        ),
        (
            "ru",
            "Над Киевом сбиты 10 дронов, сообщили в КГВА.",
            [("destroyed", 10, "UA-30", KYIV_CITY)],
        ),
        (
            "ru",
            "По данным КГГА, в Соломенском районе обломки дрона упали на жилой дом.",
            [("debris", 1, "UA-30", "Mayor of Kyiv")],
        ),
        (
            "uk",
            "Київська МВА: сили ППО збили над столицею три ракети.",
            [("destroyed", 3, "UA-30", KYIV_CITY)],
        ),
        (
            "uk",
            "Над Києвом збито 10 дронів, повідомили у КМДА.",
            [("destroyed", 10, "UA-30", "Mayor of Kyiv")],
        ),
        (
            "en",
            "Ten drones were shot down over Kyiv, the Kyiv City Military Administration said.",
            [("destroyed", 10, "UA-30", KYIV_CITY)],
        ),
    ],
)
def test_kyiv_city_administrations_by_abbreviation(lang, text, expected):
    found = [(c.claim_type, c.count, c.admin1, c.claimant) for c in extract(text, lang=lang)]
    assert found == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # "the capital" is the one the report names by name
        (
            "ru",
            "Мэр Киева Виталий Кличко сообщил, что в Оболонском районе столицы обломки дрона "
            "упали на жилой дом.",
            [("debris", "UA-30")],
        ),
        (
            "uk",
            "Мер Москви Сергій Собянін повідомив, що три дрони, які летіли на Москву, збито. Уламки "
            "впали на території столиці.",
            [("destroyed", "RU-MOW"), ("debris", "RU-MOW")],
        ),
    ],
)
def test_the_capital_is_the_one_named(lang, text, expected):
    assert [(c.claim_type, c.admin1) for c in extract(text, lang=lang)] == expected


def test_one_of_the_victims_is_no_weapon():
    text = (
        "Debris of missiles fell in the Obolonskyi district of Kyiv, the State Emergency Service "
        "said.\n\nMayor Vitali Klitschko wrote about three in the Obolonskyi district. One of the "
        "victims was hospitalized."
    )
    assert [(c.claim_type, c.count) for c in extract(text, lang="en")] == [("debris", None)]


def test_an_office_and_its_head_are_one_speaker():
    """The office by its title and its head by name in one report: a figure both tell is one
    claim."""
    text = (
        "Росіяни атакували Запоріжжя, пошкоджено будинки, повідомили в Запорізькій ОВА.\n\n"
        "Начальник ОВА Іван Федоров повідомив, що внаслідок атаки дронів пошкоджено "
        "багатоповерхівку."
    )
    damage = [c.claimant for c in extract(text, lang="uk") if c.claim_type == "damage"]
    assert damage == ["Head of Zaporizhzhia Oblast Military Administration Ivan Fedorov"]


AIR_FORCE_FIRST = "Russia launched 40 drones overnight, the air force said. "


@pytest.mark.parametrize(
    ("lang", "text", "speaker"),
    [
        # a title after the claim, "says regional head …", is the region's, not the speaker before
        (
            "en",
            AIR_FORCE_FIRST + "A drone hit a house in the Chernihiv region, says regional head "
            "Ivan Petrenko.",
            "Head of Chernihiv Oblast Military Administration",
        ),
        (
            "en",
            AIR_FORCE_FIRST + "A drone hit a house in the Poltava region, says regional head "
            "Volodymyr Kohut.",
            "Head of Poltava Oblast Military Administration Volodymyr Kohut",
        ),
        # a city's military administration speaks for the city its sentence names
        (
            "en",
            AIR_FORCE_FIRST + "In Kherson, a drone hit a bus stop, the city military "
            "administration reported.",
            "Kherson City Military Administration",
        ),
        (
            "en",
            AIR_FORCE_FIRST + "A drone hit a bus stop in the Dniprovskyi district, the Kherson "
            "city military administration reported.",
            "Kherson City Military Administration",
        ),
        (
            "en",
            AIR_FORCE_FIRST + "A woman was injured in Kherson when a drone attacked a bus, "
            "according to the city administration.",
            "Kherson City Military Administration",
        ),
        (
            "en",
            "Russia's defence ministry said it destroyed 30 drones. A drone hit a house in "
            "Belgorod, injuring a man, the city administration said.",
            "Belgorod City Administration",
        ),
        (
            "uk",
            "Вночі ворог запустив 40 дронів, повідомили Повітряні сили. У Херсоні дрон влучив у "
            "зупинку, повідомила міська військова адміністрація.",
            "Kherson City Military Administration",
        ),
        (
            "ru",
            "Ночью запущено 40 дронов, сообщили Воздушные силы Украины. В Херсоне дрон попал в "
            "остановку, сообщила городская военная администрация.",
            "Kherson City Military Administration",
        ),
    ],
)
def test_a_title_after_the_claim_speaks_for_its_region(lang, text, speaker):
    assert claimants(text, lang)[-1][2] == speaker
