"""a report's own default claimant and the local file it came from; sources are outlets

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 09:00:00
"""

from pathlib import PurePath

import sqlalchemy as sa
from alembic import op

from skyledger.sources.outlets import UNNAMED, outlet_source

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

sources = sa.table(
    "sources",
    sa.column("id", sa.BigInteger),
    sa.column("kind", sa.String),
    sa.column("name", sa.String),
    sa.column("claimant", sa.String),
    sa.column("enabled", sa.Boolean),
    sa.column("registered", sa.Boolean),
    sa.column("created", sa.DateTime),
)
reports = sa.table(
    "reports",
    sa.column("id", sa.BigInteger),
    sa.column("source_id", sa.BigInteger),
    sa.column("external_id", sa.String),
    sa.column("url", sa.String),
    sa.column("claimant", sa.String),
    sa.column("origin", sa.String),
)
claims = sa.table(
    "claims",
    sa.column("report_id", sa.BigInteger),
    sa.column("seq", sa.Integer),
    sa.column("claimant", sa.String),
    sa.column("evidence", sa.JSON),
)
events = sa.table("events", sa.column("id", sa.BigInteger), sa.column("detail", sa.JSON))

_CHUNK = 500


def upgrade() -> None:
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.add_column(sa.Column("claimant", sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column("origin", sa.String(length=2000), nullable=True))
    conn = op.get_bind()
    # Until now a report's default claimant was its source's.
    source_claimant = (
        sa.select(sources.c.claimant).where(sources.c.id == reports.c.source_id).scalar_subquery()
    )
    conn.execute(reports.update().values(claimant=source_claimant))
    # Text files were filed under one source, "files", by their path.
    file_sources = sa.select(sources.c.id).where(sources.c.kind == "file")
    conn.execute(
        reports.update()
        .where(reports.c.source_id.in_(file_sources))
        .values(origin=reports.c.external_id)
    )
    moved = {}
    for row in conn.execute(
        sa.select(sources.c.id, sources.c.name).where(sources.c.kind == "jsonl")
    ).all():
        moved.update(_move_file_source(conn, row.id, row.name))
    if moved:
        _rename_citations(conn, moved)


def _move_file_source(conn, old_id: int, path: str) -> dict[int, str]:
    """File a JSON Lines file's reports under the outlets their addresses name, the file
    kept as their origin; each report's default claimant is the one its claims were
    made with (the source row held only the file's first line's)."""
    rows = conn.execute(
        sa.select(reports.c.id, reports.c.external_id, reports.c.url)
        .where(reports.c.source_id == old_id)
        .order_by(reports.c.id)
    ).all()
    defaults = _defaults_used(conn, [row.id for row in rows])
    ids: dict[tuple[str, str], int] = {}
    renamed = {}
    for row in rows:
        outlet = outlet_source(row.url) or UNNAMED
        key = (outlet.kind, outlet.name)
        if key not in ids:
            ids[key] = _source_id(conn, outlet.kind, outlet.name)
        external_id = row.external_id
        if _taken(conn, ids[key], external_id):
            external_id = f"{external_id} ({PurePath(path).name})"[:1000]
            if _taken(conn, ids[key], external_id):
                continue  # cannot be filed without a clash: left under its file
        conn.execute(
            reports.update()
            .where(reports.c.id == row.id)
            .values(
                source_id=ids[key],
                external_id=external_id,
                origin=path,
                claimant=defaults.get(row.id),
            )
        )
        renamed[row.id] = outlet.name
    left = conn.execute(
        sa.select(sa.func.count()).select_from(reports).where(reports.c.source_id == old_id)
    ).scalar_one()
    if not left:
        conn.execute(
            sources.delete().where(sources.c.id == old_id, sources.c.registered.is_(False))
        )
    return renamed


def _defaults_used(conn, report_ids: list[int]) -> dict[int, str]:
    """The claimant each report's claims took when the text named nobody (no evidence span)."""
    found: dict[int, str] = {}
    for start in range(0, len(report_ids), _CHUNK):
        chunk = report_ids[start : start + _CHUNK]
        query = (
            sa.select(claims.c.report_id, claims.c.claimant, claims.c.evidence)
            .where(claims.c.report_id.in_(chunk), claims.c.claimant.is_not(None))
            .order_by(claims.c.report_id, claims.c.seq)
        )
        for row in conn.execute(query):
            if row.report_id not in found and "claimant" not in (row.evidence or {}):
                found[row.report_id] = row.claimant
    return found


def _source_id(conn, kind: str, name: str) -> int:
    found = conn.execute(
        sa.select(sources.c.id).where(sources.c.kind == kind, sources.c.name == name)
    ).scalar()
    if found is not None:
        return found
    conn.execute(
        sources.insert().values(
            kind=kind, name=name, enabled=True, registered=False, created=sa.func.now()
        )
    )
    return conn.execute(
        sa.select(sources.c.id).where(sources.c.kind == kind, sources.c.name == name)
    ).scalar_one()


def _taken(conn, source_id: int, external_id: str) -> bool:
    return (
        conn.execute(
            sa.select(reports.c.id).where(
                reports.c.source_id == source_id, reports.c.external_id == external_id
            )
        ).first()
        is not None
    )


def _rename_citations(conn, renamed: dict[int, str]) -> None:
    """Events cite their reports' sources by name: the moved reports' outlets replace the paths."""
    changed = {}
    for row in conn.execute(sa.select(events.c.id, events.c.detail)):
        detail = row.detail or {}
        touched = False
        for statement in detail.get("statements", []):
            for citation in statement.get("citations", []):
                name = renamed.get(citation.get("report_id"))
                if name is not None and citation.get("source") != name:
                    citation["source"] = name
                    touched = True
        if touched:
            changed[row.id] = detail
    for event_id, detail in changed.items():
        conn.execute(events.update().where(events.c.id == event_id).values(detail=detail))


def downgrade() -> None:
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.drop_column("origin")
        batch_op.drop_column("claimant")
