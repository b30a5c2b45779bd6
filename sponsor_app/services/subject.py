"""A person's data on request (New Zealand's Privacy Act 2020, principle 6): everything the
group file holds about one volunteer, written into a folder they can be given.

"Everything" is found two ways, so nothing is missed because it was stored one way or the
other: every row that refers to the person (any column that points at their volunteer row:
roles, checks, training, hours, tasks, check-ins attended...) and every row in which their
name (whole, as words, case and accents aside) or email appears in any text (a note that
mentions them); never another volunteer's own row. The sensitive notes (health,
immigration) are never written, not even in the history's values. The history comes too: each
change set that touched one of those rows or names them, with the values each held. One CSV
per table (every column), history.csv, and README.txt saying what is where.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .. import clock
from ..domain.errors import InvalidInput
from ..domain.text import fold
from ..locations import backup_dir, private_folder
from ..storage.store import Store
from .calendar import find_volunteer
from .outputs import write_output_bytes
from .tabular import write_rows

_HISTORY_TABLES = {"audit_entry", "change_set", "alembic_version"}


@dataclass(frozen=True)
class SubjectAccess:
    name: str
    folder: Path
    files: tuple[Path, ...]
    rows: int  # rows found outside the history
    history_rows: int


def write_subject_access(
    store: Store, who: str, out: Path | str, force: bool = False
) -> SubjectAccess:
    """Write what the file holds about the volunteer `who` (name or email) into the folder
    `out`, which must not exist yet (or, with `force`, may be an empty or earlier one)."""
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise InvalidInput.single("out", f"{out} is a file: give a folder to write into.")
    if out.exists() and not force:
        raise InvalidInput.single(
            "out", f"{out} already exists; choose a new folder or add --force to write into it."
        )
    if not out.parent.is_dir():
        raise InvalidInput.single("out", f"The folder {out.parent} does not exist.")
    if (
        out.resolve() == backup_dir(create=False).resolve()
        or backup_dir(create=False).resolve() in out.resolve().parents
    ):
        raise InvalidInput.single(
            "out", f"{out} is in Sponsor Desk's backups folder; choose another place."
        )
    with store.read() as session:
        person = find_volunteer(store, who)
        connection = session.connection()
        words = [w for w in (person.full_name, person.email) if w and w.strip()]
        others = [
            row[0]
            for row in connection.exec_driver_sql(
                "SELECT full_name FROM volunteer WHERE id != ?", (person.id,)
            )
        ]
        names = _naming(words, others)
        found, theirs = _rows_about(connection, person.id, names)
        history = _history_of(connection, person.id, theirs, names)
    private_folder(out)
    written = []
    for table, (columns, rows) in sorted(found.items()):
        written.append(
            write_rows(out / f"{table}.csv", columns, rows, force=force, inputs=(store.path,))
        )
    header = ("change_set", "at", "by", "description", "action", "table", "row", "before", "after")
    written.append(
        write_rows(out / "history.csv", header, history, force=force, inputs=(store.path,))
    )
    count = sum(len(rows) for _columns, rows in found.values())
    readme = out / "README.txt"
    text = _readme(person.full_name, found, len(history)).encode("utf-8")
    write_output_bytes(readme, text, inputs=(store.path,), force=force, what="read-me")
    written.append(readme)
    return SubjectAccess(person.full_name, out, tuple(written), count, len(history))


def _tables(connection) -> list[str]:
    return [
        row[0]
        for row in connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
        if row[0] not in _HISTORY_TABLES
    ]


# Never written out, whoever asks: they are shown in the window only on request (and that
# showing is recorded), and a note about a family that mentions a volunteer is not theirs.
SENSITIVE = {"household_member": ("health_notes", "immigration_notes")}


def _naming(words: list[str], others: list[str]):
    """Whether a text names the person: the whole name or email, as whole words, case and
    accents aside. "Aroha" is not found in "Arohanui", nor in "Aroha Ngata" when that is
    another volunteer's name (`others`: every other volunteer's)."""
    keys = [fold(w) for w in words if fold(w)]
    if not keys:
        return lambda _text: False
    pattern = re.compile("|".join(rf"(?<!\w){re.escape(k)}(?!\w)" for k in keys))
    longer = sorted(
        {fold(o) for o in others if pattern.search(fold(o)) and fold(o) not in keys},
        key=len,
        reverse=True,
    )
    masks = re.compile("|".join(rf"(?<!\w){re.escape(o)}(?!\w)" for o in longer) or "(?!)")

    def names(text: str) -> bool:
        return bool(pattern.search(masks.sub(" ", fold(text))))

    return names


def _rows_about(connection, volunteer_id: int, names) -> tuple[dict[str, tuple], set]:
    """table -> (columns, rows) of every row that points at the person or names them, and the
    (table, row key) of those that point at them. A row that only mentions them (a family
    member's note: "Aroha drove her to the clinic") is someone else's: of it only its id and
    the text that names them are written, never the other person's name or birth date."""
    found: dict[str, tuple] = {}
    theirs: set[tuple[str, str]] = set()
    for table in _tables(connection):
        info = connection.exec_driver_sql(f'PRAGMA table_info("{table}")').all()
        columns = [row[1] for row in info]
        texts = [
            columns.index(row[1])
            for row in info
            if (row[2].upper() in ("", "TEXT") or "CHAR" in row[2].upper())
            and row[1] not in SENSITIVE.get(table, ())
        ]
        pointing = [
            columns.index(ref[3])
            for ref in connection.exec_driver_sql(f'PRAGMA foreign_key_list("{table}")')
            if ref[2] == "volunteer" and (ref[4] in (None, "id"))
        ]
        if table == "volunteer":  # their own row only: another volunteer's is theirs
            pointing, texts = [columns.index("id")], []
        if not pointing and not texts:
            continue
        quoted = ", ".join(f'"{c}"' for c in columns)
        hidden = {columns.index(c) for c in SENSITIVE.get(table, ())}
        key_at = columns.index("id") if "id" in columns else None
        rows = []
        for row in connection.exec_driver_sql(f'SELECT {quoted} FROM "{table}" ORDER BY rowid'):
            if any(row[i] == volunteer_id for i in pointing):
                shown = set(range(len(columns))) - hidden
                if key_at is not None:
                    theirs.add((table, json.dumps([row[key_at]])))
            else:
                shown = {i for i in texts if isinstance(row[i], str) and names(row[i])}
                if not shown:
                    continue
                shown |= {key_at} if key_at is not None else set()
            rows.append([_cell(v) if i in shown else "" for i, v in enumerate(row)])
        if rows:
            found[table] = (columns, rows)
    return found, theirs


def _history_of(connection, volunteer_id: int, theirs: set, names) -> list[list[str]]:
    """Every audit row of the rows that point at the person (all their values but the
    sensitive ones), and of rows whose values name them (only the values that do); and
    change sets whose description names them."""
    own = json.dumps([volunteer_id])
    history = []
    for row in connection.exec_driver_sql(
        "SELECT c.id, c.at, c.actor, c.description, a.action, a.table_name, a.row_key, "
        "a.old_values, a.new_values FROM change_set c LEFT JOIN audit_entry a "
        "ON a.change_set_id = c.id ORDER BY c.id, a.id"
    ):
        table, key = row[5], row[6]
        values = [_without_sensitive(table, v) for v in row[7:9]]
        if table == "volunteer" and key != own:
            continue  # another volunteer's own record, even if a note of theirs names them
        described = row[3]
        if (table, key) not in theirs:
            values = [_only_naming(v, names) for v in values]
            if not names(described) and not any(values):
                continue
            if not names(described):  # "Edit member Yasmin …": someone else's step
                described = ""
        history.append([_cell(v) for v in (*row[:3], described, *row[4:7], *values)])
    return history


def _only_naming(values: str | None, names) -> str | None:
    """Of a row that is someone else's, only the values that name the person."""
    if values is None:
        return None
    held = json.loads(values)
    kept = {k: v for k, v in held.items() if isinstance(v, str) and names(v)}
    return json.dumps(kept, ensure_ascii=False) if kept else None


def _without_sensitive(table: str | None, values: str | None) -> str | None:
    hidden = SENSITIVE.get(table or "", ())
    if values is None or not hidden:
        return values
    held = json.loads(values)
    return json.dumps({k: v for k, v in held.items() if k not in hidden}, ensure_ascii=False)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


def _readme(name: str, found: dict[str, tuple], history: int) -> str:
    lines = [
        f"What this Sponsor Desk group file holds about {name}",
        f"Written on {clock.today().isoformat()}.",
        "",
        "Each CSV file is one table of the file: every row that refers to this person or",
        "names them, with all its columns. history.csv lists each change to those rows",
        "(when, by whom, what it was before and after).",
        "",
    ]
    lines += [f"{table}.csv: {len(rows)} row(s)" for table, (_c, rows) in sorted(found.items())]
    lines.append(f"history.csv: {history} row(s)")
    return "\n".join(lines) + "\n"
