"""Alembic environment: runs on the engine the caller hands over (see store/db.py)."""

from alembic import context
from sqlalchemy import create_engine

from skyledger.store.schema import metadata

config = context.config
engine = config.attributes.get("engine")
if engine is None and config.attributes.get("connection") is None:  # `alembic` run by hand
    engine = create_engine(config.get_main_option("sqlalchemy.url"))


def include_object(_object, name, type_, _reflected, _compare_to) -> bool:
    """Leave full-text search (migration 0002, not in the metadata) out of autogenerate:
    the SQLite FTS5 tables and the PostgreSQL expression index."""
    if type_ == "table" and name.startswith("reports_fts"):
        return False
    return not (type_ == "index" and name == "ix_reports_text_fts")


def run_migrations(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        include_object=include_object,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


shared = config.attributes.get("connection")
if shared is not None:  # store/db.py migrates inside its own transaction, under a lock
    run_migrations(shared)
else:
    with engine.begin() as connection:
        run_migrations(connection)
