"""Alembic environment: always run on a connection the application hands over."""

from alembic import context

from sponsor_app.storage.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("migrations run from sponsor_app.storage.migrate, on an open connection")

# Batch mode lets SQLite ALTER tables by copy-and-move; each revision commits with its version.
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    transaction_per_migration=True,
)
with context.begin_transaction():
    context.run_migrations()
