"""The demo, end to end: the bundled samples in a fresh ledger, the seed's claims printed."""

from __future__ import annotations

import json


def test_demo_reads_the_samples_and_prints_the_seed_claims(run_cli, tmp_path):
    result = run_cli("demo", "--db", f"sqlite:///{tmp_path / 'demo.db'}")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "stored 17" in out and "already present 1" in out and "failed 1" in out
    assert "bulletins.jsonl, line 7" in result.stderr  # the one broken record, named
    for expected in (
        "Governor of Kaluga Oblast",
        "Russian Ministry of Defense",
        "RU-KLU",
        "RU-BRY",
        "RU-MOS",
    ):
        assert expected in out
    stats = run_cli("stats", "--json", "--db", f"sqlite:///{tmp_path / 'demo.db'}")
    counts = json.loads(stats.stdout)
    assert counts["reports"] == 17
    assert counts["claims"] >= 30


def test_demo_starts_afresh_each_time(run_cli, tmp_path):
    first = run_cli("demo")
    second = run_cli("demo")
    assert first.returncode == second.returncode == 0
    assert "stored 17" in second.stdout  # a fresh ledger, not "already present"
