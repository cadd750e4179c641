"""Claim words as lemmas: every form of a listed verb or noun signals its claim type.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from extract_helpers import keys
from skyledger.extract.lemmas import FORMS_FILE, forms_of, fragment_of


def test_committed_forms_are_up_to_date():
    """lang/lemma_forms.yaml is what scripts/build_lemma_forms.py writes from the lexicons."""
    import importlib.util
    from pathlib import Path

    script = Path(__file__).parents[1] / "scripts" / "build_lemma_forms.py"
    spec = importlib.util.spec_from_file_location("build_lemma_forms", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert FORMS_FILE.read_text("utf-8") == module.render(), "run scripts/build_lemma_forms.py"


@pytest.mark.parametrize(
    ("lemma", "lang", "some_forms"),
    [
        ("обезвредить", "ru", {"обезвредили", "обезврежены", "обезвредивших"}),
        ("знешкодити", "uk", {"знешкодили", "знешкоджено", "знешкодив"}),
        ("вгатити", "uk", {"вгатив", "вгатили"}),
        ("пошкодити", "uk", {"пошкодивши"}),  # adverbial participles are made from the past
        ("deploy", "en", {"deployed", "deploys", "deploying"}),
        ("shoot down", "en", {"shot down", "shoots down", "shooting down"}),
        ("eliminate", "en", {"eliminated", "eliminating"}),
    ],
)
def test_forms_of_a_lemma(lemma, lang, some_forms):
    irregular = {"shoot": ["shot", "shoots", "shooting"]}
    assert some_forms <= forms_of(lemma, lang, irregular)


def test_fragments_match_both_apostrophes_and_yo():
    import re

    pattern = re.compile("|".join(fragment_of({"зіб'ють", "сбитём"})))
    assert all(pattern.fullmatch(w) for w in ("зіб’ють", "зібʼють", "зіб'ють", "сбитем"))


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a verb form the lexicon never listed as a stem
        (
            "Над Брянской областью обезвредили три беспилотника.",
            "ru",
            [("destroyed", "uav", 3, "RU-BRY")],
        ),
        (
            "Российские войска задействовали 30 ударных дронов.",
            "ru",
            [("launched", "uav", 30, None)],
        ),
        ("Над Сумщиною знешкодили п’ять ворожих дронів.", "uk", [("destroyed", "uav", 5, "UA-59")]),
        ("Ворог вгатив по Харкову двома ракетами.", "uk", [("hit", "missile", 2, "UA-63")]),
        ("Дрон вгатив у житловий будинок у Херсоні.", "uk", [("hit", "uav", 1, "UA-65")]),
        # "to strike at", imperfective
        ("Ворог бив по Нікополю дронами.", "uk", [("hit", "uav", None, "UA-12")]),
        ("Противник бил по Белгородскому району дронами.", "ru", [("hit", "uav", None, "RU-BEL")]),
        ("ВСУ ударяли по Горловке беспилотниками.", "ru", [("hit", "uav", None, "UA-14")]),
        (
            "Russia deployed 40 drones against Ukraine overnight.",
            "en",
            [("launched", "uav", 40, None)],
        ),
        (
            "Russian forces sent 25 drones at the Odesa region.",
            "en",
            [("launched", "uav", 25, "UA-51")],
        ),
        (
            "Air defences eliminated six drones over the Bryansk region.",
            "en",
            [("destroyed", "uav", 6, "RU-BRY")],
        ),
        # a noun of the lemma family
        (
            "The ministry announced the destruction of 19 Ukrainian drones over the Kursk region.",
            "en",
            [("destroyed", "uav", 19, "RU-KRS")],
        ),
    ],
)
def test_every_form_signals_its_claim_type(text, lang, expected):
    assert keys(text, lang) == expected
