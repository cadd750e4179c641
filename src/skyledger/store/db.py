"""Opening a ledger: the database URL, the engine, and bringing the schema up to date."""

from __future__ import annotations

import os
import random
import time
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from platformdirs import user_data_dir
from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url

from skyledger.store import ENV_VAR

BUSY_TIMEOUT_ENV = "SKYLEDGER_BUSY_TIMEOUT"
DEFAULT_BUSY_TIMEOUT = 30.0  # seconds to wait for another writer's lock
QUERY_TIMEOUT_ENV = "SKYLEDGER_QUERY_TIMEOUT"
DEFAULT_QUERY_TIMEOUT = 10.0  # seconds a statement of the API may run
SQLITE_CHECK_EVERY = 50_000  # virtual machine steps between looks at the clock
MIGRATIONS = Path(__file__).parent / "migrations"
# One lock per schema, so that ledgers in other schemas migrate undisturbed.
MIGRATION_LOCK = text(
    "SELECT pg_advisory_xact_lock("
    "hashtextextended('skyledger migrations ' || coalesce(current_schema(), ''), 0))"
)


class LedgerError(Exception):
    """The ledger cannot be opened or written (locked, read-only, disk full, bad URL)."""


class MissingLedger(LedgerError):
    """A command that only reads was pointed at a ledger that does not exist."""


def ledger_url(value: str) -> str:
    """A SQLAlchemy URL as given; a plain file path ("ledger.db") as the SQLite file it names."""
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().absolute()}"


def default_url() -> str:
    """`SKYLEDGER_DB`, else a SQLite file in the user's data directory."""
    if os.environ.get(ENV_VAR):
        return os.environ[ENV_VAR]
    folder = Path(user_data_dir("skyledger", appauthor=False))
    return f"sqlite:///{folder / 'ledger.db'}"


def busy_timeout() -> float:
    """Seconds to wait for a lock another process holds: $SKYLEDGER_BUSY_TIMEOUT, else 30."""
    return _seconds_from(BUSY_TIMEOUT_ENV, DEFAULT_BUSY_TIMEOUT, zero_allowed=True)


def query_timeout() -> float:
    """Seconds a statement of the API may run: $SKYLEDGER_QUERY_TIMEOUT, else 10."""
    return _seconds_from(QUERY_TIMEOUT_ENV, DEFAULT_QUERY_TIMEOUT, zero_allowed=False)


def _seconds_from(name: str, default: float, zero_allowed: bool) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        seconds = float(raw)
    except ValueError:
        seconds = -1.0
    above_lowest = seconds >= 0 if zero_allowed else seconds > 0
    if not above_lowest or seconds > 86_400:
        bounds = "0 to 86400" if zero_allowed else "over 0, up to 86400"
        raise LedgerError(f"{name} must be a number of seconds ({bounds}), not {raw!r}")
    return seconds


def bound_statements(engine: Engine, seconds: float) -> None:
    """Stop every statement of `engine` that runs longer than `seconds`.

    PostgreSQL stops it itself (statement_timeout); SQLite is asked by a progress handler
    every few thousand steps whether its time is up. A streamed result (an export) is
    bounded on PostgreSQL fetch by fetch and not at all on SQLite, where its fetches
    are steps of the one statement. Connections already pooled are closed, so every
    connection from now on carries the bound.
    """
    if engine.dialect.name == "postgresql":
        milliseconds = max(1, int(seconds * 1000))

        def set_timeout(dbapi_connection, _record) -> None:
            autocommit = dbapi_connection.autocommit
            dbapi_connection.autocommit = True
            with dbapi_connection.cursor() as cursor:
                cursor.execute(f"SET statement_timeout = {milliseconds}")
            dbapi_connection.autocommit = autocommit

        event.listen(engine, "connect", set_timeout)
    elif engine.dialect.name == "sqlite":

        def watch(dbapi_connection, record) -> None:
            def past_deadline() -> int:
                deadline = record.info.get("deadline")
                return int(deadline is not None and time.monotonic() > deadline)

            dbapi_connection.set_progress_handler(past_deadline, SQLITE_CHECK_EVERY)

        def start_clock(conn, _cursor, _statement, _parameters, context, _executemany) -> None:
            streamed = context is not None and (
                context.execution_options.get("stream_results")
                or context.execution_options.get("yield_per")
            )
            conn.info["deadline"] = None if streamed else time.monotonic() + seconds

        event.listen(engine, "connect", watch)
        event.listen(engine, "before_cursor_execute", start_clock)
    engine.dispose()


