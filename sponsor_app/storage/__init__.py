"""Persistence: SQLAlchemy models, the group file, migrations, locking, backup and audit. No Qt."""
