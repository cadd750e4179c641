"""Ingest against extraction, in one run: is the path around the extractor the slow part?

    python benchmarks/bench_throughput.py                         # 10,000 reports, SQLite
    python benchmarks/bench_throughput.py --db postgresql+psycopg://postgres@127.0.0.1:5432/test
    python benchmarks/bench_throughput.py --texts reports.jsonl   # other texts, made distinct

First `skyledger extract` reads the N reports on one core (the whole process, as a user
runs it), then `skyledger ingest --workers W --json` stores the same file into a fresh
SQLite file (and, with --db, a fresh PostgreSQL schema). Each rate is reports over wall
time; the ratio is ingest's rate over extraction's. This is done in rounds (--rounds,
3): each ingest is compared with the extraction of its own round, as the speed of a shared
host drifts from one minute to the next, and the medians are given with every round's
ratio. Goals (issue 15): with 2 workers ≥ 1.5 on SQLite and ≥ 1.3 on PostgreSQL. The
machine's load average is printed beside the figures.

Reports come from benchmarks/reportgen.py, or with --texts from a JSON Lines file of
reports, repeated until N with a number added to each repeat so that no two are alike.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
sys.path.insert(0, str(Path(__file__).parent))

import reportgen  # noqa: E402
from bench_ingest import fresh_ledger, watched  # noqa: E402
from bytecode import bytecode_compiled  # noqa: E402


def distinct_texts(source: Path, n: int) -> Path:
    """N reports from `source`, repeated as needed, each repeat's text numbered."""
    items = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line]
    items = [item for item in items if item.get("text")]
    target = OUT / f"texts-{source.stem}-{n}.jsonl"
    with target.open("w", encoding="utf-8") as out:
        for k in range(n):
            item = dict(items[k % len(items)])
            item["id"] = f"{item.get('id', 'r')}-{k}"
            if k >= len(items):
                item["text"] = f"{item['text']}\n({k // len(items)})"
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    return target


def run_extract(data: Path, env: dict) -> dict:
    started = time.perf_counter()
    with data.open("rb") as stdin:
        done = subprocess.run(
            [sys.executable, "-m", "skyledger", "extract"],
            stdin=stdin,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
        )
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"extract failed: {done.stderr.decode()[-2000:]}")
    return {"seconds": round(elapsed, 1)}


def run_ingest(
    data: Path, db: str | None, workers: int, env: dict, label: str, events: str
) -> dict:
    url, cleanup = fresh_ledger(db, label)
    command = [sys.executable, "-m", "skyledger", "ingest", str(data), "--db", url, "--json"]
    command += ["--workers", str(workers), "--events", events]
    process, out, err, elapsed, memory = watched(command, env)
    cleanup()
    if process.returncode not in (0, 1):
        raise SystemExit(f"ingest failed ({process.returncode}): {err.decode()[-2000:]}")
    summary = json.loads(out)
    return {
        "seconds": round(elapsed, 1),
        "stored": summary["stored"],
        "claims": summary["claims"],
        "peak_pss_mb": round(memory.peak_pss_kb / 1024),
    }


def run(
    n: int = 10_000,
    db: str | None = None,
    workers: int = 2,
    texts: str | None = None,
    events: str = "batch",
    rounds: int = 3,
) -> dict:
    """Rounds of extraction then ingests; each ingest's ratio is against the extraction of
    its own round (the host's speed drifts between minutes), and the figures given are the
    medians over the rounds, each round's ratio listed beside them."""
    OUT.mkdir(parents=True, exist_ok=True)
    if texts:
        data = distinct_texts(Path(texts), n)
    else:
        data = reportgen.write_jsonl(reportgen.data_file(OUT, n), n)
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    bytecode_compiled()  # both commands start as an installed package does
    result = {"reports": n, "workers": workers, "events": events, "rounds": rounds}
    result["load_before"] = list(os.getloadavg())
    backends = [("sqlite", None)] + ([("postgresql", db)] if db else [])
    extracts, ingests = [], {backend: [] for backend, _ in backends}
    for round_ in range(rounds):
        extract = run_extract(data, env)
        extract["reports_per_s"] = round(n / extract["seconds"])
        extracts.append(extract)
        for backend, url in backends:
            label = f"throughput_{backend}_{n}_{round_}"
            ingest = run_ingest(data, url, workers, env, label, events)
            ingest["reports_per_s"] = round(n / ingest["seconds"])
            ingest["vs_extract"] = round(ingest["reports_per_s"] / extract["reports_per_s"], 2)
            ingests[backend].append(ingest)
    result["extract"] = {
        "reports_per_s": round(statistics.median(e["reports_per_s"] for e in extracts)),
        "rounds": [e["reports_per_s"] for e in extracts],
    }
    for backend, done in ingests.items():
        result[f"ingest_{backend}"] = {
            "reports_per_s": round(statistics.median(i["reports_per_s"] for i in done)),
            "vs_extract": statistics.median(i["vs_extract"] for i in done),
            "rounds": [i["vs_extract"] for i in done],
            "stored": done[-1]["stored"],
            "claims": done[-1]["claims"],
            "peak_pss_mb": max(i["peak_pss_mb"] for i in done),
        }
    result["load_after"] = list(os.getloadavg())
    result["data_file"] = str(data.relative_to(ROOT))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--db", help="PostgreSQL admin URL (a schema is made in it) besides SQLite")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--texts", help="JSON Lines reports to use instead of generated ones")
    parser.add_argument("--events", choices=("batch", "deferred"), default="batch")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of extraction and ingests")
    args = parser.parse_args()
    result = run(args.reports, args.db, args.workers, args.texts, args.events, args.rounds)
    print(json.dumps(result))
    load = ", ".join(f"{x:.1f}" for x in result["load_before"])
    print(
        f"extract, one core: {result['extract']['reports_per_s']:,} reports/s (median; load {load})"
    )
    for backend in ("sqlite", "postgresql"):
        if f"ingest_{backend}" in result:
            i = result[f"ingest_{backend}"]
            print(
                f"ingest --workers {args.workers}, {backend}: {i['reports_per_s']:,} reports/s, "
                f"{i['vs_extract']}x extraction (median; rounds {i['rounds']}), "
                f"peak {i['peak_pss_mb']} MB PSS"
            )


if __name__ == "__main__":
    main()
