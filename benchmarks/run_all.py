"""Run every benchmark and write benchmarks/RESULTS.md (machine, versions, figures, goals).

    python benchmarks/run_all.py                 # the full set: 1,000,000 reports and claims
    python benchmarks/run_all.py --quick         # 50,000 of each, to check the set runs
    python benchmarks/run_all.py --no-postgres   # SQLite only
    python benchmarks/run_all.py --only extract,geocode   # re-run these, keep the others

PostgreSQL runs use the server at --pg (default: the local `test` database), each in a
schema of its own. Generated inputs and ledgers are kept in benchmarks/out/ (ignored by
git) and reused by later runs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from sqlalchemy import create_engine, text

HERE = Path(__file__).resolve().parent

RESULTS = HERE / "RESULTS.md"
PACKAGES = ("skyledger", "SQLAlchemy", "psycopg", "pymorphy3", "rapidfuzz", "fastapi", "uvicorn")
PACKAGES += ("playwright", "distributed")
DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def machine(pg: str | None) -> dict:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown",
    )
    memory_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    info = {
        "cpu": cpu,
        "cores": len(os.sched_getaffinity(0)),
        "memory_gb": round(memory_kb / 1024 / 1024, 1),
        "os": platform.platform(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "packages": versions,
    }
    if pg:
        engine = create_engine(pg)
        with engine.connect() as conn:
            info["postgresql"] = conn.execute(text("show server_version")).scalar_one()
        engine.dispose()
    return info


def pg_schema_url(pg: str, schema: str) -> str:
    """A URL whose search path is `schema`, made when missing (kept: the ledger is reused)."""
    engine = create_engine(pg, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
    engine.dispose()
    return f"{pg}{'&' if '?' in pg else '?'}options=-csearch_path%3D{schema}"


def timed(label: str, module: str, *args) -> dict:
    """`module.run(*args)` in a fresh process (so load times and memory are its own)."""
    print(f"== {label}", flush=True)
    started = time.perf_counter()
    call = f"import json, {module}; print(json.dumps({module}.run(*{args!r}), default=str))"
    done = subprocess.run(
        [sys.executable, "-c", call], cwd=HERE, stdout=subprocess.PIPE, text=True, check=True
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    print(json.dumps(result, default=str), flush=True)
    print(f"   ({time.perf_counter() - started:.0f} s)", flush=True)
    return result


def steps(reports: int, claims: int, pg: str | None, workers: int) -> dict:
    """Each benchmark by name, as a call that runs it."""
    found = {
        "extract": lambda: timed("extraction, one core", "bench_extract", 3000),
        "geocode": lambda: timed("geocoding, one core", "bench_geocode", 20_000),
        "throughput": lambda: timed(
            "ingest against extraction, 10,000 reports", "bench_throughput", 10_000, pg, workers
        ),
        "ingest_sqlite": lambda: timed(
            f"ingest {reports:,} reports into SQLite", "bench_ingest", reports, None, workers
        ),
    }
    if pg:
        found["ingest_postgresql"] = lambda: timed(
            f"ingest {reports:,} reports into PostgreSQL", "bench_ingest", reports, pg, workers
        )
    found["api_sqlite"] = lambda: timed(f"API on {claims:,} claims, SQLite", "bench_api", claims)
    if pg:
        found["api_postgresql"] = lambda: timed(
            f"API on {claims:,} claims, PostgreSQL",
            "bench_api",
            claims,
            pg_schema_url(pg, f"bench_api_{claims}"),
            False,
        )
    return found


def run_all(
    reports: int, claims: int, pg: str | None, workers: int, only: list[str] | None = None
) -> dict:
    """Every benchmark; with `only`, those named, the others' figures kept from RESULTS.md."""
    started = datetime.now(UTC).isoformat(timespec="seconds")
    results = {"started": started, **(previous_results() if only else {})}
    results["machine"] = machine(pg)
    for name, run in steps(reports, claims, pg, workers).items():
        if not only or name in only:
            results[name] = run()
    if only:  # earlier re-runs since the full run count too
        earlier = results.get("rerun") or {"names": [], "started": started}
        names = [n for n in steps(reports, claims, pg, workers) if n in {*earlier["names"], *only}]
        results["rerun"] = {"names": names, "started": earlier["started"]}
    else:
        results.pop("rerun", None)
    results["finished"] = datetime.now(UTC).isoformat(timespec="seconds")
    return results


