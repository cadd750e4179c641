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
        # nobody named: a little less sure
        (
            "ru",
            "Над Тамбовской областью сбиты три беспилотника.",
            [("destroyed", 3, "RU-TAM", 0.85)],
        ),
        # parts that add up confirm the total; the parts keep their own frame
        (
            "ru",
            "Минобороны: уничтожены 10 беспилотников: 6 над Тамбовской областью, 4 над "
            "Липецкой областью.",
            [
                ("destroyed", 10, None, 0.95),
                ("destroyed", 6, "RU-TAM", 0.9),
                ("destroyed", 4, "RU-LIP", 0.9),
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
        "В Липецкой области повреждён дом.",
    }
    every = run_cli("extract", input=json.dumps(line, ensure_ascii=False) + "\n")
    sure = run_cli(
        "extract", "--min-confidence", "0.8", input=json.dumps(line, ensure_ascii=False) + "\n"
    )
    assert every.returncode == 0 and sure.returncode == 0, every.stderr + sure.stderr
    kinds = [c["claim_type"] for c in json.loads(every.stdout)["claims"]]
    kept = json.loads(sure.stdout)["claims"]
    assert "damage" in kinds
    assert [c["claim_type"] for c in kept] == ["destroyed"]
    assert all(c["confidence"] >= 0.8 for c in kept)
    bad = run_cli("extract", "--min-confidence", "2", input="")
    assert bad.returncode != 0
