"""Scoring: matching on the SPEC key, one-to-one, field accuracies."""

from __future__ import annotations

import json

import pytest

from skyledger.evaluate import match_key, match_report, score


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
            "claims": [claim(count=3)],
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
    data = json.loads(run_cli("eval", str(gold), "--json").stdout)
    assert data["overall"]["matched"] == 1
