"""claims summed by day and by dimension, for the dashboard's whole-ledger view

Revision ID: 0013
Revises: 0012

`/api/timeseries`, `/api/regions` and `/api/stats` over the whole ledger grouped every
claim on each request (seconds at a million claims). `claim_series` holds the claims of a
time series summed per UTC day, claim type, weapon and claimant; `claim_tallies` every
standing claim summed per claim type, weapon, claimant, country and region. Both are
filled here from the claims and kept in step by every writer (skyledger.store.rollup).
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

LENGTHS = {"day": 10, "claim_type": 16, "weapon": 16, "claimant_key": 300, "claimant": 300,
           "country": 2, "admin1": 8}  # fmt: skip
TABLES = {
    "claim_series": ("day", "claim_type", "claimant_key", "claimant", "weapon"),
    "claim_tallies": ("claim_type", "weapon", "claimant_key", "claimant", "country", "admin1"),
}


def upgrade() -> None:
    for name, keys in TABLES.items():
        op.create_table(
            name,
            *(sa.Column(key, sa.String(LENGTHS[key]), nullable=False) for key in keys),
            sa.Column("claims", sa.BigInteger(), nullable=False),
            sa.Column("claimed", sa.BigInteger(), nullable=False),
            sa.PrimaryKeyConstraint(*keys, name=f"pk_{name}"),
            sqlite_with_rowid=False,
        )
    bind = op.get_bind()
    for name, keys in TABLES.items():
        bind.execute(sa.text(fill_sql(name, keys, bind.dialect.name)))
        if bind.dialect.name == "postgresql":  # its planner's row counts, before autovacuum's
            bind.execute(sa.text(f"ANALYZE {name}"))


def fill_sql(name: str, keys: tuple[str, ...], dialect: str) -> str:
    """The sums of the standing claims, as skyledger.store.rollup computes them (written
    out here, so this revision keeps meaning what it meant)."""
    day = (
        "to_char(timezone('UTC', r.published), 'YYYY-MM-DD')"
        if dialect == "postgresql"
        else "substr(CAST(r.published AS VARCHAR), 1, 10)"
    )
    values = [day if key == "day" else f"coalesce(c.{key}, '')" for key in keys]
    conditions = ["c.review_status != 'rejected'"]
    if name == "claim_series":
        conditions += [
            "r.published IS NOT NULL",
            "NOT c.cumulative",
            "(c.admin1 IS NOT NULL OR NOT EXISTS "
            "(SELECT 1 FROM claims AS child WHERE child.parent_id = c.id))",
        ]
    return (
        f"INSERT INTO {name} ({', '.join(keys)}, claims, claimed) "
        f"SELECT {', '.join(values)}, count(*), coalesce(sum(c.count), 0) "
        "FROM claims AS c JOIN reports AS r ON c.report_id = r.id "
        f"WHERE {' AND '.join(conditions)} GROUP BY {', '.join(values)}"
    )


def downgrade() -> None:
    for name in TABLES:
        op.drop_table(name)
