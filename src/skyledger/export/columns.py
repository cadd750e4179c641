"""Flat rows from the claim dicts of store/queries.py: one record shape for CSV, JSON Lines
and GeoJSON properties, and the ACLED table."""

from __future__ import annotations

from datetime import datetime

from skyledger.export.areas import admin1_name
from skyledger.export.geometry import representative_point

CSV_COLUMNS = (
    "id", "report_id", "published", "source", "url", "claimant", "claim_type", "weapon", "model",
    "count", "count_qualifier", "country", "admin1", "admin1_name", "region_text", "places",
    "latitude", "longitude", "geo_precision", "window_start", "window_end", "killed", "injured",
    "parent_id", "event_id", "cumulative", "confidence", "extractor_version", "evidence_text",
    "review_status", "reviewer",
)  # fmt: skip

# ACLED's columns in ACLED's order and spelling, then the claim id to join back.
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp", "skyledger_claim_id",
)  # fmt: skip

# ISO 3166-1 alpha-2 -> (ACLED country name, ISO 3166-1 numeric, alpha-3, ACLED region).
COUNTRIES = {
    "RU": ("Russia", 643, "RUS", "Europe"),
    "UA": ("Ukraine", 804, "UKR", "Europe"),
    "BY": ("Belarus", 112, "BLR", "Europe"),
    "MD": ("Moldova", 498, "MDA", "Europe"),
}
# skyledger precision -> ACLED geo_precision: 1 the place itself, 2 near it or a district,
# 3 a region, a sea or less.
ACLED_GEO_PRECISION = {"place": 1, "between-places": 2, "admin2": 2}
# time precision of event_date -> ACLED time_precision (1 day, 2 within a week, 3 coarser)
ACLED_TIME_PRECISION = {"day": 1, "days": 2, "report-date": 2, "week+": 3, "unknown": 3}
SOURCE_SCALE = {"telegram": "New media"}

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


def evidence_words(claim: dict) -> str | None:
    """The words the claim was taken from (its evidence span), on one line."""
    text, span = claim.get("report_text"), (claim.get("evidence") or {}).get("claim")
    if not text or not span:
        return None
    return " ".join(text[span[0] : span[1]].split())[:NOTE_QUOTE_CHARS]


def csv_row(claim: dict) -> dict:
    """The claim record: CSV row, JSON Lines object and GeoJSON properties alike."""
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
        evidence_text=evidence_words(claim),
    )
    return row


def sub_event_type(claim: dict) -> str:
    if claim["claim_type"] in SUB_EVENT_TYPES:
        return SUB_EVENT_TYPES[claim["claim_type"]]
    return STRIKE_BY_WEAPON.get(claim.get("weapon") or "", "Attack (claimed)")


def event_date(claim: dict) -> tuple[str | None, str]:
    """(date, time precision): the claimed window's day when known, else the report's; no
    date at all for a claim whose report has no known time."""
    start, end = claim.get("window_start"), claim.get("window_end")
    if start:
        days = 0 if end is None else (end.date() - start.date()).days
        return start.date().isoformat(), "day" if days == 0 else "days" if days <= 7 else "week+"
    published = claim.get("published")
    if published:
        return published.date().isoformat(), "report-date"
    return None, "unknown"


def note(claim: dict) -> str:
    count = claim.get("count")
    amount = "" if count is None else f"{count} "
    weapon = WEAPON_WORDS.get(claim.get("weapon") or "", "")
    summary = f"{claim.get('claimant') or 'Unattributed'} claims {claim['claim_type']}: {amount}{weapon}".strip()
    quote = evidence_words(claim)
    if quote:
        summary += f'. "{quote}"'
    return summary


def acled_source(claim: dict) -> str:
    """Who says it, then where it was published: "claimant; outlet URL"."""
    outlet = " ".join(filter(None, (claim.get("source"), claim.get("url"))))
    return "; ".join(filter(None, (claim.get("claimant"), outlet)))


def acled_tags(claim: dict) -> str:
    count = claim.get("count")
    figure = "" if count is None else f"{count} ({claim.get('count_qualifier') or 'exact'})"
    tags = [
        f"claimant: {claim.get('claimant') or 'unattributed'}",
        f"claim type: {claim['claim_type']}",
        f"weapon: {claim.get('weapon') or 'unknown'}",
        f"count: {figure or 'not given'}",
    ]
    if claim.get("model"):
        tags.append(f"model: {claim['model']}")
    if claim.get("review_status") and claim["review_status"] != "unreviewed":
        reviewer = f" by {claim['reviewer']}" if claim.get("reviewer") else ""
        tags.append(f"review: {claim['review_status']}{reviewer}")
    return "; ".join(tags)


def acled_row(claim: dict) -> dict:
    """One claim as an ACLED row (docs/exports.md): a claim, never an attributed attack."""
    lat, lon, precision = representative_point(claim)
    day, time_precision = event_date(claim)
    name, numeric, alpha3, region = COUNTRIES.get(claim.get("country") or "", (None,) * 4)
    ingested = claim.get("ingested")
    return {
        "event_id_cnty": f"{alpha3 or 'XXX'}-SL{claim.get('id')}",
        "event_date": day,
        "year": int(day[:4]) if day else None,
        "time_precision": ACLED_TIME_PRECISION[time_precision],
        "disorder_type": "Political violence",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": sub_event_type(claim),
        # skyledger records who claims, not who attacked: the actors stay empty
        "actor1": None,
        "assoc_actor_1": None,
        "inter1": None,
        "actor2": None,
        "assoc_actor_2": None,
        "inter2": None,
        "interaction": None,
        "civilian_targeting": None,
        "iso": numeric,
        "region": region,
        "country": name,
        "admin1": admin1_name(claim.get("admin1")) or claim.get("admin1"),
        "admin2": None,
        "admin3": None,
        "location": place_names(claim)
        or claim.get("region_text")
        or admin1_name(claim.get("admin1")),
        "latitude": lat,
        "longitude": lon,
        "geo_precision": ACLED_GEO_PRECISION.get(precision, 3),
        "source": acled_source(claim),
        "source_scale": SOURCE_SCALE.get(claim.get("source_kind") or "", "Other"),
        "notes": note(claim),
        "fatalities": claim.get("killed"),
        "tags": acled_tags(claim),
        "timestamp": int(ingested.timestamp()) if ingested else None,
        "skyledger_claim_id": claim.get("id"),
    }
