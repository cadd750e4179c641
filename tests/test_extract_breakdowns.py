"""Breakdowns: a total and its parts, item by item (dashes, colons, bullets, "по N",
"ещё N", "столько же", "из них", "в том числе", elliptical region names), across
sentence breaks, in every language."""

from __future__ import annotations

import json

import pytest

from extract_helpers import keys
from skyledger.extract import extract


def d(count, admin1=None, weapon="uav"):
    return ("destroyed", weapon, count, admin1)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # the list goes on past full stops, with "из них", "ещё", "по N" and an ellipsis
        (
            "За ночь средства ПВО уничтожили 120 украинских беспилотников. 50 — над Курской "
            "областью, 30 — над Московским регионом, из них 12 летели на Москву. Ещё пять — над "
            "Тульской областью, 15 — над Краснодарским краем, по 8 — над Орловской областью и "
            "Чёрным морем, четыре — над Калужской.",
            "ru",
            [
                d(120),
                d(50, "RU-KRS"),
                d(30, "RU-MOS"),
                d(5, "RU-TUL"),
                d(15, "RU-KDA"),
                d(8, "RU-ORL"),
                d(8),
                d(4, "RU-KLU"),
            ],
        ),
        # a one-word region before "and" and the next count closes its own part
        (
            "Сбиты 20 беспилотников: восемь — над Воронежской областью, пять — над Крымом и "
            "три — над акваторией Черного моря.",
            "ru",
            [d(20), d(8, "RU-VOR"), d(5, "UA-43"), d(3)],
        ),
        (
            "Збито 20 дронів: вісім — над Сумщиною, п'ять — над Кримом та три — над Чорним морем.",
            "uk",
            [d(20), d(8, "UA-59"), d(5, "UA-43"), d(3)],
        ),
        (
            "Twenty drones were downed: eight over the Voronezh region, five over Crimea and "
            "three over the Black Sea.",
            "en",
            [d(20), d(8, "RU-VOR"), d(5, "UA-43"), d(3)],
        ),
        (
            "Уночі сили ППО знищили 60 дронів. 30 — над Харківщиною, 20 — над Сумщиною. "
            "Ще десять — над Полтавщиною.",
            "uk",
            [d(60), d(30, "UA-63"), d(20, "UA-59"), d(10, "UA-53")],
        ),
        (
            "Air defences destroyed 60 drones overnight. 30 of them were downed over the Kursk "
            "region, 20 over Tula, 10 over Oryol.",
            "en",
            [d(60), d(30, "RU-KRS"), d(20, "RU-TUL"), d(10, "RU-ORL")],
        ),
        (
            "Air defences destroyed 60 Ukrainian drones overnight, the ministry said. It said 30 "
            "drones were shot down over the Kursk Region, ten over the Tula Region, eight over "
            "the Oryol Region, seven over the Kaluga Region and five over Crimea.",
            "en",
            [
                d(60),
                d(30, "RU-KRS"),
                d(10, "RU-TUL"),
                d(8, "RU-ORL"),
                d(7, "RU-KLU"),
                d(5, "UA-43"),
            ],
        ),
        # "из них" opening the next sentence
        (
            "ПВО уничтожили 30 беспилотников. Из них 20 — над Курской областью, 10 — над Брянской.",
            "ru",
            [d(30), d(20, "RU-KRS"), d(10, "RU-BRY")],
        ),
        (
            "Уночі збито 30 дронів. З них 20 — над Сумщиною, 10 — над Чернігівщиною.",
            "uk",
            [d(30), d(20, "UA-59"), d(10, "UA-74")],
        ),
        # a region, a dash, then its count, in a sentence of its own
        (
            "Минобороны сообщило, что ПВО сбили 45 беспилотников. Больше всего над Курской — 30.",
            "ru",
            [d(45), d(30, "RU-KRS")],
        ),
        # "ещё N <weapon>" with no place goes on no list
        (
            "ПВО сбили 20 беспилотников над Курской областью. Ещё три БПЛА были в воздухе.",
            "ru",
            [d(20, "RU-KRS")],
        ),
    ],
)
def test_lists_across_sentences(text, lang, expected):
    assert keys(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Дежурные средства ПВО уничтожили 40 беспилотников: 20 — над Курской областью, "
            "10 — над Брянской, столько же — над Орловской.",
            "ru",
            [d(40), d(20, "RU-KRS"), d(10, "RU-BRY"), d(10, "RU-ORL")],
        ),
        (
            "Уночі сили ППО знищили 40 дронів: 20 — над Харківщиною, 10 — над Сумщиною, "
            "стільки ж — над Полтавщиною.",
            "uk",
            [d(40), d(20, "UA-63"), d(10, "UA-59"), d(10, "UA-53")],
        ),
        (
            "Air defences destroyed 40 drones: 20 over the Kursk region, 10 over Bryansk and "
            "the same number over Oryol.",
            "en",
            [d(40), d(20, "RU-KRS"), d(10, "RU-BRY"), d(10, "RU-ORL")],
        ),
    ],
)
def test_as_many_again(text, lang, expected):
    assert keys(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # the dash after a count opens its own line: its region is its own, even when "и 3 —"
        # follows it and opens the next
        (
            "Уничтожены 17 беспилотников: 10 — над Брянской областью, 4 — над Краснодарским "
            "краем и 3 — над Курской областью.",
            "ru",
            [d(17), d(10, "RU-BRY"), d(4, "RU-KDA"), d(3, "RU-KRS")],
        ),
        (
            "Знищено 17 дронів: 10 — над Сумщиною, 4 — над Харківщиною та 3 — над Полтавщиною.",
            "uk",
            [d(17), d(10, "UA-59"), d(4, "UA-63"), d(3, "UA-53")],
        ),
        (
            "Seventeen drones were destroyed: 10 - over the Bryansk region, 4 - over the Kursk "
            "region and 3 - over the Oryol region.",
            "en",
            [d(17), d(10, "RU-BRY"), d(4, "RU-KRS"), d(3, "RU-ORL")],
        ),
    ],
)
def test_a_dashed_item_before_and_keeps_its_region(text, lang, expected):
    assert keys(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a region after "and" with a dash and a count after it opens that count's line
        (
            "Над Брянской областью уничтожили 17 дронов, над Курской — 11, над Калужской — четыре "
            "и над Смоленской областью — два.",
            "ru",
            [d(17, "RU-BRY"), d(11, "RU-KRS"), d(4, "RU-KLU"), d(2, "RU-SMO")],
        ),
        (
            "Над Брянщиною знищено 17 дронів, над Курською — 11, над Калузькою — чотири і над "
            "Смоленською областю — два.",
            "uk",
            [d(17, "RU-BRY"), d(11, "RU-KRS"), d(4, "RU-KLU"), d(2, "RU-SMO")],
        ),
        (
            "Over the Bryansk region 17 drones were destroyed, over Kursk — 11, over Kaluga — four "
            "and over the Smolensk region — two.",
            "en",
            [d(17, "RU-BRY"), d(11, "RU-KRS"), d(4, "RU-KLU"), d(2, "RU-SMO")],
        ),
    ],
)
def test_a_region_after_and_leads_the_next_dashed_count(text, lang, expected):
    assert keys(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Над регионами уничтожены беспилотники:\n▪️ Курская область — 12;\n"
            "▪️ Брянская область — 7;\n▪️ Орловская область — 3.",
            "ru",
            [d(22), d(12, "RU-KRS"), d(7, "RU-BRY"), d(3, "RU-ORL")],
        ),
        (
            "Збито дрони:\n- Харківщина — 12;\n- Сумщина — 7;\n- Полтавщина — 3.",
            "uk",
            [d(22), d(12, "UA-63"), d(7, "UA-59"), d(3, "UA-53")],
        ),
        (
            "Drones downed overnight:\n• Kursk region: 12\n• Bryansk region: 7\n• Oryol region: 3",
            "en",
            [d(22), d(12, "RU-KRS"), d(7, "RU-BRY"), d(3, "RU-ORL")],
        ),
    ],
)
def test_bullet_lists(text, lang, expected):
    assert keys(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # "N of them over X" after the total is the first part of the list, not a restatement
        (
            "Air defences shot down 75 drones overnight, 26 of them over the Belgorod region, "
            "25 over Bryansk and 23 over Rostov.",
            "en",
            [d(75), d(26, "RU-BEL"), d(25, "RU-BRY"), d(23, "RU-ROS")],
        ),
        (
            "За ночь сбиты 75 беспилотников, 26 из них над Белгородской областью.",
            "ru",
            [d(75), d(26, "RU-BEL")],
        ),
        (
            "Збито 40 дронів, 12 з них над Сумською областю.",
            "uk",
            [d(40), d(12, "UA-59")],
        ),
        # a part over several regions, beside parts of one region each: no region's own
        # count, each region named gets a part with none (like "the rest over ...")
        (
            "Air defences destroyed 27 drones overnight. Eleven were downed over the Kursk, "
            "Belgorod and Bryansk regions, nine over the Moscow region and seven over the Tula "
            "region, the ministry said.",
            "en",
            [d(27), d(None, "RU-KRS"), d(None, "RU-BEL"), d(None, "RU-BRY"), d(9, "RU-MOS")]
            + [d(7, "RU-TUL")],
        ),
        (
            "Силы ПВО уничтожили 27 беспилотников. Одиннадцать сбиты над Курской, Белгородской "
            "и Брянской областями, девять — над Московским регионом и семь — над Тульской "
            "областью.",
            "ru",
            [d(27), d(None, "RU-KRS"), d(None, "RU-BEL"), d(None, "RU-BRY"), d(9, "RU-MOS")]
            + [d(7, "RU-TUL")],
        ),
        (
            "Сили ППО збили 27 дронів. Одинадцять збито над Сумською, Харківською та "
            "Чернігівською областями, дев'ять — над Київщиною і сім — над Полтавщиною.",
            "uk",
            [d(27), d(None, "UA-59"), d(None, "UA-63"), d(None, "UA-74"), d(9, "UA-32")]
            + [d(7, "UA-53")],
        ),
        # ... alone beside its total, it stays one figure
        (
            "Air defences destroyed 27 drones overnight, 11 of them over the Kursk and "
            "Belgorod regions.",
            "en",
            [d(27), d(11)],
        ),
    ],
)
def test_parts_of_them_over_a_region(text, lang, expected):
    assert keys(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # elliptical region names right after a count
        (
            "Air defences destroyed 50 drones: 26 over the Belgorod region, 14 over Bryansk, "
            "10 over Rostov.",
            "en",
            [d(50), d(26, "RU-BEL"), d(14, "RU-BRY"), d(10, "RU-ROS")],
        ),
        (
            "ПВО уничтожили 50 беспилотников: 26 — над Белгородской, 14 — над Брянской, "
            "10 — над Ростовской.",
            "ru",
            [d(50), d(26, "RU-BEL"), d(14, "RU-BRY"), d(10, "RU-ROS")],
        ),
        (
            "Над Росією збито 50 дронів: 26 — над Курською, 14 — над Брянською, "
            "10 — над Ростовською.",
            "uk",
            [d(50), d(26, "RU-KRS"), d(14, "RU-BRY"), d(10, "RU-ROS")],
        ),
        # a bare city name with no count before it stays no region of a list
        (
            "Officials in Tula said a drone was shot down over the Kursk region.",
            "en",
            [d(1, "RU-KRS")],
        ),
    ],
)
def test_elliptical_region_names(text, lang, expected):
    assert keys(text, lang) == expected


