"""A person's data on request (New Zealand's Privacy Act 2020, principle 6): everything the
group file holds about one volunteer, written into a folder they can be given.

"Everything" is found two ways, so nothing is missed because it was stored one way or the
other: every row that refers to the person (any column that points at their volunteer row:
roles, checks, training, hours, tasks, check-ins attended...) and every row in which their
name or email appears in any text (a note that mentions them). The history comes too: each
change set that touched one of those rows or names them, with the values each held. One CSV
per table (every column), history.csv, and README.txt saying what is where.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .. import clock
from ..domain.errors import InvalidInput
from ..locations import private_folder
from ..storage.store import Store
from .calendar import find_volunteer
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
    with store.read() as session:
        person = find_volunteer(store, who)
        connection = session.connection()
        words = [w for w in (person.full_name, person.email) if w and w.strip()]
        found = _rows_about(connection, person.id, words)
        history = _history_of(connection, found, words)
    private_folder(out)
    written = []
    for table, (columns, rows) in sorted(found.items()):
        written.append(write_rows(out / f"{table}.csv", columns, rows, force=force))
    header = ("change_set", "at", "by", "description", "action", "table", "row", "before", "after")
    written.append(write_rows(out / "history.csv", header, history, force=force))
    count = sum(len(rows) for _columns, rows in found.values())
    readme = out / "README.txt"
    readme.write_text(_readme(person.full_name, found, len(history)), encoding="utf-8")
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


def _rows_about(connection, volunteer_id: int, words: list[str]) -> dict[str, tuple]:
    """table -> (columns, rows) of every row that points at the person or names them."""
    found: dict[str, tuple] = {}
    for table in _tables(connection):
        info = connection.exec_driver_sql(f'PRAGMA table_info("{table}")').all()
        columns = [row[1] for row in info]
        texts = [row[1] for row in info if row[2].upper() in ("", "TEXT") or "CHAR" in row[2]]
        pointing = [
            ref[3]
            for ref in connection.exec_driver_sql(f'PRAGMA foreign_key_list("{table}")')
            if ref[2] == "volunteer" and (ref[4] in (None, "id"))
        ]
        if table == "volunteer":
            pointing.append("id")
        where, values = [], []
        for column in pointing:
            where.append(f'"{column}" = ?')
            values.append(volunteer_id)
        for column in texts:
            for word in words:
                where.append(f'instr(lower("{column}"), lower(?)) > 0')
                values.append(word)
        if not where:
            continue
        quoted = ", ".join(f'"{c}"' for c in columns)
        rows = connection.exec_driver_sql(
            f'SELECT {quoted} FROM "{table}" WHERE {" OR ".join(where)} ORDER BY rowid',
            tuple(values),
        ).all()
        if rows:
            found[table] = (columns, [[_cell(v) for v in row] for row in rows])
    return found


def _history_of(connection, found: dict[str, tuple], words: list[str]) -> list[list[str]]:
    """Every audit row of the rows found, or whose values name the person; and change sets
    whose description names them."""
    keys: list[tuple[str, str]] = []
    for table, (columns, rows) in found.items():
        if "id" in columns:
            index = columns.index("id")
            keys += [(table, json.dumps([int(row[index])])) for row in rows]
    where = ["(a.table_name = ? AND a.row_key = ?)"] * len(keys)
    values: list = [v for key in keys for v in key]
    for word in words:
        where.append(
            "instr(lower(coalesce(a.old_values, '') || coalesce(a.new_values, '')), lower(?)) > 0"
        )
        where.append("instr(lower(c.description), lower(?)) > 0")
        values += [word, word]
    if not where:
        return []
    rows = connection.exec_driver_sql(
        "SELECT c.id, c.at, c.actor, c.description, a.action, a.table_name, a.row_key, "
        "a.old_values, a.new_values FROM change_set c LEFT JOIN audit_entry a "
        f"ON a.change_set_id = c.id WHERE {' OR '.join(where)} ORDER BY c.id, a.id",
        tuple(values),
    ).all()
    return [[_cell(v) for v in row] for row in rows]


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
