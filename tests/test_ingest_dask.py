"""Extraction on a Dask cluster (`--engine dask`): a local cluster of two worker processes
stores exactly the claims the single-process path stores; clear errors when Dask is
missing or the scheduler cannot be reached."""

from __future__ import annotations

import json
import socket
import subprocess
import sys

import dask
import distributed
import pytest
from click.testing import CliRunner

from conftest import SHARED, cli_env
from generated_reports import write_jsonl
from ledger_snapshot import claims_by_content, events_by_content
from skyledger.cli import cli
from skyledger.ledger import Ledger

DEV = SHARED / "corpus" / "dev.jsonl"  # read in place


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), prog_name="skyledger")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0"
    ) as cluster:
        yield cluster


@pytest.mark.postgres
def test_dev_corpus_through_dask_gives_the_claims_of_one_process(cluster, new_postgres_url):
    if not DEV.exists():
        pytest.skip(f"{DEV} not present")
    through_dask, plain = new_postgres_url(), new_postgres_url()
    with Ledger(through_dask) as ledger:
        summary = ledger.ingest([DEV], engine="dask", scheduler=cluster.scheduler_address)
    with Ledger(plain) as ledger:
        expected = ledger.ingest([DEV])
    assert summary.as_dict() == expected.as_dict()
    got, want = claims_by_content(through_dask), claims_by_content(plain)
    assert len(want) > 300
    assert sorted(got) == sorted(want)
    for key, claim in want.items():  # field by field, so that a difference names its field
        assert {k: v for k, v in got[key].items() if v != claim[k]} == {}, key
    assert events_by_content(through_dask) == events_by_content(plain)


@pytest.mark.parametrize("scheduler", ["cluster", "local"])
def test_cli_dask_engine(cluster, tmp_path, scheduler):
    """With the cluster's address, or `--scheduler local` (a cluster of --workers started here)."""
    path = write_jsonl(tmp_path / "reports.jsonl", 120)
    address = cluster.scheduler_address if scheduler == "cluster" else "local"
    outputs = {}
    for name, options in {
        "dask": ["--engine", "dask", "--scheduler", address, "--workers", "1"],
        "one process": [],
    }.items():
        url = f"sqlite:///{tmp_path / (name + '.db')}"
        result = invoke("ingest", *options, str(path), "--db", url, "--json")
        assert result.exit_code == 0, result.output
        outputs[name] = (json.loads(result.stdout), claims_by_content(url))
    assert outputs["dask"] == outputs["one process"]
    assert outputs["dask"][0]["stored"] == 120


def test_cli_unreachable_scheduler_names_the_address(tmp_path):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{probe.getsockname()[1]}"
    (tmp_path / "a.txt").write_text("Two drones were shot down over the Tula region.")
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        result = invoke(
            "ingest", "--engine", "dask", "--scheduler", address, str(tmp_path / "a.txt"),
            "--db", f"sqlite:///{tmp_path / 'ledger.db'}",
        )  # fmt: skip
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: cannot reach the Dask scheduler at {address}: ")


def test_cli_without_dask_is_a_usage_error(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if the extra were not installed
    (tmp_path / "a.txt").write_text("Two drones were shot down over the Tula region.")
    db = tmp_path / "ledger.db"
    result = invoke(
        "ingest", "--engine", "dask", str(tmp_path / "a.txt"), "--db", f"sqlite:///{db}"
    )
    assert result.exit_code == 2
    assert "the dask engine needs Dask: pip install 'skyledger[dask]'" in result.output
    assert not db.exists()


def test_the_base_install_never_imports_dask():
    code = (
        "import sys, skyledger, skyledger.cli, skyledger.ingest_engines\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=cli_env(), check=True
    )
    assert done.stdout.strip() == "[]"
