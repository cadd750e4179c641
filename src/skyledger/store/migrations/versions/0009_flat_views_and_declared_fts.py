"""views claims_flat and events_flat with plain coordinates; the SQLite full-text table
declared so datasette and sqlite-utils find it

Revision ID: 0009
Revises: 0006

datasette and sqlite-utils recognise an FTS table by `content="reports"` (double quotes)
in its declaration; 0002 wrote `content='reports'`, so `?_search=` did nothing. The table
is declared again, its triggers rewritten and its index rebuilt.

`claims_flat` and `events_flat` carry `latitude`/`longitude` (the claim's place, the
middle of a between-places segment, else its region's representative point; an event's
region) and `admin1_name`, so a ledger maps in datasette or QGIS without SQL. The region
points are those of the bundled Natural Earth data (web/static/data/admin1.json).
"""

import importlib.util
import json
from importlib import resources
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0007b"
branch_labels = None
depends_on = None

FTS_TRIGGERS = ("reports_fts_insert", "reports_fts_delete", "reports_fts_update")


def fts_statements(content: str) -> list[str]:
    """Migration 0002's table, triggers and rebuild, with the table declared `content=...`."""
    path = Path(__file__).with_name("0002_full_text_and_query_indexes.py")
    spec = importlib.util.spec_from_file_location("skyledger_migration_0002", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    declared = "content='reports'"
    if declared not in module.SQLITE_FTS[0]:
        raise RuntimeError(f"migration 0002's table is no longer declared {declared}")
    return [statement.replace(declared, f"content={content}") for statement in module.SQLITE_FTS]


def redeclare_fts(content: str) -> None:
    for trigger in FTS_TRIGGERS:
        op.execute(sa.text(f"DROP TRIGGER IF EXISTS {trigger}"))
    op.execute(sa.text("DROP TABLE IF EXISTS reports_fts"))
    for statement in fts_statements(content):
        op.execute(sa.text(statement))


def regions_cte() -> str:
    """The admin1 regions as an inline table: code, English name, representative point."""
    data = resources.files("skyledger") / "web" / "static" / "data" / "admin1.json"
    regions = json.loads(data.read_text(encoding="utf-8"))["regions"]
    rows = ", ".join(
        "('{}', '{}', CAST({:.5f} AS DOUBLE PRECISION), CAST({:.5f} AS DOUBLE PRECISION))".format(
            code, entry["name_en"].replace("'", "''"), entry["lat"], entry["lon"]
        )
        for code, entry in sorted(regions.items())
    )
    return f"regions(code, name, lat, lon) AS (VALUES {rows})"


def place(dialect: str, index: int, field: str) -> str:
    if dialect == "postgresql":
        if field in ("lat", "lon"):
            return f"CAST(c.places::json -> {index} ->> '{field}' AS DOUBLE PRECISION)"
        return f"(c.places::json -> {index} ->> '{field}')"
    return f"json_extract(c.places, '$[{index}].{field}')"


def claims_flat(dialect: str) -> str:
    first_lat, first_lon = place(dialect, 0, "lat"), place(dialect, 0, "lon")
    second_lat, second_lon = place(dialect, 1, "lat"), place(dialect, 1, "lon")
    first_kind = place(dialect, 0, "geo_precision")
    segment = f"{first_kind} = 'between-places' AND {second_lat} IS NOT NULL"
    return f"""
CREATE VIEW claims_flat AS
WITH {regions_cte()}
SELECT c.id, c.report_id, r.published, s.name AS source, r.url, c.claimant, c.claim_type,
       c.weapon, c.model, c.count, c.count_qualifier, c.country, c.admin1,
       g.name AS admin1_name, c.region_text,
       CASE WHEN {segment} THEN ({first_lat} + {second_lat}) / 2
            WHEN {first_lat} IS NOT NULL THEN {first_lat} ELSE g.lat END AS latitude,
       CASE WHEN {segment} THEN ({first_lon} + {second_lon}) / 2
            WHEN {first_lon} IS NOT NULL THEN {first_lon} ELSE g.lon END AS longitude,
       CASE WHEN {first_lat} IS NOT NULL THEN {first_kind}
            WHEN g.code IS NOT NULL THEN 'admin1'
            WHEN c.country IS NOT NULL THEN 'country' ELSE 'unresolved' END AS geo_precision,
       c.window_start, c.window_end, c.killed, c.injured, c.parent_id, c.event_id,
       c.cumulative, c.confidence, c.extractor_version
FROM claims c
JOIN reports r ON r.id = c.report_id
JOIN sources s ON s.id = r.source_id
LEFT JOIN regions g ON g.code = c.admin1
"""


def events_flat() -> str:
    return f"""
CREATE VIEW events_flat AS
WITH {regions_cte()}
SELECT e.id, e.claim_type, e.weapon, e.country, e.admin1, g.name AS admin1_name,
       e.low, e.best, e.high, e.conflict, e.killed, e.injured, e.window_start, e.window_end,
       e.first_reported, g.lat AS latitude, g.lon AS longitude,
       (SELECT COUNT(*) FROM claims c WHERE c.event_id = e.id) AS claims
FROM events e
LEFT JOIN regions g ON g.code = e.admin1
"""


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        redeclare_fts('"reports"')
    op.execute(sa.text(claims_flat(dialect)))
    op.execute(sa.text(events_flat()))


def downgrade() -> None:
    op.execute(sa.text("DROP VIEW IF EXISTS events_flat"))
    op.execute(sa.text("DROP VIEW IF EXISTS claims_flat"))
    if op.get_bind().dialect.name == "sqlite":
        redeclare_fts("'reports'")
