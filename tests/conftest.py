"""Shared fixtures: ledgers on both backends, and the CLI run as users run it."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import settings
from sqlalchemy import create_engine, text

# Property tests check what holds, not how fast: on a loaded machine a first example that
# loads time zones or dictionaries may take longer than Hypothesis's default 200 ms.
settings.register_profile("skyledger", deadline=None)
settings.load_profile("skyledger")

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
SHARED = ROOT.parent / "shared"
PG_ADMIN_URL = os.environ.get(
    "SKYLEDGER_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def _postgres_available() -> bool:
    try:
        engine = create_engine(PG_ADMIN_URL)
        with engine.connect() as conn:
            conn.execute(text("select 1"))
        engine.dispose()
        return True
    except Exception:
        return False


POSTGRES = _postgres_available()
REQUIRE_POSTGRES = os.environ.get("SKYLEDGER_REQUIRE_PG") == "1"


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'ledger.db'}"


@contextmanager
def postgres_schema() -> Iterator[str]:
    """The URL of a fresh schema in the `test` database, dropped afterwards (for fixtures
    of a wider scope than `new_postgres_url`)."""
    if not POSTGRES:
        if REQUIRE_POSTGRES:
            pytest.fail(f"PostgreSQL is required but not reachable at {PG_ADMIN_URL}")
        pytest.skip("PostgreSQL not reachable")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{PG_ADMIN_URL}?options=-csearch_path%3D{schema}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def new_postgres_url():
    """Make fresh schemas in the `test` database (each call a new URL), dropped afterwards."""
    if not POSTGRES:
        if REQUIRE_POSTGRES:
            pytest.fail(f"PostgreSQL is required but not reachable at {PG_ADMIN_URL}")
        pytest.skip("PostgreSQL not reachable")
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    schemas: list[str] = []

    def make() -> str:
        schema = f"t_{uuid.uuid4().hex[:12]}"
        with admin.connect() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        schemas.append(schema)
        return f"{PG_ADMIN_URL}?options=-csearch_path%3D{schema}"

    yield make
    with admin.connect() as conn:
        for schema in schemas:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture
def postgres_url(new_postgres_url) -> str:
    """A fresh schema in the `test` database, dropped afterwards."""
    return new_postgres_url()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path) -> str:
    """Run the test on both backends: a SQLite file and a PostgreSQL schema."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'ledger.db'}"
    return request.getfixturevalue("postgres_url")


def cli_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(SRC) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("SKYLEDGER_DB", None)
    env.update(extra)
    return env


@pytest.fixture
def run_cli(tmp_path):
    """Run `skyledger ARGS...` in a subprocess, as a user would; returns CompletedProcess."""

    def run(*args: str, input: str | None = None, env: dict | None = None, timeout: float = 300):
        return subprocess.run(
            [sys.executable, "-m", "skyledger", *args],
            input=input,
            capture_output=True,
            text=True,
            env=cli_env(
                HOME=str(tmp_path / "home"), XDG_DATA_HOME=str(tmp_path / "data"), **(env or {})
            ),
            cwd=tmp_path,
            timeout=timeout,
        )

    return run
