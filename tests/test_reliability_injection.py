"""SQL injection attempts through every API filter and every CLI option that reaches SQL.

A table of payloads × parameters, on SQLite and PostgreSQL. Each request is refused (422,
or exit 2 for the CLI) or answered with nothing: no payload may widen a result, fail with
a 5xx or a traceback, or change a table. Payloads that clean to a blank value (a lone NUL)
mean "no filter" and give the same answer as no parameter at all.
"""

from __future__ import annotations

import json
import uuid
from urllib.parse import quote

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from conftest import PG_ADMIN_URL, POSTGRES, REQUIRE_POSTGRES
from skyledger.api import create_app
from skyledger.cli import cli
from skyledger.reconcile import update_events
from skyledger.store.db import open_engine
from test_api_queries import build_sample, sample  # noqa: F401

TABLES = ("sources", "reports", "claims", "events")

PAYLOADS = [
    "' OR 1=1 --",
    "' OR '1'='1",
    '"; DROP TABLE claims; --',
    "'); DROP TABLE reports; --",
    "%' UNION SELECT id, text FROM reports --",
    "1 UNION ALL SELECT NULL, NULL, NULL",
    "'||(SELECT version())||'",
    "1; SELECT pg_sleep(10)",
    "\\'; DROP TABLE sources; --",
    "%",
    "_",
    "NEAR(",
    '"*',
    "* OR *",
    "text: NOT x",
    "reports_fts MATCH '*'",
    "\x00",
    "a\x00' OR 1=1 --",
    "'" * 10_000,
    "Ω" * 8_000,  # 48 kB once percent-encoded, near what an HTTP client sends
]
PARAMETERS = ["since", "until", "country", "admin1", "weapon", "claim_type", "claimant", "q", "cursor"]  # fmt: skip
ENDPOINTS = [
    "/api/claims",
    "/api/reports",
    "/api/events",
    "/api/places",
    "/api/regions",
    "/api/timeseries",
    "/api/stats",
    "/api/export",
]
PAGED = ENDPOINTS[:3]  # the lists that take a cursor
FIXED = {"/api/export": {"format": "jsonl"}}  # no header line: an empty export is empty


def counts(url: str) -> dict[str, int]:
    engine = create_engine(url)
    try:
        tables = TABLES + (("reports_fts",) if url.startswith("sqlite") else ())  # the text index
        with engine.connect() as conn:
            return {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in tables}
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def api(sample):  # noqa: F811
    url, _ = sample
    before = counts(url)
    with TestClient(create_app(url), raise_server_exceptions=False) as client:
        client.unfiltered = {
            endpoint: answer(client.get(endpoint, params=FIXED.get(endpoint)))
            for endpoint in ENDPOINTS
        }
        yield client
    assert counts(url) == before  # no payload wrote, dropped or emptied anything


def answer(response) -> object:
    """What the endpoint found, whatever its shape."""
    if response.url.path == "/api/export":
        return response.text.splitlines()
    body = response.json()
    if isinstance(body, dict) and "items" in body:
        return body["items"]
    return {k: v for k, v in body.items() if k in ("claims", "events", "conflicting_events")}


def nothing(found: object) -> bool:
    if isinstance(found, dict):
        return not any(found.values())
    return found == []


def blank(payload: str) -> bool:
    return not payload.replace("\x00", "").strip()


@pytest.mark.parametrize("payload", PAYLOADS, ids=lambda p: repr(p[:24]))
@pytest.mark.parametrize("parameter", PARAMETERS)
def test_api_filters(api, parameter, payload):
    failures = []
    for endpoint in PAGED if parameter == "cursor" else ENDPOINTS:
        response = api.get(endpoint, params={**FIXED.get(endpoint, {}), parameter: payload})
        if response.status_code == 422:
            assert response.json()["detail"]
            continue
        if response.status_code != 200:
            failures.append((endpoint, response.status_code, response.text[:200]))
            continue
        found = answer(response)
        expected = api.unfiltered[endpoint] if blank(payload) else None
        if (expected is None and not nothing(found)) or (
            expected is not None and found != expected
        ):
            failures.append((endpoint, "found", str(found)[:200]))
    assert failures == []


