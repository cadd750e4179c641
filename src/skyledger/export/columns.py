"""Flat rows for CSV and the ACLED-like table, from the claim dicts of store/queries.py."""

from __future__ import annotations

from datetime import datetime

from skyledger.export.areas import admin1_name
from skyledger.export.geometry import representative_point

CSV_COLUMNS = (
    "id", "report_id", "published", "source", "url", "claimant", "claim_type", "weapon", "model",
    "count", "count_qualifier", "country", "admin1", "admin1_name", "region_text", "places",
    "latitude", "longitude", "geo_precision", "window_start", "window_end", "killed", "injured",
    "parent_id", "event_id", "cumulative", "confidence", "extractor_version", "review_status",
    "reviewer",
)  # fmt: skip

ACLED_COLUMNS = (
    "event_date", "sub_event_type", "actor", "admin1", "location", "latitude", "longitude",
    "geo_precision", "time_precision", "source", "notes", "fatalities", "review_status",
    "reviewer",
)  # fmt: skip

# claim_type -> sub_event_type; for hits and their effects the weapon decides (docs/exports.md).
SUB_EVENT_TYPES = {
    "destroyed": "Interception or shoot-down (claimed)",
    "launched": "Launch (claimed)",
    "debris": "Debris found (claimed)",
}
STRIKE_BY_WEAPON = {
    "uav": "Air/drone strike",
    "glide_bomb": "Air/drone strike",
    "missile": "Shelling/artillery/missile attack",
}
WEAPON_WORDS = {
    "uav": "drones",
    "missile": "missiles",
    "glide_bomb": "glide bombs",
    "other": "weapons",
}
NOTE_QUOTE_CHARS = 400


def place_names(claim: dict) -> str:
    return "; ".join(
        p.get("name") or p.get("normal") or p.get("text") or "" for p in claim.get("places") or []
    )


def iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def csv_row(claim: dict) -> dict:
    lat, lon, precision = representative_point(claim)
    row = {name: claim.get(name) for name in CSV_COLUMNS}
    row.update(
        published=iso(claim.get("published")),
        window_start=iso(claim.get("window_start")),
        window_end=iso(claim.get("window_end")),
        admin1_name=admin1_name(claim.get("admin1")),
        places=place_names(claim),
        latitude=lat,
        longitude=lon,
        geo_precision=precision,
    )
    return row


def sub_event_type(claim: dict) -> str:
    if claim["claim_type"] in SUB_EVENT_TYPES:
        return SUB_EVENT_TYPES[claim["claim_type"]]
    return STRIKE_BY_WEAPON.get(claim.get("weapon") or "", "Attack (claimed)")


def event_date(claim: dict) -> tuple[str | None, str]:
    """(date, time_precision): the claimed window's day when known, else the report's."""
    start, end = claim.get("window_start"), claim.get("window_end")
    if start:
        same_day = end is None or end.date() == start.date()
        return start.date().isoformat(), "day" if same_day else "days"
    published = claim.get("published")
    return (published.date().isoformat() if published else None), "report-date"


def note(claim: dict) -> str:
    count = claim.get("count")
    amount = "" if count is None else f"{count} "
    weapon = WEAPON_WORDS.get(claim.get("weapon") or "", "")
    summary = f"{claim.get('claimant') or 'Unattributed'} claims {claim['claim_type']}: {amount}{weapon}".strip()
    text, span = claim.get("report_text"), (claim.get("evidence") or {}).get("claim")
    if text and span:
        quote = " ".join(text[span[0] : span[1]].split())[:NOTE_QUOTE_CHARS]
        summary += f'. "{quote}"'
    return summary


def acled_row(claim: dict) -> dict:
    lat, lon, precision = representative_point(claim)
    day, time_precision = event_date(claim)
    source = claim.get("source") or ""
    if claim.get("url"):
        source = f"{source} {claim['url']}".strip()
    return {
        "event_date": day,
        "sub_event_type": sub_event_type(claim),
        "actor": claim.get("claimant"),
        "admin1": admin1_name(claim.get("admin1")) or claim.get("admin1"),
        "location": place_names(claim)
        or claim.get("region_text")
        or admin1_name(claim.get("admin1")),
        "latitude": lat,
        "longitude": lon,
        "geo_precision": precision,
        "time_precision": time_precision,
        "source": source,
        "notes": note(claim),
        "fatalities": claim.get("killed"),
        "review_status": claim.get("review_status"),
        "reviewer": claim.get("reviewer"),
    }
