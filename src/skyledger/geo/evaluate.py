"""Score the geocoder on a JSON Lines set of mentions with expected answers.

Each line: {"id", "mention", "context"?, "lang"?, "admin1"?, "tags"?: [...], and one of
  "expected_geonameid": a place or district id (its gazetteer point is the target),
  "expected_between": [id, id] (the midpoint is the target),
  "expected_lat" + "expected_lon",
  "expected_precision": "admin1" | "country" | "unresolved" (with "expected_admin1" for admin1)}.
A resolvable mention counts as correct within 10 km of the target; a region or country mention
when precision and admin1 agree; an unresolvable one when it stays unresolved. Any answer outside
the stated admin1 is counted apart: there must be none.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from pathlib import Path

from skyledger.geo.gazetteer import load
from skyledger.geo.geocode import geocode

TOLERANCE_KM = 10.0


def target_point(item: dict) -> tuple[float, float] | None:
    if "expected_lat" in item:
        return float(item["expected_lat"]), float(item["expected_lon"])
    if "expected_between" in item:
        a, b = (point_of(gid) for gid in item["expected_between"])
        return (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
    if "expected_geonameid" in item:
        return point_of(item["expected_geonameid"])
    return None


def point_of(geonameid: int) -> tuple[float, float]:
    gaz = load()
    if geonameid in gaz.places:
        place = gaz.places[geonameid]
        return place.lat, place.lon
    district = gaz.districts.get(geonameid)
    if district is not None and district.lat is not None:
        return district.lat, district.lon
    raise KeyError(f"geonameid {geonameid} has no point in the gazetteer")


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    dlat = math.radians(b[0] - a[0])
    dlon = math.radians(b[1] - a[1]) * math.cos(math.radians((a[0] + b[0]) / 2))
    return 6371.0 * math.hypot(dlat, dlon)


def score_item(item: dict) -> dict:
    """The geocoder's answer for one item, and whether it is right and inside the admin1."""
    got = geocode(item["mention"], item.get("context"), item.get("lang"), item.get("admin1"))
    stated = item.get("admin1")
    outside = bool(stated and got["admin1"] and got["precision"] != "unresolved"
                   and got["admin1"] != stated)  # fmt: skip
    expected_precision = item.get("expected_precision")
    target = target_point(item)
    if target is not None:
        distance = km(target, (got["lat"], got["lon"])) if got["lat"] is not None else None
        correct = distance is not None and distance <= TOLERANCE_KM
    else:
        distance = None
        correct = got["precision"] == expected_precision and (
            expected_precision != "admin1" or got["admin1"] == item.get("expected_admin1")
        )
    return {"id": item.get("id"), "mention": item["mention"], "correct": correct,
            "outside_admin1": outside, "distance_km": distance, "got": got}  # fmt: skip


def evaluate(items: list[dict]) -> dict:
    """Accuracy overall and per tag, answers outside the stated admin1, and the failures."""
    scored = [score_item(item) for item in items]
    by_tag: dict[str, list[bool]] = defaultdict(list)
    for item, row in zip(items, scored, strict=True):
        for tag in item.get("tags") or ["untagged"]:
            by_tag[tag].append(row["correct"])
    correct = sum(row["correct"] for row in scored)
    return {
        "total": len(scored),
        "correct": correct,
        "accuracy": correct / len(scored) if scored else 0.0,
        "outside_admin1": sum(row["outside_admin1"] for row in scored),
        "by_tag": {tag: {"total": len(v), "correct": sum(v)} for tag, v in sorted(by_tag.items())},
        "failures": [row for row in scored if not row["correct"] or row["outside_admin1"]],
    }


def read_items(path: Path) -> list[dict]:
    lines = Path(path).read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]
