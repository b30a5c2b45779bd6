"""The health check behind `sponsor-app check`: schema, row counts and integrity."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select, text

from ..storage.migrate import current_revision
from ..storage.models import Base
from ..storage.store import Store


@dataclass(frozen=True)
class HealthReport:
    path: Path
    schema_version: str
    row_counts: dict[str, int]
    integrity: list[str]  # ["ok"] when healthy, else SQLite's findings
    foreign_key_problems: int

    @property
    def healthy(self) -> bool:
        return self.integrity == ["ok"] and self.foreign_key_problems == 0


def check_file(path: Path | str) -> HealthReport:
    """Open the file (migrating it if older, like any open) and check it thoroughly."""
    path = Path(path)
    with Store.open(path) as store, store.read() as session:
        integrity = [row[0] for row in session.execute(text("PRAGMA integrity_check"))]
        fk_problems = len(session.execute(text("PRAGMA foreign_key_check")).all())
        counts = {
            name: session.scalar(select(func.count()).select_from(table))
            for name, table in sorted(Base.metadata.tables.items())
        }
    return HealthReport(path, current_revision(path) or "none", counts, integrity, fk_problems)
