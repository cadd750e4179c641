"""reconciliation buckets on claims and events

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 12:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The bucket (ledger day, claim type, weapon) a claim is reconciled in; events
    # carry the same bucket so one bucket's events are recomputed together.
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.add_column(sa.Column("bucket", sa.String(length=120), nullable=True))
        batch_op.create_index("ix_claims_bucket", ["bucket"], unique=False)
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("bucket", sa.String(length=120), nullable=True))
        batch_op.create_index("ix_events_bucket", ["bucket"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_bucket")
        batch_op.drop_column("bucket")
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index("ix_claims_bucket")
        batch_op.drop_column("bucket")
