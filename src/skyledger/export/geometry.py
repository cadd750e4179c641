"""Where a claim is, no more precisely than it says.

A place resolved by the gazetteer is a point; a claim set between two places is the
segment joining them; a claim known only to its region is that region's
representative point, marked `admin1` so nobody reads it as a precise location.
"""

from __future__ import annotations

from skyledger.export.areas import admin1_table


def located(places: list[dict], precision: str) -> list[dict]:
    return [
        p
        for p in places
        if p.get("geo_precision") == precision
        and p.get("lat") is not None
        and p.get("lon") is not None
    ]


def claim_geometry(claim: dict) -> tuple[dict | None, str]:
    """(GeoJSON geometry or None, the precision it stands for)."""
    points = located(claim.get("places") or [], "place")
    if points:
        if len(points) == 1:
            return {"type": "Point", "coordinates": _lonlat(points[0])}, "place"
        return {"type": "MultiPoint", "coordinates": [_lonlat(p) for p in points]}, "place"
    between = located(claim.get("places") or [], "between-places")
    if len(between) >= 2:
        return {
            "type": "LineString",
            "coordinates": [_lonlat(p) for p in between],
        }, "between-places"
    area = admin1_table().get(claim.get("admin1") or "")
    if area:
        precision = (
            claim.get("geo_precision") if claim.get("geo_precision") == "admin2" else "admin1"
        )
        return {"type": "Point", "coordinates": [area["lon"], area["lat"]]}, precision
    if any(p.get("geo_precision") == "water" for p in claim.get("places") or []):
        return None, "water"  # a sea keeps its name (see places), with no point on land
    return None, "country" if claim.get("country") else "unresolved"


def representative_point(claim: dict) -> tuple[float | None, float | None, str]:
    """(lat, lon, precision): a place, the middle of a between-places segment, or the region's point."""
    geometry, precision = claim_geometry(claim)
    if geometry is None:
        return None, None, precision
    coords = geometry["coordinates"]
    if geometry["type"] == "Point":
        return coords[1], coords[0], precision
    lon = sum(c[0] for c in coords) / len(coords)
    lat = sum(c[1] for c in coords) / len(coords)
    return round(lat, 5), round(lon, 5), precision


def _lonlat(place: dict) -> list[float]:
    return [place["lon"], place["lat"]]
