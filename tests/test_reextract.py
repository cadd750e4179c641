"""Re-extraction: dry runs change nothing, real runs replace claims and say what changed."""

from __future__ import annotations

import json

from skyledger.extract import EXTRACTOR_VERSION
from skyledger.ledger import Ledger
from skyledger.records import Claim, Report, Source
from skyledger.reextract import reextract
from skyledger.store.writer import save_batch

TEXT = "Над Брянской областью сбиты три беспилотника, сообщило Минобороны России."


def stored_ledger(url: str) -> Ledger:
    """A ledger whose one report carries claims from an older, different extractor."""
    ledger = Ledger(url)
    report = Report(
        source=Source(kind="file", name="t.txt"), external_id="t.txt", text=TEXT, lang="ru"
    )
    old = [
        Claim(
            id="c0",
            claim_type="destroyed",
            weapon="uav",
            count=2,
            admin1="RU-BRY",
            claimant="Russian Ministry of Defense",
            count_qualifier="exact",
            extractor_version="0.0.1",
        ),
        Claim(
            id="c1", claim_type="damage", weapon="uav", admin1="RU-BRY", extractor_version="0.0.1"
        ),
    ]
    save_batch(ledger.engine, [(report, old)])
    return ledger


def test_dry_run_reports_changes_and_writes_nothing(db_url):
    ledger = stored_ledger(db_url)
    result = reextract(ledger.engine, dry_run=True)
    summary = result.summary()
    assert (summary["reports"], summary["reports_changed"]) == (1, 1)
    assert summary["changed"] == {"destroyed RU-BRY": 1}
    assert summary["removed"] == {"damage RU-BRY": 1}
    assert not summary["committed"]
    assert [c["count"] for c in ledger.claims()] == [2, None]
    ledger.close()


def test_commit_replaces_claims_with_the_current_version(db_url):
    ledger = stored_ledger(db_url)
    reextract(ledger.engine, dry_run=False)
    rows = ledger.claims()
    assert [(r["claim_type"], r["count"], r["extractor_version"]) for r in rows] == [
        ("destroyed", 3, EXTRACTOR_VERSION)
    ]
    again = reextract(ledger.engine, dry_run=True)
    assert again.reports_changed == 0
    ledger.close()


def test_reextract_command(run_cli, sqlite_url):
    stored_ledger(sqlite_url).close()
    dry = run_cli("reextract", "--dry-run", "--db", sqlite_url)
    assert dry.returncode == 0, dry.stderr
    assert "would change" in dry.stdout and "changed" in dry.stdout
    real = run_cli("reextract", "--json", "--db", sqlite_url)
    assert json.loads(real.stdout)["committed"] is True
