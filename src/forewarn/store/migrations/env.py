"""Alembic environment: always run programmatically by `forewarn.store.engine.migrate`."""

from __future__ import annotations

from alembic import context

from forewarn.store.engine import include_name
from forewarn.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    include_name=include_name,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying them
)
with context.begin_transaction():
    context.run_migrations()
