"""Reviews over the REST API (both backends): who may write, what the records carry."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from reconcile_cases import KALUGA, MOD, seeded
from skyledger.api import create_app
from skyledger.users import add_user

SERVER_TOKEN = "server-ingest-token"
WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


@pytest.fixture
def ledger_url(db_url):
    return seeded(db_url)


@pytest.fixture
def client(ledger_url, monkeypatch):
    monkeypatch.delenv("SKYLEDGER_TOKEN", raising=False)
    with TestClient(create_app(ledger_url, token=SERVER_TOKEN)) as test_client:
        engine = test_client.app.state.engine
        test_client.anna = add_user(engine, "anna")
        test_client.boris = add_user(engine, "boris", "admin")
        yield test_client


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def claim_of(client, claimant: str, claim_type: str = "destroyed", admin1="RU-KLU") -> dict:
    items = client.get("/api/claims?limit=100").json()["items"]
    return next(
        c
        for c in items
        if (c["claimant"], c["claim_type"], c["admin1"]) == (claimant, claim_type, admin1)
    )


def kaluga(client) -> dict:
    events = client.get("/api/events?admin1=RU-KLU&limit=100").json()["items"]
    return next(e for e in events if e["claim_type"] == "destroyed")


def write_routes(client) -> list[tuple[str, str]]:
    """Every route of the OpenAPI schema that changes the ledger."""
    paths = client.get("/openapi.json").json()["paths"]
    return sorted(
        (method.upper(), path)
        for path, operations in paths.items()
        for method in operations
        if method.upper() in WRITE_METHODS
    )


def test_every_write_route_refuses_requests_without_a_reviewer_token(client):
    routes = write_routes(client)
    assert ("POST", "/api/claims/{claim_id}/reviews") in routes
    assert ("POST", "/api/reports") in routes
    for method, path in routes:
        url = path.replace("{claim_id}", "1").replace("{report_id}", "1")
        for headers in ({}, bearer("not-a-token"), {"Authorization": "Basic abc"}):
            response = client.request(method, url, json={}, headers=headers)
            assert response.status_code == 401, (method, path, headers, response.text)
            assert response.headers["www-authenticate"] == "Bearer"


def test_the_server_token_belongs_to_nobody_and_cannot_review(client):
    governor = claim_of(client, KALUGA)
    response = client.post(
        f"/api/claims/{governor['id']}/reviews",
        json={"action": "confirm"},
        headers=bearer(SERVER_TOKEN),
    )
    assert response.status_code == 403


def test_a_reviewer_token_may_ingest(client):
    report = {"id": "r-1", "text": "Over Kursk Oblast 3 drones were shot down.", "lang": "en"}
    response = client.post("/api/reports", json=report, headers=bearer(client.anna))
    assert response.status_code == 201


def test_a_correction_over_the_api_changes_the_event_and_is_signed(client):
    governor = claim_of(client, KALUGA)
    assert governor["review_status"] == "unreviewed"
    response = client.post(
        f"/api/claims/{governor['id']}/reviews",
        json={"action": "correct", "fields": {"count": 28}, "note": "the post says 28"},
        headers=bearer(client.anna),
    )
    assert response.status_code == 201, response.text
    assert response.json()["claim"]["review_status"] == "corrected"
    event = kaluga(client)
    assert (event["low"], event["high"]) == (10, 28)
    now = client.get(f"/api/claims/{governor['id']}").json()
    assert (now["count"], now["review_status"], now["reviewer"]) == (28, "corrected", "anna")
    history = client.get(f"/api/claims/{governor['id']}/reviews").json()
    assert [(r["reviewer"], r["fields"], r["extracted"]["count"]) for r in history["items"]] == [
        ("anna", {"count": 28}, 11)
    ]


def test_a_rejected_claim_leaves_lists_exports_and_the_map(client):
    governor = claim_of(client, KALUGA)
    client.post(
        f"/api/claims/{governor['id']}/reviews",
        json={"action": "reject"},
        headers=bearer(client.anna),
    )
    ids = [c["id"] for c in client.get("/api/claims?limit=100").json()["items"]]
    assert governor["id"] not in ids
    exported = client.get("/api/export?format=csv").text
    assert all(KALUGA not in line or ",destroyed," not in line for line in exported.splitlines())
    regions = {r["admin1"]: r for r in client.get("/api/regions").json()["items"]}
    assert regions["RU-KLU"]["claims"] == 2
    event = client.get(f"/api/events/{kaluga(client)['id']}").json()
    assert [(c["claimant"], c["review_status"]) for c in event["claims"]] == [(MOD, "unreviewed")]
    # the record itself stays readable, with its status
    assert client.get(f"/api/claims/{governor['id']}").json()["review_status"] == "rejected"


def test_two_concurrent_reviewers_leave_two_rows_and_the_stale_one_gets_409(client):
    governor = claim_of(client, KALUGA)
    url = f"/api/claims/{governor['id']}/reviews"
    seen = governor["version"]
    first = client.post(
        url,
        json={"action": "correct", "fields": {"count": 12}, "version": seen},
        headers=bearer(client.anna),
    )
    second = client.post(
        url,
        json={"action": "correct", "fields": {"count": 13}, "version": seen},
        headers=bearer(client.boris),
    )
    assert first.status_code == 201
    assert second.status_code == 409
    assert second.json()["current"]["count"] == 12
    assert second.json()["current"]["version"] == seen + 1
    rows = client.get(url).json()["items"]
    assert [(r["reviewer"], r["status"]) for r in rows] == [("anna", "applied"), ("boris", "stale")]
    assert kaluga(client)["high"] == 12


def test_an_added_claim_joins_with_its_span(client):
    governor = claim_of(client, KALUGA)
    text = client.get(f"/api/claims/{governor['id']}").json()["report"]["text"]
    quote = "Nobody was hurt"
    start = text.index(quote)
    response = client.post(
        f"/api/reports/{governor['report_id']}/claims",
        json={
            "fields": {
                "claim_type": "damage",
                "claimant": KALUGA,
                "country": "RU",
                "admin1": "RU-KLU",
            },  # fmt: skip
            "span": [start, start + len(quote)],
        },
        headers=bearer(client.anna),
    )
    assert response.status_code == 201, response.text
    added = client.get(f"/api/claims/{response.json()['claim']['id']}").json()
    assert added["review_status"] == "added"
    assert added["evidence"]["claim"] == [start, start + len(quote)]
    assert added["report"]["text"][start : start + len(quote)] == quote


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"action": "correct", "fields": {"count": -1.5}}, 422),
        ({"action": "correct"}, 422),
        ({"action": "burn"}, 422),
    ],
)
def test_invalid_reviews_are_422(client, body, status):
    governor = claim_of(client, KALUGA)
    response = client.post(
        f"/api/claims/{governor['id']}/reviews", json=body, headers=bearer(client.anna)
    )
    assert response.status_code == status


def test_a_review_of_no_claim_is_404(client):
    response = client.post(
        "/api/claims/999999/reviews", json={"action": "confirm"}, headers=bearer(client.anna)
    )
    assert response.status_code == 404
    assert client.get("/api/claims/999999/reviews").status_code == 404


def test_reviews_are_in_the_openapi_schema(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"get", "post"} <= set(paths["/api/claims/{claim_id}/reviews"])
    assert "post" in paths["/api/reports/{report_id}/claims"]


def test_a_private_ledger_needs_a_token_to_read(ledger_url, monkeypatch):
    monkeypatch.delenv("SKYLEDGER_TOKEN", raising=False)
    with TestClient(create_app(ledger_url, token=SERVER_TOKEN, private=True)) as private:
        token = add_user(private.app.state.engine, "carla")
        assert private.get("/api/claims").status_code == 401
        assert private.get("/api/claims/1/reviews").status_code == 401
        assert private.get("/api/claims", headers=bearer(token)).status_code == 200
        assert private.get("/api/events", headers=bearer(SERVER_TOKEN)).status_code == 200
    with TestClient(create_app(ledger_url)) as public:
        assert public.get("/api/claims").status_code == 200


def test_the_queue_over_the_api_orders_by_need_and_counts_what_is_left(client):
    body = client.get("/api/reviews/queue?admin1=RU-KLU&limit=1").json()
    assert body["left"] == 3
    assert len(body["items"]) == 1
    assert "in a conflict" in body["items"][0]["reasons"]
