"""Place mentions by cue words, in their dictionary form. Sentences written for these tests."""

from __future__ import annotations

import re

import pytest

from skyledger.extract import extract
from skyledger.extract.lexicon import lexicon
from skyledger.extract.places import (
    as_written,
    find_places,
    launch_sites,
    locate,
    named_candidates,
    place_words,
    village,
    word_start_first_letter,
)


@pytest.mark.parametrize(
    ("text", "lang", "normals"),
    [
        ("Обломки упали в селе Глинищево.", "ru", ["Глинищево"]),
        ("Беспилотник сбит над Брянским районом.", "ru", ["Брянский район"]),
        ("Обломки нашли между Калугой и Тулой.", "ru", ["Калуга", "Тула"]),
        ("Пошкоджено будинок у м. Куп’янськ.", "uk", ["Куп’янськ"]),
        ("Ворог завдав удару по місту Чугуїв.", "uk", ["Чугуїв"]),
        ("Уламки впали в Дарницькому районі.", "uk", ["Дарницький район"]),
        ("Удар по Межівській громаді.", "uk", ["Межівська громада"]),
        # a Russian municipal district (округ) as the text names it
        ("Дрон атаковал машину в Грайворонском округе.", "ru", ["Грайворонский округ"]),
        (
            "Обломки упали в Шебекинском городском округе.",
            "ru",
            ["Шебекинский городской округ"],
        ),
        ("Уламки знайшли між Одноробівкою та Золочевом.", "uk", ["Одноробівка", "Золочів"]),
        ("Уламки впали у місті Новгород-Сіверський.", "uk", ["Новгород-Сіверський"]),
        # a list of districts under one plural noun: every one of them
        (
            "Обломки упали в Мещовском, Юхновском и Сухиничском районах.",
            "ru",
            ["Мещовский район", "Юхновский район", "Сухиничский район"],
        ),
        (
            "Пошкоджено будинки в Оболонському та Дніпровському районах.",
            "uk",
            ["Оболонський район", "Дніпровський район"],
        ),
        (
            "Удари по Марганецькій та Покровській громадах.",
            "uk",
            ["Марганецька громада", "Покровська громада"],
        ),
        ("Drones hit the towns of Pavlohrad and Ternivka.", "en", ["Pavlohrad", "Ternivka"]),
        ("A drone hit a car in the Rakityansky district.", "en", ["Rakityansky district"]),
        (
            "Drones were downed over the Liskinsky and Ostrogozhsky districts.",
            "en",
            ["Liskinsky district", "Ostrogozhsky district"],
        ),
        ("A drone fell in the village of Glinishchevo.", "en", ["Glinishchevo"]),
        # no cue word: no place, whatever the capitals
        ("Над Брянской областью сбиты три беспилотника.", "ru", []),
        ("Governor Kiper said Odesa was attacked.", "en", []),
    ],
)
def test_places_by_cue_words(text, lang, normals):
    assert [p.normal for p in find_places(text, lang)] == normals


@pytest.mark.parametrize(
    ("text", "lang", "names"),
    [
        ("Противник атаковал Погар, обломки упали возле Севска.", "ru", ["Погар", "Севска"]),
        ("Дрон упал у Новой Таволжанки.", "ru", ["Новой Таволжанки"]),
        ("Уламки впали поблизу Шостки.", "uk", ["Шостки"]),
        ("A drone hit a residential area of Kupiansk.", "en", ["Kupiansk"]),
        ("A drone hit a warehouse in Bila Tserkva.", "en", ["Bila Tserkva"]),
        ("Drones attacked Sumy's outskirts.", "en", ["Sumy"]),  # not the possessive
        # abbreviations, lower case and digits are no names
        ("Удар по ВСУ в 5 часов по нашим данным.", "ru", []),
        ("Drones flew over the city at night.", "en", []),
    ],
)
def test_capitalised_words_after_weak_cues(text, lang, names):
    found = named_candidates(text, lang)
    assert [text[c.start : c.long_end or c.end] for c in found] == names


