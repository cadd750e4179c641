"""Oversized and malformed requests, writes without the token, exports outside their folder.

Every bad request gets a 4xx with a message, never a 5xx. Bodies over the limit are
refused whether Content-Length tells the truth, lies or is missing (chunked): those
rows speak raw HTTP to a real `skyledger serve` on 127.0.0.1, since a test client always
sends an honest length. Writes need the bearer token (401 without or with a wrong one,
403 while no token is configured) and leave the ledger as it was; reads stay public; a
ledger that cannot be written answers 503. Export paths may not leave
SKYLEDGER_EXPORT_DIR (or --base-dir) by `..`, an absolute path or a symlink; the API's
export streams its body and takes no path at all.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from conftest import cli_env
from skyledger import Ledger
from skyledger.api import create_app
from skyledger.api.limits import MAX_BODY_BYTES
from skyledger.cli import cli
from test_web_browser import free_port

TOKEN = "s3cret-token"
REPORT = {"id": "r1", "text": "Over Kursk Oblast 5 drones were shot down overnight.", "lang": "en"}
JSON = {"Content-Type": "application/json"}


def auth(token: str = TOKEN) -> dict:
    return {"Authorization": f"Bearer {token}"}


def reports_in(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM reports")).scalar_one()
    finally:
        engine.dispose()


@pytest.fixture
def gate(sqlite_url, monkeypatch):
    """Requests refused before the store is touched: one backend is enough."""
    monkeypatch.delenv("SKYLEDGER_TOKEN", raising=False)
    with TestClient(create_app(sqlite_url, token=TOKEN), raise_server_exceptions=False) as client:
        yield client


# -- malformed bodies -----------------------------------------------------------------------

BODIES = [
    ("invalid JSON", b"{not json", JSON, 422),
    ("truncated JSON", b'{"id": 1, "text": "x', JSON, 422),
    ("empty body", b"", JSON, 422),
    ("JSON null", b"null", JSON, 422),
    ("a bare string", b'"text"', JSON, 422),
    ("a list of numbers", b"[1, 2, 3]", JSON, 422),
    ("no content type", json.dumps(REPORT).encode(), {}, 422),
    ("text/plain", json.dumps(REPORT).encode(), {"Content-Type": "text/plain"}, 422),
    ("a form", b"id=1&text=x", {"Content-Type": "application/x-www-form-urlencoded"}, 422),
    ("XML", b"<report><id>1</id></report>", {"Content-Type": "application/xml"}, 422),
    ("a lone surrogate", b'{"id": 1, "text": "\\ud800"}', JSON, 422),
    ("text that is not UTF-8", b'{"id": 1, "text": "\xff\xfe"}', JSON, 400),
    ("a 5000-digit id", b'{"id": ' + b"9" * 5000 + b', "text": "x"}', JSON, 400),
    ("lists nested 100,000 deep", b"[" * 100_000 + b"]" * 100_000, JSON, 400),
    ("objects nested 50,000 deep", b'{"a":' * 50_000 + b"1" + b"}" * 50_000, JSON, 400),
]  # fmt: skip


@pytest.mark.parametrize(("body", "headers", "status"), [row[1:] for row in BODIES], ids=[row[0] for row in BODIES])  # fmt: skip
def test_malformed_bodies_are_refused_with_a_message(gate, body, headers, status):
    response = gate.post("/api/reports", content=body, headers={**auth(), **headers})
    assert response.status_code == status, response.text[:300]
    assert response.json()["detail"]


QUERIES = [
    ("/api/claims?limit=-1", "limit"),
    ("/api/claims?limit=0", "limit"),
    ("/api/claims?limit=501", "limit"),
    ("/api/claims?limit=" + "9" * 40, "limit"),
    ("/api/claims?limit=1.5", "limit"),
    ("/api/claims?limit=NaN", "limit"),
    ("/api/places?limit=10001", "limit"),
    ("/api/sources?days=0", "days"),
    ("/api/sources?days=367", "days"),
    ("/api/claims?cursor=!!!", "cursor"),
    ("/api/claims?cursor=" + "A" * 201, "cursor"),
    ("/api/claims?cursor=azE6LTU", "cursor"),  # "k1:-5"
    ("/api/claims?cursor=azE6OTk5OTk5OTk5OTk5OTk5OTk5OTk5", "cursor"),  # past the id range
    ("/api/reports?cursor=eDoxMA", "cursor"),  # "x:10", not ours
    ("/api/events?cursor=%00", "cursor"),
    ("/api/claims?since=10000-01-01", "since"),
    ("/api/claims?until=2026-13-40", "until"),
    ("/api/claims?q=" + "word " * 101, "q"),
    ("/api/claims?claimant=" + "c" * 301, "claimant"),
    ("/api/claims?admin1=" + "X" * 9, "admin1"),
    ("/api/claims/-1", "claim_id"),
    ("/api/reports/" + "9" * 30, "report_id"),
    ("/api/events/1e3", "event_id"),
    ("/api/export?format=../../etc/passwd", "format"),
]


@pytest.mark.parametrize(("url", "field"), QUERIES)
def test_bad_query_values_are_422(gate, url, field):
    response = gate.get(url)
    assert response.status_code == 422, response.text[:300]
    assert field in response.json()["detail"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/claims?weapon=uav&weapon=missile",
        "/api/claims?since=0001-01-01T00:00:00%2B14:00",
        "/api/claims?until=9999-12-31T23:59:59-14:00",
        "/api/claims?since=2026-12-01&until=2026-01-01",
        "/api/timeseries?since=2026-12-01&until=2026-01-01",
    ],
)
def test_odd_but_valid_queries_answer_200(gate, url):
    response = gate.get(url)
    assert response.status_code == 200, response.text[:300]


@pytest.mark.parametrize(
    "url",
    ["/api/claims?unknown=1", "/api/claims?" + "&".join(f"p{n}=1" for n in range(2000))],
)
def test_parameters_an_endpoint_does_not_take_are_422_naming_them(gate, url):
    response = gate.get(url)
    assert response.status_code == 422, response.text[:300]
    assert "unknown parameter" in response.json()["detail"]


@pytest.mark.parametrize(
    ("claimant", "stored"),
    [
        (
            "Governor\x00 of Kursk Oblast",
            "Governor of Kursk Oblast",
        ),  # regression: 503 on PostgreSQL
        ("\x00", None),
        (None, None),
    ],
)
def test_nul_in_a_claimant_is_dropped(db_url, monkeypatch, claimant, stored):
    monkeypatch.delenv("SKYLEDGER_TOKEN", raising=False)
    with TestClient(create_app(db_url, token=TOKEN)) as client:
        response = client.post(
            "/api/reports", json={**REPORT, "claimant": claimant}, headers=auth()
        )
        assert response.status_code == 201, response.text
        assert response.json()["stored"] == 1
    engine = create_engine(db_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT claimant FROM sources")).scalars().all() == [stored]
    engine.dispose()


def test_a_report_over_one_megabyte_is_413(gate):
    response = gate.post("/api/reports", json={"id": 1, "text": "x" * 1_000_001}, headers=auth())
    assert response.status_code == 413
    assert "1000000 bytes" in response.json()["detail"]


# -- raw HTTP to a real server --------------------------------------------------------------


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`skyledger serve` on 127.0.0.1 with the token t0ken, for the whole module."""
    folder = tmp_path_factory.mktemp("serve")
    port = free_port()
    (folder / "token").write_text("t0ken\n", encoding="utf-8")
    command = ["serve", "--port", str(port), "--db", f"sqlite:///{folder / 'l.db'}", "--token-file", str(folder / "token")]  # fmt: skip
    process = subprocess.Popen(
        [sys.executable, "-m", "skyledger", *command],
        env=cli_env(HOME=str(folder)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while raw_request(base, b"GET /api/stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")[0] != 200:  # fmt: skip
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail("skyledger serve did not start")
        time.sleep(0.2)
    yield base
    process.terminate()
    process.wait(timeout=10)


def raw_request(base: str, head: bytes, body: list[bytes] = ()) -> tuple[int, bytes]:
    """Send `head` and then `body` chunks as they are; the status code and the reply
    (0 when nothing answers)."""
    address = urlsplit(base)
    try:
        conn = socket.create_connection((address.hostname, address.port), timeout=30)
    except ConnectionRefusedError:
        return 0, b""
    with conn:
        conn.sendall(head)
        for chunk in body:
            try:
                conn.sendall(chunk)
            except OSError:  # the server answered and closed: the rest is not read
                break
        reply = b""
        while True:
            try:
                data = conn.recv(65536)
            except ConnectionResetError:
                break
            if not data:
                break
            reply += data
    status = int(reply.split(b" ", 2)[1]) if reply.startswith(b"HTTP/1.1 ") else 0
    return status, reply


POST = (
    b"POST /api/reports HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer t0ken\r\n"
    b"Content-Type: application/json\r\nConnection: close\r\n"
)
MEGABYTE = b" " * (1 << 20)
RAW = [
    ("chunked, no length, 3 MB", POST + b"Transfer-Encoding: chunked\r\n\r\n", [b"100000\r\n" + MEGABYTE + b"\r\n"] * 3 + [b"0\r\n\r\n"], 413),
    ("a length of 100 GB", POST + b"Content-Length: 100000000000\r\n\r\n", [b"{}"], 413),
    ("a length just over the limit", POST + b"Content-Length: %d\r\n\r\n" % (MAX_BODY_BYTES + 1), [b"{}"], 413),
    ("2 MB sent under a 2 MB length", POST + b"Content-Length: 2000000\r\n\r\n", [MEGABYTE, MEGABYTE], 413),
    ("a negative length", POST + b"Content-Length: -1\r\n\r\n", [b"{}"], 400),
    ("a length that is not a number", POST + b"Content-Length: lots\r\n\r\n", [b"{}"], 400),
    ("two different lengths", POST + b"Content-Length: 2\r\nContent-Length: 5\r\n\r\n", [b"{}"], 400),
    ("a 100 kB query string", b"GET /api/claims?q=" + b"a" * 100_000 + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", [], 422),
    ("not HTTP at all", b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + b"\x00" * 64, [], 400),
]  # fmt: skip


@pytest.mark.parametrize(("head", "body", "status"), [row[1:] for row in RAW], ids=[row[0] for row in RAW])  # fmt: skip
def test_raw_requests_to_a_real_server(server, head, body, status):
    found, reply = raw_request(server, head, body)
    assert found == status, reply[:300]
    if status == 413:
        assert b"request body over" in reply
    assert raw_request(server, b"GET /api/stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")[0] == 200  # fmt: skip


# -- the token ------------------------------------------------------------------------------

TOKENS = [
    (TOKEN, {}, 401),
    (TOKEN, auth("wrong"), 401),
    (TOKEN, auth(TOKEN + "x"), 401),
    (TOKEN, auth(TOKEN[:-1]), 401),
    (TOKEN, {"Authorization": TOKEN}, 401),  # no scheme
    (TOKEN, {"Authorization": f"Basic {TOKEN}"}, 401),
    (TOKEN, {"Authorization": "Bearer "}, 401),
    (TOKEN, {"X-Token": TOKEN}, 401),
    (TOKEN, {"Authorization": f"bearer {TOKEN}"}, 201),  # the scheme is case-insensitive
    (TOKEN, auth(), 201),
    (None, {}, 403),
    (None, auth(TOKEN), 403),
    (None, auth(""), 403),
]


@pytest.mark.parametrize(("configured", "headers", "status"), TOKENS)
def test_writes_need_the_configured_token(db_url, monkeypatch, configured, headers, status):
    monkeypatch.delenv("SKYLEDGER_TOKEN", raising=False)
    with TestClient(create_app(db_url, token=configured)) as client:
        response = client.post("/api/reports", json=REPORT, headers=headers)
        assert response.status_code == status, response.text
        assert reports_in(db_url) == (1 if status == 201 else 0)
        if status == 401:
            assert response.headers["www-authenticate"] == "Bearer"
        for read in ("/api/claims", "/api/reports", "/api/stats", "/api/export?format=csv", "/"):
            assert client.get(read).status_code == 200, read  # reads stay public


def test_a_token_in_the_query_string_is_not_a_token(gate):
    response = gate.post(f"/api/reports?token={TOKEN}&access_token={TOKEN}", json=REPORT)
    assert response.status_code == 401


def read_only(db_url: str) -> str:
    if db_url.startswith("sqlite"):
        return f"sqlite:///file:{db_url.removeprefix('sqlite:///')}?mode=ro&uri=true"
    return db_url + "%20-cdefault_transaction_read_only%3Don"


def test_a_ledger_that_cannot_be_written_answers_503(db_url, monkeypatch):
    monkeypatch.delenv("SKYLEDGER_TOKEN", raising=False)
    Ledger(db_url).close()  # the schema exists; from now on the ledger is only read
    with TestClient(create_app(read_only(db_url), token=TOKEN)) as client:
        response = client.post("/api/reports", json=REPORT, headers=auth())
        assert response.status_code == 503
        assert "read-only" in response.json()["detail"]
        assert client.get("/api/claims").status_code == 200
    assert reports_in(db_url) == 0


# -- export paths ---------------------------------------------------------------------------


@pytest.fixture
def export_dir(tmp_path, sqlite_url):
    """An export folder, a folder beside it and links from one to the other."""
    Ledger(sqlite_url).close()
    inside, outside = tmp_path / "exports", tmp_path / "elsewhere"
    inside.mkdir()
    outside.mkdir()
    (inside / "out").symlink_to(outside)
    (inside / "claims-link.csv").symlink_to(outside / "claims.csv")
    (inside / "sub").mkdir()
    (inside / "sub" / "up").symlink_to(tmp_path)
    (inside / "here").symlink_to(inside / "sub")
    return inside, outside


EXPORT_PATHS = [
    ("claims.csv", "claims.csv"),
    ("sub/claims.csv", "sub/claims.csv"),
    ("here/claims.csv", "sub/claims.csv"),  # a link that stays inside is fine
    ("./sub/../claims.csv", "claims.csv"),
    ("../claims.csv", None),
    ("../elsewhere/claims.csv", None),
    ("sub/../../claims.csv", None),
    ("{outside}/claims.csv", None),  # absolute
    ("/tmp/claims.csv", None),
    ("out/claims.csv", None),  # a folder link pointing out
    ("claims-link.csv", None),  # a file link pointing out
    ("sub/up/claims.csv", None),
    ("~/claims.csv", "~/claims.csv"),  # no home folder inside an export folder
    (".", None),
]


@pytest.mark.parametrize("how", ["environment", "option"])
@pytest.mark.parametrize(("path", "written"), EXPORT_PATHS)
def test_export_paths_stay_in_the_export_dir(sqlite_url, export_dir, tmp_path, how, path, written):
    inside, outside = export_dir
    path = path.format(outside=outside)
    args = ["export", "--db", sqlite_url, "-o", path]
    env = {"SKYLEDGER_EXPORT_DIR": str(inside)} if how == "environment" else {}
    if how == "option":
        args += ["--base-dir", str(inside)]
    before = files_under(tmp_path)
    result = CliRunner().invoke(cli, args, prog_name="skyledger", env={"HOME": str(tmp_path / "home"), **env})  # fmt: skip
    new = files_under(tmp_path) - before
    if written is None:
        assert result.exit_code == 2, result.output
        assert "outside the export directory" in result.stderr
        assert new == set()  # nothing written anywhere
    else:
        assert result.exit_code == 0, result.output
        assert new == {inside / written}
    assert list(outside.iterdir()) == []


def files_under(folder: Path) -> set[Path]:
    """Regular files, links not followed (one link here points back up)."""
    return {
        Path(root) / name
        for root, _dirs, names in os.walk(folder)
        for name in names
        if (Path(root) / name).is_file() and not (Path(root) / name).is_symlink()
    }


def test_the_api_export_takes_no_path(gate):
    refused = gate.get("/api/export?format=csv&output=../../x.csv&path=/etc/passwd&o=/tmp/x")
    assert refused.status_code == 422 and "unknown parameter" in refused.json()["detail"]
    response = gate.get("/api/export?format=csv")
    assert response.headers["content-disposition"] == 'attachment; filename="skyledger-claims.csv"'
    assert response.text.startswith("id,")
