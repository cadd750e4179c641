"""A SIGKILL half-way through an ingest leaves a consistent ledger; a rerun completes it.

The ingest runs as users run it, `python -m skyledger ingest big.jsonl`, with small
batches so that the ledger can be seen filling; it is killed once some but not all
reports are stored. A sitecustomize module stubs the extractor with two linked
claims a report, so that lost or doubled claims would show.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import cli_env

REPORTS = 10_000
KILL_AFTER = 1_000  # stored reports seen before the kill

CLAIMS_EACH = 2
# Loaded at start-up through PYTHONPATH: an extractor that finds a total and a
# per-region part in every report, so that lost or doubled claims would show.
SITECUSTOMIZE = """
import skyledger.ingest
from skyledger.records import Claim


def two_claims(report):
    return [
        Claim(id="c0", claim_type="destroyed", weapon="uav", count=2),
        Claim(id="c1", claim_type="destroyed", weapon="uav", count=1, admin1="RU-KLU", parent="c0"),
    ]


skyledger.ingest.claims_for = two_claims
"""


def write_reports(path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for n in range(REPORTS):
            handle.write(
                json.dumps(
                    {"id": n, "text": f"Report {n}: {n % 7 + 1} drones shot down.", "lang": "en"}
                )
                + "\n"
            )


def count(database: Path, table: str = "reports") -> int:
    try:
        with sqlite3.connect(database, timeout=5) as conn:
            return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet, or busy
        return 0


def ingest(tmp_path: Path, database: Path, batch_size: int) -> subprocess.Popen:
    args = ["ingest", "big.jsonl", "--db", f"sqlite:///{database}", "--batch-size", str(batch_size)]
    env = cli_env(HOME=str(tmp_path))
    env["PYTHONPATH"] = f"{tmp_path / 'stub'}{os.pathsep}{env['PYTHONPATH']}"
    return subprocess.Popen(
        [sys.executable, "-m", "skyledger", *args],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def kill_half_way(tmp_path: Path, database: Path) -> int:
    process = ingest(tmp_path, database, batch_size=50)
    deadline = time.monotonic() + 240
    seen = 0
    try:
        while time.monotonic() < deadline and process.poll() is None:
            seen = count(database)
            if seen >= KILL_AFTER:
                process.send_signal(signal.SIGKILL)
                break
            time.sleep(0.01)
    finally:
        if process.poll() is None and seen < KILL_AFTER:
            process.kill()
        process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL, (
        f"the ingest ended before it could be killed (exit {process.returncode}): {process.stderr.read()!r}"
    )
    return count(database)


@pytest.mark.slow
def test_kill_during_ingest_then_rerun(tmp_path):
    (tmp_path / "stub").mkdir()
    (tmp_path / "stub" / "sitecustomize.py").write_text(SITECUSTOMIZE)
    write_reports(tmp_path / "big.jsonl")
    database = tmp_path / "ledger.db"

    stored = kill_half_way(tmp_path, database)
    assert KILL_AFTER <= stored < REPORTS
    with sqlite3.connect(database) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        # whole batches only: every stored report has all its claims
        assert count(database, "claims") == stored * CLAIMS_EACH

    rerun = ingest(tmp_path, database, batch_size=500)
    out, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err
    assert out.decode().startswith(
        f"read {REPORTS}, stored {REPORTS - stored}, already present {stored}, failed 0"
    )

    with sqlite3.connect(database) as conn:
        assert (
            conn.execute("SELECT count(*), count(DISTINCT content_hash) FROM reports").fetchone()
            == (REPORTS,) * 2
        )
        assert (
            conn.execute("SELECT count(DISTINCT external_id) FROM reports").fetchone()[0] == REPORTS
        )
        assert count(database, "claims") == REPORTS * CLAIMS_EACH
        doubled = conn.execute(
            "SELECT report_id, seq FROM claims GROUP BY report_id, seq HAVING count(*) > 1"
        )
        assert doubled.fetchall() == []
        uneven = conn.execute(
            "SELECT r.id FROM reports r LEFT JOIN claims c ON c.report_id = r.id GROUP BY r.id HAVING count(c.id) != ?",
            (CLAIMS_EACH,),
        )
        assert uneven.fetchall() == []
        # each part points at the total of its own report
        strays = conn.execute(
            "SELECT count(*) FROM claims c JOIN claims p ON c.parent_id = p.id WHERE c.report_id != p.report_id"
        ).fetchone()[0]
        linked = conn.execute("SELECT count(*) FROM claims WHERE parent_id IS NOT NULL").fetchone()[
            0
        ]
        assert (strays, linked) == (0, REPORTS)
