"""Language detection: Russian against Ukrainian against English, short texts included."""

from __future__ import annotations

import pytest

from skyledger.sources import detect_lang
from skyledger.sources.langid import lang_evidence


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # distinctive letters
        ("Збито 5 дронів.", "uk"),
        ("Вночі збито два безпілотники над областю.", "uk"),
        ("Ворог атакував об'єкт інфраструктури.", "uk"),
        ("Пошкоджено ґанок приватного будинку.", "uk"),
        ("Ночью сбиты два беспилотника.", "ru"),
        ("Обломки упали на крышу склада.", "ru"),
        ("Объявлена воздушная тревога, всё спокойно.", "ru"),
        # few or no distinctive letters: words and endings decide
        ("Над областю збили ракету", "uk"),
        ("Над областью сбили ракету", "ru"),
        ("Уламки впали на будинок", "uk"),
        ("Обломки упали на дом", "ru"),
        ("Увага! Загроза БпЛА", "uk"),
        ("Внимание! Угроза БПЛА", "ru"),
        ("Тривога", "uk"),
        ("Тревога", "ru"),
        ("Сили ППО працюють", "uk"),
        ("Силы ПВО работают", "ru"),
        ("Постраждалих немає", "uk"),
        ("Пострадавших нет", "ru"),
        ("Губернатор повідомив про постраждалих", "uk"),
        ("Губернатор сообщил о пострадавших", "ru"),
        ("Ми", "uk"),
        ("Мы", "ru"),
        # no evidence either way: Cyrillic counts as Russian
        ("Москва", "ru"),
        ("ПВО", "ru"),
        # English, also with Cyrillic names inside
        ("Air defence shot down 3 drones.", "en"),
        ("Air defence shot down 3 drones over Брянск.", "en"),
        ("", "en"),
        ("12 / 0 — 3", "en"),
        # mixed: the larger script wins
        ("Минобороны: над Белгородской областью сбиты 5 БПЛА (UAV)", "ru"),
        ("Повітряні сили: збито 40 з 52 Shahed", "uk"),
    ],
)
def test_detect_lang(text, lang):
    assert detect_lang(text) == lang


def test_long_text_is_sampled():
    assert detect_lang("Збито дрон. " * 2000) == "uk"


@pytest.mark.parametrize("lang", ["ru", "uk"])
def test_word_lists_do_not_overlap(lang):
    other = "uk" if lang == "ru" else "ru"
    words, _ = lang_evidence(lang)
    assert not words & lang_evidence(other)[0]
    assert all(word == word.lower() for word in words)
