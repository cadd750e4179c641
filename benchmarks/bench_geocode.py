"""Geocoder speed: gazetteer load time and look-ups per second on one core.

Usage: python benchmarks/bench_geocode.py [N]
Two workloads: N distinct place mentions drawn from the gazetteer's own name forms (inflected
Russian and Ukrainian, romanised, English) behind a preposition, with a stated admin1 for a
third of them (each answer computed afresh: the result cache never hits), looked up in
ROUNDS rounds of N/ROUNDS; and a small fixed list of report-like mentions repeated N times
(between-places, districts, regions, a misspelling), which is what a stream of daily
reports looks like. The process is prepared as an ingest worker is
(skyledger.ingest_engines.warm_up); the distinct figure is the median round, with the
slowest and fastest beside it, because a shared machine's speed drifts.
Run it pinned to one core: taskset -c 0 python benchmarks/bench_geocode.py
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from skyledger.geo import geocode  # noqa: E402
from skyledger.geo.gazetteer import load  # noqa: E402
from skyledger.geo.normalize import script_of  # noqa: E402
from skyledger.ingest_engines import warm_up  # noqa: E402

ROUNDS = 5

REPORT_LIKE = [
    ("над Малоярославцем", "Дрон сбит над Малоярославцем.", "ru", "RU-KLU"),
    ("Borovsk", "Drones were downed near Borovsk and Kirov.", "en", "RU-KLU"),
    ("Kirov", "Drones were downed near Borovsk and Kirov.", "en", None),
    ("между Киришами и Будогощью", None, "ru", "RU-LEN"),
    ("на Харківщині", "Ворог атакував дронами на Харківщині.", "uk", None),
    ("Одещину", None, "uk", None),
    ("в Киришском районе", None, "ru", None),
    ("Kharkov", None, "en", None),
    ("у Сумах", "Вибухи у Сумах.", "uk", "UA-59"),
    ("Belgorod Oblast", None, "en", None),
    ("в Брянской области", None, "ru", None),
    ("Shebekino", None, "en", "RU-BEL"),
    ("под Курском", None, "ru", None),
    ("Zaporizhzhia", None, "en", None),
    ("у Дніпрі", None, "uk", None),
    ("Yernov", None, "en", "RU-KLU"),
]


def distinct_mentions(n: int) -> list[tuple[str, None, None, str | None]]:
    """N different place names, as the gazetteer spells their forms, behind a preposition."""
    gaz = load()
    rng = random.Random(4)
    keys = [k for k in gaz.all_keys() if k[:1].isalpha()]
    out = []
    for key in rng.sample(keys, len(keys)):
        place = next((gaz.places[e.ref] for e in gaz.entries(key) if e.kind == "P"), None)
        if place is None:
            continue
        if len(out) == n:
            break
        admin1 = place.admin1 if rng.random() < 0.33 else None
        preposition = "над" if script_of(key) == "cyr" else "near"
        out.append((f"{preposition} {key.title()}", None, None, admin1))
    return out


def rate(mentions: list, n: int) -> dict:
    """Look-ups per second of wall time and of CPU time (the machine may be shared)."""
    wall, cpu = time.perf_counter(), time.process_time()
    for i in range(n):
        mention, context, lang, admin1 = mentions[i % len(mentions)]
        geocode(mention, context, lang, admin1)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {"lookups": n, "per_wall_s": round(n / wall), "per_cpu_s": round(n / cpu)}


def rounds(mentions: list) -> dict:
    """The distinct mentions in ROUNDS equal parts, each part's rate measured on its own."""
    size = len(mentions) // ROUNDS
    parts = [rate(mentions[i * size : (i + 1) * size], size) for i in range(ROUNDS)]
    return {
        "lookups": size * ROUNDS,
        "rounds": ROUNDS,
        "per_wall_s": round(statistics.median(p["per_wall_s"] for p in parts)),
        "per_cpu_s": round(statistics.median(p["per_cpu_s"] for p in parts)),
        "slowest_round": min(p["per_cpu_s"] for p in parts),
        "fastest_round": max(p["per_cpu_s"] for p in parts),
    }


def run(n: int = 20_000) -> dict:
    started = time.perf_counter()
    load()
    load_s = time.perf_counter() - started
    distinct = distinct_mentions(n)
    warm_up()  # morphology and lexicons loaded as in an ingest worker, not timed
    load()._refs.clear()  # their keys were read while picking them: read them again, timed
    return {
        "load_s": round(load_s, 3),
        "distinct": rounds(distinct),
        "repeated": rate(REPORT_LIKE, n),
    }


def main(argv: list[str]) -> int:
    result = run(int(argv[1]) if len(argv) > 1 else 20_000)
    print(json.dumps(result))
    print(f"gazetteer load: {result['load_s']:.3f} s")
    for label, key in (("distinct mentions", "distinct"), ("report-like, repeated", "repeated")):
        figures = result[key]
        print(
            f"{label}: {figures['per_wall_s']:,} look-ups/s wall, "
            f"{figures['per_cpu_s']:,} per CPU second ({figures['lookups']} look-ups"
            + (
                f", median of {figures['rounds']} rounds, "
                f"{figures['slowest_round']:,} to {figures['fastest_round']:,})"
                if "rounds" in figures
                else ")"
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
