"""The migrations build exactly the schema the code queries (store/schema.py), on both backends."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import threading
import time

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from conftest import cli_env
from skyledger.store.db import head_revision, open_engine
from skyledger.store.schema import metadata


def _outside_metadata(name: str) -> bool:
    # full-text search objects are made by migration 0002 and kept out of the metadata
    return name.startswith("reports_fts") or name == "ix_reports_text_fts"


def test_migrations_match_the_schema_module(db_url):
    engine = open_engine(db_url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn)
            assert context.get_current_revision() == head_revision()
            diff = compare_metadata(context, metadata)
        remaining = [
            change
            for change in diff
            if not any(_outside_metadata(str(part)) for part in _names(change))
        ]
        assert remaining == []
    finally:
        engine.dispose()


def test_no_index_of_a_migrated_ledger_repeats_another(db_url):
    """An index on (a) beside one on (a, id) is the same index twice: every write pays
    for both (in SQLite each entry ends with the row id anyway)."""
    engine = open_engine(db_url)
    try:
        with engine.connect() as conn:
            inspector = sa.inspect(conn)
            for table in ("claims", "reports", "events"):
                columns = [tuple(ix["column_names"]) for ix in inspector.get_indexes(table)]
                repeated = [c for c in columns if (*c, "id") in columns]
                assert repeated == [], table
    finally:
        engine.dispose()


def _names(change) -> list[str]:
    items = change if isinstance(change, list) else [change]
    names = []
    for item in items:
        for part in item:
            name = getattr(part, "name", None)
            if isinstance(name, str):
                names.append(name)
    return names


OPEN_AT = """
import sys, time
from skyledger.store.db import open_engine
time.sleep(max(0.0, float(sys.argv[2]) - time.time()))
open_engine(sys.argv[1]).dispose()
"""


def test_processes_opening_a_new_ledger_at_once_take_turns(db_url):
    """Four processes migrate one fresh ledger at the same moment: all open it, none fails."""
    start = time.time() + 3  # after every interpreter has started
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", OPEN_AT, db_url, str(start)],
            env=cli_env(),
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    errors = [p.communicate(timeout=120)[1] for p in processes]
    assert [p.returncode for p in processes] == [0, 0, 0, 0], errors
    engine = open_engine(db_url)
    try:
        with engine.connect() as conn:
            assert MigrationContext.configure(conn).get_current_revision() == head_revision()
    finally:
        engine.dispose()


def test_addresses_stored_as_links_before_that_are_no_web_links_become_text(db_url):
    """Migration 0006: `url` keeps http(s) links only; a `javascript:` one moves to `url_text`."""
    from alembic import command
    from sqlalchemy import text

    from skyledger.store.db import alembic_config, create, upgrade

    engine = create(db_url)
    try:
        with engine.begin() as conn:
            config = alembic_config(engine)
            config.attributes["connection"] = conn
            command.upgrade(config, "0003")
            conn.execute(text("INSERT INTO sources (id, kind, name, enabled, registered, created) VALUES (1, 'rss', 'feed', true, false, CURRENT_TIMESTAMP)"))  # fmt: skip
            for number, url in enumerate(
                ["https://example.org/1", " JavaScript:alert(1)", " https://example.org/2", None]
            ):
                conn.execute(
                    text(
                        "INSERT INTO reports (source_id, external_id, url, text, content_hash, ingested) VALUES (1, :id, :url, 'x', :id, CURRENT_TIMESTAMP)"
                    ),  # fmt: skip
                    {"id": str(number), "url": url},
                )
        upgrade(engine)
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT url, url_text FROM reports ORDER BY external_id"))
            assert [tuple(row) for row in rows] == [
                ("https://example.org/1", None),
                (None, " JavaScript:alert(1)"),
                ("https://example.org/2", None),
                (None, None),
            ]
    finally:
        engine.dispose()


def test_file_path_sources_become_outlets_and_reports_keep_their_claimant(db_url):
    """Migration 0007: a JSON Lines file's path moves from the sources to its reports' origin;
    each report is filed under the outlet its address names and keeps the default claimant
    its claims were made with (the file's source row held only the first line's); 0007b
    keys each claim by its canonical claimant."""
    from alembic import command
    from sqlalchemy import text

    from skyledger.store.db import alembic_config, create, upgrade

    engine = create(db_url)
    path = "/home/analyst/kharkiv.jsonl"
    try:
        with engine.begin() as conn:
            config = alembic_config(engine)
            config.attributes["connection"] = conn
            command.upgrade(config, "0006")
            for kind, name, claimant in [  # ids 1, 2, 3
                ("jsonl", path, "Russian Ministry of Defense"),
                ("rss", "https://feed.example/rss", "Governor of Kaluga Oblast"),
                ("file", "files", None),
            ]:
                conn.execute(
                    text(
                        "INSERT INTO sources (kind, name, claimant, enabled, registered, created) VALUES (:kind, :name, :claimant, true, false, CURRENT_TIMESTAMP)"
                    ),  # fmt: skip
                    {"kind": kind, "name": name, "claimant": claimant},
                )
            for source, external_id, url in [  # ids 1 to 5
                (1, "a", "https://t.me/synegubov/1"),
                (1, "b", "https://www.tass.ru/1"),
                (2, "x", "https://feed.example/x"),
                (3, "/home/analyst/note.txt", None),
                (1, "c", None),
            ]:
                conn.execute(
                    text(
                        "INSERT INTO reports (source_id, external_id, url, text, content_hash, ingested) VALUES (:source, :eid, :url, 'x', :eid, CURRENT_TIMESTAMP)"
                    ),  # fmt: skip
                    {"source": source, "eid": external_id, "url": url},
                )
            for report, claimant, evidence in [
                (1, "Head of Kharkiv Oblast Military Administration", "{}"),  # the line's default
                (2, "Russian Ministry of Defense", '{"claimant": [0, 5]}'),  # named in the text
                (5, "Russian Ministry of Defense", "{}"),
            ]:
                conn.execute(
                    text(
                        "INSERT INTO claims (report_id, seq, claimant, claim_type, count_qualifier, places, cumulative, evidence, confidence, extractor_version) VALUES (:r, 0, :c, 'destroyed', 'exact', '[]', false, :e, 0.5, 'old')"
                    ),  # fmt: skip
                    {"r": report, "c": claimant, "e": evidence},
                )
            citation = {"report_id": 1, "source": path}
            detail = json.dumps({"statements": [{"citations": [citation]}]})
            conn.execute(
                text(
                    "INSERT INTO events (key, claim_type, conflict, detail) VALUES ('k', 'destroyed', false, :d)"
                ),  # fmt: skip
                {"d": detail},
            )
        upgrade(engine)
        with engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT r.id, s.kind, s.name, r.origin, r.claimant FROM reports r JOIN sources s ON s.id = r.source_id ORDER BY r.id"
                )  # fmt: skip
            )
            assert [tuple(row) for row in rows] == [
                (
                    1,
                    "telegram",
                    "@synegubov",
                    path,
                    "Head of Kharkiv Oblast Military Administration",
                ),
                (2, "web", "tass.ru", path, None),
                (3, "rss", "https://feed.example/rss", None, "Governor of Kaluga Oblast"),
                (4, "file", "files", "/home/analyst/note.txt", None),
                (5, "file", "files", path, "Russian Ministry of Defense"),
            ]
            keys = conn.execute(text("SELECT claimant_key FROM claims ORDER BY report_id"))
            assert keys.scalars().all() == [
                "ua-63-military-administration",
                "ru-ministry-of-defense",
                "ru-ministry-of-defense",
            ]
            kinds = conn.execute(text("SELECT kind FROM sources ORDER BY kind")).scalars().all()
            assert "jsonl" not in kinds
            detail = conn.execute(text("SELECT detail FROM events")).scalar_one()
            detail = json.loads(detail) if isinstance(detail, str) else detail
            assert detail["statements"][0]["citations"][0]["source"] == "@synegubov"
    finally:
        engine.dispose()


def test_claims_stored_before_reviews_are_unreviewed_at_version_0(db_url):
    """Migration 0010: a claim stored before it counts as nobody's yet; the ledger can
    then hold reviews and users."""
    from alembic import command
    from sqlalchemy import text

    from skyledger.store.db import alembic_config, create, upgrade

    engine = create(db_url)
    try:
        with engine.begin() as conn:
            config = alembic_config(engine)
            config.attributes["connection"] = conn
            command.upgrade(config, "0006")
            conn.execute(text("INSERT INTO sources (id, kind, name, enabled, registered, created) VALUES (1, 'rss', 'feed', true, false, CURRENT_TIMESTAMP)"))  # fmt: skip
            conn.execute(text("INSERT INTO reports (id, source_id, external_id, text, content_hash, ingested) VALUES (1, 1, 'a', 'x', 'a', CURRENT_TIMESTAMP)"))  # fmt: skip
            conn.execute(text("INSERT INTO claims (report_id, seq, claim_type, count_qualifier, places, cumulative, evidence, confidence, extractor_version) VALUES (1, 0, 'hit', 'unspecified', '[]', false, '{}', 0.5, 'old')"))  # fmt: skip
        upgrade(engine)
        with engine.connect() as conn:
            row = conn.execute(text("SELECT review_status, reviewer, version FROM claims")).one()
            assert tuple(row) == ("unreviewed", None, 0)
            assert conn.execute(text("SELECT count(*) FROM reviews")).scalar() == 0
            assert conn.execute(text("SELECT count(*) FROM users")).scalar() == 0
    finally:
        engine.dispose()


def test_opening_waits_out_a_writer_that_sqlite_would_not_wait_for(tmp_path, monkeypatch):
    """SQLite refuses a switch to WAL at once, without its busy wait, while another
    connection writes a new file; opening tries again until the busy timeout passes."""
    file = tmp_path / "ledger.db"
    writer = sqlite3.connect(file, isolation_level=None, check_same_thread=False)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("CREATE TABLE placeholder (i INTEGER)")
    release = threading.Timer(0.5, lambda: writer.execute("ROLLBACK"))
    monkeypatch.setenv("SKYLEDGER_BUSY_TIMEOUT", "20")
    release.start()
    try:
        engine = open_engine(f"sqlite:///{file}")
    finally:
        release.join()
        writer.close()
    try:
        with engine.connect() as conn:
            assert MigrationContext.configure(conn).get_current_revision() == head_revision()
    finally:
        engine.dispose()
