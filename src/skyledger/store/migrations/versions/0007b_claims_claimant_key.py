"""claims keyed by their canonical claimant (skyledger.claimants), for filters

Revision ID: 0007b
Revises: 0007
Create Date: 2026-12-07 09:30:00
"""

import sqlalchemy as sa
from alembic import op

from skyledger.claimants import claimant_id

revision = "0007b"
down_revision = "0007"
branch_labels = None
depends_on = None

claims = sa.table(
    "claims",
    sa.column("claimant", sa.String),
    sa.column("claimant_key", sa.String),
)


def upgrade() -> None:
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.add_column(sa.Column("claimant_key", sa.String(length=300), nullable=True))
        batch_op.create_index("ix_claims_claimant_key_id", ["claimant_key", "id"], unique=False)
    conn = op.get_bind()
    # one statement per distinct claimant: a ledger has few, however many claims
    named = conn.execute(
        sa.select(claims.c.claimant).where(claims.c.claimant.is_not(None)).distinct()
    ).scalars()
    for claimant in list(named):
        key = claimant_id(claimant)[:300] or None
        conn.execute(claims.update().where(claims.c.claimant == claimant).values(claimant_key=key))


def downgrade() -> None:
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index("ix_claims_claimant_key_id")
        batch_op.drop_column("claimant_key")
