"""Erasing a person from the file and from its history: the storage side of a retention purge.

The service (services/files/retention.py) says whose details go: the rows tied to them and what each
of their columns becomes, and a `mask` that replaces every mention of them in a text (the one
name finder, built from their names, emails and phone numbers). Here that is applied to the
whole file, found from its live schema so that next year's columns are covered too:

- the tied rows' columns are cleared as told;
- every text column of every table (never a key, a reference, a fixed choice or a column
  derived from the others) is masked, so a note, a task title, a ledger row not tied to them, a category rule or
  the report narrative that names them loses the name;
- the history: every audit row's values (before and after, whatever row they belong to) are
  masked and the tied rows' columns cleared in them too, and every change set's description
  is masked;
- sharing's versions of rows (a deleted row's last values, the writes a field came from, the
  values a conflict keeps: JSON in sync_row, sync_field and sync_conflict) the same way.

It knows the audit format (JSON objects written by storage/audit.py), so it lives here and
nowhere else. The caller runs it inside the erasure's own change set; its audit rows are
scrubbed as well, since this runs last. A value the mask makes equal to another in a column
that must be unique (two categories named after two children) gets the row's id after it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache, cached_property

from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from .facts import text_columns
from .models import Base
from .models.ledger import search_text_for

Mask = Callable[[str], str]
KEEP_IF_EMPTY = object()  # a text that says whether there was one: emptied if empty, else replaced
NOT_SCRUBBED = frozenset({"alembic_version", "audit_entry", "change_set"})
# Sharing's versions of other tables' rows and fields (storage/sync/versions.py) are JSON
# values, scrubbed as the history is (a tied row's columns cleared), not masked as text.
SYNC_VALUES = frozenset(
    {("sync_row", "last_values"), ("sync_field", "value"), ("sync_conflict", "members")}
)
_LEDGER_TEXTS = ("counterparty", "reference", "note", "method")


@dataclass(frozen=True)
class Tied:
    """Rows tied to the person in one table: how (the column pointing at the owner, or at a
    row of another tied table), and what their columns become."""

    table: str
    link: str  # "id" for the owner's own table
    clear: Mapping[str, object]  # column -> new value (None, "", text or KEEP_IF_EMPTY)
    through: str | None = None  # the table whose tied ids `link` points at (None: the owner)


# --- which rows -----------------------------------------------------------------------------
def tied_ids(connection: Connection, owner_id: int, tied: Iterable[Tied]) -> dict[str, set[int]]:
    """The ids of every row (live, or only in the history) tied to the owner, table by
    table, in order (a table tied through another comes after it)."""
    found: dict[str, set[int]] = {}
    for rule in tied:
        owners = found.get(rule.through, set()) if rule.through else {owner_id}
        wanted = json.dumps(sorted(owners))
        ids = {
            row[0]
            for row in connection.exec_driver_sql(
                f'SELECT id FROM "{rule.table}" WHERE "{rule.link}" IN '
                "(SELECT value FROM json_each(?))",
                (wanted,),
            )
        }
        ids |= {
            int(row[0])
            for row in connection.exec_driver_sql(
                "SELECT DISTINCT json_extract(coalesce(new_values, old_values), '$.id') "
                "FROM audit_entry WHERE table_name = ? AND ("
                "json_extract(old_values, ?) IN (SELECT value FROM json_each(?)) OR "
                "json_extract(new_values, ?) IN (SELECT value FROM json_each(?)))",
                (rule.table, f"$.{rule.link}", wanted, f"$.{rule.link}", wanted),
            )
            if row[0] is not None
        }
        found[rule.table] = ids
    return found


def values_held(
    connection: Connection, table: str, columns: Iterable[str], ids: Iterable[int]
) -> set[str]:
    """Every value the rows held in `columns`, now or at any time in their history."""
    columns, wanted = list(columns), json.dumps(sorted(ids))
    found: set[str] = set()
    for column in columns:
        found |= {
            row[0]
            for row in connection.exec_driver_sql(
                f'SELECT "{column}" FROM "{table}" WHERE id IN (SELECT value FROM json_each(?))',
                (wanted,),
            )
            if isinstance(row[0], str) and row[0].strip()
        }
        for side in ("old_values", "new_values"):
            found |= {
                row[0]
                for row in connection.exec_driver_sql(
                    f"SELECT json_extract({side}, ?) FROM audit_entry WHERE table_name = ? AND "
                    f"json_extract({side}, '$.id') IN (SELECT value FROM json_each(?))",
                    (f"$.{column}", table, wanted),
                )
                if isinstance(row[0], str) and row[0].strip()
            }
    return found


# --- the live rows ------------------------------------------------------------------------------
def clear_tied(connection: Connection, table: str, clear: Mapping[str, object], ids) -> None:
    """Set the tied rows' columns as told."""
    if not ids:
        return
    listed = ", ".join(f'"{column}"' for column in clear)
    for row_id in sorted(ids):
        current = connection.exec_driver_sql(
            f'SELECT {listed} FROM "{table}" WHERE id = ?', (row_id,)
        ).first()
        if current is None:
            continue
        values = [_cleared(value, now) for value, now in zip(clear.values(), current, strict=True)]
        sets = ", ".join(f'"{c}" = ?' for c in clear)
        connection.exec_driver_sql(f'UPDATE "{table}" SET {sets} WHERE id = ?', (*values, row_id))


