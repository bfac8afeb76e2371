"""Alembic environment for the app database; run programmatically by ``store.upgrade_database``."""

from alembic import context

from schema_architect.app.models import Base

config = context.config
connection = config.attributes.get("connection")
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
