"""The migrations build exactly the schema the code queries (store/schema.py), on both backends."""

from __future__ import annotations

import subprocess
import sys
import time

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
