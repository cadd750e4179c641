"""Confidence says how a claim was found: a full frame, a carried frame, an inference."""

from __future__ import annotations

import json

import pytest

from skyledger.extract import extract
from skyledger.extract.confidence import band


def rated(text: str, lang: str) -> list[tuple]:
    return [(c.claim_type, c.count, c.admin1, c.confidence) for c in extract(text, lang=lang)]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a full frame: count, weapon, cue and region in one sentence, a claimant named
        (
            "ru",
            "Над Тамбовской областью сбиты три беспилотника, сообщило Минобороны.",
            [("destroyed", 3, "RU-TAM", 0.9)],
        ),
        (
            "uk",
            "Над Вінницькою областю збили три дрони, повідомили Повітряні сили.",
            [("destroyed", 3, "UA-05", 0.9)],
        ),
        (
            "en",
            "Three drones were shot down over the Tambov region, the Russian Defence Ministry said.",
            [("destroyed", 3, "RU-TAM", 0.9)],
        ),
        # nobody named: less sure
        (
            "ru",
            "Над Тамбовской областью сбиты три беспилотника.",
            [("destroyed", 3, "RU-TAM", 0.75)],
        ),
        # parts that add up confirm the total; the parts keep their own frame
        (
            "ru",
            "Минобороны: уничтожены 10 беспилотников: 6 над Тамбовской областью, 4 над "
            "Липецкой областью.",
            [
                ("destroyed", 10, None, 0.95),
                ("destroyed", 6, "RU-TAM", 0.95),
                ("destroyed", 4, "RU-LIP", 0.95),
            ],
        ),
        # parts that do not add up: the total and its parts are doubtful
        (
            "ru",
            "Минобороны: уничтожены 10 беспилотников: 6 над Тамбовской областью, 3 над "
            "Липецкой областью.",
            [
                ("destroyed", 10, None, 0.75),
                ("destroyed", 6, "RU-TAM", 0.75),
                ("destroyed", 3, "RU-LIP", 0.75),
            ],
        ),
        (
            "en",
            "The Defence Ministry said 10 drones were destroyed: 6 over the Tambov region and "
            "3 over the Lipetsk region.",
            [
                ("destroyed", 10, None, 0.75),
                ("destroyed", 6, "RU-TAM", 0.75),
                ("destroyed", 3, "RU-LIP", 0.75),
            ],
        ),
    ],
)
def test_confidence_follows_how_the_claim_was_found(lang, text, expected):
    assert rated(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "kind", "expected"),
    [
        # damage and casualties in their own words: surer than a strike with no figure
        (
            "ru",
            "Губернатор Тамбовской области сообщил, что в результате атаки беспилотника в "
            "Тамбове повреждён жилой дом.",
            "damage",
            0.8,
        ),
        (
            "uk",
            "Голова Вінницької ОВА повідомив, що внаслідок атаки дрона у Вінниці пошкоджено "
            "житловий будинок.",
            "damage",
            0.8,
        ),
        (
            "en",
            "The governor of the Tambov region said a drone attack damaged a house in Tambov.",
            "damage",
            0.8,
        ),
        # a launch count placed in a region: launch or strike, and where, is a judgement
        (
            "ru",
            "Минобороны: ВСУ атаковали Тамбовскую область 12 беспилотниками, все уничтожены.",
            "launched",
            0.65,
        ),
    ],
)
def test_confidence_by_what_was_read(lang, text, kind, expected):
    found = {c.claim_type: c.confidence for c in extract(text, lang=lang)}
    assert found[kind] == expected


def test_an_inferred_region_and_an_inferred_one_lower_confidence():
    read = extract("Губернатор Тамбовской области: над регионом сбит один беспилотник.", lang="ru")
    guessed = extract("Губернатор Тамбовской области: сбит беспилотник.", lang="ru")
    assert [(c.count, c.admin1) for c in read] == [(1, "RU-TAM")]
    assert [(c.count, c.admin1) for c in guessed] == [(1, "RU-TAM")]
    assert guessed[0].confidence < read[0].confidence


@pytest.mark.parametrize(
    ("value", "name"),
    [(0.3, "0.00-0.50"), (0.5, "0.50-0.70"), (0.84, "0.70-0.85"), (0.95, "0.85-1.00")],
)
def test_bands(value, name):
    assert band(value) == name


def test_extract_min_confidence_keeps_the_sure_claims(run_cli):
    line = {
        "id": 1,
        "lang": "ru",
        "text": "Над Тамбовской областью сбиты три беспилотника, сообщило Минобороны. "
        "В Липецкой области беспилотник атаковал город.",
    }
    every = run_cli("extract", input=json.dumps(line, ensure_ascii=False) + "\n")
    sure = run_cli(
        "extract", "--min-confidence", "0.85", input=json.dumps(line, ensure_ascii=False) + "\n"
    )
    assert every.returncode == 0 and sure.returncode == 0, every.stderr + sure.stderr
    claims = json.loads(every.stdout)["claims"]
    kept = json.loads(sure.stdout)["claims"]
    assert [c["claim_type"] for c in kept] == ["destroyed"]
    assert len(kept) < len(claims)
    assert [c["id"] for c in kept] == [c["id"] for c in claims if c["confidence"] >= 0.85]
    bad = run_cli("extract", "--min-confidence", "2", input="")
    assert bad.returncode != 0
