"""Several processes ingesting the same reports into one PostgreSQL ledger at the same time
store each report once, each claim once, and the events one process alone would build."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import cli_env
from generated_reports import write_jsonl
from ledger_snapshot import claims_by_content, count, duplicated_claims, events_by_content
from skyledger.ledger import Ledger
from skyledger.store.schema import events, reports

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

REPORTS = 5000
PROCESSES = 4


def test_four_processes_ingesting_the_same_reports_store_each_once(tmp_path, new_postgres_url):
    path = write_jsonl(tmp_path / "reports.jsonl", REPORTS)
    shared, alone = new_postgres_url(), new_postgres_url()  # both fresh: no schema yet
    command = [sys.executable, "-m", "skyledger", "ingest", str(path), "--db", shared, "--json"]
    processes = [
        subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=cli_env()
        )
        for _ in range(PROCESSES)
    ]
    with Ledger(alone) as ledger:  # meanwhile, the same file by one process into another schema
        ledger.ingest([path])
    outputs = [p.communicate(timeout=300) for p in processes]
    assert [p.returncode for p in processes] == [0] * PROCESSES, [err for _, err in outputs]

    summaries = [json.loads(out) for out, _ in outputs]
    assert [s["stored"] + s["already_present"] for s in summaries] == [REPORTS] * PROCESSES
    assert sum(s["stored"] for s in summaries) == REPORTS
    assert count(shared, reports) == REPORTS
    assert duplicated_claims(shared) == []
    assert claims_by_content(shared) == claims_by_content(alone)
    assert count(shared, events) == count(alone, events) > 0
    assert events_by_content(shared) == events_by_content(alone)