def previous_results() -> dict:
    """The raw results of the last run, read back from RESULTS.md."""
    if not RESULTS.exists():
        return {}
    text = RESULTS.read_text(encoding="utf-8")
    start = text.find("```json\n")
    if start < 0:
        return {}
    start += len("```json\n")
    return json.loads(text[start : text.index("\n```", start)])


def _goal(measured: float, goal: float, below: bool) -> str:
    return "met" if (measured < goal if below else measured >= goal) else "**missed**"


def figures_table(r: dict) -> list[str]:
    rows = [("figure", "measured", "goal", "")]
    e = r["extract"]
    rows.append(
        (
            f"extraction + geocoding, {e['mean_chars']}-character reports, one core",
            f"{e['reports_per_cpu_s']:,} reports/s (CPU time; {e['reports_per_wall_s']:,}/s wall)",
            "≥ 1,000 reports/s",
            _goal(e["reports_per_cpu_s"], 1000, below=False),
        )
    )
    g = r["geocode"]
    rows.append(
        (
            "geocoder look-ups, distinct mentions, one core",
            f"{g['distinct']['per_cpu_s']:,}/s (report-like repeats {g['repeated']['per_cpu_s']:,}/s)",
            "≥ 20,000/s",
            _goal(g["distinct"]["per_cpu_s"], 20_000, below=False),
        )
    )
    rows.append(("gazetteer load", f"{g['load_s']} s", "< 1 s", _goal(g["load_s"], 1, below=True)))
    t = r.get("throughput")
    for backend, goal in (("sqlite", 1.5), ("postgresql", 1.3)):
        if not t or f"ingest_{backend}" not in t:
            continue
        i = t[f"ingest_{backend}"]
        load = ", ".join(f"{x:.1f}" for x in t["load_before"])
        rows.append(
            (
                f"ingest of {t['reports']:,} reports into {backend}, {t['workers']} workers, "
                "against `skyledger extract` on one core, median of "
                f"{t.get('rounds', 1)} rounds",
                f"{i['vs_extract']}× ({i['reports_per_s']:,} against "
                f"{t['extract']['reports_per_s']:,} reports/s; rounds {i.get('rounds')}; "
                f"load average {load})",
                f"≥ {goal}×",
                _goal(i["vs_extract"], goal, below=False),
            )
        )
    for key in ("ingest_sqlite", "ingest_postgresql"):
        if key not in r:
            continue
        i = r[key]
        label = f"ingest of {i['reports_in']:,} reports into {i['backend']}, {i['workers']} workers"
        rows.append(
            (
                label,
                f"{i['seconds'] / 60:.1f} min ({i['reports_per_s']:,}/s); {i['stored']:,} stored, "
                f"{i['claims']:,} claims, {i['events']:,} events",
                "< 10 min" if i["backend"] == "sqlite" else "< 15 min",
                _goal(i["seconds"], 600 if i["backend"] == "sqlite" else 900, below=True),
            )
        )
        rows.append(
            (
                f"peak memory of that ingest ({i['processes']} processes)",
                f"{i['peak_pss_mb']:,} MB PSS ({i['peak_rss_mb']:,} MB summed RSS)",
                "< 1 GB",
                _goal(i["peak_pss_mb"], 1024, below=True),
            )
        )
    for key in ("api_sqlite", "api_postgresql"):
        if key not in r:
            continue
        a = r[key]
        rows.append(
            (
                f"filtered claims query p95, {a['claims']:,} claims, {a['backend']}",
                f"{a['query']['p95_ms']:.1f} ms (p50 {a['query']['p50_ms']:.1f} ms, {a['query']['n']} queries)",
                "< 50 ms",
                _goal(a["query"]["p95_ms"], 50, below=True),
            )
        )
        rows.append(
            (
                f"GET /api/claims p95, {a['backend']}",
                f"{a['http']['p95_ms']:.1f} ms (p50 {a['http']['p50_ms']:.1f} ms)",
                "< 50 ms",
                _goal(a["http"]["p95_ms"], 50, below=True),
            )
        )
        load = a.get("first_load")
        if load and "median_s" in load:
            rows.append(
                (
                    f"dashboard first load in Chromium, {a['backend']}",
                    f"{load['median_s']} s median of {len(load['loads_s'])} (first {load['first_s']} s)",
                    "< 2 s",
                    _goal(load["median_s"], 2, below=True),
                )
            )
    return ["| " + " | ".join(row) + " |" for row in rows[:1]] + [
        "|---|---|---|---|",
        *("| " + " | ".join(row) + " |" for row in rows[1:]),
    ]


