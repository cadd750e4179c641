"""The claim-type decision table (lang/constructions.yaml): a row per construction per
language. Sentences written for these tests."""

from __future__ import annotations

import pytest

from extract_helpers import keys
from skyledger.extract import extract
from skyledger.extract.constructions import table

# 90 drones and six missiles launched, hits at 14 locations of either
LAUNCHED_AND_HITS_AT_14 = [
    ("launched", "uav", 90, None),
    ("launched", "missile", 6, None),
    ("hit", "other", 14, None),
]

H12, SUMY_LAUNCH = ("hit", "uav", 12, "UA-59"), ("launched", "uav", None, "UA-59")

ROWS = [
    # an attack repelled: a launch with no count, or N destroyed when counted
    (
        "repelled_attack",
        "ru",
        "Силы ПВО отражают атаку беспилотников на Курскую область.",
        [("launched", "uav", None, "RU-KRS")],
    ),
    # the passive after the attack
    (
        "repelled_attack",
        "en",
        "Governor Yuri Slyusar said a drone attack was repelled in the Rostov region.",
        [("launched", "uav", None, "RU-ROS")],
    ),
    (
        "repelled_attack",
        "en",
        "A drone attack on a plant in Taganrog had been repelled.",
        [("launched", "uav", None, "RU-ROS")],
    ),
    (
        "repelled_attack",
        "ru",
        "Атака беспилотников была отражена в Ростовской области, сообщил Юрий Слюсарь.",
        [("launched", "uav", None, "RU-ROS")],
    ),
    (
        "repelled_attack",
        "uk",
        "Атаку дронів було відбито на Харківщині, повідомив Олег Синєгубов.",
        [("launched", "uav", None, "UA-63")],
    ),
    (
        "repelled_attack",
        "uk",
        "Сили ППО відбивають атаку дронів на Київщину.",
        [("launched", "uav", None, "UA-32")],
    ),
    (
        "repelled_attack",
        "en",
        "Air defences repelled an attack by three drones on the Kursk region.",
        [("destroyed", "uav", 3, "RU-KRS")],
    ),
    (
        "repelled_attack",
        "ru",
        "Над Курской областью отражена атака трёх беспилотников.",
        [("destroyed", "uav", 3, "RU-KRS")],
    ),
    (
        "repelled_attack",
        "uk",
        "Над Сумщиною відбито атаку трьох дронів.",
        [("destroyed", "uav", 3, "UA-59")],
    ),
    (
        "repelled_attack",
        "ru",
        "Средства РЭБ предотвратили атаку беспилотника на нефтеперерабатывающий завод в Ярославской области.",
        [("destroyed", "uav", 1, "RU-YAR")],
    ),
    # the attack told first and repelled after; an abbreviation after the attack tells no
    # number, whatever agrees with the attack around it
    (
        "repelled_attack",
        "ru",
        "Атака БПЛА на промышленную площадку в Елабуге отражена.",
        [("launched", "uav", None, "RU-TA")],
    ),
    (
        "repelled_attack",
        "ru",
        "Губернатор сообщил об отражении массированной атаки БПЛА на Таганрог, пострадавших нет.",
        [("launched", "uav", None, "RU-ROS"), ("casualties", "uav", None, "RU-ROS")],
    ),
    (
        "repelled_attack",
        "uk",
        "Атаку БпЛА на Одещину відбито, постраждалих немає.",
        [("launched", "uav", None, "UA-51"), ("casualties", "uav", None, "UA-51")],
    ),
    (
        "repelled_attack",
        "uk",
        "Атаку 15 ударних дронів на Київщину відбито.",
        [("destroyed", "uav", 15, "UA-32")],
    ),
    (
        "repelled_attack",
        "en",
        "The drone attack on Yelabuga was repelled, the governor said.",
        [("launched", "uav", None, "RU-TA")],
    ),
    # ... absorbed by a figure of the same claimant and weapon
    (
        "repelled_attack",
        "ru",
        "Силы ПВО отражают атаку беспилотников на Курскую область, уничтожены четыре беспилотника.",
        [("destroyed", "uav", 4, "RU-KRS")],
    ),
    (
        "repelled_attack",
        "uk",
        "Сили ППО відбили атаку дронів на Київщину, збито чотири безпілотники.",
        [("destroyed", "uav", 4, "UA-32")],
    ),
    (
        "repelled_attack",
        "en",
        "Air defences repelled a drone attack on the Kursk region and destroyed four drones.",
        [("destroyed", "uav", 4, "RU-KRS")],
    ),
    # an attack under way
    (
        "ongoing_attack",
        "ru",
        "Атака беспилотников на Курскую область продолжается.",
        [("launched", "uav", None, "RU-KRS")],
    ),
    (
        "ongoing_attack",
        "uk",
        "Атака дронів на Київщину триває.",
        [("launched", "uav", None, "UA-32")],
    ),
    (
        "ongoing_attack",
        "en",
        "The Kursk region came under attack by drones overnight.",
        [("launched", "uav", None, "RU-KRS")],
    ),
    # the present tense of the attack verb: an attack under way
    ("ongoing_attack", "uk", "Харків атакують шахеди.", [("launched", "uav", None, "UA-63")]),
    ("ongoing_attack", "ru", "Харьков атакуют шахеды.", [("launched", "uav", None, "UA-63")]),
    (
        "ongoing_attack",
        "en",
        "Russia is attacking Kharkiv with drones.",
        [("launched", "uav", None, "UA-63")],
    ),
    # air defence at work on the weapons: an attack under way
    (
        "ongoing_attack",
        "uk",
        "У Києві сили ППО працюють по ворожих дронах.",
        [("launched", "uav", None, "UA-30")],
    ),
    (
        "ongoing_attack",
        "ru",
        "В Киеве силы ПВО работают по вражеским дронам.",
        [("launched", "uav", None, "UA-30")],
    ),
    (
        "ongoing_attack",
        "en",
        "Air defences were engaging drones over Kyiv.",
        [("launched", "uav", None, "UA-30")],
    ),
    (
        "ongoing_attack",
        "uk",
        "Над Київщиною сили ППО працювали по ворожих дронах. Збито 5 БпЛА.",
        [("destroyed", "uav", 5, "UA-32")],
    ),
    # ... absorbed by a shoot-down of the same speaker
    (
        "ongoing_attack",
        "uk",
        "Ворог атакує Сумщину дронами. Над областю збито 5 БпЛА.",
        [("destroyed", "uav", 5, "UA-59")],
    ),
    # "a drone attack" alone gives no count
    (
        "ongoing_attack",
        "uk",
        "Дронова атака на Одещину тривала дві години.",
        [("launched", "uav", None, "UA-51")],
    ),
    # weapons that made an attack on a site that was damaged struck it
    (
        "attack_made",
        "ru",
        "Два беспилотника совершили атаку на нефтебазу в Курской области, повреждён резервуар.",
        [("hit", "uav", 2, "RU-KRS"), ("damage", "uav", None, "RU-KRS")],
    ),
    (
        "attack_made",
        "uk",
        "Два дрони здійснили атаку на підприємство на Сумщині, пошкоджено цех.",
        [("hit", "uav", 2, "UA-59"), ("damage", "uav", None, "UA-59")],
    ),
    (
        "attack_made",
        "en",
        "Two drones carried out an attack on a refinery in the Kursk region, damaging a tank.",
        [("hit", "uav", 2, "RU-KRS"), ("damage", "uav", None, "RU-KRS")],
    ),
    # an attempted attack with a count: those weapons were launched
    (
        "attack_made",
        "ru",
        "ВСУ предприняли попытку атаки на Брянскую область с использованием 12 БПЛА.",
        [("launched", "uav", 12, "RU-BRY")],
    ),
    (
        "attack_made",
        "uk",
        "Ворог здійснив спробу атаки на Сумщину із застосуванням 12 безпілотників.",
        [("launched", "uav", 12, "UA-59")],
    ),
    (
        "attack_made",
        "en",
        "Ukraine attempted an attack on the Bryansk region with 12 drones.",
        [("launched", "uav", 12, "RU-BRY")],
    ),
    (
        "attack_made",
        "ru",
        "Противник предпринял массированную атаку на Курскую область с применением девяти "
        "беспилотников, повреждены два дома.",
        [("hit", "uav", 9, "RU-KRS"), ("damage", "uav", None, "RU-KRS")],
    ),
    (
        "attack_made",
        "en",
        "Ukrainian forces attempted a massive attack on the Kursk region with nine drones, "
        "damaging two houses.",
        [("hit", "uav", 9, "RU-KRS"), ("damage", "uav", None, "RU-KRS")],
    ),
    # opening fire to kill strikes nothing
    (
        "fire_to_kill",
        "ru",
        "Охрана предприятия открывала огонь на поражение по беспилотнику в Курской области.",
        [],
    ),
    (
        "fire_to_kill",
        "uk",
        "Охорона підприємства відкрила вогонь на ураження по дрону на Сумщині.",
        [],
    ),
    (
        "fire_to_kill",
        "en",
        "Guards at the plant in the Kursk region were ordered to shoot to kill.",
        [],
    ),
    # dealing with the aftermath is no shooting down
    (
        "cleanup",
        "ru",
        "Экстренные службы ликвидируют последствия атаки беспилотников в Псковской области.",
        [],
    ),
    ("cleanup", "uk", "Рятувальники ліквідовують наслідки атаки дронів на Київщині.", []),
    (
        "cleanup",
        "en",
        "Emergency services are eliminating the consequences of the drone attack in the Pskov region.",
        [],
    ),
    (
        "cleanup",
        "ru",
        "Над Курской областью ликвидированы три беспилотника.",
        [("destroyed", "uav", 3, "RU-KRS")],
    ),
    # a launch participle after the weapon: destroyed only, the launch site no region
    (
        "launched_from",
        "en",
        "Air defences destroyed 12 drones launched from Crimea.",
        [("destroyed", "uav", 12, None)],
    ),
    (
        "launched_from",
        "ru",
        "Силы ПВО сбили 12 беспилотников запущенных с территории Курской области.",
        [("destroyed", "uav", 12, None)],
    ),
    (
        "launched_from",
        "uk",
        "Над Чернігівщиною збито 12 дронів, запущених з території Брянської області.",
        [("destroyed", "uav", 12, "UA-74")],
    ),
    (
        "launched_from",
        "uk",
        "Ворог атакував 12 ударними БпЛА з Брянської області.",
        [("launched", "uav", 12, None)],
    ),
    # a relative clause with the launch verb describes the weapon too: destroyed only
    (
        "launched_from",
        "en",
        "Air defences shot down 15 attack drones that Russia launched overnight.",
        [("destroyed", "uav", 15, None)],
    ),
    (
        "launched_from",
        "ru",
        "Силы ПВО сбили 15 беспилотников, которые запустила Украина.",
        [("destroyed", "uav", 15, None)],
    ),
    (
        "launched_from",
        "uk",
        "Сили ППО збили 15 дронів, які запустила росія.",
        [("destroyed", "uav", 15, None)],
    ),
    # "all N launched" shot down: the launch total too
    (
        "all_launched_downed",
        "en",
        "Ukraine shot down all 14 drones launched at its territory by Russia overnight.",
        [("destroyed", "uav", 14, None), ("launched", "uav", 14, None)],
    ),
    # ... the verb after the participle: the part or the whole takes it
    (
        "all_launched_downed",
        "en",
        "All 14 drones launched at Ukraine overnight were shot down, the air force said.",
        [("destroyed", "uav", 14, None), ("launched", "uav", 14, None)],
    ),
    (
        "launched_from",
        "en",
        "The air force said 35 of the 42 drones launched by Russia overnight were shot down.",
        [("destroyed", "uav", 35, None), ("launched", "uav", 42, None)],
    ),
    # ... whatever follows the participle ("launched across the country")
    (
        "launched_from",
        "en",
        "The air force said 41 of the 57 drones launched across the country were downed.",
        [("destroyed", "uav", 41, None), ("launched", "uav", 57, None)],
    ),
    # ... and a relative clause with no "that"
    (
        "launched_from",
        "en",
        "The Air Force says 67 of the 81 drones Russia launched overnight were downed.",
        [("destroyed", "uav", 67, None), ("launched", "uav", 81, None)],
    ),
    (
        "all_launched_downed",
        "en",
        "Ukraine downs all 29 Russia-launched drones, the air force says.",
        [("destroyed", "uav", 29, None), ("launched", "uav", 29, None)],
    ),
    # the participle after a second object of the same verb describes both
    (
        "all_launched_downed",
        "en",
        "The air force shot down all 42 drones and one of four missiles used by Russia.",
        [
            ("destroyed", "uav", 42, None),
            ("launched", "uav", 42, None),
            ("destroyed", "missile", 1, None),
            ("launched", "missile", 4, None),
        ],
    ),
    (
        "all_launched_downed",
        "ru",
        "Силы ПВО сбили все 14 беспилотников и одну из четырёх ракет, запущенных Украиной.",
        [
            ("destroyed", "uav", 14, None),
            ("launched", "uav", 14, None),
            ("destroyed", "missile", 1, None),
            ("launched", "missile", 4, None),
        ],
    ),
    (
        "all_launched_downed",
        "uk",
        "Сили ППО збили всі 14 дронів та одну з чотирьох ракет, запущених росією.",
        [
            ("destroyed", "uav", 14, None),
            ("launched", "uav", 14, None),
            ("destroyed", "missile", 1, None),
            ("launched", "missile", 4, None),
        ],
    ),
    (
        "all_launched_downed",
        "ru",
        "Силы ПВО уничтожили все 14 запущенных беспилотников.",
        [("destroyed", "uav", 14, None), ("launched", "uav", 14, None)],
    ),
    (
        "all_launched_downed",
        "uk",
        "Усі 14 запущених ворогом дронів збито.",
        [("destroyed", "uav", 14, None), ("launched", "uav", 14, None)],
    ),
    ("all_launched_downed", "uk", "Збито всі 14 ворожих дронів.", [("destroyed", "uav", 14, None)]),
    # one weapon that attacked something struck it
    # weapons that damaged something struck it (test_weapons_that_damaged_something_struck_it)
    (
        "weapon_attacked_target",
        "uk",
        "Ракети та дрони пошкодили підстанцію на Полтавщині.",
        [("damage", "other", None, "UA-53"), ("hit", "other", None, "UA-53")],
    ),
    (
        "weapon_attacked_target",
        "en",
        "A Ukrainian drone attacked a car in the Belgorod region.",
        [("hit", "uav", 1, "RU-BEL")],
    ),
    (
        "weapon_attacked_target",
        "en",
        "The governor said a Ukrainian drone had attacked a farm in the Kursk region.",
        [("hit", "uav", 1, "RU-KRS")],
    ),
    (
        "weapon_attacked_target",
        "ru",
        "Вражеский беспилотник атаковал автомобиль в Курской области.",
        [("hit", "uav", 1, "RU-KRS")],
    ),
    (
        "weapon_attacked_target",
        "uk",
        "Ворожий дрон атакував автомобіль у Херсонській області.",
        [("hit", "uav", 1, "UA-65")],
    ),
    # an attack on a named area with damage there and no interception: a hit of N
    # an attack with no count and harm in its sentence: a strike there, by means unnamed
    (
        "attacked_with_outcome",
        "en",
        "Air defences shot down a drone over the Kherson region. The Russian army attacked "
        "Zaporizhzhia, buildings were damaged, the governor said.",
        [
            ("destroyed", "uav", 1, "UA-65"),
            ("damage", "uav", None, "UA-23"),
            ("hit", "other", None, "UA-23"),
        ],
    ),
    (
        "attacked_with_outcome",
        "ru",
        "Ночью ВСУ атаковали Белгород, повреждены два дома, сообщил губернатор. Также над "
        "регионом сбит беспилотник.",
        [
            ("damage", "other", None, "RU-BEL"),
            ("hit", "other", None, "RU-BEL"),
            ("destroyed", "uav", 1, "RU-BEL"),
        ],
    ),
    (
        "attacked_with_outcome",
        "uk",
        "Російська армія атакувала Запоріжжя, пошкоджено будинки, повідомив Іван Федоров. "
        "Також над областю збито дрон.",
        [
            ("damage", "other", None, "UA-23"),
            ("hit", "other", None, "UA-23"),
            ("destroyed", "uav", 1, "UA-23"),
        ],
    ),
    (
        "attacked_with_outcome",
        "uk",
        "Ворог скерував на Запоріжжя сім ударних БпЛА. Пошкоджено житловий будинок.",
        [("hit", "uav", 7, "UA-23"), ("damage", "uav", None, "UA-23")],
    ),
    # the hits counted apart, a part of the attack ("one of them hit"): two figures, a launch
    # and its hits
    (
        "attacked_with_outcome",
        "uk",
        "Росіяни атакували Суми двома ударними дронами, один з них влучив у багатоповерхівку.",
        [("launched", "uav", 2, "UA-59"), ("hit", "uav", 1, "UA-59")],
    ),
    (
        "attacked_with_outcome",
        "ru",
        "Россияне атаковали Сумы двумя ударными дронами, один из них попал в многоэтажку.",
        [("launched", "uav", 2, "UA-59"), ("hit", "uav", 1, "UA-59")],
    ),
    (
        "attacked_with_outcome",
        "en",
        "Russia attacked Sumy with two attack drones, one of which hit an apartment block.",
        [("launched", "uav", 2, "UA-59"), ("hit", "uav", 1, "UA-59")],
    ),
    (
        "attacked_with_outcome",
        "ru",
        "Противник атаковал Белгородскую область пятью беспилотниками, повреждены два частных дома.",
        [("hit", "uav", 5, "RU-BEL"), ("damage", "uav", None, "RU-BEL")],
    ),
    (
        "attacked_with_outcome",
        "en",
        "Russia attacked the Odesa region with five drones, damaging a warehouse.",
        [("hit", "uav", 5, "UA-51"), ("damage", "uav", None, "UA-51")],
    ),
    # bombs dropped on a place that was damaged struck it; with no outcome, a launch
    (
        "attacked_with_outcome",
        "uk",
        "Ворог скинув на Сумщину 10 КАБів, пошкоджено будинки.",
        [("hit", "glide_bomb", 10, "UA-59"), ("damage", "glide_bomb", None, "UA-59")],
    ),
    (
        "attacked_with_outcome",
        "ru",
        "Российская авиация сбросила на Харьковскую область шесть КАБов, погиб мужчина.",
        [("hit", "glide_bomb", 6, "UA-63"), ("casualties", "glide_bomb", None, "UA-63")],
    ),
    (
        "attacked_with_outcome",
        "en",
        "Russia dropped four guided bombs on the Sumy region, damaging homes.",
        [("hit", "glide_bomb", 4, "UA-59"), ("damage", "glide_bomb", None, "UA-59")],
    ),
    (
        "attacked_with_outcome",
        "uk",
        "Ворог скинув на Харківщину 7 КАБів.",
        [("launched", "glide_bomb", 7, "UA-63")],
    ),
    (
        "attacked_with_outcome",
        "uk",
        "Ворог скинув чотири КАБи на Запоріжжя.",
        [("launched", "glide_bomb", 4, "UA-23")],
    ),
    (
        "attacked_with_outcome",
        "ru",
        "Противник сбросил две авиабомбы на Белгород, повреждены три дома.",
        [("hit", "glide_bomb", 2, "RU-BEL"), ("damage", "glide_bomb", None, "RU-BEL")],
    ),
    # the same figure stated again as strikes is one claim
    (
        "attacked_with_outcome",
        "uk",
        "Окупанти скинули 10 КАБів на Запоріжжя. До міста долетіли десять КАБів, пошкоджено "
        "будинки.",
        [("hit", "glide_bomb", 10, "UA-23"), ("damage", "glide_bomb", None, "UA-23")],
    ),
    # ... and so did one that injured or damaged
    (
        "weapon_attacked_target",
        "en",
        "Ukrainian drone injures one, damages building in the Bryansk region.",
        [
            ("hit", "uav", 1, "RU-BRY"),
            ("damage", "uav", None, "RU-BRY"),
            ("casualties", "uav", None, "RU-BRY"),
        ],
    ),
    (
        "weapon_attacked_target",
        "ru",
        "Украинский беспилотник ранил мужчину в Белгородской области.",
        [("hit", "uav", 1, "RU-BEL"), ("casualties", "uav", None, "RU-BEL")],
    ),
    (
        "weapon_attacked_target",
        "uk",
        "Російський дрон поранив жінку в Херсоні.",
        [("hit", "uav", 1, "UA-65"), ("casualties", "uav", None, "UA-65")],
    ),
    # a drone that dropped a munition on something struck it
    (
        "weapon_attacked_target",
        "uk",
        "Ворожий дрон скинув вибухівку на автомобіль у Херсоні.",
        [("hit", "uav", 1, "UA-65")],
    ),
    (
        "weapon_attacked_target",
        "ru",
        "Украинский беспилотник сбросил взрывное устройство на автомобиль в Белгородской области.",
        [("hit", "uav", 1, "RU-BEL")],
    ),
    (
        "weapon_attacked_target",
        "en",
        "A Ukrainian drone dropped explosives on a car in the Belgorod region.",
        [("hit", "uav", 1, "RU-BEL")],
    ),
    # the verb of striking in the active ("уразив", "поразил", "struck"): a strike; plural
    # subjects give no count
    (
        "weapon_attacked_target",
        "uk",
        "Ворожий дрон уразив підстанцію в Сумській області.",
        [("hit", "uav", 1, "UA-59")],
    ),
    (
        "weapon_attacked_target",
        "uk",
        "Далекобійні дрони уразили нафтобазу у Брянській області.",
        [("hit", "uav", None, "RU-BRY")],
    ),
    (
        "weapon_attacked_target",
        "ru",
        "Дальнобойные дроны поразили нефтебазу в Брянской области.",
        [("hit", "uav", None, "RU-BRY")],
    ),
    (
        "weapon_attacked_target",
        "en",
        "Long-range drones struck an oil depot in the Bryansk region.",
        [("hit", "uav", None, "RU-BRY")],
    ),
    # its participle is an object struck: damage
    (
        "weapon_attacked_target",
        "uk",
        "Над Сумщиною збито три дрони. Уражено складські приміщення.",
        [("destroyed", "uav", 3, "UA-59"), ("damage", "uav", None, "UA-59")],
    ),
    # debris that damaged is no strike
    (
        "weapon_attacked_target",
        "ru",
        "Обломки беспилотника повредили дом в Курской области.",
        [("debris", "uav", 1, "RU-KRS"), ("damage", "uav", None, "RU-KRS")],
    ),
    # lost from radar is not shot down
    (
        "lost_from_radar",
        "en",
        "Air defences shot down 41 drones, while 12 more were lost from radar, likely jammed.",
        [("destroyed", "uav", 41, None)],
    ),
    (
        "lost_from_radar",
        "ru",
        "Над областью сбит 41 беспилотник, ещё 12 локационно потеряны.",
        [("destroyed", "uav", 41, None)],
    ),
    (
        "lost_from_radar",
        "uk",
        "Станом на 09:00 збито 41 ворожий БпЛА, ще 12 локаційно втрачено.",
        [("destroyed", "uav", 41, None)],
    ),
    # ... and a figure lost from radar joined by "and" leaves the figure before it shot down
    (
        "lost_from_radar",
        "en",
        "The air force said 40 drones were shot down and 21 were lost from radar.",
        [("destroyed", "uav", 40, None)],
    ),
    # a figure set against the first with "while" is the one lost
    (
        "lost_from_radar",
        "en",
        "The air force said 48 drones were shot down while 24 were lost from radar.",
        [("destroyed", "uav", 48, None)],
    ),
    (
        "lost_from_radar",
        "ru",
        "Над областью сбиты 40 беспилотников и 21 локационно потерян.",
        [("destroyed", "uav", 40, None)],
    ),
    (
        "lost_from_radar",
        "uk",
        "Збито 40 ворожих БпЛА та 21 локаційно втрачено.",
        [("destroyed", "uav", 40, None)],
    ),
    (
        "lost_from_radar",
        "en",
        "Twelve of the 40 drones were lost from radar.",
        [],
    ),
    # the Air Force's term quoted by an outlet, or its cause guessed at
    (
        "lost_from_radar",
        "en",
        "Ukrainian forces downed 31 drones, and eleven drones were 'lost,' likely due to "
        "electronic warfare.",
        [("destroyed", "uav", 31, None)],
    ),
    (
        "lost_from_radar",
        "en",
        "Air defences shot down 45 drones; another 12 were lost to electronic warfare.",
        [("destroyed", "uav", 45, None)],
    ),
    (
        "lost_from_radar",
        "en",
        "Russia launched 273 drones overnight. Of these, 88 were shot down and 128 were lost, "
        "likely jammed by electronic warfare.",
        [("launched", "uav", 273, None), ("destroyed", "uav", 88, None)],
    ),
    # a weapon that destroyed something else struck it; one the verb's object stays destroyed
    (
        "weapon_destroyed_target",
        "ru",
        "В Курской области дроны уничтожили склад.",
        [("hit", "uav", None, "RU-KRS")],
    ),
    (
        "weapon_destroyed_target",
        "ru",
        "Два дрона уничтожили над Курской областью.",
        [("destroyed", "uav", 2, "RU-KRS")],
    ),
    (
        "weapon_destroyed_target",
        "uk",
        "Дрон знищив вантажівку на Харківщині.",
        [("hit", "uav", 1, "UA-63")],
    ),
    (
        "weapon_destroyed_target",
        "uk",
        "Два дрони знищили над Сумщиною.",
        [("destroyed", "uav", 2, "UA-59")],
    ),
    (
        "weapon_destroyed_target",
        "en",
        "Drones destroyed a warehouse in the Kursk region.",
        [("hit", "uav", None, "RU-KRS")],
    ),
    # a building destroyed is damage ("destroying two cars"), but not with a weapon its subject
    (
        "weapon_destroyed_target",
        "en",
        "A Russian missile destroyed a warehouse in the Odesa region.",
        [("hit", "missile", 1, "UA-51")],
    ),
    (
        "weapon_destroyed_target",
        "en",
        "A drone hit a house in the Sumy region, destroying two cars.",
        [("hit", "uav", 1, "UA-59"), ("damage", "uav", None, "UA-59")],
    ),
    # ... a hangar too, and damage with its degree told
    (
        "weapon_destroyed_target",
        "en",
        "A drone hit a farm in the Mykolaiv region, destroying a hangar with machinery.",
        [("hit", "uav", 1, "UA-48"), ("damage", "uav", None, "UA-48")],
    ),
    (
        "weapon_destroyed_target",
        "ru",
        "Дрон атаковал ферму в Курской области, уничтожен ангар с сельхозтехникой.",
        [("hit", "uav", 1, "RU-KRS"), ("damage", "uav", None, "RU-KRS")],
    ),
    (
        "weapon_destroyed_target",
        "uk",
        "Дрон влучив у ферму на Миколаївщині, знищено ангар із сільгосптехнікою.",
        [("hit", "uav", 1, "UA-48"), ("damage", "uav", None, "UA-48")],
    ),
    (
        "weapon_destroyed_target",
        "en",
        "A drone hit a building of the plant in Yelabuga, causing minor damage.",
        [("hit", "uav", 1, "RU-TA"), ("damage", "uav", None, "RU-TA")],
    ),
    (
        "weapon_destroyed_target",
        "en",
        "Two drones destroyed over the Kursk region.",
        [("destroyed", "uav", 2, "RU-KRS")],
    ),
    # the forces after a plural verb are its subject; a verb that does not agree with the
    # weapon has another subject
    (
        "weapon_destroyed_target",
        "ru",
        "Три БПЛА уничтожили дежурные средства ПВО над Курской областью.",
        [("destroyed", "uav", 3, "RU-KRS")],
    ),
    (
        "weapon_destroyed_target",
        "ru",
        "Беспилотник уничтожили силы ПВО над Курской областью.",
        [("destroyed", "uav", 1, "RU-KRS")],
    ),
    (
        "weapon_destroyed_target",
        "uk",
        "Дрони знищили захисники неба над Сумщиною.",
        [("destroyed", "uav", None, "UA-59")],
    ),
    # an interceptor drone that destroyed a named weapon shot it down
    (
        "weapon_destroyed_target",
        "ru",
        "Дрон-перехватчик уничтожил «Герань» над Курском.",
        [("destroyed", "uav", 1, "RU-KRS")],
    ),
    (
        "weapon_destroyed_target",
        "uk",
        "Дрон-перехоплювач знищив російський «Шахед» над Харковом.",
        [("destroyed", "uav", 1, "UA-63")],
    ),
    (
        "weapon_destroyed_target",
        "en",
        "An interceptor drone destroyed a Shahed over Kharkiv.",
        [("destroyed", "uav", 1, "UA-63")],
    ),
    # one weapon as the agent of a passive verb of attack: a hit of 1; plural weapons none
    (
        "struck_by_weapon",
        "ru",
        "В Белгородской области автомобиль был атакован дроном-камикадзе.",
        [("hit", "uav", 1, "RU-BEL")],
    ),
    (
        "struck_by_weapon",
        "uk",
        "На Сумщині приватний будинок було атаковано ударним дроном.",
        [("hit", "uav", 1, "UA-59")],
    ),
    (
        "struck_by_weapon",
        "en",
        "A car was attacked by a Ukrainian drone in the Belgorod region.",
        [("hit", "uav", 1, "RU-BEL")],
    ),
    ("struck_by_weapon", "uk", "Сумщина атакована дронами.", []),
    (
        "struck_by_weapon",
        "en",
        "The Kursk region was attacked by 20 drones overnight.",
        [("launched", "uav", 20, "RU-KRS")],
    ),
    # an attack suffered ("подверглась атаке"): a launch with no count, a hit with damage
    (
        "attack_made",
        "ru",
        "Курская область подверглась атаке беспилотников.",
        [("launched", "uav", None, "RU-KRS")],
    ),
    ("attack_made", "uk", "Київщина зазнала атаки дронів.", [("launched", "uav", None, "UA-32")]),
    (
        "attacked_with_outcome",
        "ru",
        "ВСУ совершили атаку беспилотников на Курскую область, повреждена линия электропередачи.",
        [("hit", "uav", None, "RU-KRS"), ("damage", "uav", None, "RU-KRS")],
    ),
    (
        "attacked_with_outcome",
        "uk",
        "Росія здійснила атаку дронами на Київщину, пошкоджено два будинки.",
        [("hit", "uav", None, "UA-32"), ("damage", "uav", None, "UA-32")],
    ),
    # an attack that names no target, in a report naming no place, struck nowhere: no hit
    ("attacked_with_outcome", "uk", "Вночі ворог атакував ракетами та ударними БпЛА.", []),
    ("attacked_with_outcome", "ru", "Ночью противник атаковал ракетами и дронами.", []),
    ("attacked_with_outcome", "en", "Overnight the enemy attacked with missiles and drones.", []),
    (
        "attacked_with_outcome",
        "uk",
        "Ворог бив по Нікопольщині. Атакував FPV-дронами та артилерією.",
        [("hit", "uav", None, "UA-12")],
    ),
    # shelling done with drones is the drones' attack; mortars or artillery beside them make
    # the damage mixed, the strike stays the drones'
    (
        "attacked_with_outcome",
        "ru",
        "ВСУ обстреляли Теткино дронами, повреждены две хозпостройки.",
        [("hit", "uav", None, "RU-KRS"), ("damage", "uav", None, "RU-KRS")],
    ),
    (
        "attacked_with_outcome",
        "ru",
        "ВСУ обстреляли Теткино из минометов и дронами, повреждены две хозпостройки.",
        [("hit", "uav", None, "RU-KRS"), ("damage", "other", None, "RU-KRS")],
    ),
    (
        "attacked_with_outcome",
        "uk",
        "Росіяни обстріляли Новгород-Сіверську громаду FPV-дронами. Пошкоджено будівлю амбулаторії.",
        [("hit", "uav", None, "UA-74"), ("damage", "uav", None, "UA-74")],
    ),
    (
        "attacked_with_outcome",
        "uk",
        "Росіяни обстріляли Новгород-Сіверську громаду з мінометів та FPV-дронами. "
        "Пошкоджено будівлю амбулаторії.",
        [("hit", "uav", None, "UA-74"), ("damage", "other", None, "UA-74")],
    ),
    (
        "attacked_with_outcome",
        "en",
        "Russian forces shelled Nikopol with drones, damaging a house.",
        [("hit", "uav", None, "UA-12"), ("damage", "uav", None, "UA-12")],
    ),
    # artillery beside the drones: the drones' hit, the damage of mixed means
    (
        "attacked_with_outcome",
        "en",
        "Russian troops shelled Marhanets with artillery and FPV drones, damaging a school.",
        [("hit", "uav", None, "UA-12"), ("damage", "other", None, "UA-12")],
    ),
    # "fired by" describes the weapon: destroyed only; with "all N", the launch total too
    (
        "launched_from",
        "en",
        "Air defences shot down an ATACMS missile fired by Ukrainian troops over the Sea of Azov.",
        [("destroyed", "missile", 1, None)],
    ),
    (
        "all_launched_downed",
        "en",
        "Ukraine shot down all 29 drones launched by Russia overnight.",
        [("destroyed", "uav", 29, None), ("launched", "uav", 29, None)],
    ),
    # "all N used by": the launch total too
    (
        "all_launched_downed",
        "en",
        "Ukraine's air force said it had shot down all 42 drones used by Russia overnight.",
        [("destroyed", "uav", 42, None), ("launched", "uav", 42, None)],
    ),
    (
        "all_launched_downed",
        "ru",
        "Силы ПВО сбили все 12 беспилотников, примененных ВСУ.",
        [("destroyed", "uav", 12, None), ("launched", "uav", 12, None)],
    ),
    (
        "all_launched_downed",
        "uk",
        "ППО збила всі 14 дронів, застосованих ворогом.",
        [("destroyed", "uav", 14, None), ("launched", "uav", 14, None)],
    ),
    # a fire put out far from its noun is no shooting down; a drone put out after the fire
    # had its own verb is
    (
        "cleanup",
        "ru",
        "Возгорание на территории предприятия, вызванное атакой беспилотника, было ликвидировано.",
        [("damage", "uav", None, None), ("hit", "uav", None, None)],
    ),
    (
        "cleanup",
        "uk",
        "Пожежу на складі, спричинену атакою дрона, оперативно ліквідовано.",
        [("damage", "uav", None, None), ("hit", "uav", None, None)],
    ),
    (
        "cleanup",
        "en",
        "The fire at the warehouse caused by a drone attack was eliminated.",
        [("damage", "uav", None, None), ("hit", "uav", None, None)],
    ),
    (
        "cleanup",
        "ru",
        "Пожар потушен, над областью ликвидированы два беспилотника.",
        [("destroyed", "uav", 2, None)],
    ),
    # a weapon that fell and exploded, with no interception stated, struck
    (
        "fell_and_exploded",
        "en",
        "A drone crashed and exploded in a field near Kharkiv, the regional administration said.",
        [("hit", "uav", 1, "UA-63")],
    ),
    (
        "fell_and_exploded",
        "uk",
        "У Солом'янському районі Києва зафіксували падіння і вибух російського безпілотника.",
        [("hit", "uav", 1, "UA-30")],
    ),
    (
        "fell_and_exploded",
        "ru",
        "В Курске зафиксировано падение и взрыв беспилотника.",
        [("hit", "uav", 1, "RU-KRS")],
    ),
    (
        "fell_and_exploded",
        "en",
        "A Russian drone fell and exploded in the Kherson region.",
        [("hit", "uav", 1, "UA-65")],
    ),
    # a drone that detonated as it fell, with nothing said of its being shot down
    (
        "fell_and_exploded",
        "ru",
        "В Курчатове беспилотник сдетонировал при падении, пострадавших нет.",
        [("hit", "uav", 1, "RU-KRS"), ("casualties", "uav", None, "RU-KRS")],
    ),
    (
        "fell_and_exploded",
        "ru",
        "В Курчатове беспилотник упал и сдетонировал на территории предприятия.",
        [("hit", "uav", 1, "RU-KRS")],
    ),
    (
        "fell_and_exploded",
        "uk",
        "У Сумах безпілотник здетонував під час падіння, постраждалих немає.",
        [("hit", "uav", 1, "UA-59"), ("casualties", "uav", None, "UA-59")],
    ),
    (
        "fell_and_exploded",
        "uk",
        "У Сумах дрон впав і здетонував, пошкоджено будинок.",
        [("hit", "uav", 1, "UA-59"), ("damage", "uav", None, "UA-59")],
    ),
    (
        "fell_and_exploded",
        "en",
        "In Kurchatov the drone detonated on impact, no one was hurt.",
        [("hit", "uav", 1, "RU-KRS"), ("casualties", "uav", None, "RU-KRS")],
    ),
    # one that did not detonate struck nothing
    (
        "fell_and_exploded",
        "ru",
        "В Ленинском районе Курска заметили беспилотник, который не сдетонировал.",
        [],
    ),
    (
        "fell_and_exploded",
        "uk",
        "У Шевченківському районі Києва помітили безпілотник, який не здетонував.",
        [],
    ),
    # "N strikes" with a named weapon: a hit of N
    # "N attacks" with a named weapon are N strikes; repelled, they struck nothing
    ("n_strikes", "en", "Russian forces carried out 12 drone attacks on the Sumy region.", [H12]),
    ("n_strikes", "ru", "За сутки ВСУ совершили 12 атак дронами на Сумскую область.", [H12]),
    ("n_strikes", "uk", "За добу росіяни здійснили 12 атак дронами на Сумщину.", [H12]),
    ("n_strikes", "en", "Air defences repelled five drone attacks on Sumy.", [SUMY_LAUNCH]),
    ("n_strikes", "ru", "Силы ПВО отразили пять атак беспилотников на Сумы.", [SUMY_LAUNCH]),
    ("n_strikes", "uk", "Сили ППО відбили п'ять атак дронів на Суми.", [SUMY_LAUNCH]),
    (
        "n_strikes",
        "ru",
        "ВСУ нанесли три удара беспилотниками по Белгородской области.",
        [("hit", "uav", 3, "RU-BEL")],
    ),
    (
        "n_strikes",
        "uk",
        "Окупанти завдали 5 ударів шахедами по Запоріжжю.",
        [("hit", "uav", 5, "UA-23")],
    ),
    (
        "n_strikes",
        "en",
        "Russia carried out five drone strikes on the Sumy region.",
        [("hit", "uav", 5, "UA-59")],
    ),
    # "N strikes" with its own weapon after it counts that weapon, not one named before it
    (
        "n_strikes",
        "uk",
        "Ворог завдав удару КАБом по Миропіллю, також зафіксовано 4 удари FPV-дронами.",
        [("hit", "glide_bomb", 1, "UA-59"), ("hit", "uav", 4, "UA-59")],
    ),
    (
        "n_strikes",
        "ru",
        "Противник нанес удар КАБом по Судже, также зафиксированы 4 удара FPV-дронами.",
        [("hit", "glide_bomb", 1, "RU-KRS"), ("hit", "uav", 4, "RU-KRS")],
    ),
    (
        "n_strikes",
        "en",
        "A guided bomb hit Sumy, and there were also 4 strikes by FPV drones.",
        [("hit", "glide_bomb", 1, "UA-59"), ("hit", "uav", 4, "UA-59")],
    ),
    # "N shellings": mixed means, a hit of no count and weapon other, apart from a drone's
    (
        "n_shellings",
        "ru",
        "За сутки противник совершил 40 обстрелов приграничных сел Курской области.",
        [("hit", "other", None, "RU-KRS")],
    ),
    (
        "n_shellings",
        "uk",
        "Дрон влучив у склад на Сумщині. Всього за добу на Сумщині було 26 обстрілів.",
        [("hit", "uav", 1, "UA-59"), ("hit", "other", None, "UA-59")],
    ),
    (
        "n_shellings",
        "en",
        "Russian troops carried out 26 shelling attacks on the Sumy region over the past day.",
        [("hit", "other", None, "UA-59")],
    ),
    # recorded shellings are no launch of their number
    (
        "n_shellings",
        "uk",
        "На Сумщині протягом доби зафіксовано 87 обстрілів.",
        [("hit", "other", None, "UA-59")],
    ),
    (
        "n_shellings",
        "ru",
        "За сутки в Белгородской области зафиксировано 40 обстрелов.",
        [("hit", "other", None, "RU-BEL")],
    ),
    (
        "n_shellings",
        "en",
        "Over the past day, 87 shelling attacks were recorded in the Sumy region.",
        [("hit", "other", None, "UA-59")],
    ),
    # shelled N times: so many shellings, a hit of mixed means and no count
    (
        "n_shellings",
        "en",
        "The Russian army shelled the border areas of the Sumy region 97 times over the past "
        "day. Russian troops also used FPV drones.",
        [("hit", "other", None, "UA-59")],
    ),
    (
        "n_shellings",
        "uk",
        "Російська армія 97 разів обстріляла прикордоння Сумської області. Також ворог "
        "застосовував FPV-дрони.",
        [("hit", "other", None, "UA-59")],
    ),
    (
        "n_shellings",
        "ru",
        "Противник 40 раз обстрелял приграничные села Курской области. Также враг применял "
        "FPV-дроны.",
        [("hit", "other", None, "RU-KRS")],
    ),
    # "attacked N times": a hit of N; times with no attack are none
    (
        "n_times_attacked",
        "ru",
        "ВСУ четыре раза атаковали дронами село Теткино Курской области.",
        [("hit", "uav", 4, "RU-KRS")],
    ),
    (
        "n_times_attacked",
        "uk",
        "Вчора росіяни шість разів атакували FPV-дронами Херсонську громаду.",
        [("hit", "uav", 6, "UA-65")],
    ),
    (
        "n_times_attacked",
        "en",
        "Russian forces struck Nikopol with drones 12 times.",
        [("hit", "uav", 12, "UA-12")],
    ),
    ("n_times_attacked", "en", "The air alert sounded four times in Kyiv on Thursday.", []),
    # with artillery among the means, mixed: a hit of no count (revision 2, "N strikes")
    (
        "n_times_attacked",
        "en",
        "Russian forces struck Nikopol with artillery and drones 25 times over the past day.",
        [("hit", "other", None, "UA-12")],
    ),
    (
        "n_times_attacked",
        "uk",
        "Росіяни 25 разів атакували Нікополь дронами та артилерією.",
        [("hit", "other", None, "UA-12")],
    ),
    # hits in N districts or at N sites: a hit of N; a weapon count wins
    (
        "hits_in_places",
        "uk",
        "Ворог ударив по Харкову безпілотниками, влучання зафіксовані у двох районах міста.",
        [("hit", "uav", 2, "UA-63")],
    ),
    (
        "hits_in_places",
        "ru",
        "Противник атаковал Белгород беспилотниками, зафиксированы попадания в три объекта.",
        [("hit", "uav", 3, "RU-BEL")],
    ),
    (
        "hits_in_places",
        "en",
        "Russia struck Kharkiv with drones; hits were recorded in two districts.",
        [("hit", "uav", 2, "UA-63")],
    ),
    (
        "hits_in_places",
        "uk",
        "Зафіксовано влучання 21 ударного БпЛА на восьми локаціях.",
        [("hit", "uav", 21, None)],
    ),
    (
        "hits_in_places",
        "en",
        "Russia launched 52 drones overnight. 39 were shot down; 13 drones hit targets in five "
        "locations.",
        [("launched", "uav", 52, None), ("destroyed", "uav", 39, None), ("hit", "uav", 13, None)],
    ),
    ("hits_in_places", "uk", "Влучань не зафіксовано у двох районах.", []),
    # after missiles and drones, hits with no weapon and no region: either may have struck
    (
        "hits_in_places",
        "en",
        "Russia launched 90 drones and six missiles, the air force said. Strikes were recorded "
        "at 14 locations.",
        LAUNCHED_AND_HITS_AT_14,
    ),
    (
        "hits_in_places",
        "uk",
        "Росія запустила 90 дронів і шість ракет, повідомили Повітряні сили. Зафіксовано "
        "влучання на 14 локаціях.",
        LAUNCHED_AND_HITS_AT_14,
    ),
    (
        "hits_in_places",
        "ru",
        "Россия запустила 90 дронов и шесть ракет, сообщили Воздушные силы. Зафиксированы "
        "попадания в 14 местах.",
        LAUNCHED_AND_HITS_AT_14,
    ),
    ("n_times_attacked", "uk", "Повітряна тривога лунала в Києві чотири рази.", []),
    # a launch at an area, its sentence going on with a participle of striking: a hit of N
    (
        "launched_and_hit",
        "en",
        "Russian forces fired two missiles at Dnipro on Tuesday, hitting an industrial "
        "enterprise, Governor Serhii Lysak said.",
        [("hit", "missile", 2, "UA-12")],
    ),
    (
        "launched_and_hit",
        "uk",
        "Росіяни випустили дві ракети по Дніпру, влучивши в промислове підприємство, "
        "повідомив Сергій Лисак.",
        [("hit", "missile", 2, "UA-12")],
    ),
    (
        "launched_and_hit",
        "ru",
        "ВСУ выпустили две ракеты по Белгороду, попав в жилой дом, сообщил губернатор "
        "Вячеслав Гладков.",
        [("hit", "missile", 2, "RU-BEL")],
    ),
    # an area named only after the participle is where some struck, not the launch's
    (
        "launched_and_hit",
        "en",
        "Russia launched 476 drones and 48 missiles at Ukraine overnight, hitting residential "
        "buildings in the western city of Ternopil, officials said.",
        [("launched", "uav", 476, None), ("launched", "missile", 48, None)]
        + [("hit", "other", None, "UA-61")],
    ),
    (
        "launched_and_hit",
        "uk",
        "Росія випустила по Україні 476 дронів і 48 ракет, влучивши в житловий будинок у "
        "Тернополі.",
        [("launched", "uav", 476, None), ("launched", "missile", 48, None)]
        + [("hit", "other", None, "UA-61")],
    ),
    (
        "launched_and_hit",
        "ru",
        "Россия выпустила по Украине 476 дронов и 48 ракет, попав в жилой дом в Тернополе.",
        [("launched", "uav", 476, None), ("launched", "missile", 48, None)]
        + [("hit", "other", None, "UA-61")],
    ),
    # a launch at an area with an interception stays a launch
    (
        "launched_and_hit",
        "en",
        "Russian forces fired two missiles at Dnipro, hitting an enterprise. One missile was "
        "shot down, Governor Serhii Lysak said.",
        [
            ("launched", "missile", 2, "UA-12"),
            ("hit", "missile", None, "UA-12"),
            ("destroyed", "missile", 1, "UA-12"),
        ],
    ),
]


