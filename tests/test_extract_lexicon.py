"""Lexicon patterns: how entries are opened up so that they can be looked up by their first letters."""

from __future__ import annotations

import pytest

from skyledger.extract import extract
from skyledger.extract.folding import may_hold
from skyledger.extract.lexicon import (
    WORD_STARTS,
    Dispatcher,
    LazyPattern,
    language_fallbacks,
    lexicon,
    merged_table,
    number_starts,
    opening_alternatives,
    word_starts,
)


@pytest.mark.parametrize(
    ("fragment", "expanded"),
    [
        ("дрон\\w*", ["дрон\\w*"]),
        ("(?:в результате|от) удар\\w*", ["в результате удар\\w*", "от удар\\w*"]),
        ("(?:the )?defence ministry", ["the defence ministry", "defence ministry"]),
        ("(?:x(?:y|z))?w", ["x(?:y|z)w", "w"]),
        ("[хx]-?101", ["х-?101", "x-?101"]),
        # what cannot be opened stays as written
        ("(?:a|b)+c", ["(?:a|b)+c"]),
        ("(?:a|b)??c", ["(?:a|b)??c"]),
        ("[хx]?101", ["[хx]?101"]),
        ("\\sмо", ["\\sмо"]),
    ],
)
def test_opening_alternatives(fragment, expanded):
    assert opening_alternatives(fragment) == expanded


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Governor Gladkov said two drones were shot down over the Belgorod region."),
        ("ru", "Губернатор Гладков: над Белгородской областью сбиты два беспилотника."),
        ("uk", "Синєгубов: над Харківщиною збито два дрони."),
    ],
)
def test_every_entry_is_looked_up_by_its_first_letters(lang, text):
    """No entry of a language is tried at every position of a text (a cost on every report)."""
    lexicon(lang)
    assert extract(text, lang=lang)  # builds the region, model and official patterns too
    assert language_fallbacks(lang) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Над Курской областью сбиты дроны", ["Курской", "дроны"]),
        ("drones and a Drone over Kursk", ["drones", "Drone"]),
        ("дронами и дронов", ["дронами", "дронов"]),
        ("no match here", []),
    ],
)
def test_entries_compile_on_their_first_match_and_match_as_compiled(text, found):
    dispatcher = Dispatcher([("курск(?:ая|ой)", "region"), ("drones?|дрон(?:ы|ами|ов)", "drone")])
    entries = [e for es in dispatcher.by_key.values() for e in es]
    assert all(isinstance(compiled, LazyPattern) for _o, compiled, _p in entries)
    assert [m.group(0) for m in dispatcher.finditer(text)] == found


@pytest.mark.parametrize(
    "text",
    [
        # "aircraft-type" names a kind of drone: the count is of drones, not of aircraft
        "Air defences destroyed 41 Ukrainian aircraft-type unmanned aerial vehicles overnight.",
        "Air defences destroyed 41 Ukrainian aircraft—type unmanned aerial vehicles overnight.",
    ],
)
def test_aircraft_type_drones_are_counted(text):
    assert [(c.claim_type, c.count) for c in extract(text, lang="en")] == [("destroyed", 41)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # an air attack with no weapon named: mixed means ("other")
        ("uk", "Рівненщина зазнала повітряної атаки ворога: є влучання у критичну інфраструктуру."),
        ("ru", "Курская область подверглась воздушной атаке, есть попадание в здание школы."),
    ],
)
def test_an_air_attack_is_other_means(lang, text):
    assert [(c.claim_type, c.weapon, c.count) for c in extract(text, lang=lang)] == [
        ("hit", "other", None)
    ]


@pytest.mark.parametrize(
    ("text", "pos", "found"),
    [
        ("Над Курской областью сбиты дроны", 4, "Курской"),
        ("Над Курской областью сбиты дроны", 27, "дроны"),
        ("Над Курской областью сбиты дроны", 0, None),  # "Над" is no entry
        ("Над Курской областью сбиты дроны", 5, None),  # inside a word
        ("drones, Drones", 8, "Drones"),
        ("дронами", 0, "дронами"),  # the longest entry at the position
    ],
)
def test_a_match_at_a_position_is_what_a_search_from_it_finds_there(text, pos, found):
    dispatcher = Dispatcher([("курск(?:ая|ой)", "region"), ("drones?|дрон(?:ы|ами|ов|а)", "drone")])
    match = dispatcher.match(text, pos)
    assert (match.group(0) if match else None) == found
    searched = dispatcher.search(text, pos)
    assert (searched.group(0) if searched and searched.start() == pos else None) == found


@pytest.mark.parametrize(
    ("text", "words", "maybe"),
    [
        ("Все они сбиты", ("они", "all of"), True),
        ("ВСІ ВОНИ збиті", ("они", "all of"), True),
        ("All Of Them were downed", ("они", "all of"), True),
        ("Дроны сбиты над областью", ("они", "all of"), False),
        ("вᲂни", ("они",), True),  # a letter the case-blind engine folds into "о": cannot tell
        ("ΣΟΣ", ("σος",), True),  # Greek final sigma: cannot tell
    ],
)
def test_may_hold_says_no_only_when_no_case_blind_match_can_be_there(text, words, maybe):
    assert may_hold(text, *words) is maybe


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("two drones and a missile", [0, 15]),  # "two", "a"; not "o" in "two"
        ("twenty-two drones", [0, 7]),  # a hyphen is no letter
        ("network of sites", []),  # "tw", "o" inside words
        ("три дрона, четыре ракеты", [0, 11]),
        ("п'ять дронів", [0]),
        ("three of the twelve", [0, 13]),  # "the", "twe": no number word opens so
        ("and a twin", [4]),  # a word as short as "a" only whole
        ("тривога: три дрона", [9]),
    ],
)
def test_number_starts_open_letter_runs_only(text, starts):
    pattern = number_starts(["two", "twenty", "twelve", "three", "a", "три", "четыре", "п'ять"])
    assert [m.start() for m in pattern.finditer(text)] == starts


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("Збито 5 БпЛА", [0, 6, 8]),
        (" a-b c_d\nЯ", [1, 5, 9]),  # after a hyphen no word starts; "_" is a word character
        ("-x (y) 'z'", [4, 8]),
        ("", []),
    ],
)
def test_word_starts_are_where_no_word_character_or_hyphen_comes_before(text, starts):
    assert word_starts(text)[0] == starts
    assert [m.start() for m in WORD_STARTS.finditer(text)] == starts


def test_a_dispatcher_of_no_language_leaves_the_languages_tables_as_they_are():
    lexicon("en")
    table = merged_table("en")
    Dispatcher([("ворог\\w*", None)])  # built on first use, scanned on its own
    assert merged_table("en") is table
