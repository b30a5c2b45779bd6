"""Schema migrations with Alembic: applied on open, after a backup; newer files refused.

The audit triggers are taken off before the revisions run and generated afresh from the
resulting schema afterwards (a revision may rebuild a table, which drops its triggers): data a
migration moves is the file's own history, not a person's edit. The upgrade is recorded as one
change set of kind "schema".
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from sqlalchemy import Engine, insert
from sqlalchemy.exc import DBAPIError

from .. import clock
from .audit import install_triggers, remove_triggers, triggers_current
from .backup import backup_file
from .connect import connect
from .driver import DriverError
from .errors import DamagedFile, NewerSchema, NotAGroupFile, classify, damaged, storage_errors
from .facts import table_names
from .schema import SCHEMA_VERSION, revision_number

# Revisions are numbered 0001, 0002... up to SCHEMA_VERSION, with no gaps.
KNOWN_REVISIONS = frozenset(
    f"{number:04d}" for number in range(1, revision_number(SCHEMA_VERSION) + 1)
)


def current_revision(path: Path) -> str | None:
    """The file's schema revision, read without changing anything (None: no schema yet).

    A version table that is empty, holds two rows, or names a revision this version has never
    had (and is not newer) means the file was damaged or altered: refused as damaged.
    """
    with storage_errors(path, DriverError):
        connection = connect(path, read_only=True)
        try:
            tables = table_names(connection)
            if "alembic_version" not in tables:
                if tables:
                    raise NotAGroupFile(path, "it has no schema version")
                return None
            rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
        finally:
            connection.close()
    if len(rows) != 1 or not rows[0][0]:
        raise damaged(path, "its schema version is missing")
    revision = str(rows[0][0])
    if revision not in KNOWN_REVISIONS and not _newer(revision):
        raise damaged(path, f"its schema version “{revision}” is not one Sponsor Desk knows")
    return revision


def _newer(revision: str) -> bool:
    return revision.isdigit() and revision_number(revision) > revision_number(SCHEMA_VERSION)


def refuse_newer(path: Path, revision: str | None) -> None:
    if revision is not None and _newer(revision):
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
        backup_file(
            path,
            reason=f"before-schema-{SCHEMA_VERSION}",
            consequence=f"{path} was not upgraded (a backup comes first) and is unchanged.",
        )
    before = current_revision(path)
    with engine.begin() as connection:
        remove_triggers(connection)
    with engine.connect() as connection:
        # SQLite's procedure for rebuilding a table (Alembic's batch mode): foreign keys off
        # while tables are copied and renamed, then every key checked before going on. The
        # pragma is a no-op inside a transaction, so it is set on the raw connection first.
        raw = connection.connection.dbapi_connection
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            try:
                command.upgrade(alembic_config(connection), target)
            except DBAPIError as error:  # each revision rolled back whole: the file is as it was
                known = classify(error, path)
                if known is not None and not isinstance(known, DamagedFile):
                    raise known from error
                raise damaged(
                    path, "what it holds could not be brought up to this version; it is unchanged"
                ) from error
            connection.commit()
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").first()
            connection.commit()
        finally:
            raw.execute("PRAGMA foreign_keys=ON")
        if broken is not None:
            raise RuntimeError(f"a migration left a broken reference in {broken[0]}")
    with engine.begin() as connection:
        if _has_change_sets(connection):
            install_triggers(connection)
            if before is not None:
                _record_upgrade(connection, before, current_revision_of(connection))


def ensure_audit_triggers(engine: Engine) -> None:
    """Put the triggers back if something (a crash mid-upgrade, another tool) removed them."""
    with engine.connect() as connection:
        current = triggers_current(connection)
    if not current:
        with engine.begin() as connection:
            install_triggers(connection)


def current_revision_of(connection) -> str:
    return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar_one()


def _has_change_sets(connection) -> bool:
    return (
        connection.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'change_set'"
        ).first()
        is not None
    )


def _record_upgrade(connection, before: str, after: str) -> None:
    from .lock import who_am_i
    from .models import ChangeKind, ChangeSet

    connection.execute(
        insert(ChangeSet.__table__).values(
            at=clock.now(),  # the app's clock, as every change set
            actor=who_am_i(),
            description=f"Upgraded the file from schema {before} to {after}",
            kind=ChangeKind.SCHEMA,
        )
    )


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()
