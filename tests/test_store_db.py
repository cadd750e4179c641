"""Opening a ledger (store/db.py): the busy timeout, SQLite file URLs, why a ledger failed."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError, InternalError, OperationalError, ProgrammingError

import generated_reports
from skyledger import ledger as ledger_module
from skyledger.ledger import Ledger
from skyledger.store.db import (
    BUSY_TIMEOUT_ENV,
    LedgerError,
    _postgres_lock_timeout,
    busy_timeout,
    condition,
    describe,
    ledger_url,
    sqlite_file,
)


@pytest.mark.parametrize(
    ("value", "seconds"),
    [(None, 30.0), ("", 30.0), (" 2 ", 2.0), ("0.25", 0.25), ("0", 0.0), ("86400", 86400.0)],
)
def test_busy_timeout_from_the_environment(monkeypatch, value, seconds):
    if value is None:
        monkeypatch.delenv(BUSY_TIMEOUT_ENV, raising=False)
    else:
        monkeypatch.setenv(BUSY_TIMEOUT_ENV, value)
    assert busy_timeout() == seconds


@pytest.mark.parametrize("value", ["soon", "-1", "1e9", "nan", "inf", "30s"])
def test_a_bad_busy_timeout_is_a_clear_error(monkeypatch, value):
    monkeypatch.setenv(BUSY_TIMEOUT_ENV, value)
    with pytest.raises(LedgerError, match=BUSY_TIMEOUT_ENV):
        busy_timeout()


@pytest.mark.parametrize(
    ("url", "milliseconds", "options"),
    [
        ("postgresql+psycopg://u@h/db", 30000, "-c lock_timeout=30000"),
        ("postgresql+psycopg://u@h/db", 0, "-c lock_timeout=1"),  # 0 would mean "forever"
        (
            "postgresql+psycopg://u@h/db?options=-csearch_path%3Ds1",
            500,
            "-csearch_path=s1 -c lock_timeout=500",
        ),
        ("postgresql+psycopg://u@h/db?options=-c%20lock_timeout%3D200", 500, None),  # URL wins
    ],
)
def test_postgres_gets_a_lock_timeout(url, milliseconds, options):
    found = _postgres_lock_timeout(make_url(url), milliseconds)
    assert found.get("options") == options


@pytest.mark.parametrize(
    ("url", "file"),
    [
        ("sqlite:///ledger.db", "ledger.db"),
        ("sqlite:////srv/data/ledger.db", "/srv/data/ledger.db"),
        ("sqlite:///file:/srv/data/ledger.db?mode=ro&uri=true", "/srv/data/ledger.db"),
        ("sqlite:///file:/srv/my%20data/l.db?immutable=1&uri=true", "/srv/my data/l.db"),
        ("sqlite://", None),
        ("sqlite:///:memory:", None),
        ("sqlite:///file::memory:?uri=true", None),
    ],
)
def test_sqlite_file_of_a_url(url, file):
    found = sqlite_file(make_url(url))
    assert found == (Path(file) if file else None)


def test_a_uri_ledger_makes_no_folder_named_file(tmp_path, monkeypatch):
    """Regression: `sqlite:///file:...?uri=true` created a `file:` folder in the cwd."""
    from skyledger.store.db import open_engine

    monkeypatch.chdir(tmp_path)
    open_engine(f"sqlite:///file:{tmp_path / 'sub' / 'l.db'}?uri=true").dispose()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sub"]
    assert (tmp_path / "sub" / "l.db").is_file()


class _PgError(Exception):
    def __init__(self, message: str, sqlstate: str):
        super().__init__(message)
        self.sqlstate = sqlstate


@pytest.mark.parametrize(
    ("error", "expected", "wording"),
    [
        (OperationalError("INSERT", {}, Exception("database is locked")), "locked", "locked"),
        (OperationalError("x", {}, Exception("database table is locked")), "locked", "locked"),
        (
            OperationalError("x", {}, _PgError("canceling statement due to lock timeout", "55P03")),
            "locked",
            "locked by another process",
        ),
        (
            OperationalError("x", {}, Exception("attempt to write a readonly database")),
            "read-only",
            "read-only",
        ),
        (
            InternalError("x", {}, _PgError("cannot execute INSERT in a read-only transaction", "25006")),
            "read-only",
            "read-only",
        ),
        (
            ProgrammingError("x", {}, _PgError("permission denied for table sources", "42501")),
            "read-only",
            "read-only",
        ),
        (OperationalError("x", {}, Exception("database or disk is full")), "full", "disk is full"),
        (
            OperationalError("x", {}, _PgError("could not extend file: No space left on device", "53100")),
            "full",
            "disk is full",
        ),
        (IntegrityError("x", {}, Exception("UNIQUE constraint failed: reports.id")), None, "UNIQUE"),
        (ProgrammingError("x", {}, _PgError('relation "nope" does not exist', "42P01")), None, "nope"),
    ],
)  # fmt: skip
def test_why_a_ledger_failed(monkeypatch, error, expected, wording):
    monkeypatch.setenv(BUSY_TIMEOUT_ENV, "2")
    assert condition(error) == expected
    text = describe(error)
    assert wording in text
    assert str(error.orig) in text  # the database's own words are kept
    if expected == "locked":
        assert "waited 2 s" in text and BUSY_TIMEOUT_ENV in text


@pytest.mark.parametrize(
    ("given", "url"),
    [
        ("sqlite:///ledger.db", "sqlite:///ledger.db"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
        ("sqlite:///:memory:", "sqlite:///:memory:"),
        ("/srv/data/ledger.db", "sqlite:////srv/data/ledger.db"),
    ],
)
def test_ledger_url_takes_urls_as_given_and_paths_as_sqlite_files(given, url):
    assert ledger_url(given) == url


def test_a_relative_path_is_a_file_in_the_working_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert ledger_url("ledger.db") == f"sqlite:///{tmp_path / 'ledger.db'}"


def analysed(url: str) -> bool:
    """Whether the ledger's claims table has statistics a manual ANALYZE left."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "postgresql":
                query = (
                    "SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables "
                    "WHERE relname = 'claims' AND schemaname = current_schema()"
                )
                return bool(conn.exec_driver_sql(query).scalar())
            query = "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'"
            if not conn.exec_driver_sql(query).scalar():
                return False
            query = "SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'claims'"
            return bool(conn.exec_driver_sql(query).scalar())
    finally:
        engine.dispose()


@pytest.mark.parametrize(("reports", "bulk_from", "fresh_statistics"), [(40, 30, True), (20, 30, False)])  # fmt: skip
def test_a_bulk_load_leaves_the_planner_fresh_statistics(
    db_url, tmp_path, monkeypatch, reports, bulk_from, fresh_statistics
):
    monkeypatch.setattr(ledger_module, "ANALYZE_AFTER", bulk_from)
    path = generated_reports.write_jsonl(tmp_path / "reports.jsonl", reports)
    with Ledger(db_url) as ledger:
        ledger.ingest([path])
    assert analysed(db_url) == fresh_statistics