@pytest.mark.parametrize("payload", PAYLOADS[:9], ids=lambda p: repr(p[:24]))
@pytest.mark.parametrize("path", ["/api/claims/{}", "/api/reports/{}", "/api/events/{}"])
def test_api_record_ids(api, path, payload):
    response = api.get(path.format(payload.replace("/", "%2F")))
    assert response.status_code in (404, 422), response.text[:200]


# -- the CLI --------------------------------------------------------------------------------

# argv cannot carry NUL: the CLI rows take the payloads without it
CLI_PAYLOADS = [p for p in PAYLOADS if "\x00" not in p and len(p) < 20_000]
CLI_FILTERS = [
    (["events", "--format", "json", "--area"], "[]"),
    (["events", "--format", "json", "--since"], "[]"),
    (["export", "--format", "jsonl", "--country"], ""),
    (["export", "--format", "jsonl", "--admin1"], ""),
    (["export", "--format", "jsonl", "--claimant"], ""),
    (["export", "--format", "jsonl", "-q"], ""),
    (["export", "--format", "jsonl", "--since"], ""),
    (["export", "--format", "jsonl", "--until"], ""),
    (["brief", "--format", "md", "--area"], None),
    (["brief", "--format", "md", "--date"], None),
]


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), prog_name="skyledger")


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def ledger_url(request, tmp_path_factory):
    """The sample ledger again, its events reconciled (so `events` and `brief` write
    nothing), kept apart from the API's: the tables must not change under any payload."""
    if request.param == "sqlite":
        url, schema = f"sqlite:///{tmp_path_factory.mktemp('cli') / 'ledger.db'}", None
    else:
        if not POSTGRES:
            if REQUIRE_POSTGRES:
                pytest.fail(f"PostgreSQL is required but not reachable at {PG_ADMIN_URL}")
            pytest.skip("PostgreSQL not reachable")
        schema = f"t_{uuid.uuid4().hex[:12]}"
        url = f"{PG_ADMIN_URL}?options=-csearch_path%3D{schema}"
        admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    build_sample(url)
    engine = open_engine(url)
    update_events(engine)
    engine.dispose()
    before = counts(url)
    yield url
    assert counts(url) == before
    if schema:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.mark.parametrize("payload", CLI_PAYLOADS, ids=lambda p: repr(p[:24]))
@pytest.mark.parametrize(("command", "empty"), CLI_FILTERS, ids=lambda c: " ".join(c) if isinstance(c, list) else None)  # fmt: skip
def test_cli_filters(ledger_url, command, empty, payload):
    result = invoke(*command, payload, "--db", ledger_url)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 2), result.output
    if result.exit_code == 2:
        assert "Invalid value" in result.stderr
    elif empty is not None:
        assert result.stdout.strip() == empty
    else:  # a briefing over no claims
        assert "[^" not in result.stdout  # no footnoted figure


@pytest.mark.parametrize("payload", CLI_PAYLOADS[:9], ids=lambda p: repr(p[:24]))
def test_cli_sources_store_payloads_verbatim(db_url, payload):
    """A payload in an address or claimant is kept as text and finds only its own row.

    The address carries the payload percent-encoded, as a browser would send it: a raw
    space or quote makes no http(s) URL and is refused before it reaches the ledger.
    """
    address = "https://feeds.example/a.xml?q=" + quote(payload)
    added = invoke("sources", "add", "rss", address, "--claimant", payload, "--db", db_url)
    assert added.exit_code == 0, added.output
    other = invoke("sources", "add", "rss", "https://feeds.example/b.xml", "--db", db_url)
    assert other.exit_code == 0, other.output
    listed = json.loads(invoke("sources", "list", "--format", "json", "--db", db_url).stdout)
    assert [(s["name"], s["claimant"]) for s in listed] == [
        (address, payload),
        ("https://feeds.example/b.xml", None),
    ]
    missing = invoke("sources", "remove", payload, "--db", db_url)
    assert missing.exit_code == 2 and "no followed source" in missing.stderr
    removed = invoke("sources", "remove", address, "--db", db_url)
    assert removed.exit_code == 0, removed.output
    left = json.loads(invoke("sources", "list", "--format", "json", "--db", db_url).stdout)
    assert [s["name"] for s in left] == ["https://feeds.example/b.xml"]
