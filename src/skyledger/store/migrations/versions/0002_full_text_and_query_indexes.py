"""full-text search over reports and indexes for the API's filters

Revision ID: 0002
Revises: 0001

SQLite gets an FTS5 table that mirrors reports.text (kept in step by triggers);
PostgreSQL gets a GIN index over to_tsvector('simple', text). The query layer
(store/queries.py) picks the matching form by dialect.
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SQLITE_FTS = [
    "CREATE VIRTUAL TABLE reports_fts USING fts5("
    "text, content='reports', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER reports_fts_insert AFTER INSERT ON reports BEGIN "
    "INSERT INTO reports_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER reports_fts_delete AFTER DELETE ON reports BEGIN "
    "INSERT INTO reports_fts(reports_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER reports_fts_update AFTER UPDATE OF text ON reports BEGIN "
    "INSERT INTO reports_fts(reports_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO reports_fts(rowid, text) VALUES (new.id, new.text); END",
    "INSERT INTO reports_fts(reports_fts) VALUES ('rebuild')",
]

POSTGRES_FTS = [
    "CREATE INDEX ix_reports_text_fts ON reports USING gin (to_tsvector('simple'::regconfig, text))",
]

# Keyset pages walk claims by id; these let a filtered page stop early.
INDEXES = [
    ("ix_claims_weapon_id", "claims", ["weapon", "id"]),
    ("ix_claims_type_id", "claims", ["claim_type", "id"]),
    ("ix_claims_country_id", "claims", ["country", "id"]),
    ("ix_claims_admin1_id", "claims", ["admin1", "id"]),
    ("ix_claims_claimant_id", "claims", ["claimant", "id"]),
    ("ix_reports_source_published", "reports", ["source_id", "published"]),
    # per-region and per-day counts over a time window reach claims through their report;
    # this covers every column those counts read, so no claim row is fetched
    (
        "ix_claims_report_summary",
        "claims",
        [
            "report_id",
            "admin1",
            "claimant",
            "claim_type",
            "weapon",
            "country",
            "count",
            "cumulative",
            "id",
        ],
    ),
    ("ix_claims_parent", "claims", ["parent_id"]),  # totals of a breakdown; ON DELETE SET NULL
    ("ix_events_claim_type", "events", ["claim_type"]),
]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)
    statements = (
        SQLITE_FTS if dialect == "sqlite" else POSTGRES_FTS if dialect == "postgresql" else []
    )
    for statement in statements:
        op.execute(sa.text(statement))


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for trigger in ("reports_fts_insert", "reports_fts_delete", "reports_fts_update"):
            op.execute(sa.text(f"DROP TRIGGER IF EXISTS {trigger}"))
        op.execute(sa.text("DROP TABLE IF EXISTS reports_fts"))
    elif dialect == "postgresql":
        op.execute(sa.text("DROP INDEX IF EXISTS ix_reports_text_fts"))
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
