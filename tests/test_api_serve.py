"""`skyledger serve` as users start it, and migration 0002 both ways."""

from __future__ import annotations

import subprocess
import sys
import time

import httpx
import pytest
from alembic import command
from sqlalchemy import inspect

from conftest import cli_env
from skyledger.store.db import alembic_config, open_engine
from skyledger.store.queries import Filters, list_reports
from skyledger.store.writer import save_batch
from test_api_queries import sample_batch
from test_web_browser import free_port


@pytest.fixture
def server(tmp_path, sqlite_url):
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "skyledger",
            "serve",
            "--port",
            str(port),
            "--db",
            sqlite_url,
        ],
        env=cli_env(HOME=str(tmp_path), SKYLEDGER_TOKEN="t0ken"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(f"{base}/api/stats", timeout=1)
            break
        except httpx.TransportError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"serve did not start: {process.stderr.read().decode()}")
            time.sleep(0.2)
    yield base
    process.terminate()
    process.wait(timeout=10)


def test_serve_answers_and_takes_the_token(server):
    assert httpx.get(f"{server}/api/stats").json()["reports"] == 0
    report = {"id": "1", "text": "Two drones were shot down over Kursk Oblast."}
    assert httpx.post(f"{server}/api/reports", json=report).status_code == 401
    posted = httpx.post(  # the first ingest loads the language data: slow on a busy machine
        f"{server}/api/reports", json=report, headers={"Authorization": "Bearer t0ken"}, timeout=120
    )
    assert posted.status_code == 201
    assert httpx.get(f"{server}/").headers["content-type"].startswith("text/html")


def test_migration_0002_goes_down_and_up(db_url):
    engine = open_engine(db_url)
    save_batch(engine, sample_batch())
    config = alembic_config(engine)
    command.downgrade(config, "0001")
    names = {ix["name"] for ix in inspect(engine).get_indexes("claims")}
    assert "ix_claims_report_summary" not in names
    command.upgrade(config, "head")
    assert "ix_claims_report_summary" in {
        ix["name"] for ix in inspect(engine).get_indexes("claims")
    }
    # the text index is rebuilt over the reports already stored
    assert len(list_reports(engine, Filters(q="Одесою")).items) == 1
    engine.dispose()