LEDGER_TABLES = ("sources", "reports", "claims", "events")


def analyze(engine: Engine) -> None:
    """Refresh the planner's statistics of the ledger's tables (after a bulk load, before
    autovacuum would). SQLite samples at most a thousand rows an index, so this takes
    moments on any size."""
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("ANALYZE " + ", ".join(LEDGER_TABLES))
    elif engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA analysis_limit = 1000")
            for table in LEDGER_TABLES:
                conn.exec_driver_sql(f"ANALYZE {table}")
            conn.commit()


def timed_out(exc: BaseException) -> bool:
    """Whether the database stopped a statement for running past its bound."""
    state = getattr(getattr(exc, "orig", None), "sqlstate", None)
    return state == "57014" or _reason(exc) == "interrupted"


def _sqlite_pragmas(milliseconds: int):
    def apply(dbapi_connection, _record) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={milliseconds}")
        cursor.close()

    return apply


def sqlite_file(parsed: URL) -> Path | None:
    """The file a SQLite URL names: a plain path, or a `file:` URI (`?uri=true`)."""
    database = parsed.database
    if not database or database == ":memory:":
        return None
    if parsed.query.get("uri") in ("true", "1") and database.startswith("file:"):
        path = unquote(urlsplit(database).path)
        return Path(path).expanduser() if path and path != ":memory:" else None
    return Path(database).expanduser()


def _postgres_lock_timeout(parsed: URL, milliseconds: int) -> dict:
    """libpq options with a lock timeout, unless the URL sets its own."""
    options = parsed.query.get("options", "")
    if isinstance(options, tuple):
        options = " ".join(options)
    if "lock_timeout" in options:
        return {}
    # PostgreSQL reads 0 as "wait forever": the nearest to "do not wait" is 1 ms.
    return {"options": f"{options} -c lock_timeout={max(milliseconds, 1)}".strip()}


