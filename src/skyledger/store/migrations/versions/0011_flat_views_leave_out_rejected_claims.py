"""the flat views leave out rejected claims and show each claim's review status

Revision ID: 0011
Revises: 0010

`claims_flat` (migration 0009) listed every stored claim, those a reviewer rejected too,
and `events_flat` counted them: datasette and QGIS users saw what every other surface
leaves out. Both views are declared again: rejected claims are left out, and
`claims_flat` gains `review_status` and `reviewer` (migration 0010) so an export and the
view say the same.
"""

import importlib.util
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def _flat_views_0009():
    """Migration 0009's module: the region table and place expressions stay written once."""
    path = Path(__file__).with_name("0009_flat_views_and_declared_fts.py")
    spec = importlib.util.spec_from_file_location("skyledger_migration_0009", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def claims_flat(dialect: str) -> str:
    v9 = _flat_views_0009()
    first_lat, first_lon = v9.place(dialect, 0, "lat"), v9.place(dialect, 0, "lon")
    second_lat, second_lon = v9.place(dialect, 1, "lat"), v9.place(dialect, 1, "lon")
    first_kind = v9.place(dialect, 0, "geo_precision")
    segment = f"{first_kind} = 'between-places' AND {second_lat} IS NOT NULL"
    return f"""
CREATE VIEW claims_flat AS
WITH {v9.regions_cte()}
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
       c.cumulative, c.confidence, c.extractor_version, c.review_status, c.reviewer
FROM claims c
JOIN reports r ON r.id = c.report_id
JOIN sources s ON s.id = r.source_id
LEFT JOIN regions g ON g.code = c.admin1
WHERE c.review_status <> 'rejected'
"""


def events_flat() -> str:
    return f"""
CREATE VIEW events_flat AS
WITH {_flat_views_0009().regions_cte()}
SELECT e.id, e.claim_type, e.weapon, e.country, e.admin1, g.name AS admin1_name,
       e.low, e.best, e.high, e.conflict, e.killed, e.injured, e.window_start, e.window_end,
       e.first_reported, g.lat AS latitude, g.lon AS longitude,
       (SELECT COUNT(*) FROM claims c
        WHERE c.event_id = e.id AND c.review_status <> 'rejected') AS claims
FROM events e
LEFT JOIN regions g ON g.code = e.admin1
"""


def drop_views() -> None:
    op.execute(sa.text("DROP VIEW IF EXISTS events_flat"))
    op.execute(sa.text("DROP VIEW IF EXISTS claims_flat"))


def upgrade() -> None:
    drop_views()
    op.execute(sa.text(claims_flat(op.get_bind().dialect.name)))
    op.execute(sa.text(events_flat()))


def downgrade() -> None:
    # 0009's views name no column of 0010, so 0010 can then go down in its turn
    v9 = _flat_views_0009()
    drop_views()
    op.execute(sa.text(v9.claims_flat(op.get_bind().dialect.name)))
    op.execute(sa.text(v9.events_flat()))
