"""A ledger that is locked, read-only or full: a clear error, exit 1, nothing half-written.

Every command runs as users run it (`python -m skyledger ...` in a subprocess). What was
stored before the fault stays whole, and the same command run again once the fault is
gone completes the work without doubling anything.

The tests run as root, where file modes do not stop writes: a read-only ledger is a
SQLite `mode=ro` URI, a tmpfs remounted read-only, or a PostgreSQL session or role that
may only read. A full disk is a real one: a small tmpfs mounted in a private mount
namespace (`unshare -m`), so SQLite meets ENOSPC (SQLITE_FULL) where users would. The
PostgreSQL server's own disk is out of the tests' reach; its "disk full" SQLSTATE is a
row of tests/test_store_db.py.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, text

from conftest import PG_ADMIN_URL, cli_env
from skyledger import Ledger
from skyledger.cli import cli
from test_cli_kill import CLAIMS_EACH, SITECUSTOMIZE

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "skyledger" / "samples"

QUICK = {"SKYLEDGER_BUSY_TIMEOUT": "0.2"}  # a lock is given up at once, not after 30 s
TABLES = ("reports", "claims", "sources", "events")
NEW_REPORTS = [
    {"id": "n1", "text": "Над Курской областью сбиты 4 беспилотника.", "lang": "ru"},
    {"id": "n2", "text": "Over Sumy Oblast 2 drones were shot down overnight.", "lang": "en"},
]


def write_jsonl(path: Path, items: list[dict]) -> Path:
    path.write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items))
    return path


def counts(db_url: str) -> dict[str, int]:
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            return {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in TABLES}
    finally:
        engine.dispose()


def invoke(*args: str, env: dict | None = None):
    """The command in this process (the subprocess start-up would cost more than the test)."""
    return CliRunner().invoke(cli, list(args), prog_name="skyledger", env=env)


@pytest.fixture
def stored(tmp_path, db_url, monkeypatch):
    """A ledger holding the bundled samples, and new.jsonl in the working folder; returns
    the ledger's URL and what it holds."""
    with Ledger(db_url) as ledger:
        assert ledger.ingest([SAMPLES]).stored > 10
    write_jsonl(tmp_path / "new.jsonl", NEW_REPORTS)
    monkeypatch.chdir(tmp_path)
    return db_url, counts(db_url)


def sqlite_path(db_url: str) -> str:
    return db_url.removeprefix("sqlite:///")


# -- locked ---------------------------------------------------------------------------------


def hold_write_lock(path: str) -> sqlite3.Connection:
    """Another writer mid-transaction: readers go on (WAL), writers must wait."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE sources SET claimant = claimant")
    return conn


def hold_exclusive_lock(path: str) -> sqlite3.Connection:
    """A connection in exclusive locking mode: nobody else may even read."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA locking_mode=EXCLUSIVE")
    conn.execute("BEGIN EXCLUSIVE")
    return conn


@pytest.mark.parametrize(
    ("lock", "command", "message"),
    [
        (hold_write_lock, ["ingest", "new.jsonl"], "error: cannot write to the ledger: the ledger is locked"),
        (hold_write_lock, ["sources", "add", "rss", "https://feeds.example/a.xml"], "error: cannot use the ledger: the ledger is locked"),
        (hold_exclusive_lock, ["ingest", "new.jsonl"], "error: cannot open ledger"),
        (hold_exclusive_lock, ["stats"], "error: cannot open ledger"),
    ],
)  # fmt: skip
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_locked_sqlite_ledger(stored, lock, command, message):
    db_url, before = stored
    holder = lock(sqlite_path(db_url))
    try:
        started = time.monotonic()
        result = invoke(*command, "--db", db_url, env=QUICK)
        waited = time.monotonic() - started
    finally:
        holder.close()  # rolls back and lets go
    assert result.exit_code == 1, result.stdout
    assert result.stderr.startswith(message), result.stderr
    assert "locked" in result.stderr and "SKYLEDGER_BUSY_TIMEOUT" in result.stderr
    assert "Traceback" not in result.stderr
    assert waited < 20  # the 0.2 s timeout, not the default 30 s
    assert counts(db_url) == before
    again = invoke(*command, "--db", db_url, env=QUICK)
    assert again.exit_code == 0, again.stderr