@pytest.mark.parametrize(("row", "lang", "text", "expected"), ROWS)
def test_construction(row, lang, text, expected):
    assert keys(text, lang) == expected


def test_every_row_has_words_and_a_test_in_every_language():
    tested = {(row, lang) for row, lang, _text, _expected in ROWS}
    for name, row in table().items():
        for lang in ("en", "ru", "uk"):
            assert row["words"].get(lang), (name, lang)
            assert (name, lang) in tested, (name, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("uk", "Ворог атакував Нікопольщину 5 дронами. Сили ППО збили три дрони."),
        (
            "ru",
            "Противник атаковал Белгородскую область пятью беспилотниками, силы ПВО сбили три беспилотника.",
        ),
        (
            "en",
            "Russia attacked the Odesa region with five drones; air defences shot down three drones.",
        ),
    ],
)
def test_an_attack_with_interceptions_stays_a_launch(lang, text):
    assert [(k[0], k[2]) for k in keys(text, lang)] == [("launched", 5), ("destroyed", 3)]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # "another drone hit ...": two strikes, never one restated
        (
            "ru",
            "В Белгороде дрон ударил по частному дому. Позже ещё один дрон ударил по автомобилю в Белгороде.",
            [("hit", "uav", 1, "RU-BEL"), ("hit", "uav", 1, "RU-BEL")],
        ),
        (
            "uk",
            "У Херсоні дрон влучив у приватний будинок. Згодом ще один дрон влучив в автомобіль у Херсоні.",
            [("hit", "uav", 1, "UA-65"), ("hit", "uav", 1, "UA-65")],
        ),
        (
            "en",
            "A drone hit a house in Belgorod. Later another drone hit a car in Belgorod.",
            [("hit", "uav", 1, "RU-BEL"), ("hit", "uav", 1, "RU-BEL")],
        ),
        # a restatement stands once
        (
            "ru",
            "Над Брянской областью сбиты пять беспилотников. Губернатор сообщил, что над Брянской "
            "областью уничтожены пять беспилотников.",
            [("destroyed", "uav", 5, "RU-BRY")],
        ),
        (
            "uk",
            "Над Сумщиною збито п’ять дронів. Про це повідомили в ОВА: над Сумщиною знищено п’ять дронів.",
            [("destroyed", "uav", 5, "UA-59")],
        ),
        (
            "en",
            "Five drones were shot down over the Bryansk region. Air defences destroyed five drones "
            "over the Bryansk region, the governor said.",
            [("destroyed", "uav", 5, "RU-BRY")],
        ),
    ],
)
def test_two_strikes_stay_two_and_a_restatement_stands_once(lang, text, expected):
    assert keys(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a shoot-down said with no weapon and no figure: destroyed, no count, the report's weapon
        ("uk", "Уночі ворог атакував Київщину дронами. Є збиття.", [("uav", None, "UA-32")]),
        (
            "uk",
            "Уночі на Київщині працювала ППО проти ворожих дронів. Усі цілі були збиті.",
            [("uav", None, "UA-32")],
        ),
        (
            "ru",
            "Ночью противник атаковал Курскую область беспилотниками. Есть сбития, обломки упали "
            "в поле.",
            [("uav", None, "RU-KRS")],
        ),
        (
            "en",
            "Russia attacked the Kyiv region with drones overnight. All targets were shot down.",
            [("uav", None, "UA-32")],
        ),
        # destroyed cars and a fire put out are no shoot-down
        ("uk", "Ворог атакував Запоріжжя дронами. Знищено і пошкоджено автівки.", []),
        (
            "ru",
            "Ночью противник атаковал Курскую область беспилотниками. Возник пожар, его оперативно "
            "ликвидировали.",
            [],
        ),
    ],
)
def test_a_bare_shootdown_takes_the_reports_weapon(lang, text, expected):
    assert [
        (weapon, count, admin1)
        for kind, weapon, count, admin1 in keys(text, lang)
        if kind == "destroyed"
    ] == expected


