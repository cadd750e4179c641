"""A ledger of many reports built in a few statements of SQL, as a bulk load leaves it:
no statistics (PostgreSQL's autovacuum kept off its tables, SQLite never analysed).

Reports are one an hour from 2025-01-01, two claims each: the ministry's (uav, missiles or
glide bombs destroyed) and a governor's (casualties or hits by uav), in one region; their
text is not used. Only the oldest RARE reports tell of casualties from glide bombs.
"""

from __future__ import annotations

from sqlalchemy import Engine, text

from skyledger.claimants import claimant_id
from skyledger.store import rollup

TABLES = ("sources", "reports", "claims", "events", "claim_series", "claim_tallies")
RARE = 200
CLAIMANT_KEYS = {
    "ministry": claimant_id("Russian Ministry of Defense"),
    "governor": claimant_id("Governor of Kaluga Oblast"),
}

# The claims of report n, seq s (0: the ministry's, 1: the governor's); CUMULATIVE is the
# backend's false.
CLAIMS = (
    "INSERT INTO claims (id, report_id, seq, claimant, claimant_key, claim_type, weapon, count, "
    "count_qualifier, admin1, country, places, cumulative, evidence, confidence, "
    "extractor_version) "
    "SELECT 2 * n - 1 + s, n, s, "
    "CASE s WHEN 0 THEN 'Russian Ministry of Defense' ELSE 'Governor of Kaluga Oblast' END, "
    "CASE s WHEN 0 THEN :ministry ELSE :governor END, "
    "CASE WHEN s = 0 THEN 'destroyed' WHEN n % 2 = 0 OR n <= :rare THEN 'casualties' "
    "ELSE 'hit' END, "
    "CASE WHEN s = 1 AND n <= :rare THEN 'glide_bomb' WHEN s = 1 THEN 'uav' "
    "WHEN n % 3 = 0 THEN 'missile' WHEN n % 3 = 1 THEN 'glide_bomb' ELSE 'uav' END, "
    "n % 20 + 1, 'exact', 'RU-KLU', 'RU', '[]', CUMULATIVE, '{}', 0.9, 'bulk' "
)

POSTGRES = [
    "INSERT INTO sources (id, kind, name, claimant, enabled, registered, created) "
    "VALUES (1, 'telegram', 'bulk', 'Russian Ministry of Defense', true, false, now())",
    "INSERT INTO reports (id, source_id, external_id, published, lang, text, content_hash, "
    "ingested, last_claim_id) "
    "SELECT n, 1, 'r' || n, timestamptz '2025-01-01 00:00+00' + n * interval '1 hour', 'en', "
    "'Bulk report ' || n, md5('bulk ' || n), now(), 2 * n FROM generate_series(1, :n) AS n",
    CLAIMS.replace("CUMULATIVE", "false")
    + "FROM generate_series(1, :n) AS n, generate_series(0, 1) AS s",
    "SELECT setval('reports_id_seq', :n)",
    "SELECT setval('claims_id_seq', 2 * :n)",
]

SQLITE = [
    "INSERT INTO sources (id, kind, name, claimant, enabled, registered, created) VALUES "
    "(1, 'telegram', 'bulk', 'Russian Ministry of Defense', 1, 0, '2025-01-01 00:00:00.000000')",
    "WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < :n) "
    "INSERT INTO reports (id, source_id, external_id, published, lang, text, content_hash, "
    "ingested, last_claim_id) "
    "SELECT n, 1, 'r' || n, datetime('2025-01-01', '+' || n || ' hours') || '.000000', "
    "'en', 'Bulk report ' || n, printf('%064d', n), '2025-01-01 00:00:00.000000', 2 * n FROM k",
    "WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < :n), "
    "s(s) AS (VALUES (0), (1)) " + CLAIMS.replace("CUMULATIVE", "0") + "FROM k, s",
]


def fill(engine: Engine, reports: int) -> None:
    """Add `reports` reports and twice as many claims to an empty, migrated ledger."""
    postgres = engine.dialect.name == "postgresql"
    with engine.begin() as conn:
        if postgres:
            for table in TABLES:
                conn.execute(text(f"ALTER TABLE {table} SET (autovacuum_enabled = false)"))
        for statement in POSTGRES if postgres else SQLITE:
            conn.execute(text(statement), {"n": reports, "rare": RARE, **CLAIMANT_KEYS})
        rollup.fill(conn)  # the sums every writer keeps, for claims written around them
        if not postgres:
            conn.execute(text("DROP TABLE IF EXISTS sqlite_stat1"))
