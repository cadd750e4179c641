"""Opening a ledger: the database URL, the engine, and bringing the schema up to date."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from platformdirs import user_data_dir
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url

ENV_VAR = "SKYLEDGER_DB"
MIGRATIONS = Path(__file__).parent / "migrations"
# One lock per schema, so that ledgers in other schemas migrate undisturbed.
MIGRATION_LOCK = text(
    "SELECT pg_advisory_xact_lock("
    "hashtextextended('skyledger migrations ' || coalesce(current_schema(), ''), 0))"
)


class LedgerError(Exception):
    """The ledger cannot be opened or written (locked, read-only, disk full, bad URL)."""


def default_url() -> str:
    """`SKYLEDGER_DB`, else a SQLite file in the user's data directory."""
    if os.environ.get(ENV_VAR):
        return os.environ[ENV_VAR]
    folder = Path(user_data_dir("skyledger", appauthor=False))
    return f"sqlite:///{folder / 'ledger.db'}"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def create(url: str | None = None) -> Engine:
    """An engine for `url` (SQLAlchemy URL); SQLite files get WAL and foreign keys."""
    url = url or default_url()
    try:
        parsed = make_url(url)
    except Exception as exc:  # sqlalchemy raises ArgumentError with a terse message
        raise LedgerError(f"not a database URL: {url!r}") from exc
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(parsed, pool_pre_ping=True)
    return engine


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


@cache
def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config(None)).get_current_head()


def upgrade(engine: Engine) -> None:
    """Apply every migration the ledger lacks (no-op when it is current).

    Processes opening a new ledger at once take turns: each migrates inside one
    transaction that first takes the migration lock, so the first builds the schema
    and the others, once let in, find it current (alembic reads the revision again).
    """
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    if current == head_revision():
        return
    with engine.begin() as conn:
        lock_for_migration(conn)
        config = alembic_config(engine)
        config.attributes["connection"] = conn
        command.upgrade(config, "head")


def lock_for_migration(conn: Connection) -> None:
    """Hold, until the transaction ends, the lock that lets one process at a time migrate:
    an advisory lock per schema on PostgreSQL, the database's write lock on SQLite."""
    if conn.dialect.name == "postgresql":
        conn.execute(MIGRATION_LOCK)
    elif conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE")  # waits up to the busy timeout


def open_engine(url: str | None = None) -> Engine:
    """Create the engine and make sure the schema is current."""
    try:
        engine = create(url)
    except LedgerError:
        raise
    except Exception as exc:  # unknown dialect, missing driver, a folder that cannot be made
        raise LedgerError(f"cannot open ledger {url!r}: {_reason(exc)}") from exc
    try:
        upgrade(engine)
    except Exception as exc:
        engine.dispose()
        raise LedgerError(f"cannot open ledger {engine.url!r}: {_reason(exc)}") from exc
    return engine


def _reason(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc)
    return text.splitlines()[0] if text else type(exc).__name__