@pytest.mark.parametrize(("timeout", "held_for", "exit_code"), [("0.2", None, 1), ("30", 1.5, 0)])
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_the_busy_timeout_is_how_long_a_writer_waits(stored, timeout, held_for, exit_code):
    """A lock held past the timeout fails the write; one let go in time is waited out."""
    db_url, before = stored
    holder = hold_write_lock(sqlite_path(db_url))
    release = threading.Timer(held_for or 0, lambda: holder.execute("ROLLBACK"))
    if held_for:
        release.start()
    started = time.monotonic()
    try:
        result = invoke(
            "ingest", "new.jsonl", "--db", db_url, env={"SKYLEDGER_BUSY_TIMEOUT": timeout}
        )
    finally:
        release.join() if held_for else None
        holder.close()
    assert result.exit_code == exit_code, result.stderr
    if held_for:
        assert time.monotonic() - started >= held_for
    stored_now = counts(db_url)["reports"] - before["reports"]
    assert stored_now == (len(NEW_REPORTS) if exit_code == 0 else 0)


@pytest.fixture
def pg_locker(stored):
    db_url, _ = stored
    engine = create_engine(db_url)
    conn = engine.connect()
    yield conn
    conn.rollback()
    conn.close()
    engine.dispose()


@pytest.mark.parametrize(
    ("statement", "env", "url_options", "message"),
    [
        ("LOCK TABLE reports IN ACCESS EXCLUSIVE MODE", QUICK, "", "error: cannot read the ledger: the ledger is locked"),
        ("LOCK TABLE claims IN EXCLUSIVE MODE", QUICK, "", "error: cannot write to the ledger: the ledger is locked"),
        ("LOCK TABLE sources IN EXCLUSIVE MODE", QUICK, "", "error: cannot write to the ledger: the ledger is locked"),
        # a lock timeout in the URL's own options is kept (the default 30 s is not imposed)
        ("LOCK TABLE claims IN EXCLUSIVE MODE", {}, "%20-c%20lock_timeout%3D200", "error: cannot write to the ledger: the ledger is locked"),
    ],
)  # fmt: skip
@pytest.mark.parametrize(
    "db_url", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)
def test_a_locked_postgres_table(stored, pg_locker, statement, env, url_options, message):
    db_url, before = stored
    pg_locker.execute(text(statement))
    started = time.monotonic()
    result = invoke("ingest", "new.jsonl", "--db", db_url + url_options, env=env)
    assert time.monotonic() - started < 20
    assert result.exit_code == 1, result.stdout
    assert result.stderr.startswith(message), result.stderr
    assert "lock timeout" in result.stderr and "Traceback" not in result.stderr
    pg_locker.rollback()
    assert counts(db_url) == before
    again = invoke("ingest", "new.jsonl", "--db", db_url)
    assert again.exit_code == 0, again.stderr
    assert counts(db_url)["reports"] == before["reports"] + len(NEW_REPORTS)


# -- read-only ------------------------------------------------------------------------------


def read_only_sqlite(db_url: str) -> str:
    return f"sqlite:///file:{sqlite_path(db_url)}?mode=ro&uri=true"


def read_only_session(db_url: str) -> str:
    return db_url + "%20-cdefault_transaction_read_only%3Don"


@pytest.fixture
def select_only_role(stored):
    """A PostgreSQL role that may read the ledger's tables and nothing else."""
    db_url, _ = stored
    role = f"reader_{uuid.uuid4().hex[:10]}"
    schema = db_url.rsplit("%3D", 1)[1]
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE ROLE "{role}" LOGIN'))
        conn.execute(text(f'GRANT USAGE ON SCHEMA "{schema}" TO "{role}"'))
        conn.execute(text(f'GRANT SELECT ON ALL TABLES IN SCHEMA "{schema}" TO "{role}"'))
    yield db_url.replace("://postgres@", f"://{role}@", 1)
    with admin.connect() as conn:
        conn.execute(text(f'DROP OWNED BY "{role}"'))
        conn.execute(text(f'DROP ROLE "{role}"'))
    admin.dispose()


READ_ONLY_COMMANDS = [
    (["ingest", "new.jsonl"], "error: cannot write to the ledger: the ledger is read-only"),
    (["sources", "add", "rss", "https://feeds.example/a.xml"], "error: cannot use the ledger: the ledger is read-only"),
]  # fmt: skip