def test_krai_and_sea_in_the_instrumental():
    claims = extract(
        "ПВО уничтожили 20 беспилотников: 12 — над Краснодарским краем, 8 — над Чёрным морем.",
        lang="ru",
    )
    assert [(c.count, c.admin1, [p.normal for p in c.places]) for c in claims] == [
        (20, None, []),
        (12, "RU-KDA", []),
        (8, None, ["Черное море"]),
    ]


@pytest.mark.parametrize(
    ("adds_up", "overshoots", "lang"),
    [
        (
            "ПВО уничтожили 30 беспилотников: 20 — над Курской областью, 10 — над Брянской.",
            "ПВО уничтожили 30 беспилотников: 20 — над Курской областью, 15 — над Брянской.",
            "ru",
        ),
        (
            "Сили ППО знищили 30 дронів: 20 — над Сумщиною, 10 — над Харківщиною.",
            "Сили ППО знищили 30 дронів: 20 — над Сумщиною, 15 — над Харківщиною.",
            "uk",
        ),
        (
            "Air defences destroyed 30 drones: 20 over the Kursk region and 10 over the Bryansk "
            "region.",
            "Air defences destroyed 30 drones: 20 over the Kursk region and 15 over the Bryansk "
            "region.",
            "en",
        ),
    ],
)
def test_parts_checked_against_the_total(adds_up, overshoots, lang):
    """Parts that add up to the total confirm the list; parts that add up to more than it
    make the total and every part doubtful."""
    confirmed, doubtful = extract(adds_up, lang=lang), extract(overshoots, lang=lang)
    assert [c.count for c in confirmed] == [30, 20, 10]
    assert [c.count for c in doubtful] == [30, 20, 15]
    alone = extract(adds_up.split(":")[0] + ".", lang=lang)  # the total with no parts
    assert [c.count for c in alone] == [30]
    assert confirmed[0].confidence > alone[0].confidence
    assert all(a.confidence > b.confidence for a, b in zip(confirmed, doubtful, strict=True))