def write_results(r: dict, command: str) -> None:
    m = r["machine"]
    lines = [
        "# Benchmark results",
        "",
        f"Written by `{command}` (started {r['started']}, finished {r['finished']})."
        + rerun_note(r),
        "Inputs are generated by benchmarks/reportgen.py and bench_api.py, not real reports.",
        "",
        "## Machine",
        "",
        f"- CPU: {m['cpu']}, {m['cores']} cores available; memory {m['memory_gb']} GB",
        f"- OS: {m['os']}",
        f"- Python {m['python']}, SQLite {m['sqlite']}"
        + (f", PostgreSQL {m['postgresql']}" if "postgresql" in m else ""),
        "- " + ", ".join(f"{k} {v}" for k, v in m["packages"].items()),
        "",
        "## Figures",
        "",
        *figures_table(r),
        "",
        *kept_notes(),
        "## Raw results",
        "",
        "```json",
        json.dumps({k: v for k, v in r.items() if k != "machine"}, indent=2, default=str),
        "```",
        "",
    ]
    RESULTS.write_text("\n".join(lines), encoding="utf-8")


def kept_notes() -> list[str]:
    """The "## Notes" section of the last RESULTS.md (written by hand: profiles, how loaded
    the machine was), kept as it is."""
    if not RESULTS.exists():
        return []
    text = RESULTS.read_text(encoding="utf-8")
    start = text.find("\n## Notes\n")
    if start < 0:
        return []
    end = text.find("\n## Raw results", start)
    return text[start + 1 : end].rstrip("\n").split("\n") + [""]


def rerun_note(r: dict) -> str:
    rerun = r.get("rerun")
    if not rerun:
        return ""
    return f" Re-run with `--only {','.join(rerun['names'])}` from {rerun['started']}."


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="50,000 reports and claims")
    parser.add_argument("--pg", default=DEFAULT_PG, help="PostgreSQL URL for the server runs")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--workers", type=int, default=2, help="ingest worker processes")
    parser.add_argument(
        "--only",
        help="comma-separated benchmarks to re-run (extract, geocode, throughput, ingest_sqlite, "
        "ingest_postgresql, api_sqlite, api_postgresql); the others' figures are kept",
    )
    args = parser.parse_args()
    size = 50_000 if args.quick else 1_000_000
    pg = None if args.no_postgres else args.pg
    only = [name.strip() for name in args.only.split(",")] if args.only else None
    unknown = set(only or ()) - set(steps(size, size, pg, args.workers))
    if unknown:
        parser.error(f"no benchmark named {', '.join(sorted(unknown))}")
    results = run_all(size, size, pg, args.workers, only)
    if only:
        command = results.get("command", "python benchmarks/run_all.py")
    else:
        command = "python benchmarks/run_all.py" + " ".join(
            ["", *(["--quick"] if args.quick else []), *(["--no-postgres"] if not pg else [])]
        )
        results["command"] = command.rstrip()
    write_results(results, command.rstrip())
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