def _cleared(rule, now, removed: str = "(details removed)"):
    if rule is KEEP_IF_EMPTY:
        return "" if not (now or "").strip() else removed
    return rule


def scrubbed_columns(connection: Connection) -> dict[str, list[str]]:
    """The text columns a mention of a person may be in: every text column of every table of
    the live schema but keys, references either way, fixed choices (enums) and columns
    derived from the others."""
    model = Base.metadata.tables
    found: dict[str, list[str]] = {}
    listed = text_columns(connection.connection.driver_connection)
    # A column other tables refer to (a role's key) cannot change under them.
    referred = {
        (row[2], row[4])
        for table in listed
        for row in connection.exec_driver_sql(f'PRAGMA foreign_key_list("{table}")')
    }
    for table, columns in listed.items():
        if table in NOT_SCRUBBED:
            continue
        references = {
            row[3] for row in connection.exec_driver_sql(f'PRAGMA foreign_key_list("{table}")')
        } | {column for parent, column in referred if parent == table}
        keys = {
            row[1] for row in connection.exec_driver_sql(f'PRAGMA table_info("{table}")') if row[5]
        }
        known = model.get(table)
        kept = []
        for column in columns:
            if column in references or column in keys or (table, column) in SYNC_VALUES:
                continue
            described = known.columns.get(column) if known is not None else None
            if described is not None and (
                described.info.get("derived") or _is_enum(described.type)
            ):
                continue  # made again from the others (search_text), or a fixed choice
            kept.append(column)
        if kept:
            found[table] = kept
    return found


def _is_enum(kind) -> bool:
    from sqlalchemy import Enum

    return isinstance(kind, Enum)


def mask_live_rows(
    connection: Connection,
    mask: Mask,
    protected: Mapping[str, Iterable[str]] = (),
    tied: Mapping[str, set[int]] = (),
) -> int:
    """Mask every text column of every table (scrubbed_columns). `protected`: columns that say
    who a row's own person is (another volunteer's name), masked only in rows tied to the
    person. Returns how many rows changed."""
    protected = {t: set(c) for t, c in dict(protected).items()}
    tied = dict(tied)
    changed = 0
    for table, columns in scrubbed_columns(connection).items():
        key = "id" if _has_id(connection, table) else "rowid"
        listed = ", ".join(f'"{c}"' for c in columns)
        for row_key, *values in connection.exec_driver_sql(
            f'SELECT {key}, {listed} FROM "{table}"'
        ).all():
            own = row_key in tied.get(table, ())
            texts = "\n".join(v for v in values if isinstance(v, str))
            if mask(texts) == texts:  # one look at the whole row: most rows name no one
                continue
            new = {
                column: mask(value)
                for column, value in zip(columns, values, strict=True)
                if isinstance(value, str)
                and value
                and (own or column not in protected.get(table, ()))
            }
            new = {c: v for c, v in new.items() if v != values[columns.index(c)]}
            if not new:
                continue
            if table == "ledger_transaction":
                new["search_text"] = _search_text(connection, row_key, new)
            _update_unique(connection, table, key, row_key, new)
            changed += 1
    return changed


