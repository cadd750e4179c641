"""Build the dashboard's map data from the bundled Natural Earth admin-1 boundaries.

Writes into src/skyledger/web/static/data/:
- regions.geojson: the RU, UA and BY admin-1 regions (ISO 3166-2 code and names),
  coordinates snapped to a grid, which simplifies them while keeping shared borders
  shared (both neighbours snap the same vertices to the same points);
- context.geojson: neighbouring countries' outlines, coarser, drawn for orientation;
- admin1.json: per region its names and a representative point (the area centroid of
  its largest part), used by exports for claims known only to a region.

Natural Earth is public domain ("Made with Natural Earth").
Usage: python scripts/build_web_assets.py [--boundaries DIR]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BOUNDARIES = ROOT.parent / "shared" / "data" / "boundaries"
OUT = ROOT / "src" / "skyledger" / "web" / "static" / "data"
REGION_GRID = 0.01  # degrees, about 1 km
CONTEXT_GRID = 0.05
CORE = {"RU", "UA", "BY"}


def snap_ring(ring: list, grid: float) -> list | None:
    """The ring on the grid without repeated points; None when it collapses."""
    points = []
    for lon, lat in ring:
        point = [round(round(lon / grid) * grid, 4), round(round(lat / grid) * grid, 4)]
        if not points or points[-1] != point:
            points.append(point)
    if points[0] != points[-1]:
        points.append(points[0])
    return points if len(points) >= 4 else None


def snap_polygons(geometry: dict, grid: float) -> list:
    polygons = (
        geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    )
    result = []
    for polygon in polygons:
        outer = snap_ring(polygon[0], grid)
        if outer is None:
            continue
        holes = [h for h in (snap_ring(r, grid) for r in polygon[1:]) if h]
        result.append([outer, *holes])
    return result


def as_geometry(polygons: list) -> dict:
    if len(polygons) == 1:
        return {"type": "Polygon", "coordinates": polygons[0]}
    return {"type": "MultiPolygon", "coordinates": polygons}


def ring_area_centroid(ring: list) -> tuple[float, float, float]:
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if area == 0:
        return 0.0, ring[0][0], ring[0][1]
    return abs(area / 2), cx / (3 * area), cy / (3 * area)


def representative_point(geometry: dict) -> tuple[float, float]:
    polygons = (
        geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    )
    _area, lon, lat = max((ring_area_centroid(p[0]) for p in polygons), key=lambda t: t[0])
    return round(lat, 4), round(lon, 4)


def build(boundaries: Path, out: Path) -> None:
    admin1 = json.loads(
        (boundaries / "admin1_ru_ua_by_neighbours.geojson").read_text(encoding="utf-8")
    )
    countries = json.loads((boundaries / "admin0_from_admin1.geojson").read_text(encoding="utf-8"))
    regions, table = [], {}
    for feature in sorted(admin1["features"], key=lambda f: f["properties"]["iso3166_2"]):
        props = feature["properties"]
        if props["country_iso"] not in CORE:
            continue
        code = props["iso3166_2"]
        lat, lon = representative_point(feature["geometry"])
        names = {
            key: props.get(key) or props["name_en"] for key in ("name_en", "name_ru", "name_uk")
        }
        table[code] = {"country": props["country_iso"], **names, "lat": lat, "lon": lon}
        regions.append(
            {
                "type": "Feature",
                "properties": {"iso3166_2": code, "country": props["country_iso"], **names},
                "geometry": as_geometry(snap_polygons(feature["geometry"], REGION_GRID)),
            }
        )
    context = []
    for feature in countries["features"]:
        code = feature["properties"].get("country_iso")
        if code in CORE:
            continue
        polygons = snap_polygons(feature["geometry"], CONTEXT_GRID)
        if polygons:
            context.append(
                {
                    "type": "Feature",
                    "properties": {"country": code},
                    "geometry": as_geometry(polygons),
                }
            )
    attribution = "Made with Natural Earth (public domain)"
    out.mkdir(parents=True, exist_ok=True)
    write(
        out / "regions.geojson",
        {"type": "FeatureCollection", "attribution": attribution, "features": regions},
    )
    write(
        out / "context.geojson",
        {"type": "FeatureCollection", "attribution": attribution, "features": context},
    )
    write(out / "admin1.json", {"attribution": attribution, "regions": table})


def write(path: Path, data: dict) -> None:
    path.write_text(
        json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    print(f"{path.relative_to(ROOT)}: {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--boundaries", type=Path, default=DEFAULT_BOUNDARIES)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    build(args.boundaries, args.out)
