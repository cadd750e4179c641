"""Canonical claimants (skyledger/claimants): one id and one name per office and holder."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from skyledger.claimants import (
    _holder_pattern,
    canonical_name,
    channel_claimant,
    claimant_id,
    offices,
)
from skyledger.extract import extract

ONE_OFFICE = [  # every wording of one office, in English, Russian and Ukrainian
    ("ua-30-mayor", ["Mayor of Kyiv", "Mayor of Kyiv Vitali Klitschko", "Мэр Киева Виталий Кличко", "Міський голова Києва Віталій Кличко", "Кличко"]),
    ("ru-klu-governor", ["Governor of Kaluga Oblast", "Губернатор Калужской области Владислав Шапша", "Губернатор Калузької області", "Vladislav Shapsha"]),
    ("ua-63-military-administration", ["Head of Kharkiv Oblast Military Administration", "Governor of Kharkiv Oblast Oleh Syniehubov", "Начальник Харківської ОВА Олег Синєгубов", "Синегубов"]),
    ("ua-18-military-administration", ["Governor of Zhytomyr Oblast", "Head of Zhytomyr Oblast Military Administration", "Zhytomyr Oblast Military Administration", "Житомирська ОВА"]),
    ("ru-ministry-of-defense", ["Russian Ministry of Defense", "Минобороны России", "Міноборони РФ", "Russia's Ministry of Defence"]),
    ("ua-air-force", ["Ukrainian Air Force", "Повітряні сили ЗСУ", "Воздушные силы ВСУ", "Ukrainian Air Force spokesman Yurii Ihnat"]),
]  # fmt: skip


@pytest.mark.parametrize(("office", "wordings"), ONE_OFFICE, ids=[o for o, _ in ONE_OFFICE])
def test_every_wording_of_an_office_has_its_id(office, wordings):
    assert {claimant_id(w) for w in wordings} == {office}


@pytest.mark.parametrize(
    ("wording", "when", "name"),
    [
        ("Mayor of Kyiv", None, "Mayor of Kyiv"),
        ("Мэр Киева Виталий Кличко", None, "Mayor of Kyiv Vitali Klitschko"),
        ("Губернатор Калужской области", None, "Governor of Kaluga Oblast"),
        # the holder known for the report's date
        ("Губернатор Калужской области", date(2025, 6, 2), "Governor of Kaluga Oblast Vladislav Shapsha"),
        ("Governor of Kursk Oblast", date(2024, 8, 20), "Governor of Kursk Oblast Alexei Smirnov"),
        ("Governor of Kursk Oblast", date(2025, 3, 1), "Governor of Kursk Oblast Alexander Khinshtein"),
        ("Governor of Kaluga Oblast", date(2019, 5, 1), "Governor of Kaluga Oblast"),  # before any known term
        # a spokesman speaks for the office, under his own title
        ("Юрій Ігнат", None, "Ukrainian Air Force spokesman Yurii Ihnat"),
        ("Повітряні сили", datetime(2025, 6, 2, tzinfo=UTC), "Ukrainian Air Force"),
        # unknown claimants as written; nobody is nobody
        ("Неизвестный канал", None, "Неизвестный канал"),
        (None, None, None),
    ],
)  # fmt: skip
def test_canonical_name(wording, when, name):
    assert canonical_name(wording, when) == name


def test_different_offices_stay_apart():
    assert claimant_id("Mayor of Kyiv") != claimant_id("Head of Kyiv City Military Administration")
    assert claimant_id("Міноборони України") != claimant_id("Минобороны России")
    assert claimant_id(None) == "" != claimant_id("Неизвестный канал")


def test_the_table_has_one_entry_per_id_and_every_holder_spelling_compiles():
    table = offices()
    assert len({o.id for o in table}) == len(table)
    assert all(_holder_pattern(o.holders) is not None for o in table if o.holders)


@pytest.mark.parametrize(
    ("text", "lang", "claimant", "wording"),
    [
        ("Мэр Киева Виталий Кличко сообщил, что над городом сбиты два беспилотника.", "ru", "Mayor of Kyiv Vitali Klitschko", "Кличко"),
        ("Губернатор Калужской области сообщил: над регионом сбиты три беспилотника.", "ru", "Governor of Kaluga Oblast", "Губернатор Калужской"),
        ("Kharkiv governor Oleh Syniehubov said two drones were shot down over the region.", "en", "Head of Kharkiv Oblast Military Administration Oleh Syniehubov", "Syniehubov"),
        ("Голова Одеської ОВА Олег Кіпер: над областю збито три дрони.", "uk", "Head of Odesa Oblast Military Administration Oleh Kiper", "Кіпер"),
        ("Губернатор Житомирской области сообщил, что над регионом сбиты два беспилотника.", "ru", "Head of Zhytomyr Oblast Military Administration", "Губернатор Житомирской"),
        # Russian officials' surnames as Ukrainian outlets spell them
        ("Развожаєв заявив, що над містом збито вісім безпілотників.", "uk", "Governor of Sevastopol Mikhail Razvozhayev", "Развожаєв"),
        ("Собянін заявив, що на підльоті до Москви збито два дрони.", "uk", "Mayor of Moscow Sergei Sobyanin", "Собянін"),
        ("За словами Гусєва, над регіоном збито три дрони.", "uk", "Governor of Voronezh Oblast Alexander Gusev", "Гусєва"),
    ],
)  # fmt: skip
def test_extraction_names_the_canonical_claimant_and_keeps_the_wording(
    text, lang, claimant, wording
):
    claims = extract(text, lang=lang)
    assert claims
    assert {(c.claimant, c.claimant_text) for c in claims} == {(claimant, wording)}
    assert all(text[slice(*c.evidence["claimant"])] == wording for c in claims)


def test_a_channel_default_claimant_is_canonical_and_names_no_wording():
    text = "Над регионом сбиты три беспилотника."
    published = datetime(2025, 6, 2, 6, tzinfo=UTC)
    [claim] = extract(text, lang="ru", published=published, claimant="Губернатор Калужской области")
    assert (claim.claimant, claim.claimant_text) == (
        "Governor of Kaluga Oblast Vladislav Shapsha",
        None,
    )


@pytest.mark.parametrize(
    ("handle", "claimant"),
    [
        ("@vvgladkov", "Governor of Belgorod Oblast Vyacheslav Gladkov"),
        ("VVGladkov", "Governor of Belgorod Oblast Vyacheslav Gladkov"),
        ("kpszsu", "Ukrainian Air Force"),
        ("@mod_russia", "Russian Ministry of Defense"),
        ("@some_news_channel", None),
        (None, None),
    ],
)
def test_an_office_or_holder_speaks_on_its_own_channel(handle, claimant):
    assert channel_claimant(handle) == claimant