def test_an_attack_that_injured_workers_is_a_hit():
    text = (
        "Вранці війська РФ атакували об'єкт інфраструктури у Миколаєві ударним безпілотником, "
        "внаслідок чого двоє працівників підприємства отримали поранення."
    )
    assert keys(text, "uk") == [("hit", "uav", 1, "UA-48"), ("casualties", "uav", None, "UA-48")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # an attack with no figure, then shoot-downs and no harm: no strike
        ("uk", "Окупанти атакували Кіровоградщину дронами. Є збиття. Обійшлося без постраждалих."),
        ("ru", "Противник атаковал Белгород беспилотниками. Силы ПВО сбили два беспилотника."),
        ("en", "Russia attacked Kharkiv with drones overnight. Air defences shot down two drones."),
        # ... nor when the harm is done by the debris of those shot down
        (
            "en",
            "Ukrainian drones attacked Yaroslavl overnight. Three drones were shot down, and "
            "debris of one of them damaged a pipeline at an industrial site.",
        ),
        (
            "ru",
            "ВСУ атаковали Ярославль беспилотниками. Сбиты три дрона, обломки одного из них "
            "повредили трубопровод на промышленном объекте.",
        ),
        (
            "uk",
            "Росіяни атакували Житомир дронами. Збито три дрони, уламки одного з них пошкодили "
            "трубопровід на підприємстві.",
        ),
    ],
)
def test_an_attack_repelled_is_no_strike(lang, text):
    assert [k for k in keys(text, lang) if k[0] == "hit"] == []


