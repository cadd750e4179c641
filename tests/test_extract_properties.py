"""Robustness: any input returns a list of claims without raising, quickly."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skyledger.extract import extract
from skyledger.records import Claim

WORDS = [
    "беспилотник",
    "БПЛА",
    "сбиты",
    "над",
    "Брянской",
    "областью",
    "7",
    "—",
    "по",
    "два",
    "дронів",
    "збито",
    "Харківщиною",
    "drones",
    "shot",
    "down",
    "over",
    "Kursk",
    "Region",
    "launched",
    "of",
    "which",
    "12",
    ":",
    ",",
    ".",
    "\n",
    "▪️",
    "в том числе",
    "пострадавших нет",
    "no casualties",
    "<b>",
    "</p>",
    "\x00",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(), st.sampled_from([None, "en", "ru", "uk", "xx"]))
def test_any_text_returns_claims(text, lang):
    claims = extract(text, lang=lang)
    assert isinstance(claims, list)
    assert all(isinstance(c, Claim) for c in claims)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), max_size=80), st.sampled_from(["en", "ru", "uk"]))
def test_bulletin_shaped_noise(words, lang):
    text = " ".join(words)
    for claim in extract(text, lang=lang):
        for start, end in claim.evidence.values():
            assert 0 <= start <= end <= len(text)
        assert claim.count is None or claim.count >= 0


@pytest.mark.slow
def test_one_megabyte_of_mixed_text():
    chunk = "Над <b>Брянской</b> областью сбиты 3 БПЛА.\x07 Збито 5 дронів над Сумщиною. 4 drones downed. "
    text = chunk * (1_000_000 // len(chunk))
    assert isinstance(extract(text), list)


@pytest.mark.parametrize(
    "text",
    [
        "1" * 100_000,
        "беспилотник " + "а" * 100_000,
        "drone " + "1 " * 50_000,
        "БПЛА " + ", " * 50_000,
        "drones over " + "Kursk, " * 14_000 + "regions",
        "сбиты " + "по два — над Брянской и " * 4_000,
        "з " + "12:00 " * 16_000,
    ],
)
def test_adversarial_input_finishes_fast(text):
    """Under a second of CPU time (wall time depends on what else the machine runs)."""
    started = time.process_time()
    extract(text[:100_000], lang="ru" if "а" in text else "en")
    assert time.process_time() - started < 1.0


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # letters whose lower case is longer ("İ" -> "i̇") must not shift the word index
        ("İİİ İstanbul: над Брянской областью сбиты три беспилотника.", "ru"),
        ("Officials in İzmir said air defences shot down two drones over the Kursk region.", "en"),
    ],
)
def test_spans_survive_letters_that_lengthen_in_lower_case(text, lang):
    claim = extract(text, lang=lang)[0]
    assert text[slice(*claim.evidence["weapon"])].lower() in ("беспилотника", "drones")
    assert claim.count in (2, 3)
