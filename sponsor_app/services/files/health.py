"""The health check behind `sponsor-app check`: SQLite's integrity check and the app's own.

The file is read through read-only connections, so it can be checked while a window has it
open. An older file is first brought up to date like any open (after a backup).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select, text

from ...storage.audit import triggers_current
from ...storage.changesets import left_open
from ...storage.connect import check_is_group_file, connect, make_reader
from ...storage.driver import DriverError
from ...storage.errors import DamagedFile, StorageError, StoredValueWrong, storage_errors
from ...storage.migrate import current_revision, needs_upgrade
from ...storage.models import Base
from ...storage.schema import SCHEMA_VERSION
from ...storage.store import Store
from ...storage.values import wrong_values

__all__ = [
    "SCHEMA_VERSION",
    "HealthReport",
    "check_file",
    "first_wrong_value",
    "schema_version_of",
]


@dataclass(frozen=True)
class HealthReport:
    path: Path
    schema_version: str
    row_counts: dict[str, int]
    integrity: list[str]  # ["ok"] when healthy, else SQLite's findings
    foreign_key_problems: int
    schema_problem: str = ""  # the version table is empty or names an unknown revision
    missing_tables: list[str] = field(default_factory=list)
    has_group_profile: bool = True
    audit_triggers: bool = True  # every table's audit triggers present and current
    left_open: tuple[int, ...] = ()  # change sets committed while still open: writes blocked
    wrong_values: tuple[str, ...] = ()  # rows holding a value of the wrong kind (the first 20)
    wrong_value_count: int = 0

    @property
    def sound(self) -> bool:
        """What the file holds is whole and readable (whatever the next open would repair)."""
        return (
            self.integrity == ["ok"]
            and self.foreign_key_problems == 0
            and not self.schema_problem
            and not self.missing_tables
            and self.has_group_profile
            and not self.wrong_value_count
        )

    @property
    def healthy(self) -> bool:
        return self.sound and self.audit_triggers and not self.left_open

    @property
    def repairable_only(self) -> bool:
        """Unhealthy only in ways the next open puts right (triggers, a change set left
        open): nothing to restore."""
        return self.sound and not self.healthy


def first_wrong_value(path: Path | str) -> StoredValueWrong | None:
    """The first row of the file holding a value of the wrong kind, as an error to raise
    (a command that failed while reading asks this before calling the failure a bug)."""
    try:
        connection = connect(Path(path), read_only=True)
    except (DriverError, StorageError):
        return None
    try:
        found, count = wrong_values(connection, limit=1)
    except DriverError:
        return None
    finally:
        connection.close()
    return StoredValueWrong(Path(path), found[0], count) if found else None


def schema_version_of(path: Path | str) -> str | None:
    """The schema revision the file at `path` is at (SCHEMA_VERSION once it is up to date),
    read without opening it for writing or upgrading it."""
    return current_revision(Path(path))


def check_file(path: Path | str) -> HealthReport:
    """Check the file thoroughly, changing nothing (unless it is older: then it is upgraded
    first, after a backup, as any open does)."""
    path = Path(path)
    check_is_group_file(path)
    schema_problem = ""
    try:
        revision = current_revision(path) or "none"
    except DamagedFile as damaged:
        revision, schema_problem = "unknown", damaged.why
    if not schema_problem and needs_upgrade(revision):
        Store.open(path).close()
        revision = current_revision(path) or "none"
    engine = make_reader(path)
    try:
        with storage_errors(path), engine.connect() as connection:
            return _inspect(connection, path, revision, schema_problem)
    finally:
        engine.dispose()


def _inspect(connection, path: Path, revision: str, schema_problem: str) -> HealthReport:
    integrity = [row[0] for row in connection.execute(text("PRAGMA integrity_check"))]
    fk_problems = len(connection.execute(text("PRAGMA foreign_key_check")).all())
    present = {
        row[0]
        for row in connection.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))
    }
    counts = {
        name: connection.scalar(select(func.count()).select_from(table))
        for name, table in sorted(Base.metadata.tables.items())
        if name in present
    }
    missing = sorted(set(Base.metadata.tables) - present)
    wrong, wrong_count = wrong_values(connection.connection.driver_connection)
    return HealthReport(
        path=path,
        schema_version=revision,
        row_counts=counts,
        integrity=integrity,
        foreign_key_problems=fk_problems,
        schema_problem=schema_problem,
        missing_tables=missing,
        has_group_profile=counts.get("group_profile", 0) == 1,
        audit_triggers=not missing and triggers_current(connection),
        left_open=tuple(left_open(connection)) if "change_set" in present else (),
        wrong_values=tuple(str(w) for w in wrong),
        wrong_value_count=wrong_count,
    )
