"""Requests that used to run away on a ledger with no statistics, and the bound on every
request.

The ledger is bulk-loaded (tests/big_ledger.py) and never analysed, as a fresh import
leaves it: each query must find its plan without statistics. The requests below once
took minutes on PostgreSQL (`since`, as the dashboard's first view sends it) or seconds
to minutes on SQLite (claim filters that match few or no claims). Each now answers within
a bound of one second, which the server enforces itself; past a deliberately tiny bound
a request answers 503 with a message and gives its connection back.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack

import pytest
from fastapi.testclient import TestClient

import big_ledger
from conftest import postgres_schema
from skyledger.api import create_app
from skyledger.store.db import open_engine

REPORTS = 50_000

# request, the ids its first page starts with (reports or claims)
ONCE_SLOW = [
    # SQLite walked every report and searched the matching claims again for each one
    ("/api/reports?weapon=glide_bomb&claim_type=casualties", [200, 199, 198]),
    ("/api/reports?weapon=glide_bomb&claim_type=casualties&claimant=nobody", []),
    ("/api/reports?claimant=Governor%20of%20Kaluga%20Oblast", [50_000, 49_999, 49_998]),
    # PostgreSQL scanned the claims backward once per report of the window
    ("/api/claims?since=2025-01-01", [100_000, 99_999, 99_998]),
    ("/api/claims?since=2025-03-01T00:00:00Z&until=2025-04-01T00:00:00Z", [4318, 4317, 4316]),
    ("/api/claims?since=2025-03-01T00:00:00Z&until=2025-04-01T00:00:00Z&claimant=nobody", []),
]


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])  # fmt: skip
def big_url(request, tmp_path_factory):
    """A ledger of 50,000 reports and 100,000 claims without statistics, on each backend."""
    with ExitStack() as stack:
        if request.param == "sqlite":
            url = f"sqlite:///{tmp_path_factory.mktemp('big') / 'ledger.db'}"
        else:
            url = stack.enter_context(postgres_schema())
        engine = open_engine(url)
        big_ledger.fill(engine, REPORTS)
        engine.dispose()
        yield url


@pytest.mark.parametrize(("path", "first_ids"), ONCE_SLOW)
def test_once_slow_requests_answer_within_a_second(big_url, path, first_ids):
    with TestClient(create_app(big_url, timeout=1.0)) as client:
        answer = client.get(path)
    assert answer.status_code == 200, answer.text
    assert [item["id"] for item in answer.json()["items"][:3]] == first_ids


COSTLY = "/api/stats?since=2025-01-01"


def test_past_a_tiny_bound_requests_answer_503_and_free_their_connections(big_url):
    engine = open_engine(big_url)
    app = create_app(engine=engine, timeout=0.02)
    with TestClient(app) as client, ThreadPoolExecutor(16) as pool:
        # counted from the claims (a time window), not from their sums
        answers = list(pool.map(lambda _: client.get(COSTLY), range(16)))
        assert {answer.status_code for answer in answers} == {503}
        assert "took longer than 0.02 s" in answers[0].json()["detail"]
        assert engine.pool.checkedout() == 0
        light = client.get("/api/claims/5")
    assert light.status_code == 200
    assert light.json()["report_id"] == 3
