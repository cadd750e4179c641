"""The ledger's tables, one schema for SQLite and PostgreSQL.

Alembic migrations in `migrations/versions/` create and change these tables; this
module is what the code queries against and what `alembic revision --autogenerate`
compares with.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.types import TypeDecorator

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# BigInteger ids on PostgreSQL, INTEGER PRIMARY KEY (rowid) on SQLite.
Id = BigInteger().with_variant(Integer(), "sqlite")


class UTCDateTime(TypeDecorator):
    """Timezone-aware datetimes stored as UTC; SQLite keeps no zone, so we normalise."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the ledger")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


sources = Table(
    "sources",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("kind", String(32), nullable=False),
    Column("name", String(1000), nullable=False),
    Column("claimant", String(300)),
    Column("lang", String(2)),
    Column("tz", String(64)),
    Column("every_seconds", Integer),
    Column("enabled", Boolean, nullable=False, default=True),
    Column("registered", Boolean, nullable=False, default=False),  # followed by `watch`
    Column("state", JSON),  # last seen id, ETag, Last-Modified, failures
    Column("last_polled", UTCDateTime),
    Column("created", UTCDateTime, nullable=False, default=utcnow),
    UniqueConstraint("kind", "name", name="uq_sources_kind_name"),
)

reports = Table(
    "reports",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("source_id", Id, ForeignKey("sources.id"), nullable=False),
    Column("external_id", String(1000), nullable=False),
    Column("url", String(2000)),  # http(s) links only
    Column("url_text", String(2000)),  # an address given that is no web link, as text
    Column("published", UTCDateTime),
    Column("published_precision", String(8)),
    Column("lang", String(2)),
    Column("text", Text, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("ingested", UTCDateTime, nullable=False, default=utcnow),
    Column("claimant", String(300)),  # who speaks when the text names nobody (0007)
    Column("origin", String(2000)),  # the local file it was read from, if any (0007)
    Column("last_claim_id", Id),  # its newest claim (migration 0008), for time windows
    UniqueConstraint("content_hash", name="uq_reports_content_hash"),
    UniqueConstraint("source_id", "external_id", name="uq_reports_source_external"),
    Index("ix_reports_published", "published"),
    Index("ix_reports_source_published", "source_id", "published"),
    Index("ix_reports_published_last_claim", "published", "last_claim_id"),
)

events = Table(
    "events",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("key", String(200), nullable=False),  # deterministic identity of the happening
    Column("claim_type", String(16), nullable=False),
    Column("weapon", String(16)),
    Column("country", String(2)),
    Column("admin1", String(8)),
    Column("low", Integer),
    Column("best", Integer),
    Column("high", Integer),
    Column("conflict", Boolean, nullable=False, default=False),
    Column("killed", Integer),
    Column("injured", Integer),
    Column("window_start", UTCDateTime),
    Column("window_end", UTCDateTime),
    Column("first_reported", UTCDateTime),
    Column("parent_id", Id, ForeignKey("events.id", ondelete="SET NULL")),
    Column("detail", JSON),  # claims with claimant, count, agreement, citations
    Column("bucket", String(120)),  # reconcile bucket: ledger day, claim type, weapon
    UniqueConstraint("key", name="uq_events_key"),
    Index("ix_events_admin1", "admin1"),
    Index("ix_events_first_reported", "first_reported"),
    Index("ix_events_bucket", "bucket"),
    Index("ix_events_claim_type", "claim_type"),
    Index("ix_events_parent", "parent_id"),  # a removed event's children are found by it
)

claims = Table(
    "claims",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("report_id", Id, ForeignKey("reports.id", ondelete="CASCADE"), nullable=False),
    Column("seq", Integer, nullable=False),  # position within the report's claims
    Column("parent_id", Id, ForeignKey("claims.id", ondelete="SET NULL")),
    Column("claimant", String(300)),
    Column("claimant_key", String(300)),  # canonical id (skyledger.claimants), migration 0007b
    Column("claim_type", String(16), nullable=False),
    Column("weapon", String(16)),
    Column("model", String(64)),
    Column("count", Integer),
    Column("count_qualifier", String(16), nullable=False),
    Column("country", String(2)),
    Column("admin1", String(8)),
    Column("region_text", String(300)),
    Column("places", JSON, nullable=False),
    Column("window_start", UTCDateTime),
    Column("window_end", UTCDateTime),
    Column("killed", Integer),
    Column("injured", Integer),
    Column("cumulative", Boolean, nullable=False, default=False),
    Column("evidence", JSON, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("extractor_version", String(32), nullable=False),
    Column("event_id", Id, ForeignKey("events.id", ondelete="SET NULL")),
    Column("bucket", String(120)),  # set when reconciled; see skyledger.reconcile
    # Set by reviews (migration 0010, skyledger.review): the row holds effective values.
    Column("review_status", String(16), nullable=False, server_default="unreviewed"),
    Column("reviewer", String(300)),
    Column("version", Integer, nullable=False, server_default="0"),
    UniqueConstraint("report_id", "seq", name="uq_claims_report_seq"),
    Index("ix_claims_type_weapon", "claim_type", "weapon"),
    Index("ix_claims_event", "event_id"),
    Index("ix_claims_bucket", "bucket"),
    # keyset pages over a filter (migration 0002); they serve plain look-ups of the
    # region or claimant too (migration 0012 dropped the indexes of those alone)
    Index("ix_claims_weapon_id", "weapon", "id"),
    Index("ix_claims_type_id", "claim_type", "id"),
    Index("ix_claims_country_id", "country", "id"),
    Index("ix_claims_admin1_id", "admin1", "id"),
    Index("ix_claims_claimant_id", "claimant", "id"),
    Index(
        "ix_claims_report_summary",
        "report_id",
        "admin1",
        "claimant",
        "claim_type",
        "weapon",
        "country",
        "count",
        "cumulative",
        "id",
    ),
    Index("ix_claims_parent", "parent_id"),
    Index("ix_claims_claimant_key_id", "claimant_key", "id"),  # claimant filters (0007b)
)

# Standing claims summed by the dimensions the dashboard's whole-ledger view asks for
# (migration 0013, skyledger.store.rollup), changed in the transaction that changes the
# claims. A missing value is kept as '' (a primary key's columns cannot be null).
# Key order is the order /api/timeseries groups and sorts in, so it reads the key in order.
SERIES_KEYS = ("day", "claim_type", "claimant_key", "claimant", "weapon")
TALLY_KEYS = ("claim_type", "weapon", "claimant_key", "claimant", "country", "admin1")
_KEY_LENGTHS = {"day": 10, "claim_type": 16, "weapon": 16, "claimant_key": 300,
                "claimant": 300, "country": 2, "admin1": 8}  # fmt: skip


def _rollup(name: str, keys: tuple[str, ...]) -> Table:
    return Table(
        name,
        metadata,
        *(Column(key, String(_KEY_LENGTHS[key]), nullable=False) for key in keys),
        Column("claims", BigInteger, nullable=False),
        Column("claimed", BigInteger, nullable=False),  # sum of their counts
        PrimaryKeyConstraint(*keys),
        sqlite_with_rowid=False,  # rows stored in key order, as PostgreSQL's index holds them
    )


# Claims of /api/timeseries per UTC day of publication: dated, not running totals, and not
# a total broken down by region.
claim_series = _rollup("claim_series", SERIES_KEYS)
# Every standing claim, for /api/stats and /api/regions.
claim_tallies = _rollup("claim_tallies", TALLY_KEYS)

# People's decisions on claims, append-only (migration 0010; see skyledger.review).
reviews = Table(
    "reviews",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("claim_id", Id, ForeignKey("claims.id", ondelete="SET NULL")),
    Column("report_id", Id, ForeignKey("reports.id", ondelete="CASCADE"), nullable=False),
    Column("span_start", Integer),  # the claim's evidence span: how reextract finds it again
    Column("span_end", Integer),
    Column("reviewer", String(300), nullable=False),
    Column("action", String(16), nullable=False),  # confirm, correct, reject, add
    Column("fields", JSON, nullable=False),  # corrected values (an added claim: all of them)
    Column("extracted", JSON),  # the extractor's values the review was made on
    Column("note", Text),
    Column("status", String(20), nullable=False),  # applied, stale, needs re-review
    Column("version", Integer, nullable=False),  # the claim's version the reviewer saw
    Column("created", UTCDateTime, nullable=False, default=utcnow),
    Index("ix_reviews_claim", "claim_id"),
    Index("ix_reviews_report", "report_id"),
)

users = Table(
    "users",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("name", String(300), nullable=False),
    Column("role", String(16), nullable=False),  # reviewer, admin
    Column("token_hash", String(64), nullable=False),  # sha256 of the token, never the token
    Column("created", UTCDateTime, nullable=False, default=utcnow),
    UniqueConstraint("name", name="uq_users_name"),
)

# Full-text search (migration 0002) lives outside this metadata: an FTS5 table
# `reports_fts` on SQLite, a GIN index over to_tsvector('simple', text) on PostgreSQL.
