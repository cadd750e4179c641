"""Extraction speed: Telegram-sized reports (about 600 characters) a second on one core.

Extracts generated reports (benchmarks/reportgen.py: templates written for skyledger in
English, Russian and Ukrainian, nothing from the corpus) with geocoding, in one process
pinned to one core, and reports the rate in CPU time of that process, so that other work
on the machine does not count, beside the wall-clock rate. The process is prepared as an
ingest worker is (skyledger.ingest_engines.warm_up), and the N reports are extracted in
ROUNDS rounds: the figure is the median round, with the slowest and fastest beside it,
because a shared machine's speed drifts from minute to minute.

Usage: python benchmarks/bench_extract.py [N]
Goal (SPEC.md): at least 1,000 reports a second on one core.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).parent))

import reportgen  # noqa: E402

from skyledger.extract import extract  # noqa: E402
from skyledger.extract.places import geocoder  # noqa: E402
from skyledger.ingest_engines import warm_up  # noqa: E402

ROUNDS = 5


@contextmanager
def one_core():
    """Run on one core (the last one), then give the process back the cores it had."""
    if not hasattr(os, "sched_setaffinity"):
        yield None
        return
    cores = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {max(cores)})
    try:
        yield max(cores)
    finally:
        os.sched_setaffinity(0, cores)


def run(n: int = 3000) -> dict:
    with one_core() as core:
        return _measure(n, core)


def _measure(n: int, core: int | None) -> dict:
    batch = list(reportgen.reports(n, seed=11))
    warm_up()
    rates, walls = [], []
    for _ in range(ROUNDS):
        started, cpu_started = time.perf_counter(), time.process_time()
        claims = sum(len(extract(r["text"], lang=r["lang"])) for r in batch)
        walls.append(n / (time.perf_counter() - started))
        rates.append(n / (time.process_time() - cpu_started))
    return {
        "reports": n,
        "rounds": ROUNDS,
        "mean_chars": round(sum(len(r["text"]) for r in batch) / n),
        "claims": claims,
        "reports_per_cpu_s": round(statistics.median(rates)),
        "slowest_round": round(min(rates)),
        "fastest_round": round(max(rates)),
        "reports_per_wall_s": round(statistics.median(walls)),
        "core": core,
        "geocoder": geocoder() is not None,
    }


def main() -> None:
    result = run(int(sys.argv[1]) if len(sys.argv) > 1 else 3000)
    print(json.dumps(result))
    print(
        f"{result['reports']} reports (mean {result['mean_chars']} chars), {result['claims']} claims: "
        f"{result['reports_per_cpu_s']:,} reports/s of CPU time on one core, median of "
        f"{result['rounds']} rounds ({result['slowest_round']:,} to {result['fastest_round']:,}; "
        f"{result['reports_per_wall_s']:,}/s wall clock); geocoder: {result['geocoder']}"
    )


if __name__ == "__main__":
    main()
