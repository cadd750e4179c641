"""Admin-1 regions as the dashboard ships them: names and a representative point."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources


@cache
def admin1_table() -> dict[str, dict]:
    """ISO 3166-2 code -> {country, name_en, name_ru, name_uk, lat, lon} (built by scripts/build_web_assets.py)."""
    data = resources.files("skyledger") / "web" / "static" / "data" / "admin1.json"
    return json.loads(data.read_text(encoding="utf-8"))["regions"]


def admin1_name(code: str | None) -> str | None:
    entry = admin1_table().get(code or "")
    return entry["name_en"] if entry else None
