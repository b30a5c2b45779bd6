"""The hub's Alembic environment: run on a connection `hub.admin` hands over, with the version
table inside the hub's own schema (created first, so the version table has somewhere to be)."""

from alembic import context
from sqlalchemy import text

from sponsor_app.hub import SCHEMA

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("hub migrations run from sponsor_app.hub.admin, on an open connection")

connection.execute(text(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}"))
context.configure(
    connection=connection,
    target_metadata=None,
    version_table_schema=SCHEMA,
    transaction_per_migration=True,
)
with context.begin_transaction():
    context.run_migrations()
