"""Re-extraction: dry runs change nothing, real runs replace claims and say what changed."""

from __future__ import annotations

import json

from skyledger.extract import EXTRACTOR_VERSION
from skyledger.ingest import with_defaults
from skyledger.ledger import Ledger
from skyledger.records import Claim, Report, Source
from skyledger.reextract import reextract
from skyledger.sources import read_paths
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


LINES = [  # one file, each line said by its own claimant, none named in the text
    ("ru", "Над Белгородской областью сбиты два беспилотника.", "Governor of Belgorod Oblast"),
    (
        "uk",
        "Над Харківщиною збито три ударні дрони.",
        "Head of Kharkiv Oblast Military Administration",
    ),
    ("en", "Air defence destroyed four drones over Bryansk region overnight.", None),
]


def jsonl_ledger(url: str, tmp_path) -> Ledger:
    path = tmp_path / "mixed.jsonl"
    rows = [
        {"id": f"r{n}", "lang": lang, "text": text, "claimant": claimant}
        | {"source_url": f"https://t.me/news_{lang}/{n}"}
        for n, (lang, text, claimant) in enumerate(LINES)
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    ledger = Ledger(url)
    ledger.ingest_reports(with_defaults(read_paths([path]), claimant="Russian Ministry of Defense"))
    return ledger


def claimants(ledger: Ledger) -> list:
    return [row["claimant"] for row in ledger.claims()]


def test_each_line_keeps_its_claimant_through_reextraction(db_url, tmp_path):
    ledger = jsonl_ledger(db_url, tmp_path)
    expected = ["Governor of Belgorod Oblast", "Head of Kharkiv Oblast Military Administration"]
    expected.append("Russian Ministry of Defense")  # the ingest's default, where a line has none
    assert claimants(ledger) == expected
    dry = reextract(ledger.engine, dry_run=True)
    assert (dry.reports_changed, dry.summary()["claimants"]) == (0, {})
    reextract(ledger.engine, dry_run=False)
    assert claimants(ledger) == expected
    ledger.close()


def reattributed_ledger(url: str) -> Ledger:
    """A report whose stored claim carries another claimant than the report's own default."""
    ledger = Ledger(url)
    report = Report(
        source=Source(kind="telegram", name="@news"),
        external_id="1",
        text="Над Харківщиною збито три ударні дрони.",
        lang="uk",
        claimant="Head of Kharkiv Oblast Military Administration",
    )
    stored = Claim(
        claim_type="destroyed",
        weapon="uav",
        count=3,
        count_qualifier="exact",
        country="UA",
        admin1="UA-63",
        claimant="Russian Ministry of Defense",
    )
    save_batch(ledger.engine, [(report, [stored])])
    return ledger


def test_dry_run_lists_claimant_changes(db_url):
    ledger = reattributed_ledger(db_url)
    summary = reextract(ledger.engine, dry_run=True).summary()
    assert summary["claimants"] == {
        "Russian Ministry of Defense -> Head of Kharkiv Oblast Military Administration": 1
    }
    assert (summary["claims_added"], summary["claims_removed"]) == (0, 0)
    ledger.close()


def test_the_command_prints_each_claimant_change(run_cli, sqlite_url):
    reattributed_ledger(sqlite_url).close()
    dry = run_cli("reextract", "--dry-run", "--db", sqlite_url)
    assert dry.returncode == 0, dry.stderr
    assert (
        "claimant     1  Russian Ministry of Defense -> Head of Kharkiv Oblast Military Administration"
        in dry.stdout
    )
    assert "1 claimant(s) changed" in dry.stdout
