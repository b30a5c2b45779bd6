"""Ids are never reused (schema 0012): a new row never takes the id of one deleted before it,
so undoing the delete puts the row back under its own id, and the history never mixes two
records under one id."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from sponsor_app.domain.enums import TransactionKind
from sponsor_app.domain.money import Money
from sponsor_app.services.files.history import revert
from sponsor_app.services.funds.ledger import (
    TransactionInput,
    delete_transaction,
    list_categories,
    record_transaction,
)
from sponsor_app.services.group.groups import open_group
from sponsor_app.storage.models import LedgerTransaction
from sponsor_app.storage.schema import SCHEMA_VERSION

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _gift(store, day: int = 5):
    category = list_categories(store, TransactionKind.INCOME)[0]
    return record_transaction(
        store,
        TransactionInput(
            date(2026, 1, day), TransactionKind.INCOME, Money(1000, "NZD"), category.id
        ),
    )


def test_undo_of_a_delete_still_works_after_a_newer_row_was_added(store):
    """The newest row deleted, a new one recorded: SQLite gave it the deleted row's id, and
    the undo was refused naming the new row."""
    _gift(store, 1)
    newest = _gift(store, 2)
    with store.recording() as recorded:
        delete_transaction(store, newest.id)
    later = _gift(store, 3)
    assert later.id > newest.id
    revert(store, recorded[0].change_set_id)
    with store.read() as session:
        back = session.get(LedgerTransaction, newest.id)
        assert back is not None and back.occurred_on == date(2026, 1, 2)
        assert session.get(LedgerTransaction, later.id).occurred_on == date(2026, 1, 3)


def test_every_table_keyed_by_one_id_counts_with_autoincrement(store):
    connection = sqlite3.connect(store.path)
    tables = connection.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name != 'alembic_version'"
    ).fetchall()
    keyed = [
        (name, sql)
        for name, sql in tables
        if [r[1] for r in connection.execute(f'PRAGMA table_info("{name}")') if r[5]] == ["id"]
    ]
    assert len(keyed) > 20
    assert [name for name, sql in keyed if "AUTOINCREMENT" not in sql] == []


def test_a_schema_0011_file_upgrades_keeping_every_id_and_never_reusing_a_deleted_one(
    tmp_path,
):
    """The fixture is the small demo written by schema 0011, whose newest transaction (300)
    was then deleted."""
    path = tmp_path / "old.sponsor"
    path.write_bytes((FIXTURES / "schema-0011.sponsor").read_bytes())
    raw = sqlite3.connect(path)
    before = {
        table: raw.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
        for (table,) in raw.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name != 'alembic_version'"
        )
    }
    deleted = raw.execute(
        "SELECT change_set_id FROM audit_entry WHERE table_name = 'ledger_transaction' "
        "AND action = 'delete' AND row_key = '[300]'"
    ).fetchone()[0]
    ids = {row[0] for row in raw.execute("SELECT id FROM ledger_transaction")}
    raw.close()
    assert max(ids) == 299 and 300 not in ids
    with open_group(path) as store:
        with store.read() as session:
            assert session.scalar(select(func.max(LedgerTransaction.id))) == 299
        new = _gift(store)
        assert new.id == 301
        revert(store, deleted)
        with store.read() as session:
            assert session.get(LedgerTransaction, 300) is not None
    raw = sqlite3.connect(path)
    for table, rows in before.items():
        after = raw.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
        if table in ("ledger_transaction", "audit_entry", "change_set", "sqlite_sequence"):
            # The rows it had, exactly, then more (change sets gain sharing's columns, 0013).
            width = len(rows[0]) if rows else 0
            assert [row[:width] for row in after[: len(rows)]] == rows, table
        else:
            assert after == rows, table
    assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
    assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    raw.close()


def test_a_row_another_program_wrote_against_a_check_does_not_stop_the_upgrade(tmp_path):
    """The rebuild copies rows as they are; the health check names the odd value."""
    from sponsor_app.services.files.health import check_file

    path = tmp_path / "odd.sponsor"
    path.write_bytes((FIXTURES / "schema-0011.sponsor").read_bytes())
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA ignore_check_constraints = ON")
    raw.execute("DROP TRIGGER audit_task_update")
    raw.execute("UPDATE task SET status = 'bogus' WHERE id = 3")
    raw.commit()
    raw.close()
    report = check_file(path)
    assert report.schema_version == SCHEMA_VERSION
    assert report.wrong_values == ("task 3: status holds “bogus”, not one of: open, "
                                   "in_progress, done, not_needed",)  # fmt: skip
