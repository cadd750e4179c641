"""Re-extraction keeps reviews: re-attached by report and evidence span, or kept for re-review."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from skyledger.cli import cli
from skyledger.extract import extract
from skyledger.ledger import Ledger
from skyledger.records import Claim, Report, Source
from skyledger.reextract import reextract
from skyledger.store.schema import reviews
from skyledger.store.writer import save_batch

TEXT = (
    "Над Брянской областью сбиты три беспилотника, сообщило Минобороны России. "
    "Ещё пять беспилотников уничтожены над Курской областью."
)


def older_claims() -> list[Claim]:
    """What an older extractor stored: Bryansk with another count, Kursk as today, and a
    damage claim today's rules no longer make."""
    bryansk, kursk = extract(TEXT, lang="ru")
    assert (bryansk.admin1, bryansk.count, kursk.admin1) == ("RU-BRY", 3, "RU-KRS")
    return [
        bryansk.model_copy(update={"count": 2, "extractor_version": "0.0.1"}),
        kursk.model_copy(update={"extractor_version": "0.0.1"}),
        Claim(
            id="c2",
            claim_type="damage",
            weapon="uav",
            admin1="RU-BRY",
            evidence={"claim": (0, 44)},
            extractor_version="0.0.1",
        ),  # fmt: skip
    ]


@pytest.fixture
def ledger(db_url):
    with Ledger(db_url) as ledger:
        report = Report(source=Source(kind="file", name="t.txt"), external_id="t.txt",
                        text=TEXT, lang="ru")  # fmt: skip
        save_batch(ledger.engine, [(report, older_claims())])
        yield ledger


def by_area(ledger: Ledger) -> dict[tuple, dict]:
    return {(c["claim_type"], c["admin1"]): c for c in ledger.claims()}


def reviewed(ledger: Ledger) -> dict[str, int]:
    claims = by_area(ledger)
    bryansk = claims[("destroyed", "RU-BRY")]["id"]
    kursk = claims[("destroyed", "RU-KRS")]["id"]
    damage = claims[("damage", "RU-BRY")]["id"]
    ledger.review(bryansk, "correct", "anna", fields={"count": 4})
    ledger.review(kursk, "correct", "anna", fields={"count": 6}, note="the video shows six")
    ledger.review(damage, "reject", "boris")
    added = ledger.add_claim(
        claims[("destroyed", "RU-BRY")]["report_id"],
        "anna",
        {"claim_type": "casualties", "weapon": "uav", "admin1": "RU-KRS", "killed": 0},
        (74, 129),
    )
    ledger.review(added.claim["id"], "correct", "boris", fields={"injured": 1})
    return {"bryansk": bryansk, "kursk": kursk, "damage": damage, "added": added.claim["id"]}


def test_the_dry_run_lists_reviews_whose_claim_changed_or_vanished_and_writes_nothing(ledger):
    ids = reviewed(ledger)
    before = ledger.claims()
    result = reextract(ledger.engine, dry_run=True)
    assert sorted((r["claim_id"], r["reason"]) for r in result.rereview) == sorted(
        [(ids["bryansk"], "changed"), (ids["damage"], "vanished")]
    )
    assert (
        result.summary()["claims_changed"] == 1
    )  # Bryansk; the corrected Kursk claim is no change
    assert ledger.claims() == before


def test_reextract_reattaches_reviews_and_keeps_the_rest_for_re_review(ledger):
    ids = reviewed(ledger)
    result = reextract(ledger.engine, dry_run=False)
    assert result.reattached == 1
    claims = by_area(ledger)
    kursk = claims[("destroyed", "RU-KRS")]
    assert (kursk["count"], kursk["review_status"], kursk["reviewer"]) == (6, "corrected", "anna")
    assert [r["note"] for r in ledger.reviews(kursk["id"])] == ["the video shows six"]
    bryansk = claims[("destroyed", "RU-BRY")]
    assert (bryansk["count"], bryansk["review_status"]) == (3, "unreviewed")
    assert [(r["fields"], r["status"]) for r in ledger.reviews(bryansk["id"])] == [
        ({"count": 4}, "needs re-review")
    ]
    queued, _ = ledger.review_queue()
    assert queued[0]["id"] == bryansk["id"]
    assert queued[0]["reasons"][0] == "needs re-review"
    assert ("damage", "RU-BRY") not in claims
    with ledger.engine.connect() as conn:
        orphan = conn.execute(select(reviews).where(reviews.c.action == "reject")).one()
    assert (orphan.claim_id, orphan.status, orphan.span_start) == (None, "needs re-review", 0)
    assert claims[("casualties", "RU-KRS")]["review_status"] == "added"
    assert claims[("casualties", "RU-KRS")]["injured"] == 1
    assert claims[("casualties", "RU-KRS")]["id"] == ids["added"]
    assert reextract(ledger.engine, dry_run=True).reports_changed == 0


def test_the_reextract_command_names_reviews_to_look_at_again(ledger):
    reviewed(ledger)
    result = CliRunner().invoke(cli, ["reextract", "--dry-run", "--db", ledger.url])
    assert result.exit_code == 0, result.output
    assert "needs re-review" in result.output
    assert result.output.count("needs re-review") == 2