@pytest.mark.parametrize(
    ("text", "lang", "names"),
    [
        (
            "Ворог атакував БпЛА з напрямків: Курськ, Орел та Міллерово.",
            "uk",
            ["Курськ", "Орел", "Міллерово"],
        ),
        ("Russia launched drones from the Kursk and Bryansk regions.", "en", ["Kursk", "Bryansk"]),
        ("Беспилотники запущены с территории Сумской области.", "ru", ["Сумской"]),
        # "из" before a number is no launch site
        ("Из 30 беспилотников 25 сбиты над Брянской областью.", "ru", []),
    ],
)
def test_launch_sites(text, lang, names):
    ends = [m.end() for m in lexicon(lang).asides.finditer(text) if m.lastgroup == "launch"]
    found = launch_sites(text, lang, ends)
    assert [text[start:end] for start, end in found] == names


@pytest.mark.parametrize(
    ("name", "lang", "scopes", "anywhere", "expected"),
    [
        # one place of the name, no region in the report: the place names its region
        ("Погаре", "ru", [], True, ("Погар", "RU-BRY", "RU-BRY")),
        ("Lgov", "en", [], True, ("Lgov", "RU-KRS", "RU-KRS")),
        # a town and a village a tenth its size: a place with no region
        ("Сасово", "ru", [], True, ("Сасово", None, None)),
        # the report's regions come first
        ("Сасово", "ru", ["RU-TUL", "RU-RYA"], False, ("Сасово", "RU-RYA", "RU-RYA")),
        # a name found only outside the report's regions is no place of it
        ("Погаре", "ru", ["RU-KRS"], False, None),
        # no place of that name at all
        ("Минобороны", "ru", [], True, None),
        ("Police", "en", ["UA-63"], False, None),
    ],
)
def test_locate(name, lang, scopes, anywhere, expected):
    place, code = locate(name, (0, len(name)), lang, scopes, anywhere)
    got = None if place is None else (place.normal, place.admin1, code)
    assert got == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("в селе Кирово", "ru", True),
        ("в городе Кирове", "ru", False),
        ("у селищі Слобожанське", "uk", True),
        ("the village of Glinishchevo", "en", True),
        ("the city of Sumy", "en", False),
    ],
)
def test_village_by_the_word_before_it(text, lang, expected):
    start = text.rindex(" ") + 1
    assert village(text, start, lang) is expected


@pytest.mark.parametrize(
    ("name", "normal", "expected"),
    [
        ("Куп’янську", "Купянськ", "Куп’янськ"),
        ("Куп'янськ", "Купянськ", "Куп'янськ"),
        ("Погаре", "Погар", "Погар"),
        ("Мар’їнці", "Мар’їнка", "Мар’їнка"),  # the gazetteer's form has one already
        # hyphens and the capitals after them as the text writes them
        ("Ростове-на-Дону", "Ростов на Дону", "Ростов-на-Дону"),
        ("Новгороді-Сіверському", "Новгород-сіверський", "Новгород-Сіверський"),
    ],
)
def test_dictionary_form_keeps_the_texts_spelling(name, normal, expected):
    assert as_written(name, normal) == expected


@pytest.mark.parametrize("lang", ["ru", "uk", "en"])
def test_weak_cues_are_words_phrases_or_stems(lang):
    """They are looked up whole (or by their stem), never run as patterns."""
    cues = place_words(lang)["cues"]
    assert cues and all(re.fullmatch(r"[^\W\d_]+(?: [^\W\d_]+)*(?:\\w\*)?", c) for c in cues)


