"""`skyledger extract --format jsonl`: the evaluation contract."""

from __future__ import annotations

import json

GOLD_FIELDS = {
    "claimant",
    "claim_type",
    "weapon",
    "model",
    "count",
    "count_qualifier",
    "country",
    "admin1",
    "places",
    "window_start",
    "window_end",
    "killed",
    "injured",
}


def test_extract_jsonl_contract(run_cli):
    lines = [
        {
            "id": 1,
            "text": "Над Курской областью уничтожены два беспилотника, сообщило Минобороны.",
            "lang": "ru",
        },
        {"id": "x", "text": "Drones are built in a factory."},
        {"id": 3, "text": "Над Сумщиною збито 4 дрони.", "published": "2025-03-01"},
    ]
    stdin = "\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n"
    result = run_cli("extract", "--format", "jsonl", input=stdin)
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == [1, "x", 3]
    first = out[0]["claims"][0]
    assert set(first) >= GOLD_FIELDS
    assert (first["claim_type"], first["count"], first["admin1"]) == ("destroyed", 2, "RU-KRS")
    assert first["claimant"] == "Russian Ministry of Defense"
    assert out[1]["claims"] == []
    assert out[2]["claims"][0]["admin1"] == "UA-59"


def test_extract_bad_line_is_reported_and_the_rest_goes_on(run_cli):
    stdin = '{"id": 1, "text": "Беспилотник сбит над Брянской областью."}\nnot json\n{"id": 3, "text": ""}\n'
    result = run_cli("extract", "--format", "jsonl", input=stdin)
    assert result.returncode == 1
    assert "line 2" in result.stderr
    assert len(result.stdout.splitlines()) == 2
