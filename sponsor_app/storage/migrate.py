"""Schema migrations with Alembic: applied on open, after a backup; newer files refused."""

from __future__ import annotations

import sqlite3
from importlib import resources
from pathlib import Path

from sqlalchemy import Engine

from .backup import backup_file
from .errors import NewerSchema, NotAGroupFile
from .schema import SCHEMA_VERSION, revision_number


def current_revision(path: Path) -> str | None:
    """The file's schema revision, read without changing anything (None: no schema yet)."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = {
            r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        if "alembic_version" not in tables:
            if tables:
                raise NotAGroupFile(path, "it has no schema version")
            return None
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    finally:
        connection.close()


def refuse_newer(path: Path, revision: str | None) -> None:
    if revision is not None and revision_number(revision) > revision_number(SCHEMA_VERSION):
        raise NewerSchema(path, revision, SCHEMA_VERSION)


def needs_upgrade(revision: str | None) -> bool:
    return revision != SCHEMA_VERSION


def alembic_config(connection=None):
    from alembic.config import Config  # imported here: opening a current file never needs it

    config = Config()
    folder = resources.files("sponsor_app.storage") / "migrations"
    config.set_main_option("script_location", str(folder))
    config.attributes["connection"] = connection
    return config


def upgrade(engine: Engine, path: Path, *, backup_first: bool, target: str = "head") -> None:
    """Bring the file to `target`; each revision and its version bump commit together."""
    from alembic import command

    if backup_first:
        backup_file(path, reason=f"before-schema-{SCHEMA_VERSION}")
    with engine.connect() as connection:
        command.upgrade(alembic_config(connection), target)
        connection.commit()


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()
