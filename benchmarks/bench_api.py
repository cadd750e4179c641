"""API benchmark: a generated ledger of 1,000,000 claims; filtered claim queries and the
dashboard's first load.

    python benchmarks/bench_api.py                      # generate (once) and measure
    python benchmarks/bench_api.py --claims 200000      # smaller ledger
    python benchmarks/bench_api.py --db postgresql+psycopg://postgres@127.0.0.1:5432/bench

Targets (SPEC.md): filtered claims query p95 < 100 ms; dashboard first load < 2 s.
The ledger is written to benchmarks/out/ (ignored by git) and reused when it already
holds the requested number of claims. Texts are generated, not real reports.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, insert, select

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from skyledger.api import create_app  # noqa: E402
from skyledger.claimants import claimant_id  # noqa: E402
from skyledger.export.areas import admin1_table  # noqa: E402
from skyledger.store import queries, rollup  # noqa: E402
from skyledger.store.db import open_engine  # noqa: E402
from skyledger.store.queries import Filters  # noqa: E402
from skyledger.store.schema import claims, events, reports, sources  # noqa: E402

OUT = ROOT / "benchmarks" / "out"
CLAIMS_PER_REPORT = 4
DAYS = 365
END = datetime(2026, 11, 24, tzinfo=UTC)
CLAIMANTS = [
    "Russian Ministry of Defense",
    "Ukrainian Air Force",
    "Governor of Kaluga Oblast",
    "Governor of Bryansk Oblast",
    "Governor of Belgorod Oblast",
    "Governor of Kursk Oblast",
    "Kharkiv Regional Military Administration",
    "Odesa Regional Military Administration",
    "Mayor of Moscow",
    "Governor of Leningrad Oblast",
]
WEAPONS = ["uav"] * 6 + ["missile"] * 3 + ["glide_bomb", "other"]
TYPES = ["destroyed"] * 5 + ["launched", "hit", "hit", "debris", "damage", "casualties"]
WORDS = [
    "air",
    "defence",
    "drones",
    "missiles",
    "debris",
    "fragments",
    "region",
    "district",
    "village",
    "night",
    "morning",
    "attack",
]


def generate(url: str, n_claims: int, seed: int = 7) -> None:
    """Bulk-insert sources, reports (with FTS via the triggers), events and claims, and
    the claims' sums (skyledger.store.rollup)."""
    rng = random.Random(seed)
    engine = open_engine(url)
    codes = sorted(admin1_table())
    hot = codes[:: max(1, len(codes) // 25)]  # a few regions get most claims, as in life
    n_reports = n_claims // CLAIMS_PER_REPORT
    started = time.perf_counter()
    with engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA synchronous=OFF")
        conn.execute(
            insert(sources),
            [
                {
                    "kind": "telegram",
                    "name": f"channel_{i}",
                    "claimant": c,
                    "lang": "ru",
                    "enabled": True,
                    "registered": False,
                }
                for i, c in enumerate(CLAIMANTS)
            ],
        )
        source_ids = list(conn.execute(select(sources.c.id).order_by(sources.c.id)).scalars())
        n_events = n_claims // 20
        for start in range(0, n_events, 20_000):
            conn.execute(
                insert(events),
                [_event(rng, i, hot) for i in range(start, min(n_events, start + 20_000))],
            )
        chunk = 10_000
        claim_id = 0
        for start in range(0, n_reports, chunk):
            report_rows, claim_rows = [], []
            for i in range(start, min(n_reports, start + chunk)):
                source = rng.randrange(len(CLAIMANTS))
                published = END - timedelta(seconds=int((n_reports - i) * DAYS * 86400 / n_reports))
                region = rng.choice(hot) if rng.random() < 0.8 else rng.choice(codes)
                text = _text(rng, i, region)
                report_rows.append(
                    {
                        "id": i + 1,
                        "source_id": source_ids[source],
                        "external_id": str(i),
                        "url": f"https://example.org/{i}",
                        "published": published,
                        "published_precision": "datetime",
                        "lang": "ru",
                        "text": text,
                        "content_hash": f"{i:064x}",
                        "ingested": published,
                        "last_claim_id": claim_id + CLAIMS_PER_REPORT,
                    }
                )
                for seq in range(CLAIMS_PER_REPORT):
                    claim_id += 1
                    claim_rows.append(
                        _claim(
                            rng, claim_id, i + 1, seq, CLAIMANTS[source], region, codes, n_events
                        )
                    )
            conn.execute(insert(reports), report_rows)
            conn.execute(insert(claims), claim_rows)
            print(f"\r  {claim_id:,} claims", end="", flush=True)
        rollup.fill(conn)  # the sums the writers keep, for rows written around them
    print(f"\n  generated in {time.perf_counter() - started:.0f} s")
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
    else:  # what autovacuum does after a bulk load: statistics, and the visibility map
        # that lets index-only scans skip the table
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            for table in (
                "sources",
                "reports",
                "events",
                "claims",
                "claim_series",
                "claim_tallies",
            ):
                conn.exec_driver_sql(f"VACUUM ANALYZE {table}")
    engine.dispose()


def _event(rng: random.Random, i: int, hot: list[str]) -> dict:
    low = rng.randint(1, 20)
    high = low + (rng.randint(1, 5) if rng.random() < 0.2 else 0)
    moment = END - timedelta(days=rng.uniform(0, DAYS))
    return {
        "key": f"e{i}",
        "claim_type": rng.choice(TYPES),
        "weapon": rng.choice(WEAPONS),
        "country": "RU",
        "admin1": rng.choice(hot),
        "low": low,
        "best": low,
        "high": high,
        "conflict": high != low,
        "first_reported": moment,
        "detail": {"claims": []},
    }


def _text(rng: random.Random, i: int, region: str) -> str:
    words = " ".join(rng.choice(WORDS) for _ in range(60))
    return f"Report {i} about {region}: {rng.randint(1, 40)} drones. {words}"


def _claim(rng, claim_id, report_id, seq, claimant, region, codes, n_events) -> dict:
    area = region if seq else None  # the first claim of a report is its total
    places = []
    if area and rng.random() < 0.3:
        lat, lon = 50 + rng.random() * 6, 30 + rng.random() * 10
        places = [{"text": "x", "name": "Place", "geonameid": rng.randint(1, 10**6), "lat": lat, "lon": lon,
                   "admin1": area, "geo_precision": "place", "span": [0, 1]}]  # fmt: skip
    return {
        "id": claim_id,
        "report_id": report_id,
        "seq": seq,
        "parent_id": claim_id - seq if seq else None,
        "claimant": claimant,
        "claimant_key": claimant_id(claimant),
        "claim_type": rng.choice(TYPES),
        "weapon": rng.choice(WEAPONS),
        "model": None,
        "count": rng.randint(1, 30),
        "count_qualifier": "exact",
        "country": (area or rng.choice(codes))[:2],
        "admin1": area,
        "region_text": None,
        "places": places,
        "window_start": None,
        "window_end": None,
        "killed": None,
        "injured": None,
        "cumulative": False,
        "evidence": {"claim": [0, 20]},
        "confidence": 0.8,
        "extractor_version": "bench",
        "event_id": rng.randint(1, n_events) if rng.random() < 0.2 else None,
    }


def claim_count(url: str) -> int:
    engine = open_engine(url)
    with engine.connect() as conn:
        n = conn.execute(select(func.count()).select_from(claims)).scalar_one()
    engine.dispose()
    return n


def filter_mix(rng: random.Random) -> list[Filters]:
    """Filters a user of the dashboard or API would set, drawn at random."""
    codes = sorted(admin1_table())
    hot = codes[:: max(1, len(codes) // 25)]
    mix = []
    for _ in range(40):
        start = END - timedelta(days=rng.uniform(1, DAYS))
        mix += [
            Filters(admin1=rng.choice(hot)),
            Filters(admin1=rng.choice(codes), weapon=rng.choice(WEAPONS)),
            Filters(weapon="missile", claim_type="destroyed"),
            Filters(claimant=rng.choice(CLAIMANTS)),
            Filters(since=start, until=start + timedelta(days=7)),
            Filters(since=start, until=start + timedelta(days=30), weapon="uav"),
            Filters(country="RU", claim_type=rng.choice(TYPES)),
            Filters(q=rng.choice(WORDS)),
            Filters(q=f"{rng.choice(WORDS)} {rng.choice(WORDS)}", admin1=rng.choice(hot)),
            Filters(),
        ]
    return mix


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def bench_queries(url: str) -> dict:
    engine = open_engine(url)
    rng = random.Random(11)
    mix = filter_mix(rng)
    timings, slow = [], []
    for filters in mix:
        started = time.perf_counter()
        page = queries.list_claims(engine, filters, limit=50)
        if page.next:  # and the next page, as a reader scrolling on would
            queries.list_claims(engine, filters, cursor=page.next, limit=50)
        elapsed = (time.perf_counter() - started) * 1000 / (2 if page.next else 1)
        timings.append(elapsed)
        slow.append((elapsed, filters))
    engine.dispose()
    worst = sorted(slow, key=lambda t: -t[0])[:3]
    return {
        "n": len(timings),
        "p50_ms": statistics.median(timings),
        "p95_ms": percentile(timings, 95),
        "max_ms": max(timings),
        "worst": [
            (round(t, 1), {k: v for k, v in vars(f).items() if v is not None}) for t, f in worst
        ],
    }


def bench_http(url: str) -> dict:
    from fastapi.testclient import TestClient

    rng = random.Random(13)
    timings = []
    with TestClient(create_app(url)) as client:
        for filters in filter_mix(rng)[:200]:
            params = {
                k: (v.isoformat() if isinstance(v, datetime) else v)
                for k, v in vars(filters).items()
                if v
            }
            started = time.perf_counter()
            response = client.get("/api/claims", params=params)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.text
    return {
        "n": len(timings),
        "p50_ms": statistics.median(timings),
        "p95_ms": percentile(timings, 95),
    }


# What the dashboard asks for when it opens on the whole ledger (web/static/app.js: refresh
# and init), in the order it asks.
FIRST_VIEW = [
    ("/api/regions", {}),
    ("/api/timeseries", {"by_area": "false"}),
    ("/api/events", {"limit": 100}),
    ("/api/events", {"limit": 100, "conflict": "true"}),
    ("/api/claims", {"limit": 50}),
    ("/api/stats", {}),
    ("/api/sources", {"days": 14}),
]


def bench_first_view(url: str, repeats: int = 5) -> dict:
    """Each request of the dashboard's first view, in process: median and worst of
    `repeats`, and the size of the answer."""
    from fastapi.testclient import TestClient

    found = {}
    with TestClient(create_app(url)) as client:
        for path, params in FIRST_VIEW:
            timings = []
            for _ in range(repeats):
                started = time.perf_counter()
                response = client.get(path, params=params)
                timings.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, response.text
            name = path + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")
            found[name] = {
                "median_ms": round(statistics.median(timings), 1),
                "max_ms": round(max(timings), 1),
                "bytes": len(response.content),
            }
    return found


def bench_first_load(url: str) -> dict:
    """Open the dashboard in Chromium against a live server; time until it is drawn."""
    import socket

    import uvicorn

    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        return {"skipped": "no /usr/bin/chromium"}
    from playwright.sync_api import sync_playwright

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(url), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    loads = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(chromium),
                headless=True,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            for _ in range(5):
                context = browser.new_context(viewport={"width": 1400, "height": 1000})
                page = context.new_page()
                started = time.perf_counter()
                page.goto(f"http://127.0.0.1:{port}/")
                page.wait_for_selector("body[data-state=ready]", timeout=60_000)
                loads.append(time.perf_counter() - started)
                context.close()
            browser.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    return {
        "loads_s": [round(x, 2) for x in loads],
        "first_s": round(loads[0], 2),
        "median_s": round(statistics.median(loads), 2),
    }


def run(n_claims: int = 1_000_000, db: str | None = None, browser: bool = True) -> dict:
    """Generate the ledger once (reused afterwards), then time queries and the dashboard."""
    OUT.mkdir(parents=True, exist_ok=True)
    url = db or f"sqlite:///{OUT / f'bench_{n_claims}.db'}"
    have = claim_count(url)
    if have != n_claims:
        if have:
            sys.exit(
                f"{url} holds {have:,} claims, not {n_claims:,}: remove it or pick another --db"
            )
        print(f"generating {n_claims:,} claims into {url}")
        generate(url, n_claims)
    result = {
        "claims": n_claims,
        "backend": url.split(":", 1)[0].split("+")[0],
        "query": bench_queries(url),
        "http": bench_http(url),
        "first_view": bench_first_view(url),
    }
    if browser:
        result["first_load"] = bench_first_load(url)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument(
        "--db", default=None, help="SQLAlchemy URL (default: a SQLite file in benchmarks/out/)"
    )
    parser.add_argument("--skip-browser", action="store_true")
    args = parser.parse_args()
    result = run(args.claims, args.db, browser=not args.skip_browser)
    print(f"ledger: {result['backend']} ({args.claims:,} claims)")
    print(
        f"filtered claims query (queries.list_claims, 50 a page): {json.dumps(result['query'], default=str)}"
    )
    print(f"GET /api/claims with filters (in process): {json.dumps(result['http'])}")
    print("the dashboard's first requests (in process, median and worst of 5):")
    for name, figures in result["first_view"].items():
        print(f"  {name}: {json.dumps(figures)}")
    if "first_load" in result:
        print(f"dashboard first load in Chromium (until drawn): {json.dumps(result['first_load'])}")
    ok_query = result["query"]["p95_ms"] < 100
    ok_load = result.get("first_load", {}).get("median_s", 0) < 2
    print(
        f"targets: query p95 < 100 ms: {'met' if ok_query else 'MISSED'}; first load < 2 s: {'met' if ok_load else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