def test_eval_errors_lists_totals_their_parts_overshoot(run_cli, tmp_path):
    gold = tmp_path / "gold.jsonl"
    rows = [
        {
            "id": "adds-up",
            "lang": "ru",
            "published": None,
            "text": "ПВО уничтожили 30 беспилотников: 20 — над Курской областью, 10 — над Брянской.",
            "claims": [
                {"claim_type": "destroyed", "weapon": "uav", "count": 30, "admin1": None},
                {"claim_type": "destroyed", "weapon": "uav", "count": 20, "admin1": "RU-KRS"},
                {"claim_type": "destroyed", "weapon": "uav", "count": 10, "admin1": "RU-BRY"},
            ],
        },
        {
            "id": "overshoots",
            "lang": "en",
            "published": None,
            "text": "Air defences destroyed 30 drones: 20 over the Kursk region and 15 over the "
            "Bryansk region.",
            "claims": [],
        },
    ]
    gold.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8"
    )
    result = run_cli("eval", str(gold), "--errors")
    assert result.returncode == 0, result.stderr
    listed = [line for line in result.stdout.splitlines() if line.startswith("parts")]
    assert listed == [
        "parts overshoots (en) destroyed uav count=30 admin1=None [None]: "
        "2 parts listed after it add up to 35"
    ]
    assert "== adds-up" not in result.stdout


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a total broken down by model in a later sentence: only the total is a claim
        (
            "Ukraine downs 4 missiles overnight\n\nThe air force said it shot down two "
            "Iskander-M missiles and two Kh-59 missiles.",
            "en",
            [d(4, weapon="missile")],
        ),
        (
            "Сили ППО збили 4 ракети\n\nПовітряні сили повідомили, що збито дві ракети "
            "Іскандер-М та дві ракети Х-59.",
            "uk",
            [d(4, weapon="missile")],
        ),
        (
            "ПВО сбили четыре ракеты\n\nВ Минобороны уточнили, что сбиты две ракеты "
            "«Искандер-М» и две ракеты Х-59.",
            "ru",
            [d(4, weapon="missile")],
        ),
        # broken down by region, the parts are claims
        (
            "ПВО сбили четыре ракеты.\n\nВ Минобороны уточнили, что две ракеты сбиты над "
            "Курской областью, две — над Брянской.",
            "ru",
            [d(4, weapon="missile"), d(2, "RU-KRS", "missile"), d(2, "RU-BRY", "missile")],
        ),
    ],
)
def test_a_total_broken_down_by_model(text, lang, expected):
    assert keys(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # a count sorted by kind, with no place: only the whole is a claim
        ("Ворог запустив 50 дронів, з них 30 — шахеди.", "uk"),
        ("Противник запустил 50 беспилотников, из них 30 — «Шахеды».", "ru"),
        ("Russia launched 50 drones, 30 of them Shaheds.", "en"),
        ("Ворог атакував 50 ударними БпЛА: 30 шахедів та 20 дронів-імітаторів.", "uk"),
        ("Противник атаковал 50 беспилотниками: 30 «Гераней» и 20 «Гербер».", "ru"),
        ("Russia attacked with 50 drones: 30 Shaheds and 20 Gerbera decoy drones.", "en"),
    ],
)
def test_a_count_sorted_by_kind(text, lang):
    assert keys(text, lang) == [("launched", "uav", 50, None)]


