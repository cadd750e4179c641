"""ledger.py as a notebook uses it: filters and records as the REST API's, DataFrames;
docs/python.md runs as written."""

from __future__ import annotations

import doctest
from datetime import date
from pathlib import Path

import pytest

from skyledger import Ledger
from skyledger.filter_values import BadFilter
from skyledger.store import queries
from skyledger.store.queries import Filters
from test_api_queries import GOVERNOR, MOD, at, build_sample

DOCS = Path(__file__).resolve().parents[1] / "docs" / "python.md"


@pytest.fixture(scope="module")
def ledger(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('api') / 'ledger.db'}"
    build_sample(url)
    with Ledger(url) as opened:
        yield opened


def test_the_python_docs_run_as_written():
    pytest.importorskip("pandas")
    result = doctest.testfile(str(DOCS), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 10
    assert result.failed == 0


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, 10),
        ({"admin1": "RU-KLU"}, 3),
        ({"admin1": "ru-klu"}, 3),
        ({"area": "UA"}, 3),
        ({"area": "RU-KLU", "claim_type": "debris"}, 1),
        ({"claimant": GOVERNOR.claimant}, 2),
        ({"since": date(2026, 11, 21)}, 4),
        ({"since": "2026-11-20", "until": "2026-11-21"}, 5),
        ({"q": "беспилотников"}, 5),
        ({"weapon": "missile", "limit": 1}, 1),
    ],
)
def test_claims_take_the_rest_filters(ledger, filters, expected):
    assert len(ledger.claims(**filters)) == expected


def test_claims_have_the_rest_apis_shape(ledger):
    mine = ledger.claims(claimant=MOD.claimant)
    rest = queries.list_claims(ledger.engine, Filters(claimant=MOD.claimant), limit=100).items
    assert mine == sorted(rest, key=lambda c: c["id"])  # ledger order, the same dicts


def test_iter_claims_streams_every_claim(ledger):
    claims = ledger.iter_claims(since=at(20, 0))
    assert next(claims)["published"] >= at(20, 0)
    assert 1 + sum(1 for _ in claims) == 9


def test_events_take_the_rest_filters_and_conflict(ledger):
    assert len(ledger.events()) == 2
    (disputed,) = ledger.events(conflict=True)
    assert (disputed["admin1"], disputed["low"], disputed["high"]) == ("RU-KLU", 10, 11)
    assert ledger.events(weapon="missile")[0]["admin1"] == "UA-63"
    assert ledger.events(claimant=GOVERNOR.claimant) == [disputed]


def test_an_unknown_filter_is_an_error(ledger):
    with pytest.raises(TypeError, match="admin_1"):
        ledger.claims(admin_1="RU-KLU")


@pytest.mark.parametrize(
    ("filters", "named", "suggested"),
    [
        ({"admin1": "kaluga"}, "admin1 'kaluga'", "RU-KLU (Kaluga)"),
        ({"area": "Харківщина"}, "area 'Харківщина'", "UA-63 (Kharkiv)"),
        ({"since": "2026-11-22", "until": "2026-11-20"}, "since", "until"),
    ],
)
def test_a_filter_value_no_ledger_holds_is_an_error(ledger, filters, named, suggested):
    with pytest.raises(BadFilter) as raised:
        ledger.claims(**filters)
    assert named in str(raised.value) and suggested in str(raised.value)


def test_to_pandas_makes_a_frame_with_times(ledger):
    pandas = pytest.importorskip("pandas")
    frame = ledger.claims(admin1="RU-KLU").to_pandas()
    assert list(frame["count"].fillna(-1)) == [10, 11, -1]
    assert isinstance(frame["published"].dtype, pandas.DatetimeTZDtype)
    assert ledger.events().to_pandas().shape[0] == 2