def test_an_attack_that_damaged_stays_a_strike():
    text = "Ворог атакував Нікопольщину FPV-дронами. Пошкоджено будинок."
    assert keys(text, "uk") == [("hit", "uav", None, "UA-12"), ("damage", "uav", None, "UA-12")]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # an attack on an area with no figure and no outcome: a launch of no count (revision 2)
        (
            "ru",
            "Ночью ВСУ атаковали Белгородскую область беспилотниками, сообщил губернатор.",
            [("launched", "uav", None, "RU-BEL")],
        ),
        (
            "ru",
            "Сегодня была совершена очередная атака беспилотниками на территорию Курской области.",
            [("launched", "uav", None, "RU-KRS")],
        ),
        (
            "uk",
            "Вночі ворог здійснив атаку ударними дронами на Полтавщину, повідомив голова ОВА.",
            [("launched", "uav", None, "UA-53")],
        ),
        (
            "en",
            "Russia attacked the Odesa region with drones overnight, the governor said.",
            [("launched", "uav", None, "UA-51")],
        ),
        # missiles and drones with no figure: a launch of each kind, each absorbed (or not) by
        # its own outcome
        (
            "uk",
            "Вночі ворог атакував південні регіони ракетами і дронами. Над Одещиною збито три дрони.",
            [("launched", "missile", None, None), ("destroyed", "uav", 3, "UA-51")],
        ),
        (
            "ru",
            "Ночью противник атаковал южные регионы ракетами и беспилотниками. Над Курской "
            "областью сбиты три беспилотника.",
            [("launched", "missile", None, None), ("destroyed", "uav", 3, "RU-KRS")],
        ),
        (
            "en",
            "Overnight Russia attacked southern regions with missiles and drones. Three drones "
            "were shot down over the Odesa region.",
            [("launched", "missile", None, None), ("destroyed", "uav", 3, "UA-51")],
        ),
        # an attack on several regions is no restatement of a strike on one of them
        (
            "uk",
            "Вночі ворог атакував південні регіони ракетами. По Миколаївщині завдано ракетного "
            "удару по підприємству.",
            [("launched", "missile", None, None), ("hit", "missile", None, "UA-48")],
        ),
        (
            "ru",
            "Ночью противник атаковал южные регионы ракетами. По Курской области нанесен ракетный "
            "удар по предприятию.",
            [("launched", "missile", None, None), ("hit", "missile", None, "RU-KRS")],
        ),
        (
            "en",
            "Overnight Russia attacked southern regions with missiles. A missile strike hit an "
            "enterprise in the Mykolaiv region.",
            [("launched", "missile", None, None), ("hit", "missile", None, "UA-48")],
        ),
    ],
)
def test_an_attack_with_no_figure_is_a_launch(lang, text, expected):
    assert keys(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # mixed means, then strikes with no weapon named: the launches are absorbed
        (
            "uk",
            "Ворог атакував Полтавщину ракетами та дронами. Є влучання в об'єкти енергетики.",
        ),
        (
            "ru",
            "Противник атаковал Курскую область ракетами и беспилотниками. Есть попадания в "
            "объекты энергетики.",
        ),
        ("en", "Russia attacked the Poltava region with missiles and drones. There were hits."),
    ],
)
def test_launches_of_mixed_means_are_absorbed_by_an_unspecified_strike(lang, text):
    assert [k for k in keys(text, lang) if k[0] == "launched"] == []


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # debris told with no weapon, after missiles and drones were both named: `other`
        (
            "en",
            "Air defence shot down two missiles and 15 drones. In the Kyiv region, debris damaged "
            "windows of a house.",
            ("debris", "other", None, "UA-32"),
        ),
        (
            "uk",
            "Сили ППО збили дві ракети і 15 дронів. На Київщині уламки пошкодили вікна будинку.",
            ("debris", "other", None, "UA-32"),
        ),
        (
            "ru",
            "Силы ПВО сбили две ракеты и 15 беспилотников. В Курской области обломки повредили "
            "окна дома.",
            ("debris", "other", None, "RU-KRS"),
        ),
        # one kind named before: its debris
        (
            "en",
            "Air defence shot down 15 drones. In the Kyiv region, debris damaged windows of a house.",
            ("debris", "uav", None, "UA-32"),
        ),
    ],
)
def test_debris_with_no_weapon_after_several_kinds_is_other(lang, text, expected):
    assert expected in keys(text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a figure told with its region, then again with none: one claim, the placed one
        (
            "ru",
            "Минобороны: над Севастополем сбиты три ракеты. В ведомстве уточнили, что средства ПВО "
            "сбили три ракеты противника.",
            [("destroyed", "missile", 3, "UA-40")],
        ),
        (
            "uk",
            "Над Сумщиною збито два дрони, повідомили в ОВА. Сили ППО збили два дрони, уточнили там.",
            [("destroyed", "uav", 2, "UA-59")],
        ),
        (
            "en",
            "Two drones were shot down over the Kursk region, the governor said. Air defences "
            "destroyed two drones overnight, he added.",
            [("destroyed", "uav", 2, "RU-KRS")],
        ),
        # another figure with no region stays its own claim
        (
            "ru",
            "Над Курской областью сбиты три беспилотника. Всего за ночь сбиты пять беспилотников.",
            [("destroyed", "uav", 3, "RU-KRS"), ("destroyed", "uav", 5, None)],
        ),
    ],
)
def test_a_figure_restated_without_its_region_stands_once(lang, text, expected):
    assert keys(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # "N times" is so many strikes only beside a verb or noun of attack, asserted
        ("uk", "Сили ППО збили п'ять дронів. Повітряну тривогу оголошували чотири рази.", []),
        ("ru", "Силы ПВО сбили пять беспилотников. Воздушную тревогу объявляли четыре раза.", []),
        (
            "en",
            "Air defences shot down five drones. The air alert sounded four times to warn residents "
            "about possible attacks.",
            [],
        ),
        (
            "uk",
            "Сили ППО збили п'ять дронів. Ворог чотири рази вдарив по Харкову.",
            [("hit", "uav", 4, "UA-63")],
        ),
        (
            "ru",
            "Силы ПВО сбили пять беспилотников. Противник четыре раза ударил по Харькову.",
            [("hit", "uav", 4, "UA-63")],
        ),
        (
            "en",
            "Air defences shot down five drones. The enemy struck Kharkiv four times.",
            [("hit", "uav", 4, "UA-63")],
        ),
    ],
)
def test_so_many_times_counts_strikes_only_beside_an_attack(lang, text, expected):
    assert [k for k in keys(text, lang) if k[0] == "hit"] == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a strike by an FPV drone and one by another drone, each in its own sentence: two
        (
            "ru",
            "В Белгороде беспилотник атаковал автомобиль. В Шебекино FPV-дрон ударил по частному дому.",
            [(1, None), (1, "FPV")],
        ),
        (
            "uk",
            "Ворог атакував Нікопольщину ударним дроном. Також ворог шість разів атакував "
            "FPV-дронами Марганецьку громаду.",
            [(1, None), (6, "FPV")],
        ),
        (
            "en",
            "A drone hit a house in Belgorod. Later an FPV drone struck a car in Shebekino.",
            [(1, None), (1, "FPV")],
        ),
        # an attack (the noun) by an FPV drone that harmed someone: a strike apart from the
        # raid's, one drone when its noun is singular and follows the attack
        (
            "uk",
            "Ворог атакував дронами Сумщину, пошкоджено школу. Внаслідок атаки FPV-дрона у "
            "Шостці поранено жінку.",
            [(None, None), (1, "FPV")],
        ),
        (
            "ru",
            "Противник атаковал беспилотниками Курскую область, повреждён склад. В результате "
            "атаки FPV-дронов в Рыльске ранен водитель.",
            [(None, None), (None, "FPV")],
        ),
        (
            "en",
            "Drones attacked Sumy region, a school was damaged. A woman in Shostka was injured "
            "in the attack of an FPV drone.",
            [(None, None), (1, "FPV")],
        ),
        (
            "en",
            "Drones attacked Sumy region, a school was damaged. A woman in Shostka was injured "
            "in an FPV drone attack.",
            [(None, None), (None, "FPV")],
        ),
    ],
)
def test_an_fpv_strike_or_attack_is_apart_from_a_strike_of_another_drone(lang, text, expected):
    hits = [(c.count, c.model) for c in extract(text, lang=lang) if c.claim_type == "hit"]
    assert hits == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # the outlet's recap of other news ("Як повідомлялося, …") names its own weapon: strikes
        # with none named there are of unspecified means, not the drones told before
        (
            "uk",
            "Голова ОВА повідомив, що над Запоріжжям збито три дрони. Як повідомлялося, російські "
            "війська завдали п'ять ударів по Запоріжжю у вівторок.",
            [("destroyed", "uav", 3, "UA-23"), ("hit", "other", 5, "UA-23")],
        ),
        (
            "ru",
            "Губернатор сообщил, что над Белгородом сбиты три беспилотника. Напомним, ранее "
            "противник нанес пять ударов по Белгороду.",
            [("destroyed", "uav", 3, "RU-BEL"), ("hit", "other", 5, "RU-BEL")],
        ),
        (
            "en",
            "The governor said three drones were shot down over Zaporizhzhia. As reported, Russian "
            "forces carried out five strikes on Zaporizhzhia on Tuesday.",
            [("destroyed", "uav", 3, "UA-23"), ("hit", "other", 5, "UA-23")],
        ),
    ],
)
def test_an_outlets_recap_starts_a_new_frame(lang, text, expected):
    assert keys(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # the claim verb is in a clause of intent or purpose, apart from the weapon's clause:
        # nothing is claimed
        (
            "en",
            "Along with new drones, the army needs ways to destroy them with electronic warfare.",
        ),
        ("ru", "Наряду с закупкой беспилотников, армия намерена сбивать их средствами РЭБ."),
        ("uk", "Разом із закупівлею дронів, армія має намір збивати їх засобами РЕБ."),
    ],
)
def test_a_claim_verb_in_a_clause_of_intent_claims_nothing(lang, text):
    assert keys(text, lang) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # strikes with no figure told twice, once by model and once by the weapon: one claim
        (
            "uk",
            "Вночі Волинь перебувала під ударом шахедів. На Волині зафіксовано влучання дронів.",
        ),
        (
            "ru",
            "Ночью Курск был под ударом «Гераней». В Курске зафиксированы попадания беспилотников.",
        ),
        ("en", "Overnight Shahed drones struck Lutsk. Drone hits were recorded in Lutsk."),
    ],
)
def test_countless_strikes_by_model_and_by_weapon_are_one(lang, text):
    assert [k[0] for k in keys(text, lang)] == ["hit"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "ru",
            "Российские войска нанесли 512 ударов по 15 населенным пунктам Запорожской области, в "
            "том числе 300 ударов беспилотниками.",
        ),
        (
            "uk",
            "Російські війська завдали 512 ударів по 15 населених пунктах Запорізької області, "
            "зокрема 300 ударів БпЛА.",
        ),
        (
            "en",
            "Russian forces launched 512 strikes on 15 settlements in the Zaporizhzhia region, "
            "including 300 drone strikes.",
        ),
    ],
)
def test_strikes_whose_weapon_another_count_of_strikes_names_are_of_unspecified_means(lang, text):
    assert sorted(keys(text, lang), key=str) == [
        ("hit", "other", 512, "UA-23"),
        ("hit", "uav", 300, "UA-23"),
    ]


@pytest.mark.parametrize(
    ("lang", "text", "hit"),
    [
        ("en", "Russian drones damaged a grain terminal in Izmail.", ("uav", None, "UA-51")),
        ("ru", "Два беспилотника повредили нефтебазу в Брянской области.", ("uav", 2, "RU-BRY")),
        ("uk", "Російські дрони пошкодили зерновий термінал в Ізмаїлі.", ("uav", None, "UA-51")),
        # the debris of weapons that damaged something is no strike of theirs
        ("ru", "Обломки беспилотников повредили нефтебазу в Брянской области.", None),
        ("en", "Debris from downed drones damaged a warehouse in the Kyiv region.", None),
    ],
)
def test_weapons_that_damaged_something_struck_it(lang, text, hit):
    hits = [k[1:] for k in keys(text, lang) if k[0] == "hit"]
    assert hits == ([hit] if hit else [])
