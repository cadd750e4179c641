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
down_revision = "0008"
branch_labels = None
depends_on = None


def _flat_views_0009():
    """Migration 0009's module: its views are amended here, not written twice."""
    path = Path(__file__).with_name("0009_flat_views_and_declared_fts.py")
    spec = importlib.util.spec_from_file_location("skyledger_migration_0009", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def amended(sql: str, old: str, new: str) -> str:
    """0009's view text with one part changed (0009 is fixed, so its text is too)."""
    if old not in sql:
        raise RuntimeError(f"migration 0009's view no longer holds {old!r}")
    return sql.replace(old, new)


STANDING = "c.review_status <> 'rejected'"


def claims_flat(dialect: str) -> str:
    """0009's view with the review columns, rejected claims left out."""
    sql = amended(
        _flat_views_0009().claims_flat(dialect),
        "c.extractor_version\nFROM claims c",
        "c.extractor_version, c.review_status, c.reviewer\nFROM claims c",
    )
    return f"{sql}WHERE {STANDING}\n"


def events_flat() -> str:
    """0009's view counting only the claims that stand."""
    return amended(
        _flat_views_0009().events_flat(),
        "WHERE c.event_id = e.id)",
        f"WHERE c.event_id = e.id AND {STANDING})",
    )


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
