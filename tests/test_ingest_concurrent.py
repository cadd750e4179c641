"""Several processes ingesting the same reports into one PostgreSQL ledger at the same time
store each report once, each claim once, and the events one process alone would build."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import generated_reports
from conftest import cli_env
from generated_reports import write_jsonl
from ledger_snapshot import (
    claims_by_content,
    count,
    duplicated_claims,
    events_by_content,
    rollups_of_claims,
    stored_rollups,
)
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
    assert stored_rollups(shared) == rollups_of_claims(shared) == stored_rollups(alone)


BATCH = 50
ORDERS = {  # the same reports in each batch but the last, met in other orders
    "as written": lambda items: items,
    "each batch reversed": lambda items: [
        item for start in range(0, len(items), BATCH) for item in items[start : start + BATCH][::-1]
    ],
    "neighbours swapped": lambda items: [
        item for start in range(0, len(items), 2) for item in items[start : start + 2][::-1]
    ],
    "halves of each batch swapped": lambda items: [
        item
        for start in range(0, len(items), BATCH)
        for item in items[start + BATCH // 2 : start + BATCH] + items[start : start + BATCH // 2]
    ],
}


def test_four_ingests_of_the_same_reports_in_four_orders_all_finish(tmp_path, postgres_url):
    """Batches hold different reports in each process; none may deadlock another."""
    items = [json.dumps(r, ensure_ascii=False) for r in generated_reports.reports(3000)]
    paths = []
    for name, order in ORDERS.items():
        path = tmp_path / f"{name.replace(' ', '_')}.jsonl"
        path.write_text("\n".join(order(items)) + "\n", encoding="utf-8")
        paths.append(path)
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "skyledger", "ingest", str(path), "--db", postgres_url]
            + ["--batch-size", str(BATCH), "--json"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=cli_env(),
        )
        for path in paths
    ]
    outputs = [p.communicate(timeout=600) for p in processes]
    assert [p.returncode for p in processes] == [0] * len(ORDERS), [err for _, err in outputs]
    assert sum(json.loads(out)["stored"] for out, _ in outputs) == len(items)
    assert count(postgres_url, reports) == len(items)
    assert duplicated_claims(postgres_url) == []