def _has_id(connection: Connection, table: str) -> bool:
    return any(
        row[1] == "id" for row in connection.exec_driver_sql(f'PRAGMA table_info("{table}")')
    )


def _search_text(connection: Connection, row_id: int, new: dict) -> str:
    held = connection.exec_driver_sql(
        f"SELECT {', '.join(_LEDGER_TEXTS)} FROM ledger_transaction WHERE id = ?", (row_id,)
    ).first()
    values = {c: new.get(c, v) for c, v in zip(_LEDGER_TEXTS, held, strict=True)}
    return search_text_for(*(values[c] or "" for c in _LEDGER_TEXTS))


def _update_unique(connection: Connection, table: str, key: str, row_key, new: dict) -> None:
    """Update the row; where the masked value now equals another row's in a column that must
    be unique, the row's key is added to it (the names are gone either way)."""
    sets = ", ".join(f'"{c}" = ?' for c in new)
    statement = f'UPDATE "{table}" SET {sets} WHERE {key} = ?'
    try:
        with connection.begin_nested():
            connection.exec_driver_sql(statement, (*new.values(), row_key))
    except IntegrityError:
        told = {c: f"{v} {row_key}" if c != "search_text" else v for c, v in new.items()}
        connection.exec_driver_sql(statement, (*told.values(), row_key))


# --- the history ----------------------------------------------------------------------------
def erase_from_history(
    connection: Connection,
    mask: Mask,
    clears: Mapping[str, tuple[Mapping[str, object], set[int]]],
    protected: Mapping[str, Iterable[str]] = (),
) -> None:
    """Every audit row's values masked (a tied row's `clears` applied too, and `protected`
    columns left alone in rows not tied), and every change set's description masked."""
    scrub_for = _scrubs(connection, mask, clears, protected)
    rows = connection.exec_driver_sql(
        "SELECT id, table_name, row_key, old_values, new_values FROM audit_entry"
    ).all()
    for audit_id, table, row_key, old, new in rows:
        scrub = scrub_for(table)
        own = scrub.owns(row_key)
        # Nothing to clear and nothing the mask would change, keys and values alike: the
        # values need not be read one by one (most of a big file's history).
        probe = f"{old or ''}\n{new or ''}"
        if not own and mask(probe) == probe:
            continue
        sides = [scrub.values(side, own) for side in (old, new)]
        if sides != [old, new]:
            connection.exec_driver_sql(
                "UPDATE audit_entry SET old_values = ?, new_values = ? WHERE id = ?",
                (*sides, audit_id),
            )
    _erase_from_sync_values(connection, mask, scrub_for)
    for change_set_id, description in connection.exec_driver_sql(
        "SELECT id, description FROM change_set"
    ).all():
        masked = mask(description or "")
        if masked != (description or ""):
            connection.exec_driver_sql(
                "UPDATE change_set SET description = ? WHERE id = ?", (masked, change_set_id)
            )


@dataclass(frozen=True)
class _Scrub:
    """How one table's values are scrubbed in the history and in sharing's versions: `mask`
    where a person's name may be, and in the person's own (tied) rows `clear` applied too."""

    mask: Mask
    clear: Mapping[str, object]  # column -> new value in a tied row
    ids: set[int]  # the tied rows
    columns: list[str] | None  # the columns that may hold a name (None: every text)
    protected: Iterable[str]  # left alone in rows not tied to the person

    @cached_property
    def _keys(self) -> frozenset[str]:
        return frozenset(f"[{i}]" for i in self.ids)

    def owns(self, row_key: str) -> bool:
        """Whether the row with this key (as the history writes it) is a tied row."""
        return row_key in self._keys

    def values(self, values: str | None, own: bool = False) -> str | None:
        """A row's values (a JSON object), scrubbed."""
        if values is None:
            return None
        held = json.loads(values)
        if not isinstance(held, dict):
            return values
        own = own or held.get("id") in self.ids
        clean = dict(held)
        for column, value in held.items():
            if not isinstance(value, str) or not value:
                continue
            if self.columns is not None and column not in self.columns:
                continue  # a key, a reference, a fixed choice or an internal column
            if column in self.protected and not own:
                continue
            clean[column] = self.mask(value)
        if own:
            for column, rule in self.clear.items():
                if column in clean:
                    clean[column] = _cleared(rule, held.get(column))
        if clean == held:
            return values
        if all(column in clean for column in _LEDGER_TEXTS) and "search_text" in clean:
            clean["search_text"] = search_text_for(*(clean[c] or "" for c in _LEDGER_TEXTS))
        return json.dumps(clean, ensure_ascii=False, separators=(",", ":"))

    def field(self, value: str, column: str, own: bool = False) -> str:
        """One column's value (JSON): cleared as told in a tied row, else masked where a
        person's name may be (any text but a protected column of another person's own row)."""
        held = json.loads(value)
        if not isinstance(held, str) or not held:
            return value
        if own and column in self.clear:
            new = _cleared(self.clear[column], held)
        elif column in self.protected and not own:
            return value
        else:
            new = self.mask(held)  # derived texts too (search_text): a name is a name
        return value if new == held else _dumps(new)


