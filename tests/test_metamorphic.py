"""Metamorphic variants: rewrites that keep a report's gold, and the share that keeps its claims."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from skyledger.metamorphic import (
    MIN_VARIANTS,
    number_variants,
    region_variants,
    reorder_variants,
    synonym_variants,
    variants,
)

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "data" / "metamorphic" / "reports.jsonl"


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("ru", "Сбиты 5 беспилотников.", "Сбиты пять беспилотников."),
        ("ru", "Упали 2 ракеты.", "Упали две ракеты."),
        ("ru", "Из 5 беспилотников сбиты все.", "Из пяти беспилотников сбиты все."),
        ("ru", "Атаковали 5 беспилотниками.", "Атаковали пятью беспилотниками."),
        ("uk", "Збито 2 ракети.", "Збито дві ракети."),
        ("uk", "Атакували 5 дронами.", "Атакували п'ятьма дронами."),
        ("en", "Air defences shot down 9 drones.", "Air defences shot down nine drones."),
        ("ru", "Сбиты пять беспилотников.", "Сбиты 5 беспилотников."),
    ],
)
def test_numbers_change_writing_in_the_case_they_need(lang, text, expected):
    assert number_variants(text, lang)[0] == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "В 12:00 сбиты беспилотники."),  # a clock time is no count
        ("ru", "29 мая сбиты беспилотники."),  # a date is no count
        ("en", "In 2024 drones were shot down."),
    ],
)
def test_numbers_that_count_nothing_stay(lang, text):
    assert number_variants(text, lang) == []


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("ru", "Над Курской областью сбиты дроны.", "Над Курщиной сбиты дроны."),
        ("ru", "В Брянской области упал дрон.", "На Брянщине упал дрон."),
        ("uk", "Над Сумською областю збито дрон.", "Над Сумщиною збито дрон."),
        ("uk", "У Харківській області впав дрон.", "На Харківщині впав дрон."),
        ("en", "A drone fell in the Kursk region.", "A drone fell in the Kursk Oblast."),
    ],
)
def test_region_names_change_form_in_the_same_case(lang, text, expected):
    assert region_variants(text, lang)[0] == expected


def test_a_region_word_after_no_region_name_stays():
    assert region_variants("A drone hit the Ukrainian region of Odesa.", "en") == []


def test_synonyms_keep_the_grammatical_slot():
    assert synonym_variants("Над Курском сбиты беспилотники.", "ru") == [
        "Над Курском были сбиты беспилотники."
    ]


def test_only_independent_sentences_move():
    text = "Над Курском сбиты 3 дрона. На месте работают службы. Об этом сообщил губернатор."
    assert reorder_variants(text, "ru") == [
        "Над Курском сбиты 3 дрона. Об этом сообщил губернатор. На месте работают службы."
    ]


def test_every_report_gets_at_least_ten_distinct_variants():
    text = "Two drones were destroyed over the Bryansk region, the ministry said."
    made = variants(text, "en")
    assert len(made) >= MIN_VARIANTS
    assert len({v.text for v in made}) == len(made)
    assert text not in {v.text for v in made}


def test_script_prints_the_stable_share_of_the_fixture_reports():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "metamorphic.py"), str(FIXTURE)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    last = result.stdout.strip().splitlines()[-1]
    assert last.startswith("identical claims: ")
    identical, total = last.split(": ")[1].split(" = ")[0].split("/")
    assert int(total) >= MIN_VARIANTS * 6
    assert int(identical) / int(total) >= 0.97
