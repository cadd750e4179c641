"""Extraction in local worker processes (`--workers N`): the same ledger as one process,
batches in input order, bounded read-ahead, bad reports failing alone."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import cli_env
from generated_reports import reports as generated
from generated_reports import write_jsonl
from ledger_snapshot import claims_by_content, events_by_content
from skyledger.cli import cli
from skyledger.ingest import Batch, extract_each, ingest
from skyledger.ingest_engines import (
    IN_FLIGHT,
    ExtractionError,
    batch_map,
    extract_chunk,
    ordered,
    process_pool,
    split,
)
from skyledger.ledger import Ledger
from skyledger.records import Report, Source
from skyledger.store.db import open_engine
from skyledger.store.schema import reports as reports_table

FAILING = ("gen-13", "gen-40")  # reports `extract_or_fail` raises for


def extract_or_fail(report: Report):
    """The extractor, except that it raises for some reports (runs inside the workers)."""
    if report.external_id in FAILING:
        raise ValueError(f"cannot read {report.external_id}")
    return extract_each([report])[0]


def as_reports(records: list[dict]) -> list[Report]:
    source = Source(kind="jsonl", name="generated.jsonl")
    return [
        Report(source=source, external_id=r["id"], lang=r["lang"], text=r["text"]) for r in records
    ]


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), prog_name="skyledger")


@pytest.mark.parametrize(
    ("items", "parts", "sizes"),
    [
        (10, 2, [5, 5]),
        (11, 2, [6, 5]),
        (3, 4, [1, 1, 1]),
        (1, 8, [1]),
        (0, 2, []),
        (7, 1, [7]),
    ],
)
def test_split_keeps_order_and_spreads_over_workers(items, parts, sizes):
    reports = as_reports(generated(items))
    chunks = split(reports, parts)
    assert [len(chunk) for chunk in chunks] == sizes
    assert [r for chunk in chunks for r in chunk] == reports


@pytest.mark.parametrize(("batches", "in_flight"), [(1, 3), (7, 3), (7, 1), (2, 5)])
def test_ordered_yields_in_input_order_with_bounded_submissions(batches, in_flight):
    submitted, collected = [], []

    def submit(reports):
        submitted.append(reports[0].external_id)
        assert len(submitted) - len(collected) <= in_flight

        def collect():
            collected.append(reports[0].external_id)
            return [[] for _ in reports]

        return collect

    inputs = [Batch(as_reports(generated(1, first=n)), 1) for n in range(batches)]
    out = [batch for batch, _ in ordered(inputs, submit, in_flight)]
    assert out == inputs
    assert collected == submitted == [f"gen-{n}" for n in range(batches)]


def test_two_workers_store_exactly_what_one_does(tmp_path):
    path = write_jsonl(tmp_path / "reports.jsonl", 700)
    ledgers = {}
    for workers in (1, 2):
        url = f"sqlite:///{tmp_path / f'w{workers}.db'}"
        with Ledger(url) as ledger:
            summary = ledger.ingest([path], workers=workers, batch_size=150)
        assert summary.as_dict() == {
            "read": 700,
            "stored": 700,
            "edits": 0,
            "already_present": 0,
            "failed": 0,
            "claims": summary.claims,
            "nothing_new": False,
        }
        ledgers[workers] = url
    one, two = (claims_by_content(ledgers[w]) for w in (1, 2))
    assert len(one) > 700  # casualty reports make two claims
    assert two == one
    assert events_by_content(ledgers[2]) == events_by_content(ledgers[1])


def test_workers_read_ahead_at_most_a_few_batches(tmp_path):
    """Inputs are streamed: the first batch is stored long before the input is read."""
    pulled, pulled_at_first_store = [0], []

    def endless():
        for report in as_reports(generated(2000)):
            pulled[0] += 1
            yield report

    engine = open_engine(f"sqlite:///{tmp_path / 'ledger.db'}")

    def progress(_n):
        if not pulled_at_first_store:
            pulled_at_first_store.append(pulled[0])

    with process_pool(2) as run:
        summary = ingest(engine, endless(), batch_size=100, map_batches=run, on_progress=progress)
    assert summary.stored == 2000
    assert pulled_at_first_store[0] <= (IN_FLIGHT + 1) * 100


def test_a_failing_report_fails_alone_in_a_worker(tmp_path):
    records = generated(60)
    outcomes = {}
    for name in ("serial", "workers"):
        engine = open_engine(f"sqlite:///{tmp_path / f'{name}.db'}")
        errors = []
        if name == "serial":
            summary = ingest(
                engine,
                as_reports(records),
                batch_size=25,
                on_error=errors.append,
                extract_batch=lambda reports: extract_chunk(reports, extract_or_fail),
            )
        else:
            with process_pool(2, extract_one=extract_or_fail) as run:
                summary = ingest(
                    engine,
                    as_reports(records),
                    batch_size=25,
                    on_error=errors.append,
                    map_batches=run,
                )
        outcomes[name] = (summary.as_dict(), [str(e) for e in errors], count_reports(engine))
    assert outcomes["workers"] == outcomes["serial"]
    summary, errors, stored = outcomes["workers"]
    assert (summary["stored"], summary["failed"], stored) == (58, 2, 58)
    assert errors == [
        f"generated.jsonl, record {name}: extraction failed: cannot read {name}" for name in FAILING
    ]


def count_reports(engine) -> int:
    with engine.connect() as conn:
        return len(conn.execute(reports_table.select()).all())


@pytest.mark.parametrize(
    ("error", "outcome"),
    [
        (ValueError("bad count"), "bad count"),
        (KeyError("lang"), "'lang'"),
    ],
)
def test_extract_chunk_turns_any_error_into_one_that_pickles(error, outcome):
    def raising(_report):
        raise error

    [result] = extract_chunk(as_reports(generated(1)), raising)
    assert isinstance(result, ExtractionError)
    assert str(result) == outcome


@pytest.mark.parametrize(
    ("engine", "workers", "scheduler", "expected"),
    [
        ("local", 1, None, "in this process"),
        ("local", 2, None, "workers"),
    ],
)
def test_batch_map_picks_the_engine(engine, workers, scheduler, expected):
    with batch_map(engine, workers, scheduler) as run:
        assert ("in this process" if run is None else "workers") == expected


def test_batch_map_refuses_a_scheduler_without_dask():
    with pytest.raises(ValueError, match="needs engine='dask'"), batch_map("local", 1, "tcp://x:1"):
        pass


def test_cli_workers_option(tmp_path):
    path = write_jsonl(tmp_path / "reports.jsonl", 200)
    results = {}
    for workers in ("1", "2"):
        url = f"sqlite:///{tmp_path / f'w{workers}.db'}"
        done = invoke("ingest", "--workers", workers, str(path), "--db", url, "--json")
        assert (done.exit_code, done.stderr) == (0, "")
        results[workers] = (json.loads(done.stdout), claims_by_content(url))
    assert results["2"] == results["1"]
    assert results["2"][0]["stored"] == 200


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--workers", "0"], "Invalid value for '--workers'"),
        (["--scheduler", "tcp://127.0.0.1:8786"], "--scheduler needs --engine dask"),
        (["--engine", "threads"], "Invalid value for '--engine'"),
    ],
)
def test_cli_usage_errors(tmp_path, args, message):
    (tmp_path / "a.txt").write_text("Two drones were shot down over the Tula region.")
    result = invoke("ingest", *args, str(tmp_path / "a.txt"), "--db", f"sqlite:///{tmp_path}/l.db")
    assert result.exit_code == 2
    assert message in result.output
    assert not (tmp_path / "l.db").exists()  # refused before the ledger is touched


def _descendants(pid: int) -> set[int]:
    """Every process below `pid` (children, their children, ...), read from /proc."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry.name)] = int(fields[1])
    found, todo = set(), [pid]
    while todo:
        current = todo.pop()
        children = [child for child, parent in parents.items() if parent == current]
        found.update(children)
        todo.extend(children)
    return found


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process tree from /proc")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_workers_end_when_the_ingest_is_killed(tmp_path, sig):
    """Regression: a killed ingest left its worker processes (and their fork server)
    waiting for work forever."""
    data = write_jsonl(tmp_path / "reports.jsonl", 3000)
    command = [sys.executable, "-m", "skyledger", "ingest", str(data), "--workers", "2"]
    command += ["--db", f"sqlite:///{tmp_path / 'ledger.db'}"]
    ingest = subprocess.Popen(command, env=cli_env(), stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    workers: set[int] = set()
    while len(workers) < 3 and time.monotonic() < deadline:  # the fork server and two workers
        time.sleep(0.2)
        workers = _descendants(ingest.pid)
    assert len(workers) >= 3, "the workers never started"
    ingest.send_signal(sig)
    ingest.wait(timeout=30)
    deadline = time.monotonic() + 15
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in workers)