def _scrubs(
    connection: Connection,
    mask: Mask,
    clears: Mapping[str, tuple[Mapping[str, object], set[int]]],
    protected: Mapping[str, Iterable[str]],
) -> Callable[[str], _Scrub]:
    """Each table's _Scrub, from the file's live schema and what the purge was told."""
    protected = {t: set(c) for t, c in dict(protected).items()}
    scrubbed = scrubbed_columns(connection)

    @cache
    def scrub_for(table: str) -> _Scrub:
        clear, ids = clears.get(table, ({}, set()))
        return _Scrub(mask, clear, ids, scrubbed.get(table), protected.get(table, ()))

    return scrub_for


# --- sharing's versions (storage/sync/versions.py) ------------------------------------------
def _erase_from_sync_values(connection, mask: Mask, scrub_for: Callable[[str], _Scrub]) -> None:
    """The values sharing keeps of other tables' rows, scrubbed as the history is: a deleted
    row's last values (sync_row), the writes a field's value came from (sync_field: one
    column's value, or for column "" a delete's row values) and the values a conflict keeps
    (sync_conflict: [hlc, replica, seq, column, value] members)."""

    def scrub(table: str, row_key: str, column: str, value: str | None) -> str | None:
        if value is None:
            return None
        table_scrub = scrub_for(table)
        own = table_scrub.owns(row_key)
        if column == "":  # a whole row's values
            return _scrub_json(value, mask, lambda text: table_scrub.values(text, own))
        return _scrub_json(value, mask, lambda text: table_scrub.field(text, column, own))

    for table, row_key, values in connection.exec_driver_sql(
        "SELECT table_name, row_key, last_values FROM sync_row WHERE last_values IS NOT NULL"
    ).all():
        new = scrub(table, row_key, "", values)
        if new != values:
            connection.exec_driver_sql(
                "UPDATE sync_row SET last_values = ? WHERE table_name = ? AND row_key = ?",
                (new, table, row_key),
            )
    for rowid, table, row_key, column, value in connection.exec_driver_sql(
        "SELECT rowid, table_name, row_key, column_name, value FROM sync_field "
        "WHERE value IS NOT NULL"
    ).all():
        new = scrub(table, row_key, column, value)
        if new != value:
            connection.exec_driver_sql(
                "UPDATE sync_field SET value = ? WHERE rowid = ?", (new, rowid)
            )
    for rowid, table, row_key, members in connection.exec_driver_sql(
        "SELECT rowid, table_name, row_key, members FROM sync_conflict"
    ).all():
        try:
            held = json.loads(members)
            new_members = [
                [*member[:4], scrub(table, row_key, member[3], member[4])] for member in held
            ]
            new = _dumps(new_members) if new_members != held else members
        except (ValueError, TypeError, IndexError, KeyError):
            new = mask(members)  # not the app's shape: masked as text
        if new != members:
            connection.exec_driver_sql(
                "UPDATE sync_conflict SET members = ? WHERE rowid = ?", (new, rowid)
            )


def _scrub_json(value: str, mask: Mask, scrub_json: Callable[[str], str | None]) -> str | None:
    """A JSON value scrubbed by `scrub_json`; anything else (not the app's own writing) masked
    as text."""
    try:
        json.loads(value)
    except ValueError:
        return mask(value)
    return scrub_json(value)


def _dumps(value) -> str:
    """As storage/sync/versions.py writes its JSON."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, sort_keys=True)