def create(url: str | None = None) -> Engine:
    """An engine for `url` (SQLAlchemy URL); SQLite files get WAL and foreign keys.

    Both backends wait `busy_timeout()` seconds for another process's lock, then fail.
    """
    url = ledger_url(url or default_url())
    try:
        parsed = make_url(url)
    except Exception as exc:  # sqlalchemy raises ArgumentError with a terse message
        raise LedgerError(f"not a database URL: {url!r}") from exc
    milliseconds = int(busy_timeout() * 1000)
    if parsed.get_backend_name() == "sqlite":
        file = sqlite_file(parsed)
        if file is not None and parsed.query.get("mode") != "ro":
            file.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, connect_args={"timeout": milliseconds / 1000})
        event.listen(engine, "connect", _sqlite_pragmas(milliseconds))
    elif parsed.get_backend_name() == "postgresql":
        engine = create_engine(
            parsed, pool_pre_ping=True, connect_args=_postgres_lock_timeout(parsed, milliseconds)
        )
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
    SQLite answers "locked" at once, without waiting, where waiting could deadlock (a
    reader of a new file asking to switch it to WAL while another does the same); such
    an attempt is made again until the busy timeout has passed.
    """
    deadline = time.monotonic() + busy_timeout()
    while True:
        try:
            return _upgrade_once(engine)
        except Exception as exc:
            if condition(exc) != "locked" or time.monotonic() >= deadline:
                raise
            time.sleep(random.uniform(0.02, 0.2))


def _upgrade_once(engine: Engine) -> None:
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


def open_engine(url: str | None = None, *, create_missing: bool = True) -> Engine:
    """Create the engine and make sure the schema is current.

    With `create_missing=False` a ledger that does not exist yet is MissingLedger, not
    made: a mistyped path must not read as an empty ledger.
    """
    if not create_missing:
        _refuse_missing_file(ledger_url(url or default_url()))
    try:
        engine = create(url)
    except LedgerError:
        raise
    except Exception as exc:  # unknown dialect, missing driver, a folder that cannot be made
        raise LedgerError(f"cannot open ledger {url!r}: {describe(exc)}") from exc
    if not create_missing:
        _refuse_empty_database(engine)
    try:
        upgrade(engine)
    except Exception as exc:
        engine.dispose()
        reason = describe(exc) + _read_only_folder(engine)
        raise LedgerError(f"cannot open ledger {engine.url!r}: {reason}") from exc
    return engine


MISSING_HINT = "make one with `skyledger ingest FILE...` or `skyledger demo`"


def _refuse_missing_file(url: str) -> None:
    try:
        parsed = make_url(url)
    except Exception:
        return  # create() names the bad URL
    if parsed.get_backend_name() != "sqlite":
        return
    file = sqlite_file(parsed)
    if file is not None and not file.is_file():
        raise MissingLedger(f"no ledger at {file}; {MISSING_HINT}")


def _refuse_empty_database(engine: Engine) -> None:
    """A server database (or SQLite file) that holds no ledger schema: nothing to read."""
    try:
        with engine.connect() as conn:
            present = inspect(conn).has_table("alembic_version")
    except Exception:
        return  # unreachable or locked: upgrade() says why
    if not present:
        where = engine.url.render_as_string(hide_password=True)
        engine.dispose()
        raise MissingLedger(f"no ledger at {where}; {MISSING_HINT}")


def _read_only_folder(engine: Engine) -> str:
    """Why SQLite cannot open a ledger file that is there: its folder cannot be written."""
    if engine.dialect.name != "sqlite":
        return ""
    file = sqlite_file(engine.url)
    if file is None or not file.is_file() or os.access(file.parent, os.W_OK):
        return ""
    return (
        "; its folder is read-only and a WAL ledger keeps a -shm file beside it: "
        f"read it with sqlite:///file:{file}?immutable=1&uri=true"
    )


def _reason(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc)
    return text.splitlines()[0] if text else type(exc).__name__


# What the database said, by SQLite message or PostgreSQL SQLSTATE, and what it means.
_LOCKED = ("database is locked", "database table is locked")
_READ_ONLY = ("readonly database", "read-only")
_FULL = ("database or disk is full", "no space left on device")
_PG_CONDITIONS = {"55P03": "locked", "25006": "read-only", "42501": "read-only", "53100": "full"}


def condition(exc: BaseException) -> str | None:
    """'locked', 'read-only' or 'full' when that is why the ledger failed, else None."""
    state = getattr(getattr(exc, "orig", None), "sqlstate", None)
    if state in _PG_CONDITIONS:
        return _PG_CONDITIONS[state]
    text = _reason(exc).lower()
    for name, phrases in (("locked", _LOCKED), ("read-only", _READ_ONLY), ("full", _FULL)):
        if any(phrase in text for phrase in phrases):
            return name
    return None


def describe(exc: BaseException) -> str:
    """The database's own reason, with what to do about it when the condition is known."""
    reason = _reason(exc)
    found = condition(exc)
    if found == "locked":
        return (
            f"the ledger is locked by another process ({reason}); "
            f"waited {busy_timeout():g} s, set {BUSY_TIMEOUT_ENV} to wait longer"
        )
    if found == "read-only":
        return f"the ledger is read-only ({reason})"
    if found == "full":
        return f"the disk is full ({reason})"
    return reason
