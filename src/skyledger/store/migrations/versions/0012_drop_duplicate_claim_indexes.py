"""drop the claim indexes that a keyset index already holds

Revision ID: 0012
Revises: 0011

`ix_claims_admin1` (admin1) and `ix_claims_claimant` (claimant) came with the first
schema; migration 0002 added `ix_claims_admin1_id` (admin1, id) and
`ix_claims_claimant_id` (claimant, id), which serve every look-up the first two served.
In SQLite the pairs are the same index (each entry ends with the row id); in PostgreSQL
the longer one answers the same equality and range conditions. Every claim written paid
for both: dropping the first of each pair makes each insert maintain two indexes fewer.
"""

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_claims_admin1", table_name="claims")
    op.drop_index("ix_claims_claimant", table_name="claims")


def downgrade() -> None:
    op.create_index("ix_claims_claimant", "claims", ["claimant"])
    op.create_index("ix_claims_admin1", "claims", ["admin1"])
