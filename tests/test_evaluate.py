"""Scoring: matching on the SPEC key, one-to-one, field accuracies."""

from __future__ import annotations

import json

import pytest

from skyledger.evaluate import (
    confidence_bands,
    match_key,
    match_report,
    same_claimant,
    score,
)


def claim(kind="destroyed", weapon="uav", count=5, admin1="RU-BRY", **extra) -> dict:
    return {"claim_type": kind, "weapon": weapon, "count": count, "admin1": admin1, **extra}


@pytest.mark.parametrize(
    ("gold", "system", "matched"),
    [
        (claim(), claim(), True),
        (claim(), claim(count=6), False),
        (claim(), claim(admin1="RU-KRS"), False),
        (claim(), claim(weapon="missile"), False),
        (claim(kind="damage", count=None), claim(kind="damage", count=None, weapon="other"), True),
        (
            claim(kind="casualties", count=None, killed=1),
            claim(kind="casualties", count=None, weapon=None, killed=2),
            True,
        ),
        (claim(), claim(claimant="someone else", model="Shahed-136"), True),
    ],
)
def test_match_key(gold, system, matched):
    assert (match_key(gold) == match_key(system)) is matched


def test_one_to_one_matching():
    result = match_report("r", "ru", [claim(), claim()], [claim(), claim(), claim()])
    assert (len(result.matched), len(result.missed), len(result.spurious)) == (2, 0, 1)


def test_scores_and_field_accuracy():
    gold = [
        claim(),
        claim(kind="casualties", count=None, killed=1, injured=2),
        claim(count=9, admin1="RU-KLU"),
    ]
    system = [
        claim(),
        claim(kind="casualties", count=None, killed=1, injured=3),
        claim(count=8, admin1="RU-KLU"),
    ]
    result = score([match_report("r", "ru", gold, system)])
    assert result["overall"]["matched"] == 2
    assert result["overall"]["f1"] == pytest.approx(2 / 3, abs=1e-3)
    assert result["count_accuracy"] == pytest.approx(2 / 3, abs=1e-3)
    assert result["admin1_accuracy"] == 1.0
    assert result["casualty_accuracy"] == 0.0
    assert set(result["by_lang"]) == {"ru"}


@pytest.mark.parametrize(
    ("gold", "system", "same"),
    [
        ("Russian Ministry of Defense", "russian  ministry of defense", True),
        ("Russian Ministry of Defense", "Ukrainian Air Force", False),
        ("Monitor.od.ua (outlet)", "(outlet)", True),
        ("Some Paper (outlet, earlier report)", "(outlet)", True),
        ("Some Paper (outlet)", "Russian Ministry of Defense", False),
        # one official under two titles: the officials table knows the surname
        (
            "Head of Odesa Oblast Military Administration Oleh Kiper",
            "Governor of Odesa Oblast Oleh Kiper",
            True,
        ),
        ("Governor of Rostov Oblast", "Governor of Rostov Oblast Yuri Slyusar", True),
        (
            "Governor of Rostov Oblast Vasily Golubev",
            "Governor of Rostov Oblast Yuri Slyusar",
            False,
        ),
        ("Mykolaiv Oblast Military Administration", "Governor of Mykolaiv Oblast", True),
        ("Head of Tver Oblast Military Administration", "Governor of Tver Oblast", True),
        ("Governor of Tula Oblast", "Governor of Tver Oblast", False),
        # a city's administration and its head
        ("Kyiv City Military Administration", "Head of Kyiv City Military Administration", True),
        ("Kyiv City Military Administration", "Head of Kyiv Oblast Military Administration", False),
        ("Russian Ministry of Defense", None, False),
        (None, None, True),
    ],
)
def test_same_claimant_is_loose_on_form_not_on_who(gold, system, same):
    assert same_claimant(gold, system) is same


def test_claimant_agreement_counts_matched_claims_only():
    gold = [
        claim(claimant="Russian Ministry of Defense"),
        claim(count=2, claimant="Governor of Bryansk Oblast Alexander Bogomaz"),
        claim(count=7, claimant="Russian Ministry of Defense"),
    ]
    system = [
        claim(claimant="Russian Ministry of Defense"),
        claim(count=2, claimant="Russian Ministry of Defense"),
        claim(count=8, claimant="Russian Ministry of Defense"),
    ]
    result = score([match_report("r", "ru", gold, system), match_report("e", "en", [], [])])
    assert result["claimant_agreement"] == 0.5
    assert result["claimant_by_lang"] == {"ru": 0.5}


def test_precision_per_confidence_band():
    gold = [claim(), claim(count=2)]
    system = [
        claim(confidence=0.9),
        claim(count=2, confidence=0.6),
        claim(count=3, confidence=0.6),
        claim(count=4, confidence=0.3),
    ]
    rows = {row["band"]: row for row in confidence_bands([match_report("r", "ru", gold, system)])}
    assert rows["0.85-1.00"]["precision"] == 1.0
    assert rows["0.50-0.70"]["precision"] == 0.5
    assert rows["0.00-0.50"]["precision"] == 0.0
    assert rows["0.70-0.85"]["precision"] is None
    # keeping claims from 0.5 up: 2 of 3 kept match, both gold claims found
    assert rows["0.50-0.70"]["kept"]["precision"] == pytest.approx(2 / 3, abs=1e-3)
    assert rows["0.50-0.70"]["kept"]["recall"] == 1.0
    assert rows["0.85-1.00"]["kept"]["recall"] == 0.5


def test_empty_report_scores_perfectly():
    result = score([match_report("r", "en", [], [])])
    assert result["overall"]["f1"] == 0.0 or result["overall"]["precision"] == 1.0


def test_eval_command(run_cli, tmp_path):
    gold = tmp_path / "gold.jsonl"
    rows = [
        {
            "id": "a",
            "lang": "ru",
            "published": None,
            "text": "Над Брянской областью сбиты три беспилотника, сообщило Минобороны.",
            "claims": [claim(count=3, claimant="Russian Ministry of Defense")],
        },
        {
            "id": "b",
            "lang": "en",
            "published": None,
            "text": "Drones are made in factories.",
            "claims": [],
        },
    ]
    gold.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8"
    )
    result = run_cli("eval", str(gold), "--errors")
    assert result.returncode == 0, result.stderr
    tail = result.stdout.strip().splitlines()[-4:]
    assert tail[1].startswith("overall: P 1.000  R 1.000  F1 1.000")
    assert "claimant agreement on matched claims: 1.000" in result.stdout
    data = json.loads(run_cli("eval", str(gold), "--json").stdout)
    assert data["overall"]["matched"] == 1
    twice = json.loads(run_cli("eval", str(gold), str(gold), "--json").stdout)
    assert twice["overall"]["gold"] == 2
    banded = run_cli("eval", str(gold), "--by-confidence")
    assert "confidence 0.85-1.00: precision 1.000 (1 of 1)" in banded.stdout
