"""Reviews turned into an evaluation set: `export --format gold` and `eval --since-review`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from skyledger import Ledger
from skyledger.cli import cli
from skyledger.evaluate import load_gold, match_key
from skyledger.export.gold import gold_claim
from skyledger.review import FIELDS
from skyledger.store import queries
from skyledger.store.schema import reports

GOLD = Path(__file__).parent / "data" / "gold" / "reviewed.jsonl"


def review_to_gold(ledger: Ledger, gold: list[dict]) -> None:
    """What a reviewer does with each report: confirm what is right, correct what is
    wrong, reject what the report does not claim, add what the extractor missed."""
    with ledger.engine.connect() as conn:
        rows = conn.execute(select(reports.c.external_id, reports.c.id))
        by_external = {external: report_id for external, report_id in rows}
    for report in gold:
        report_id = by_external[report["id"]]
        stored = queries.get_report(ledger.engine, report_id)
        left = [(c["id"], gold_claim(c)) for c in stored["claims"]]
        for wanted in report["claims"]:
            twin = next((item for item in left if match_key(item[1]) == match_key(wanted)), None)
            if twin is None:
                twin = next((item for item in left if item[1]["claim_type"] == wanted["claim_type"]), None)  # fmt: skip
            if twin is None:
                fields = {name: wanted[name] for name in FIELDS if name in wanted}
                ledger.add_claim(report_id, "anna", fields, (0, len(report["text"])))
                continue
            left.remove(twin)
            claim_id, found = twin
            differ = {name: wanted[name] for name in wanted if found.get(name) != wanted[name]}
            if differ:
                ledger.review(claim_id, "correct", "anna", fields=differ)
            else:
                ledger.review(claim_id, "confirm", "anna")
        for claim_id, _ in left:
            ledger.review(claim_id, "reject", "anna")
        if not report["claims"] and not stored["claims"]:
            ledger.confirm_report(report_id, "anna", note="claims nothing")


@pytest.fixture
def reviewed(db_url, tmp_path):
    with Ledger(db_url) as ledger:
        ledger.ingest([GOLD])
        review_to_gold(ledger, load_gold(GOLD))
    return db_url


def test_a_ledger_reviewed_to_a_gold_file_exports_that_gold_exactly(reviewed, tmp_path):
    out = tmp_path / "gold.jsonl"
    runner = CliRunner()
    result = runner.invoke(cli, ["export", "--format", "gold", "-o", str(out), "--db", reviewed])
    assert result.exit_code == 0, result.output
    exported = load_gold(out)
    original = load_gold(GOLD)
    assert [r["id"] for r in exported] == [r["id"] for r in original]
    for mine, theirs in zip(exported, original, strict=True):
        assert (mine["text"], mine["lang"], mine["published"]) == (
            theirs["text"],
            theirs["lang"],
            theirs["published"],
        )
        key = lambda c: json.dumps(c, sort_keys=True)  # noqa: E731
        assert sorted(mine["claims"], key=key) == sorted(theirs["claims"], key=key)
    scored = runner.invoke(cli, ["eval", str(GOLD), "--system", str(out), "--json"])
    assert scored.exit_code == 0, scored.output
    assert json.loads(scored.output)["overall"]["f1"] == 1.0


def test_eval_since_review_scores_the_extractor_on_what_people_reviewed(reviewed, tmp_path):
    result = CliRunner().invoke(cli, ["eval", "--since-review", "--json", "--db", reviewed])
    assert result.exit_code == 0, result.output
    overall = json.loads(result.output)["overall"]
    assert overall["gold"] == 5  # the reviewed claims, whatever the extractor makes of them


def test_only_reports_whose_every_claim_was_reviewed_are_gold(db_url, tmp_path):
    with Ledger(db_url) as ledger:
        ledger.ingest([GOLD])
        claims = ledger.claims()
        by_report = {}
        for claim in claims:
            by_report.setdefault(claim["report_id"], []).append(claim["id"])
        done, partly = [r for r, ids in by_report.items() if len(ids) >= 2][:2]
        for claim_id in by_report[done]:
            ledger.review(claim_id, "confirm", "anna")
        ledger.review(by_report[partly][0], "confirm", "anna")
        external = {r["id"]: r["external_id"] for r in queries.list_reports(ledger.engine).items}
    out = tmp_path / "gold.jsonl"
    CliRunner().invoke(cli, ["export", "--format", "gold", "-o", str(out), "--db", db_url])
    assert [r["id"] for r in load_gold(out)] == [external[done]]


def test_eval_needs_a_gold_file_or_since_review():
    assert CliRunner().invoke(cli, ["eval"]).exit_code == 2


def test_eval_since_review_on_a_ledger_nobody_reviewed_says_so(sqlite_url):
    from reconcile_cases import seeded

    seeded(sqlite_url)
    result = CliRunner().invoke(cli, ["eval", "--since-review", "--db", sqlite_url])
    assert result.exit_code == 1
    assert "no fully reviewed report yet" in result.stderr
    assert "F1" not in result.stdout
