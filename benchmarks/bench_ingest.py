"""Ingest benchmark: N generated reports into a fresh SQLite or PostgreSQL ledger.

    python benchmarks/bench_ingest.py                            # 1,000,000 reports into SQLite
    python benchmarks/bench_ingest.py --reports 100000 --workers 2
    python benchmarks/bench_ingest.py --db postgresql+psycopg://postgres@127.0.0.1:5432/test

Runs `skyledger ingest FILE --db URL --workers W --json` as its own process, as a user
would, on reports from benchmarks/reportgen.py (written to benchmarks/out/ once and
reused), and samples the memory of the whole process tree (the ingest and its workers)
every half second. Memory is reported as the peak of the tree's summed proportional set
size (PSS: pages shared between the forked workers counted once) and of its summed RSS.
Goals (SPEC.md): 1,000,000 reports into SQLite in under 30 minutes on 2 cores; peak
memory under 2 GB. A PostgreSQL run gets a schema of its own, dropped afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
sys.path.insert(0, str(Path(__file__).parent))

import reportgen  # noqa: E402


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as handle:
            return [int(p) for p in handle.read().split()]
    except OSError:
        return []


def _tree(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(_children(current))
    return found


def _memory_kb(pid: int) -> tuple[int, int]:
    """(PSS, RSS) of one process in kB; zeros when it has gone."""
    pss = rss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    pss = int(line.split()[1])
                elif line.startswith("Rss:"):
                    rss = int(line.split()[1])
    except OSError:
        pass
    return pss, rss


class TreeMemory(threading.Thread):
    """Samples a process tree's summed PSS and RSS until stopped; keeps the peaks."""

    def __init__(self, pid: int, every: float = 0.5):
        super().__init__(daemon=True)
        self.pid, self.every = pid, every
        self.peak_pss_kb = self.peak_rss_kb = self.peak_processes = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            pids = _tree(self.pid)
            sizes = [_memory_kb(p) for p in pids]
            self.peak_pss_kb = max(self.peak_pss_kb, sum(s[0] for s in sizes))
            self.peak_rss_kb = max(self.peak_rss_kb, sum(s[1] for s in sizes))
            self.peak_processes = max(self.peak_processes, len(pids))
            self.done.wait(self.every)


def watched(command: list[str], env: dict):
    """Run `command`; its process, output, error output, wall seconds and memory peaks."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    memory = TreeMemory(process.pid)
    memory.start()
    out, err = process.communicate()
    elapsed = time.perf_counter() - started
    memory.done.set()
    memory.join()
    return process, out, err, elapsed, memory


def fresh_ledger(db: str | None, label: str) -> tuple[str, callable]:
    """A URL of an empty ledger and a function that cleans it up."""
    if not db or db.startswith("sqlite"):
        path = OUT / f"ingest_{label}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{path}", lambda: None
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(db, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()

    joiner = "&" if "?" in db else "?"
    return f"{db}{joiner}options=-csearch_path%3D{schema}", drop


def run(n: int = 1_000_000, db: str | None = None, workers: int = 2, keep: bool = False) -> dict:
    """Ingest `n` generated reports into a fresh ledger; wall time, rate, memory, counts."""
    data = reportgen.write_jsonl(reportgen.data_file(OUT, n), n)
    backend = "sqlite" if not db or db.startswith("sqlite") else "postgresql"
    url, cleanup = fresh_ledger(db, f"{backend}_{n}")
    command = [sys.executable, "-m", "skyledger", "ingest", str(data), "--db", url, "--json"]
    if workers > 1:
        command += ["--workers", str(workers)]
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    process, out, err, elapsed, memory = watched(command, env)
    if process.returncode not in (0, 1):
        cleanup()
        raise SystemExit(f"ingest failed ({process.returncode}): {err.decode()[-2000:]}")
    summary = json.loads(out)
    stats = json.loads(
        subprocess.run(
            [sys.executable, "-m", "skyledger", "stats", "--json", "--db", url],
            capture_output=True,
            env=env,
            check=True,
        ).stdout
    )
    if not keep:
        cleanup()
    return {
        "backend": backend,
        "reports_in": n,
        "workers": workers,
        "seconds": round(elapsed, 1),
        "reports_per_s": round(n / elapsed),
        "stored": summary["stored"],
        "already_present": summary["already_present"],
        "failed": summary["failed"],
        "claims": stats["claims"],
        "events": stats["events"],
        "peak_pss_mb": round(memory.peak_pss_kb / 1024),
        "peak_rss_mb": round(memory.peak_rss_kb / 1024),
        "processes": memory.peak_processes,
        "data_file": str(data.relative_to(ROOT)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1_000_000)
    parser.add_argument("--db", help="PostgreSQL admin URL (a schema is made in it); else SQLite")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", action="store_true", help="keep the ledger afterwards")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    result = run(args.reports, args.db, args.workers, args.keep)
    print(json.dumps(result))
    minutes = result["seconds"] / 60
    print(
        f"{result['backend']}: {result['reports_in']:,} reports in {minutes:.1f} min "
        f"({result['reports_per_s']:,}/s), peak memory {result['peak_pss_mb']:,} MB PSS"
    )


if __name__ == "__main__":
    main()