def launched(count, admin1=None, weapon="uav"):
    return ("launched", weapon, count, admin1)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # "of them" with a verb and no noun after a launch: a part of another claim type
        (
            "Противник направил на Тульскую область девять дронов, из них уничтожены четыре.",
            "ru",
            [launched(9, "RU-TUL"), d(4, "RU-TUL")],
        ),
        (
            "Противник направил на Тульскую область девять дронов. Из них уничтожены четыре.",
            "ru",
            [launched(9, "RU-TUL"), d(4, "RU-TUL")],
        ),
        (
            "Ворог спрямував на Полтавщину дев'ять ударних дронів, з них знищено чотири.",
            "uk",
            [launched(9, "UA-53"), d(4, "UA-53")],
        ),
        (
            "Ворог спрямував на Полтавщину дев'ять ударних дронів. З них знищено чотири.",
            "uk",
            [launched(9, "UA-53"), d(4, "UA-53")],
        ),
        (
            "The enemy sent nine drones toward the Poltava region, four of them were destroyed.",
            "en",
            [launched(9, "UA-53"), d(4, "UA-53")],
        ),
        (
            "The enemy sent nine drones toward the Poltava region. Of them, four were destroyed.",
            "en",
            [launched(9, "UA-53"), d(4, "UA-53")],
        ),
        (
            "Russia sent 90 drones at Ukraine overnight, the air force said. Of these, 61 were "
            "shot down.",
            "en",
            [launched(90), d(61)],
        ),
        (
            "The enemy sent 12 drones toward the Sumy region. Of those, seven were destroyed.",
            "en",
            [launched(12, "UA-59"), d(7, "UA-59")],
        ),
        # ... and after the verb that counts it, in a sentence of its own
        (
            "Russia sent 90 drones at Ukraine overnight. Air defences shot down 61 of them.",
            "en",
            [launched(90), d(61)],
        ),
        (
            "Противник направил на Украину 90 беспилотников. Силы ПВО сбили 61 из них.",
            "ru",
            [launched(90), d(61)],
        ),
        (
            "Ворог спрямував на Україну 90 дронів. Сили ППО збили 61 з них.",
            "uk",
            [launched(90), d(61)],
        ),
    ],
)
def test_a_part_with_no_noun_after_a_launch(text, lang, expected):
    assert keys(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a shoot-down split by means: each part over the region, and with a total of the
        # same claim and region before them, only the total
        (
            "Над Тульской областью сбили шесть беспилотников средствами ПВО, ещё два были "
            "подавлены средствами РЭБ.",
            "ru",
            [d(6, "RU-TUL"), d(2, "RU-TUL")],
        ),
        (
            "Над Полтавщиною збито шість дронів засобами ППО, ще два подавлено засобами РЕБ.",
            "uk",
            [d(6, "UA-53"), d(2, "UA-53")],
        ),
        (
            "Six drones were downed over the Poltava region by air defence, and two more were "
            "suppressed by electronic warfare.",
            "en",
            [d(6, "UA-53"), d(2, "UA-53")],
        ),
        (
            "Над Тульской областью ликвидированы восемь дронов\n\nНад Тульской областью сбили "
            "шесть беспилотников средствами ПВО, ещё два были подавлены средствами РЭБ.",
            "ru",
            [d(8, "RU-TUL")],
        ),
        (
            "Над Полтавщиною знешкоджено вісім дронів\n\nНад Полтавщиною збито шість дронів "
            "засобами ППО, ще два подавлено засобами РЕБ.",
            "uk",
            [d(8, "UA-53")],
        ),
        (
            "Eight drones destroyed over the Poltava region\n\nSix drones were downed over the "
            "Poltava region by air defence, and two more were suppressed by electronic warfare.",
            "en",
            [d(8, "UA-53")],
        ),
        # a count of people after "more" is no weapon count
        (
            "Air defences shot down six drones over the Poltava region, wounding two more.",
            "en",
            [d(6, "UA-53"), ("casualties", "uav", None, "UA-53")],
        ),
    ],
)
def test_a_shootdown_split_by_means(text, lang, expected):
    assert keys(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # districts of one region with counts of their own are parts of the region's count:
        # one claim, even when a district is named like its region
        (
            "Над Харківщиною збили п'ять дронів – три над Харківським районом, два над "
            "Чугуївським.",
            "uk",
            [("destroyed", "uav", 5, "UA-63")],
        ),
        (
            "Над Белгородской областью сбиты пять беспилотников – три над Белгородским районом, "
            "два над Шебекинским округом.",
            "ru",
            [("destroyed", "uav", 5, "RU-BEL")],
        ),
        (
            "Ворог завдав трьох ударів КАБами по Харкову – два по Шевченківському району, один "
            "по Київському.",
            "uk",
            [("hit", "glide_bomb", 3, "UA-63")],
        ),
        (
            "Противник нанес три удара КАБами по Харькову – два по Шевченковскому району, один "
            "по Киевскому.",
            "ru",
            [("hit", "glide_bomb", 3, "UA-63")],
        ),
        (
            "Five drones were shot down over the Belgorod region – three over the Belgorod "
            "district, two over the Shebekino district.",
            "en",
            [("destroyed", "uav", 5, "RU-BEL")],
        ),
    ],
)
def test_districts_of_one_region_are_parts_of_its_count(text, lang, expected):
    assert keys(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # a count with no noun before its claim verb counts the weapon counted before it
        ("Россия запустила 84 дрона, 60 были сбиты.", "ru"),
        ("Противник запустил 84 беспилотника. 60 сбиты силами ПВО.", "ru"),
        ("Росія запустила 84 дрони, 60 було збито.", "uk"),
        ("Russia launched 84 drones; 60 were shot down.", "en"),
        ("The air force said 84 drones were launched overnight. Sixty were shot down.", "en"),
        # lost from radar is said of its own count, not of the one before it in the clause
        (
            "Russia launched 84 drones; 60 were shot down or jammed and 20 were lost from radar.",
            "en",
        ),
        ("Ворог запустив 84 дрони, 60 збито, ще 20 локаційно втрачено.", "uk"),
    ],
)
def test_a_count_before_its_verb_counts_the_weapon_before(text, lang):
    assert [k[:3] for k in keys(text, lang)] == [("launched", "uav", 84), ("destroyed", "uav", 60)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Russia fired 23 missiles and 90 drones at Ukraine overnight, of which 18 missiles "
            "and 66 drones were shot down.",
        ),
        (
            "ru",
            "Россия выпустила по Украине 23 ракеты и 90 дронов, из них 18 ракет и 66 дронов "
            "были сбиты.",
        ),
        (
            "uk",
            "Росія випустила по Україні 23 ракети та 90 дронів, з них 18 ракет і 66 дронів було "
            "збито.",
        ),
    ],
)
def test_parts_after_of_which_take_the_verb_after_them_all(lang, text):
    """ "Of which 18 missiles and 66 drones were shot down": both parts are shot down, the
    first no launch of its own."""
    assert [k[:3] for k in keys(text, lang)] == [
        ("launched", "missile", 23),
        ("launched", "uav", 90),
        ("destroyed", "missile", 18),
        ("destroyed", "uav", 66),
    ]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Russia launched 4 missiles and 97 drones, the air force said, adding that 2 missiles "
            "and 71 drones were shot down.",
        ),
        (
            "ru",
            "Россия выпустила 4 ракеты и 97 дронов, сообщили Воздушные силы, уточнив, что 2 "
            "ракеты и 71 дрон были сбиты.",
        ),
        (
            "uk",
            "Росія випустила 4 ракети і 97 дронів, повідомили Повітряні сили, уточнивши, що 2 "
            "ракети і 71 дрон було збито.",
        ),
    ],
)
def test_counts_joined_by_and_share_the_verb_after_them(lang, text):
    assert [k[:3] for k in keys(text, lang)] == [
        ("launched", "missile", 4),
        ("launched", "uav", 97),
        ("destroyed", "missile", 2),
        ("destroyed", "uav", 71),
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ночью над Краснодарским краем и Республикой Адыгея сбиты 18 беспилотников.", "ru"),
        ("Вночі над Ростовською областю та Республікою Крим збито 18 дронів.", "uk"),
        (
            "Overnight 18 drones were shot down over the Rostov region and the Republic of Crimea.",
            "en",
        ),
    ],
)
def test_a_count_over_a_region_and_a_republic_is_over_neither_alone(text, lang):
    assert keys(text, lang) == [d(18)]