@pytest.mark.parametrize(
    ("written", "lang", "normal"),
    [
        # a place name's adjective takes its noun's gender, else its own, in the nominative
        ("Никольское", "ru", "Никольское"),
        ("Красной Яруге", "ru", "Красная Яруга"),
        ("Белой Церкви", "ru", "Белая Церковь"),
        ("Білій Церкві", "uk", "Біла Церква"),
        ("Брянском районе", "ru", "Брянский район"),
        ("Киришами", "ru", "Кириши"),
        # a plural name stays plural
        ("Великих Луках", "ru", "Великие Луки"),
        ("Ясные Зори", "ru", "Ясные Зори"),
        ("Красных Горах", "ru", "Красные Горы"),
        ("Великих Проходах", "uk", "Великі Проходи"),
        # a place's reading over a surname's or a short adjective's
        ("Муроме", "ru", "Муром"),
        ("Харкові", "uk", "Харків"),
        ("Головчино", "ru", "Головчино"),
        # a Ukrainian adjective takes its noun's gender too
        ("Козачої Лопані", "uk", "Козача Лопань"),
    ],
)
def test_dictionary_form_of_a_place_name(written, lang, normal):
    from skyledger.extract.morph import nominative

    assert nominative(written, lang) == normal


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("у с. Покровка и пгт Ивня", ["с.", "пгт"]),
        ("вас. Ы, опгт", []),  # inside a word: no word start
        ("Г. Курск", []),  # the pattern is case-sensitive, as before
        ("\nг. Шебекино", ["г."]),
    ],
)
def test_word_start_first_letter_matches_at_word_starts_only(text, found):
    pattern = re.compile(word_start_first_letter(["г\\.", "пгт", "с\\."]))
    assert [m.group() for m in pattern.finditer(text)] == found
    assert word_start_first_letter(["\\d+ km"]) == r"(?<!\w)(?:\d+ km)"  # no letter first


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("uk", "Росіяни скинули на Слов'янськ дві авіабомби, пошкоджено будинок."),
        ("en", "Two glide bombs struck Sloviansk overnight, damaging a house."),
    ],
)
def test_a_town_named_gives_its_own_region(lang, text):
    assert {c.admin1 for c in extract(text, lang=lang)} == {"UA-14"}


@pytest.mark.parametrize(
    ("lang", "text", "admin1", "place"),
    [
        (
            "uk",
            "Шахед влучив у ферму на Новгород-Сіверщині, пошкоджено техніку.",
            "UA-74",
            "Новгород-Сіверщина",
        ),
        (
            "uk",
            "Дрон влучив у будинок у Білгород-Дністровському.",
            "UA-51",
            "Білгород-Дністровський",
        ),
        (
            "ru",
            "Беспилотник попал в жилой дом в Каменец-Подольском.",
            "UA-68",
            "Каменец-Подольский",
        ),
        ("ru", "Дрон попал в дом в Белгород-Днестровском.", "UA-51", "Белгород-Днестровский"),
        ("en", "A drone hit a house in Bilhorod-Dnistrovskyi.", "UA-51", "Bilhorod-Dnistrovskyi"),
        ("en", "A drone hit a house in Kamianets-Podilskyi.", "UA-68", "Kamianets-Podilskyi"),
    ],
)
def test_a_hyphenated_name_is_one_place(lang, text, admin1, place):
    """A name whose second part opens with a capital is one place, not the town (or region)
    its first part names alone."""
    assert {(c.admin1, p.normal) for c in extract(text, lang=lang) for p in c.places} == {
        (admin1, place)
    }


@pytest.mark.parametrize(
    ("lang", "text", "admin1", "listed"),
    [
        (
            "uk",
            "Ворог атакував дронами Куп'янськ, Золочів та Великий Бурлук, пошкоджено будинки.",
            "UA-63",
            ["Куп'янськ", "Золочів", "Великий Бурлук"],
        ),
        (
            "ru",
            "ВСУ атаковали беспилотниками Шебекино, Грайворон и Валуйки, повреждены дома.",
            "RU-BEL",
            ["Шебекино", "Грайворон", "Валуйки"],
        ),
        (
            "en",
            "Drones attacked Kupiansk, Zolochiv and Izium, damaging houses.",
            "UA-63",
            ["Kupiansk", "Zolochiv", "Izium"],
        ),
        (
            "uk",
            "Ворог атакував дронами 38 населених пунктів Херсонщини, зокрема Херсон, Білозерку "
            "та Антонівку.",
            "UA-65",
            ["Херсон", "Білозерка", "Антонівка"],
        ),
        (
            "en",
            "Drones attacked 12 settlements in Kharkiv Oblast, including Kupiansk and Izium, "
            "damaging houses.",
            "UA-63",
            ["Kupiansk", "Izium"],
        ),
    ],
)
def test_the_towns_listed_after_a_cue_are_places(lang, text, admin1, listed):
    """Names listed after a cue (a comma or a conjunction between them), after the weapon the
    towns were attacked with, or after "зокрема" / "including", are each a place."""
    claims = extract(text, lang=lang)
    assert claims[0].admin1 == admin1
    assert [p.normal for p in claims[0].places] == listed
