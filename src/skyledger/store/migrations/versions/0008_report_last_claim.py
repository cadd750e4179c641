"""each report's newest claim, for time windows over claims

Revision ID: 0008
Revises: 0006
Create Date: 2026-12-07 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A page of claims in a time window starts from the newest claim of the window's
    # reports: read from one index over (published, last_claim_id), not one probe of
    # the claims per report (which a planner without statistics turns into a scan each).
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "last_claim_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
            )
        )
    # The claim with the highest seq is the report's newest: a report's claims are
    # written in one statement, in seq order.
    op.execute(
        "UPDATE reports SET last_claim_id = (SELECT claims.id FROM claims "
        "WHERE claims.report_id = reports.id ORDER BY claims.seq DESC LIMIT 1)"
    )
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.create_index(
            "ix_reports_published_last_claim", ["published", "last_claim_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.drop_index("ix_reports_published_last_claim")
        batch_op.drop_column("last_claim_id")
