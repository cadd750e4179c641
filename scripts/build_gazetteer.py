"""Build src/skyledger/geo/data/gazetteer.sqlite from the GeoNames extracts.

Usage: python scripts/build_gazetteer.py [DATA_DIR]   (default: ../shared/data from the repo root)
DATA_DIR holds geonames/ (places_ru_ua_by.tsv.gz, admin1.tsv, admin2_ru_ua_by.tsv) and,
optionally, boundaries/ (admin1 polygons, used for the region centroids).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from skyledger.geo.build import build_tables, write_sqlite  # noqa: E402

OUTPUT = ROOT / "src" / "skyledger" / "geo" / "data" / "gazetteer.sqlite"


def main(argv: list[str]) -> int:
    data_dir = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared" / "data"
    started = time.perf_counter()
    tables = build_tables(data_dir)
    checksum = write_sqlite(tables, OUTPUT)
    sizes = ", ".join(f"{name} {len(rows)}" for name, rows in tables.items())
    print(
        f"{OUTPUT.relative_to(ROOT)}: {sizes}; {OUTPUT.stat().st_size / 1e6:.1f} MB; "
        f"checksum {checksum[:12]}; {time.perf_counter() - started:.0f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
