"""A person's data on request (the programme's privacy law: New Zealand's Privacy Act 2020,
principle 6): what the group file holds about one volunteer, written into a folder they can be
given, and nothing about anyone else.

What is theirs is found two ways, so nothing is missed because it was stored one way or the
other:

- every row that refers to them (any column that points at their volunteer row: roles,
  checks, training, hours, tasks, check-ins attended...) and their own row: all its columns;
- every text in any other row that mentions them (their name, email or phone, through the one
  name finder, whole words, case and accents aside): only the sentences that name them, and
  only those texts, under the row's id.

Whatever is written, other people's names, emails, phone numbers and addresses in it are
masked by the same finder ("help a family member with UNHCR case 555"); the volunteer's own
stay. Never written: the sensitive notes (health, immigration) and internal columns (the
ledger's folded search text), not even in the history's values. The history comes too: each
change to their rows, and each change whose values or description name them (those words
only). One CSV per table, history.csv, and README.txt saying what is where.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ... import clock
from ...domain.errors import InvalidInput
from ...domain.messages import Files
from ...domain.name_finder import KEEP, Known, KnownKind, NameFinder
from ...domain.text import fold
from ...locations import backup_dir, private_folder
from ...storage.audit_reads import key_text, whole_history
from ...storage.models import Base
from ...storage.store import Store
from ..imports.tabular import write_rows
from ..plan.calendar import find_volunteer
from .name_sources import finder_keeping_one, household_values, volunteer_values
from .outputs import write_output_bytes

_HISTORY_TABLES = {"audit_entry", "change_set", "alembic_version"}
ANOTHER_VOLUNTEER = "another volunteer"


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
    """Write what the file holds about the volunteer `who` (name, email or #number) into the
    folder `out`, which must not exist yet (or, with `force`, may be an empty or earlier one)."""
    out = Path(out)
    _check_folder(out, force)
    with store.read() as session:
        person = find_volunteer(store, who)
        connection = session.connection()
        reading = _Reading(
            person.id,
            _mentions(session, person.id),
            finder_keeping_one(session, person.id, lambda _v: ANOTHER_VOLUNTEER),
        )
        found, theirs = _rows_about(connection, reading)
        history = _history_of(connection, reading, theirs)
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


def _check_folder(out: Path, force: bool) -> None:
    if out.exists() and not out.is_dir():
        raise InvalidInput.single("out", Files.OUT_IS_A_FILE(path=out))
    if out.exists() and not force:
        raise InvalidInput.single("out", Files.OUT_EXISTS(path=out))
    if not out.parent.is_dir():
        raise InvalidInput.single("out", Files.OUT_PARENT_MISSING(path=out.parent))
    backups = backup_dir(create=False).resolve()
    if out.resolve() == backups or backups in out.resolve().parents:
        raise InvalidInput.single("out", Files.OUT_IN_BACKUPS(path=out))


# --- who is mentioned, and how the rest is masked --------------------------------------------
_THEM = "\x00them"


def _mentions(session, volunteer_id: int) -> NameFinder:
    """Finds the volunteer (their name, its parts, their email and phone, labelled _THEM);
    everyone else's whole name outranks a part of theirs, so "Aroha" in "Aroha Ngata" is not
    them when Aroha Ngata is someone else, and a first name two people share says nobody."""
    own = [k for _id, k in volunteer_values(session, lambda _v: _THEM, [volunteer_id])]
    theirs = {fold(k.text) for k in own}
    others = [k for _id, k in household_values(session)]
    others += [k for vid, k in volunteer_values(session, str) if vid != volunteer_id]
    known = own + [
        Known(k.text, KEEP, KnownKind.WHOLE)
        for k in others
        if k.kind is KnownKind.PERSON and k.text and fold(k.text) not in theirs
    ]
    return NameFinder(known, by_shape=False)


@dataclass(frozen=True)
class _Reading:
    volunteer_id: int
    mentions: NameFinder
    others: NameFinder

    def names_them(self, text: str) -> bool:
        return any(f.label == _THEM for f in self.mentions.find(text))

    def masked(self, text: str) -> str:
        """Everyone else's names, emails, phones and addresses masked; theirs left."""
        return self.others.mask(text)

    def about_them(self, text: str) -> str:
        """Only the sentences of `text` that name them, everyone else masked in them."""
        kept = [s for s in _sentences(text) if self.names_them(s)]
        return " … ".join(self.masked(s.strip()) for s in kept)


_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+")


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


# --- the rows -------------------------------------------------------------------------------
# Never written out, whoever asks: shown in the window only on request (and that showing is
# recorded), and a note about a family that mentions a volunteer is not theirs.
SENSITIVE = {"household_member": ("health_notes", "immigration_notes")}


def _never_written(table: str) -> set[str]:
    """Sensitive columns, and internal ones (the ledger's folded search text) the app keeps
    for itself."""
    hidden = set(SENSITIVE.get(table, ()))
    described = Base.metadata.tables.get(table)
    if described is not None:
        hidden |= {c.name for c in described.columns if c.info.get("internal")}
    return hidden


def _tables(connection) -> list[str]:
    return [
        row[0]
        for row in connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
        if row[0] not in _HISTORY_TABLES
    ]


def _rows_about(connection, reading: _Reading) -> tuple[dict[str, tuple], set]:
    """table -> (columns, rows) of every row that points at the person or names them, and the
    (table, row key) of those that point at them. Of a row that only mentions them (a family
    member's note: "Aroha drove her to the clinic") only its id and the sentences naming them
    are written, never the other person's name or birth date."""
    found: dict[str, tuple] = {}
    theirs: set[tuple[str, tuple]] = set()
    for table in _tables(connection):
        info = connection.exec_driver_sql(f'PRAGMA table_info("{table}")').all()
        hidden = _never_written(table)
        columns = [row[1] for row in info if row[1] not in hidden]
        texts = [
            columns.index(row[1])
            for row in info
            if row[1] in columns and (row[2].upper() in ("", "TEXT") or "CHAR" in row[2].upper())
        ]
        pointing = [
            columns.index(ref[3])
            for ref in connection.exec_driver_sql(f'PRAGMA foreign_key_list("{table}")')
            if ref[2] == "volunteer" and (ref[4] in (None, "id")) and ref[3] in columns
        ]
        if table == "volunteer":  # their own row only: another volunteer's is theirs
            pointing = [columns.index("id")]
        quoted = ", ".join(f'"{c}"' for c in columns)
        key_at = columns.index("id") if "id" in columns else None
        rows = []
        for row in connection.exec_driver_sql(f'SELECT {quoted} FROM "{table}" ORDER BY rowid'):
            if any(row[i] == reading.volunteer_id for i in pointing):
                if key_at is not None:
                    theirs.add((table, (row[key_at],)))
                rows.append(
                    [
                        _cell(reading.masked(v) if i in texts and isinstance(v, str) else v)
                        for i, v in enumerate(row)
                    ]
                )
                continue
            if table == "volunteer":
                continue  # another volunteer's own record, even if a note of theirs names them
            said = {
                i: reading.about_them(row[i])
                for i in texts
                if isinstance(row[i], str) and reading.names_them(row[i])
            }
            if not said:
                continue
            rows.append(
                [_cell(said.get(i, row[i] if i == key_at else None)) for i in range(len(columns))]
            )
        if rows:
            found[table] = (columns, rows)
    return found, theirs


def _history_of(connection, reading: _Reading, theirs: set) -> list[list[str]]:
    """Every audit row of the rows that point at the person (their values, others masked, the
    sensitive and internal ones left out), and of rows whose values name them (only the
    sentences that do); and change sets whose description names them (those words only)."""
    own = (reading.volunteer_id,)
    history = []
    for row in whole_history(connection):
        table, key = row[5], row[6]
        if table == "volunteer" and key != own:
            continue  # another volunteer's own record, even if a note of theirs names them
        described = row[3] or ""
        described = reading.about_them(described) if reading.names_them(described) else ""
        if (table is not None and (table, key) in theirs) or (table == "volunteer"):
            values = [_theirs(table, v, reading) for v in row[7:9]]
        else:
            values = [_only_naming(table, v, reading) for v in row[7:9]]
            if not described and not any(values):
                continue
        actor = row[2] if reading.names_them(row[2] or "") else ""
        written_key = key_text(key) if key is not None else None  # as the file holds it
        history.append(
            [_cell(v) for v in (row[0], row[1], actor, described, *row[4:6], written_key, *values)]
        )
    return history


def _theirs(table: str | None, held: dict | None, reading: _Reading) -> str | None:
    """All the values of one of their rows, but hidden columns, others' names masked."""
    if held is None:
        return None
    hidden = _never_written(table or "")
    kept = {
        k: reading.masked(v) if isinstance(v, str) else v
        for k, v in held.items()
        if k not in hidden
    }
    return json.dumps(kept, ensure_ascii=False)


def _only_naming(table: str | None, held: dict | None, reading: _Reading) -> str | None:
    """Of a row that is someone else's, only the sentences that name the person."""
    if held is None:
        return None
    hidden = _never_written(table or "")
    kept = {
        k: reading.about_them(v)
        for k, v in held.items()
        if k not in hidden and isinstance(v, str) and reading.names_them(v)
    }
    return json.dumps(kept, ensure_ascii=False) if kept else None


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
        "Each CSV file is one table of the file. A row that is about this person (their own",
        "record, their roles, checks, hours, tasks and check-ins) has all its columns; a row",
        "that only mentions them has its id and the sentences that name them. Other people's",
        "names, emails and phone numbers are masked (“another volunteer”, “a family member”).",
        "history.csv lists each change to those rows (when, what it was before and after).",
        "",
    ]
    lines += [f"{table}.csv: {len(rows)} row(s)" for table, (_c, rows) in sorted(found.items())]
    lines.append(f"history.csv: {history} row(s)")
    return "\n".join(lines) + "\n"
