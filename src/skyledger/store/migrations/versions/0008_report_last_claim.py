"""each report's newest claim, for time windows over claims

Revision ID: 0008
Revises: 0010
Create Date: 2026-12-07 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0010"
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
    # The highest id is the report's newest claim (a claim added in review has a high seq
    # but may be older than claims written again by reextract).
    op.execute(
        "UPDATE reports SET last_claim_id = "
        "(SELECT max(claims.id) FROM claims WHERE claims.report_id = reports.id)"
    )
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.create_index(
            "ix_reports_published_last_claim", ["published", "last_claim_id"], unique=False
        )


def downgrade() -> None:
    op.drop_index("ix_reports_published_last_claim", table_name="reports")
    # A plain DROP COLUMN (SQLite 3.35+), not a batch copy of the table: the flat views
    # of 0009 name the reports table, and SQLite refuses a copy under a live view.
    op.execute(sa.text("ALTER TABLE reports DROP COLUMN last_claim_id"))