@pytest.mark.parametrize(
    "text",
    [
        "Hits by eight missiles and 31 drones were recorded at 14 locations.",
        "Hits of 8 missiles and 31 drones were recorded at 14 locations.",
    ],
)
def test_counts_joined_by_and_share_the_link_before_them(text):
    """ "Hits by eight missiles and 31 drones": both counts are hits (Russian and Ukrainian
    say it with the genitive, "влучання 8 ракет і 31 дрона", already one cue)."""
    assert keys(text, "en") == [("hit", "missile", 8, None), ("hit", "uav", 31, None)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a count in brackets right after its region, with the region noun or without
        (
            "Минобороны: за ночь сбиты 70 беспилотников — над Белгородской (31), Курской (24) и "
            "Брянской (15) областями.",
            "ru",
            [d(70), d(31, "RU-BEL"), d(24, "RU-KRS"), d(15, "RU-BRY")],
        ),
        (
            "Беспилотники сбиты над Белгородской областью (31), Курской областью (24) и Брянской "
            "областью (15).",
            "ru",
            [d(31, "RU-BEL"), d(24, "RU-KRS"), d(15, "RU-BRY")],
        ),
        (
            "Дрони збито над Сумщиною (12), Харківщиною (8) та Полтавщиною (3).",
            "uk",
            [d(12, "UA-59"), d(8, "UA-63"), d(3, "UA-53")],
        ),
        (
            "Drones were shot down over the Belgorod (31), Kursk (24) and Bryansk (15) regions.",
            "en",
            [d(31, "RU-BEL"), d(24, "RU-KRS"), d(15, "RU-BRY")],
        ),
    ],
)
def test_a_count_in_brackets_after_its_region(text, lang, expected):
    assert keys(text, lang) == expected
