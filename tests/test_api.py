"""The REST API through FastAPI's TestClient, on both backends."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from skyledger.api import create_app
from skyledger.sources.limits import MAX_REPORT_BYTES
from test_api_queries import AIR_FORCE, GOVERNOR, MOD, TEXT_GOVERNOR, TEXT_SCRIPT, sample  # noqa: F401

TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def client(sample):  # noqa: F811
    """Reads the shared sample ledger."""
    url, ids = sample
    with TestClient(create_app(url, token=TOKEN)) as test_client:
        test_client.ids = ids
        yield test_client


@pytest.fixture
def ingest_client(db_url, monkeypatch):
    """A fresh ledger that accepts the token."""
    monkeypatch.delenv("SKYLEDGER_TOKEN", raising=False)
    with TestClient(create_app(db_url, token=TOKEN)) as test_client:
        yield test_client


@pytest.fixture
def gate_client(sqlite_url, monkeypatch):
    """For requests refused before the store is touched: one backend is enough."""
    monkeypatch.delenv("SKYLEDGER_TOKEN", raising=False)
    with TestClient(create_app(sqlite_url, token=TOKEN)) as test_client:
        yield test_client


@pytest.fixture
def closed_client(sqlite_url, monkeypatch):
    monkeypatch.delenv("SKYLEDGER_TOKEN", raising=False)
    with TestClient(create_app(sqlite_url)) as test_client:
        yield test_client


def claim_id(client, claimant, admin1, claim_type="destroyed") -> int:
    return client.ids["claims"][(claimant, admin1, claim_type)]


# -- lists and filters ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", 10),
        ("weapon=missile", 2),
        ("claim_type=launched", 1),
        ("country=ua", 3),
        ("admin1=ru-klu", 3),
        ("claimant=Ukrainian Air Force", 3),
        ("since=2026-11-21", 4),
        ("until=2026-11-20T00:00:00Z", 1),
        (
            "since=2026-11-20T08:00:00%2B03:00&until=2026-11-21",
            5,
        ),  # 05:00 UTC: the MoD bulletin is in
        ("since=2026-11-20T08:01:00%2B03:00&until=2026-11-21", 1),
        ("q=Боровском", 2),
        ("admin1=RU-KLU&weapon=missile", 0),
    ],
)
def test_claims_filters(client, query, expected):
    body = client.get(f"/api/claims?{query}&limit=100").json()
    assert len(body["items"]) == expected
    assert body["next"] is None


@pytest.mark.parametrize(
    ("endpoint", "query", "expected"),
    [
        ("/api/reports", "", 6),
        ("/api/reports", "admin1=RU-KLU", 3),
        ("/api/reports", "q=ракети", 1),
        ("/api/reports", "since=2026-11-22", 1),
        ("/api/events", "", 2),
        ("/api/events", "conflict=true", 1),
        ("/api/events", "weapon=missile", 1),
        ("/api/events", "claimant=Governor of Kaluga Oblast", 1),
        ("/api/events", "q=Малоярославцем", 1),
        ("/api/events", "until=2026-11-21", 1),
        ("/api/places", "", 4),
        ("/api/places", "country=UA", 1),
        ("/api/regions", "", 6),
        ("/api/regions", "weapon=missile", 1),
        ("/api/timeseries", "country=UA", 3),
        ("/api/timeseries", "country=UA&by_area=false", 3),  # launched and destroyed apart
        ("/api/sources", "", 4),
    ],
)
def test_list_endpoints_and_filters(client, endpoint, query, expected):
    response = client.get(f"{endpoint}?{query}")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"items", "next"}
    assert len(body["items"]) == expected


def test_cursor_pagination(client):
    seen, url = [], "/api/claims?limit=4"
    for _ in range(5):
        body = client.get(url).json()
        seen += [item["id"] for item in body["items"]]
        if not body["next"]:
            break
        url = f"/api/claims?limit=4&cursor={body['next']}"
    assert len(seen) == len(set(seen)) == 10


def test_reports_pages_keep_filters(client):
    first = client.get("/api/reports?limit=2&country=RU").json()
    second = client.get(f"/api/reports?limit=2&country=RU&cursor={first['next']}").json()
    assert len(first["items"]) == 2 and len(second["items"]) == 2
    assert second["next"] is None  # 4 Russian reports in all


# -- single records -------------------------------------------------------------------------------


def test_claim_comes_with_its_report_text_and_evidence(client):
    cid = claim_id(client, GOVERNOR.claimant, "RU-KLU")
    claim = client.get(f"/api/claims/{cid}").json()
    start, end = claim["evidence"]["claim"]
    assert claim["report"]["text"] == TEXT_GOVERNOR
    assert claim["report"]["text"][start:end] == "сбиты 11 беспилотников"
    assert claim["geo_precision"] == "place"
    assert [p["name"] for p in claim["places"]] == ["Borovsk", "Maloyaroslavets"]


def test_report_text_is_returned_verbatim(client):
    cid = claim_id(client, AIR_FORCE.claimant, "UA-51")
    claim = client.get(f"/api/claims/{cid}").json()
    report = client.get(f"/api/reports/{claim['report_id']}").json()
    assert report["text"] == TEXT_SCRIPT
    assert [c["id"] for c in report["claims"]] == [cid]


def test_event_lists_its_claimants(client):
    event = client.get(f"/api/events/{client.ids['conflict_event']}").json()
    assert event["conflict"] is True
    assert (event["low"], event["best"], event["high"]) == (10, 10, 11)
    assert {c["claimant"] for c in event["claims"]} == {MOD.claimant, GOVERNOR.claimant}


@pytest.mark.parametrize("kind", ["reports", "claims", "events"])
def test_unknown_ids_are_404(client, kind):
    response = client.get(f"/api/{kind}/999999")
    assert response.status_code == 404
    assert "not found" in response.json()["detail"]


def test_stats(client):
    stats = client.get("/api/stats").json()
    assert (stats["reports"], stats["claims"], stats["events"], stats["conflicting_events"]) == (
        6,
        10,
        2,
        1,
    )
    assert stats["claims_by_weapon"] == {"uav": 8, "missile": 2}
    assert client.get("/api/stats?country=UA").json()["claims"] == 3


WHOLE_LEDGER_VIEWS = [
    "/api/timeseries?by_area=false",
    "/api/regions?",
    "/api/stats?",
]
VIEW_FILTERS = [
    "",
    "weapon=uav",
    "claim_type=destroyed",
    "claimant=Ministry of Defence of Russia",
    "claimant=Governor of Kaluga Oblast",
    "country=ua",
    "admin1=RU-KLU&weapon=uav",
    "since=2026-11-21",
    "since=2026-11-20&until=2026-11-22&undated=true",
    "since=0999-01-01",  # a year of three digits, written with four
    "undated=true",
    "weapon=glide_bomb",
]


@pytest.mark.parametrize("view", WHOLE_LEDGER_VIEWS)
def test_summed_tables_answer_as_the_claims_do(client, view, monkeypatch):
    from skyledger.store import queries

    answers = [client.get(f"{view}&{query}") for query in VIEW_FILTERS]
    assert {answer.status_code for answer in answers} == {200}
    summed = [answer.json() for answer in answers]
    monkeypatch.setattr(queries, "_series_answers", lambda *_: False)
    monkeypatch.setattr(queries, "_tallies_answer", lambda *_: False)
    grouped = [client.get(f"{view}&{query}").json() for query in VIEW_FILTERS]
    assert summed == grouped
    assert summed[0] != summed[1]


def test_sources_show_health(client):
    by_name = {s["name"]: s for s in client.get("/api/sources?days=3").json()["items"]}
    assert by_name["old_statements.txt"]["silent"] is True
    assert [d["day"] for d in by_name["air_force_ua"]["per_day"]] == [
        "2026-11-20",
        "2026-11-21",
        "2026-11-22",
    ]


# -- exports --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "media", "first"),
    [
        ("csv", "text/csv", "id,report_id,published"),
        ("acled", "text/csv", "event_id_cnty,event_date,year,time_precision"),
        ("geojson", "application/geo+json", '{"type":"FeatureCollection"'),
        ("jsonl", "application/x-ndjson", "{"),
    ],
)
def test_export_formats(client, fmt, media, first):
    response = client.get(f"/api/export?format={fmt}&country=UA")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media)
    assert response.text.startswith(first)
    if fmt == "geojson":
        assert len(json.loads(response.text)["features"]) == 3
    if fmt == "jsonl":
        assert len(response.text.splitlines()) == 3


# -- errors ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/api/claims?weapon=catapult", "weapon"),
        ("/api/claims?claim_type=maybe", "claim_type"),
        ("/api/claims?since=yesterday", "since"),
        ("/api/claims?limit=0", "limit"),
        ("/api/claims?limit=100000", "limit"),
        ("/api/claims?country=RUS", "country"),
        ("/api/claims/0", "claim_id"),
        ("/api/claims/abc", "claim_id"),
        ("/api/events/99999999999999999999999", "event_id"),
        ("/api/export?format=xlsx", "format"),
    ],
)
def test_validation_errors_are_422_with_a_message(client, url, field):
    response = client.get(url)
    assert response.status_code == 422
    body = response.json()
    assert field in body["detail"]
    assert body["errors"][0]["field"] == field


def test_a_foreign_cursor_is_422(client):
    response = client.get("/api/claims?cursor=not-ours")
    assert response.status_code == 422
    assert "cursor" in response.json()["detail"]


# -- ingest ---------------------------------------------------------------------------------------

NEW_REPORT = {"id": "post-1", "text": "Over Kursk Oblast 5 drones were shot down overnight.", "lang": "en",
              "published": "2026-11-23T06:00:00+03:00", "source": "api_test", "claimant": "Governor of Kursk Oblast"}  # fmt: skip


def auth(token=TOKEN) -> dict:
    return {"Authorization": f"Bearer {token}"}


def test_ingest_with_the_token_stores_reports(ingest_client):
    response = ingest_client.post("/api/reports", json=NEW_REPORT, headers=auth())
    assert response.status_code == 201
    assert response.json()["stored"] == 1
    again = ingest_client.post(
        "/api/reports",
        json=[NEW_REPORT, {**NEW_REPORT, "id": "post-2", "text": "Other."}],
        headers=auth(),
    )
    assert again.json()["stored"] == 1 and again.json()["already_present"] == 1
    assert ingest_client.get("/api/reports?q=Kursk").json()["items"][0]["external_id"] == "post-1"


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({}, 401),
        (auth("wrong"), 401),
        ({"Authorization": "Basic abc"}, 401),
        ({"Authorization": "Bearer"}, 401),
    ],
)
def test_ingest_needs_the_right_token(gate_client, headers, status):
    response = gate_client.post("/api/reports", json=NEW_REPORT, headers=headers)
    assert response.status_code == status
    assert response.headers["www-authenticate"] == "Bearer"


def test_ingest_is_off_without_a_configured_token(closed_client):
    response = closed_client.post("/api/reports", json=NEW_REPORT, headers=auth())
    assert response.status_code == 403
    assert "disabled" in response.json()["detail"]


def test_token_comes_from_the_environment(sqlite_url, monkeypatch):
    monkeypatch.setenv("SKYLEDGER_TOKEN", "from-env")
    with TestClient(create_app(sqlite_url)) as env_client:
        assert (
            env_client.post("/api/reports", json=NEW_REPORT, headers=auth("from-env")).status_code
            == 201
        )


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"text": "no id"}, "id"),
        ({"id": 1, "text": ""}, "text"),
        ({"id": 1, "text": "x", "lang": "de"}, "lang"),
        ({"id": 1, "text": "x", "published": "soon"}, "published"),
        ({"id": 1, "text": "x", "published": 0}, "published"),
    ],
)
def test_invalid_reports_are_422(gate_client, payload, field):
    body = json.dumps(payload)  # escaped: lone surrogates travel as JSON allows them
    headers = {**auth(), "Content-Type": "application/json"}
    response = gate_client.post("/api/reports", content=body, headers=headers)
    assert response.status_code == 422
    assert field in response.json()["detail"]


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        ({"id": 1, "text": "\x00\x00\x00"}, "text: empty text"),
        ({"id": 1, "text": "\x00 \n\x00"}, "text: empty text"),
        ({"id": "\ud800", "text": "x"}, "id holds NUL or invalid Unicode"),
        ({"id": 1, "text": "x", "claimant": "\udcff"}, "claimant holds NUL or invalid Unicode"),
        ({"id": 1, "text": "x", "published": "9999-12-31T23:59:59"}, "year 9999 is out of range"),
        ({"id": 1, "text": "x", "published": "0001-01-01T00:00:00+14:00"}, "year 1 is out"),
        ({"id": 1, "text": "x", "published": "2500-01-01T00:00:00Z"}, "year 2500 is out"),
        ({"id": 1, "text": "x", "published": "1000-01-01"}, "year 1000 is out of range"),
    ],
)
def test_a_report_no_ledger_may_hold_fails_by_name_and_the_rest_is_stored(
    gate_client, payload, reason
):
    good = {"id": "fine", "text": "Over Kursk Oblast 2 drones were shot down overnight."}
    body = json.dumps([payload, good])
    headers = {**auth(), "Content-Type": "application/json"}
    response = gate_client.post("/api/reports", content=body, headers=headers)
    assert response.status_code == 201
    result = response.json()
    assert (result["stored"], result["failed"]) == (1, 1)
    [error] = result["errors"]
    assert reason in error["message"] and error["id"]


def test_malformed_json_is_422(gate_client):
    response = gate_client.post(
        "/api/reports", content=b"{not json", headers={**auth(), "Content-Type": "application/json"}
    )
    assert response.status_code == 422


def test_a_report_over_one_megabyte_is_413(gate_client):
    big = {"id": "big", "text": "д" * (MAX_REPORT_BYTES // 2 + 1)}  # 2 bytes a letter in UTF-8
    response = gate_client.post("/api/reports", json=big, headers=auth())
    assert response.status_code == 413


def test_a_body_over_the_limit_is_413_by_declared_length(gate_client):
    response = gate_client.post(
        "/api/reports",
        content=b"{}",
        headers={
            **auth(),
            "Content-Type": "application/json",
            "Content-Length": str(5 * MAX_REPORT_BYTES),
        },
    )
    assert response.status_code == 413


def test_a_body_over_the_limit_is_413_when_streamed(gate_client):
    def chunks():
        for _ in range(30):
            yield b" " * 100_000

    response = gate_client.post(
        "/api/reports", content=chunks(), headers={**auth(), "Content-Type": "application/json"}
    )
    assert response.status_code == 413


# -- docs and the page ------------------------------------------------------------------------


def test_openapi_lists_every_endpoint(client):
    paths = set(client.get("/openapi.json").json()["paths"])
    assert {
        "/api/reports", "/api/reports/{report_id}", "/api/claims", "/api/claims/{claim_id}", "/api/events",
        "/api/events/{event_id}", "/api/places", "/api/regions", "/api/timeseries", "/api/sources",
        "/api/export", "/api/stats",
    } <= paths  # fmt: skip


def test_docs_load_only_local_assets(client):
    html = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in html
    assert "cdn." not in html and "https://" not in html.replace("https://www.geonames.org", "")
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200


@pytest.mark.parametrize(
    ("query", "field", "words"),
    [
        ("/api/claims?admin1=kaluga", "admin1", ["'kaluga'", "RU-KLU (Kaluga)"]),
        ("/api/events?admin1=Калужская", "admin1", ["RU-KLU (Kaluga)"]),
        ("/api/regions?admin1=RU-XXX", "admin1", ["'RU-XXX'", "no such region code"]),
        ("/api/claims?country=XX", "country", ["'XX'", "RU"]),
        ("/api/claims?admn1=RU-KLU", "admn1", ["unknown parameter", "did you mean admin1"]),
        ("/api/stats?limit=5", "limit", ["unknown parameter"]),
        ("/api/claims/1?verbose=1", "verbose", ["this endpoint takes none"]),
    ],
)
def test_bad_filter_values_and_unknown_parameters_are_refused(client, query, field, words):
    response = client.get(query)
    assert response.status_code == 422
    body = response.json()
    assert [e["field"] for e in body["errors"]] == [field]
    for word in words:
        assert word in body["detail"]


def test_a_region_code_in_any_case_is_accepted(client):
    assert len(client.get("/api/claims?admin1=ru-klu").json()["items"]) == 3


def test_dashboard_page_is_served(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "Contains data from GeoNames" in response.text
    assert "Made with Natural Earth" in response.text
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert "data-latest" not in response.text  # no preset window: the whole ledger first


def test_ingested_reports_are_reconciled_into_events_at_once(ingest_client):
    before = ingest_client.get("/api/events?admin1=RU-KRS").json()["items"]
    response = ingest_client.post("/api/reports", json=NEW_REPORT, headers=auth())
    assert response.status_code == 201 and response.json()["stored"] == 1
    after = ingest_client.get("/api/events?admin1=RU-KRS").json()["items"]
    assert len(after) > len(before)
    claim = ingest_client.get("/api/claims?admin1=RU-KRS").json()["items"][0]
    assert claim["event_id"] in {event["id"] for event in after}


@pytest.mark.parametrize("url", ["javascript:alert(1)", " JavaScript:alert(1)", "\tjavascript:x"])
def test_an_ingested_address_that_is_no_web_link_is_kept_as_text(ingest_client, url):
    report = {**NEW_REPORT, "id": "js", "text": "Two drones were shot down.", "source_url": url}
    [report_id] = ingest_client.post("/api/reports", json=report, headers=auth()).json()[
        "report_ids"
    ]
    stored = ingest_client.get(f"/api/reports/{report_id}").json()
    assert stored["url"] is None and stored["url_text"] == url.strip()


@pytest.mark.parametrize(
    ("method", "path", "csp_part"),
    [
        ("GET", "/", "script-src 'self';"),
        ("GET", "/docs", "script-src 'self' 'sha256-"),
        ("GET", "/openapi.json", "default-src 'none'"),
        ("GET", "/api/claims?limit=1", "default-src 'none'"),
        ("GET", "/api/claims/999999", "default-src 'none'"),  # 404
        ("GET", "/api/claims?limit=0", "default-src 'none'"),  # 422
        ("GET", "/api/export?format=csv", "default-src 'none'"),
        ("GET", "/static/app.js", "default-src 'none'"),
        ("POST", "/api/reports", "default-src 'none'"),  # 401
    ],
)
def test_every_response_carries_the_security_headers(gate_client, method, path, csp_part):
    response = gate_client.request(method, path)
    assert csp_part in response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "no-referrer"


def test_a_large_answer_travels_compressed_to_a_client_that_accepts_it(gate_client):
    from skyledger.api.app import STATIC

    shapes = (STATIC / "data" / "regions.geojson").read_bytes()
    packed = gate_client.get("/static/data/regions.geojson", headers={"Accept-Encoding": "gzip"})
    assert packed.headers["content-encoding"] == "gzip"
    assert packed.num_bytes_downloaded < len(shapes) / 2
    assert packed.content == shapes  # the client unpacks it
    assert packed.headers["x-content-type-options"] == "nosniff"
    plain = gate_client.get("/static/data/regions.geojson", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers and plain.content == shapes
    small = gate_client.get("/api/stats", headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in small.headers  # not worth it
