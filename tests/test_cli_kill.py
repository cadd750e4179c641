"""A SIGKILL half-way through an ingest leaves a consistent ledger; a rerun completes it.

The ingest runs as users run it, `python -m skyledger ingest big.jsonl`, with small
batches so that the ledger can be seen filling; it is killed once some but not all
reports are stored, on SQLite and on PostgreSQL. A sitecustomize module stubs the
extractor with two linked claims a report, so that lost or doubled claims would show.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import SQLAlchemyError

from conftest import cli_env
from ledger_snapshot import rollups_of_claims, stored_rollups

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


def count(db_url: str, table: str = "reports") -> int:
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
    except SQLAlchemyError:  # not created yet, or busy
        return 0
    finally:
        engine.dispose()


def rows(db_url: str, query: str, **params) -> list[tuple]:
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            return [tuple(row) for row in conn.execute(text(query), params)]
    finally:
        engine.dispose()


def ingest(tmp_path: Path, db_url: str, batch_size: int) -> subprocess.Popen:
    args = ["ingest", "big.jsonl", "--db", db_url, "--batch-size", str(batch_size)]
    env = cli_env(HOME=str(tmp_path))
    env["PYTHONPATH"] = f"{tmp_path / 'stub'}{os.pathsep}{env['PYTHONPATH']}"
    return subprocess.Popen(
        [sys.executable, "-m", "skyledger", *args],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def kill_half_way(tmp_path: Path, db_url: str) -> int:
    process = ingest(tmp_path, db_url, batch_size=50)
    deadline = time.monotonic() + 240
    seen = 0
    probe = create_engine(db_url)  # one connection for the polling, not one a look
    try:
        while time.monotonic() < deadline and process.poll() is None:
            seen = _stored(probe)
            if seen >= KILL_AFTER:
                process.send_signal(signal.SIGKILL)
                break
            time.sleep(0.01)
    finally:
        probe.dispose()
        if process.poll() is None and seen < KILL_AFTER:
            process.kill()
        process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL, (
        f"the ingest ended before it could be killed (exit {process.returncode}): {process.stderr.read()!r}"
    )
    return count(db_url)


def _stored(probe) -> int:
    try:
        with probe.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM reports")).scalar_one()
    except SQLAlchemyError:  # not created yet, or busy
        return 0


@pytest.mark.slow
def test_kill_during_ingest_then_rerun(tmp_path, db_url):
    (tmp_path / "stub").mkdir()
    (tmp_path / "stub" / "sitecustomize.py").write_text(SITECUSTOMIZE)
    write_reports(tmp_path / "big.jsonl")

    stored = kill_half_way(tmp_path, db_url)
    assert KILL_AFTER <= stored < REPORTS  # the kill landed half-way
    if db_url.startswith("sqlite"):
        assert rows(db_url, "PRAGMA integrity_check") == [("ok",)]
        assert rows(db_url, "PRAGMA foreign_key_check") == []
    # whole batches only: every stored report has all its claims
    assert count(db_url, "claims") == stored * CLAIMS_EACH

    rerun = ingest(tmp_path, db_url, batch_size=500)
    out, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err
    assert out.decode().startswith(
        f"read {REPORTS}, stored {REPORTS - stored}, already present {stored}, failed 0"
    )

    assert rows(db_url, "SELECT count(*), count(DISTINCT content_hash) FROM reports") == [
        (REPORTS, REPORTS)
    ]
    assert rows(db_url, "SELECT count(DISTINCT external_id) FROM reports") == [(REPORTS,)]
    assert count(db_url, "claims") == REPORTS * CLAIMS_EACH
    doubled = "SELECT report_id, seq FROM claims GROUP BY report_id, seq HAVING count(*) > 1"
    assert rows(db_url, doubled) == []
    uneven = (
        "SELECT r.id FROM reports r LEFT JOIN claims c ON c.report_id = r.id"
        " GROUP BY r.id HAVING count(c.id) != :each"
    )
    assert rows(db_url, uneven, each=CLAIMS_EACH) == []
    # each part points at the total of its own report
    strays = (
        "SELECT count(*) FROM claims c JOIN claims p ON c.parent_id = p.id"
        " WHERE c.report_id != p.report_id"
    )
    linked = "SELECT count(*) FROM claims WHERE parent_id IS NOT NULL"
    assert (rows(db_url, strays), rows(db_url, linked)) == ([(0,)], [(REPORTS,)])
    # the claims' sums were written with them, and never twice
    assert stored_rollups(db_url) == rollups_of_claims(db_url)