@pytest.mark.parametrize(("command", "message"), READ_ONLY_COMMANDS)
@pytest.mark.parametrize(
    ("db_url", "read_only"),
    [
        ("sqlite", read_only_sqlite),
        pytest.param("postgresql", read_only_session, marks=pytest.mark.postgres),
    ],
    indirect=["db_url"],
)
def test_a_read_only_ledger(stored, read_only, command, message):
    db_url, before = stored
    result = invoke(*command, "--db", read_only(db_url))
    assert result.exit_code == 1, result.stdout
    assert result.stderr.startswith(message), result.stderr
    assert "Traceback" not in result.stderr
    assert counts(db_url) == before
    reads = invoke("stats", "--json", "--db", read_only(db_url))
    assert reads.exit_code == 0, reads.stderr
    assert json.loads(reads.stdout)["reports"] == before["reports"]


@pytest.mark.parametrize(("command", "message"), READ_ONLY_COMMANDS)
@pytest.mark.parametrize(
    "db_url", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)
def test_a_postgres_role_that_may_only_read(stored, select_only_role, command, message):
    db_url, before = stored
    result = invoke(*command, "--db", select_only_role)
    assert result.exit_code == 1, result.stdout
    assert result.stderr.startswith(message), result.stderr
    assert "permission denied" in result.stderr
    assert counts(db_url) == before
    reads = invoke("stats", "--json", "--db", select_only_role)
    assert json.loads(reads.stdout)["reports"] == before["reports"]


# -- a private mount: a read-only file system and a full disk --------------------------------


class PrivateMount:
    """A tmpfs at `folder`, seen only by commands run through `run` (a private mount
    namespace kept open by a sleeping process), so the tests can remount it read-only or
    fill it without touching the machine's own mounts."""

    def __init__(self, folder: Path, size: str):
        self.folder = folder
        folder.mkdir()
        self.holder = subprocess.Popen(
            ["unshare", "--mount", "--propagation", "private", "sleep", "600"]
        )
        self.prefix = ["nsenter", "-t", str(self.holder.pid), "-m", f"--wdns={folder.parent}"]
        deadline = time.monotonic() + 10
        while not self._mount(size):
            if time.monotonic() > deadline:
                self.close()
                pytest.fail("cannot mount a tmpfs in a private mount namespace")
            time.sleep(0.05)  # the namespace is made just after the process starts

    def _mount(self, size: str) -> bool:
        theirs = Path(f"/proc/{self.holder.pid}/ns/mnt")
        if not theirs.exists() or os.readlink(theirs) == os.readlink("/proc/self/ns/mnt"):
            return False
        mount = ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(self.folder)]
        subprocess.run([*self.prefix, *mount], check=True)
        return True

    def remount(self, options: str) -> None:
        subprocess.run(
            [*self.prefix, "mount", "-o", f"remount,{options}", str(self.folder)], check=True
        )

    def run(self, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*self.prefix, *args], capture_output=True, text=True, env=env, timeout=300
        )

    def skyledger(self, *args: str, env: dict) -> subprocess.CompletedProcess:
        return self.run(sys.executable, "-m", "skyledger", *args, env=env)

    def query(self, database: Path, sql: str) -> list:
        code = "import json, sqlite3, sys; print(json.dumps(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchall()))"
        result = self.run(sys.executable, "-c", code, str(database), sql)
        assert result.returncode == 0, result.stderr
        return [tuple(row) for row in json.loads(result.stdout)]

    def close(self) -> None:
        self.holder.kill()
        self.holder.wait(timeout=10)


@pytest.fixture
def private_mount(tmp_path):
    if os.geteuid() != 0 or not (shutil.which("unshare") and shutil.which("nsenter")):
        pytest.skip("a private tmpfs mount needs root, unshare and nsenter")
    mounts: list[PrivateMount] = []

    def make(size: str) -> PrivateMount:
        mounts.append(PrivateMount(tmp_path / "disk", size))
        return mounts[-1]

    yield make
    for mount in mounts:
        mount.close()


REPORTS_ON_DISK = 3000


def big_reports(path: Path) -> None:
    """Reports of about a kilobyte each, so a small disk fills after some batches."""
    filler = "Над областью сбиты беспилотники, сообщил губернатор, пострадавших нет. " * 12
    write_jsonl(path, [{"id": n, "text": f"Report {n}. {filler}", "lang": "ru"} for n in range(REPORTS_ON_DISK)])  # fmt: skip


