"""The migrations build exactly the schema the code queries (store/schema.py), on both backends."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

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
