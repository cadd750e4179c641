"""Alembic environment: runs on the engine the caller hands over (see store/db.py)."""

from alembic import context
from sqlalchemy import create_engine

from skyledger.store.schema import metadata

config = context.config
engine = config.attributes.get("engine")
if engine is None:  # `alembic` run by hand, e.g. for autogenerate
    engine = create_engine(config.get_main_option("sqlalchemy.url"))

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    context.run_migrations()
