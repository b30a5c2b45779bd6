"""Import and export the volunteer roster as CSV or XLSX (one change set, all or nothing)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ...domain.enums import CheckResult
from ...domain.words import parse_day
from ...storage.store import Store
from ..roster.volunteers import list_volunteers
from .engine import run_import
from .fields import ImportKind
from .model import ImportRejected, ImportRequest, ImportResult
from .tabular import write_rows
from .volunteer_rows import VolunteerRows

# The columns an export writes and an import reads by these names; `id` is the app's own, so
# an export imports back onto the same people even when two share a name and have no email.
COLUMNS = (*VolunteerRows.SHOWN, "id")

__all__ = ["COLUMNS", "ImportRejected", "export_volunteers", "import_volunteers", "parse_day"]


def import_volunteers(store: Store, source: Path | str, **options) -> ImportResult:
    """Add or update volunteers from a sheet; one bad row and nothing changes (unless
    `skip_bad_rows`). Options are ImportRequest's: values, create_missing, sheet..."""
    return run_import(store, ImportRequest(ImportKind.VOLUNTEERS, Path(source), **options))


def export_volunteers(
    store: Store, target: Path | str, today: date | None = None, force: bool = False
) -> Path:
    """The roster with the same columns the import reads (archived volunteers left out)."""
    rows = []
    for v in list_volunteers(store, today=today):
        check = v.main_check
        rows.append(
            [
                v.full_name,
                v.email,
                v.phone,
                "; ".join(v.role_names),
                "; ".join(v.languages),
                (check.status.value if check.result is CheckResult.CLEARED else check.result.value)
                if check
                else "missing",
                check.checked_on.isoformat() if check and check.checked_on else "",
                check.expires_on.isoformat() if check and check.expires_on else "",
                "yes" if v.active else "no",
                str(v.id),
            ]
        )
    return write_rows(Path(target), COLUMNS, rows, force=force, inputs=(store.path,))