def test_a_full_disk_then_a_rerun_with_room(tmp_path, private_mount):
    """SQLITE_FULL from a real ENOSPC: stop with exit 1, keep whole batches, finish later."""
    (tmp_path / "stub").mkdir()
    (tmp_path / "stub" / "sitecustomize.py").write_text(SITECUSTOMIZE)
    big_reports(tmp_path / "big.jsonl")
    disk = private_mount("2m")
    database = disk.folder / "ledger.db"
    env = cli_env(HOME=str(tmp_path), SKYLEDGER_DB=f"sqlite:///{database}")
    env["PYTHONPATH"] = f"{tmp_path / 'stub'}{os.pathsep}{env['PYTHONPATH']}"
    ingest = ["ingest", str(tmp_path / "big.jsonl"), "--batch-size", "100"]

    full = disk.skyledger(*ingest, env=env)
    assert full.returncode == 1, full.stdout
    assert full.stderr.strip() == (
        "error: cannot write to the ledger: the disk is full (database or disk is full)"
    )
    [(kept,)] = disk.query(database, "SELECT count(*) FROM reports")
    assert 0 < kept < REPORTS_ON_DISK and kept % 100 == 0  # whole batches only
    assert disk.query(database, "PRAGMA integrity_check") == [("ok",)]
    assert disk.query(database, "SELECT count(*) FROM claims") == [(kept * CLAIMS_EACH,)]

    export = disk.skyledger("export", "-o", str(disk.folder / "claims.csv"), env=env)
    assert export.returncode == 1
    assert export.stderr.strip().startswith(f"error: cannot write {disk.folder / 'claims.csv'}")
    assert "No space left on device" in export.stderr and "Traceback" not in export.stderr
    left = disk.run("ls", str(disk.folder)).stdout.split()
    assert "claims.csv" not in left and "claims.csv.part" not in left  # no half export

    disk.remount("size=64m")
    rerun = disk.skyledger(*ingest, env=env)
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout.startswith(
        f"read {REPORTS_ON_DISK}, stored {REPORTS_ON_DISK - kept}, already present {kept}, failed 0"
    )
    assert disk.query(database, "SELECT count(*), count(DISTINCT content_hash) FROM reports") == [
        (REPORTS_ON_DISK, REPORTS_ON_DISK)
    ]
    assert disk.query(database, "SELECT count(*) FROM claims") == [(REPORTS_ON_DISK * CLAIMS_EACH,)]


def test_a_ledger_on_a_read_only_file_system(tmp_path, private_mount):
    """Opening fails (a WAL ledger needs its -shm file) and says how to read it there."""
    disk = private_mount("8m")
    database = disk.folder / "ledger.db"
    env = cli_env(HOME=str(tmp_path))
    write_jsonl(tmp_path / "new.jsonl", NEW_REPORTS)
    first = disk.skyledger("ingest", str(tmp_path / "new.jsonl"), "--db", f"sqlite:///{database}", env=env)  # fmt: skip
    assert first.returncode == 0, first.stderr
    disk.remount("ro")

    refused = disk.skyledger("ingest", str(tmp_path / "new.jsonl"), "--db", f"sqlite:///{database}", env=env)  # fmt: skip
    assert refused.returncode == 1
    assert refused.stderr.startswith("error: cannot open ledger")
    assert "folder is read-only" in refused.stderr and "immutable=1" in refused.stderr

    immutable = f"sqlite:///file:{database}?immutable=1&uri=true"
    reads = disk.skyledger("stats", "--json", "--db", immutable, env=env)
    assert reads.returncode == 0, reads.stderr
    assert json.loads(reads.stdout)["reports"] == len(NEW_REPORTS)
    writes = disk.skyledger("sources", "add", "rss", "https://feeds.example/a.xml", "--db", immutable, env=env)  # fmt: skip
    assert writes.returncode == 1
    assert writes.stderr.startswith("error: cannot use the ledger: the ledger is read-only")


# -- exports onto a full device -------------------------------------------------------------


@pytest.mark.parametrize("to_file", [True, False])
def test_an_export_onto_a_full_device(stored, tmp_path, to_file):
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    db_url, _ = stored
    if to_file:
        result = invoke("export", "--db", db_url, "-o", "/dev/full")
        where = "/dev/full"
    else:
        with open("/dev/full", "w") as full:
            result = subprocess.run(
                [sys.executable, "-m", "skyledger", "export", "--db", db_url],
                stdout=full,
                stderr=subprocess.PIPE,
                text=True,
                env=cli_env(HOME=str(tmp_path)),
                timeout=120,
            )
        where = "standard output"
    assert (result.exit_code if to_file else result.returncode) == 1
    assert result.stderr.strip() == f"error: cannot write {where}: No space left on device"
    assert Path("/dev/full").is_char_device()  # not replaced by a file
    assert not Path("/dev/full.part").exists()
