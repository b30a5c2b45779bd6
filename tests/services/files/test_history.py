"""The file's history (files/history.py): every write is one change set that undo (a revert) takes
back exactly and redo puts back.

The check is on the whole database, ids included: every table but the audit trail itself is
dumped before the write, after it, after undo and after redo.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from sponsor_app.services.files.history import RevertRefused, list_change_sets, revert
from sponsor_app.services.households.households import (
    HouseholdInput,
    delete_household,
    edit_household,
    list_households,
)
from sponsor_app.storage.audit import NOT_AUDITED
from sponsor_app.storage.models import ChangeSet, Household, LedgerTransaction
from sponsor_app.storage.store import Store

from ..writes import WRITES


def _open_copy(folder: Path, small_demo_bytes: bytes) -> Store:
    path = folder / "demo.sponsor"
    path.write_bytes(small_demo_bytes)
    return Store.open(path, actor="tester")


def dump(store: Store) -> dict[str, list[tuple]]:
    """Every row of every table but the audit trail, in key order, as stored."""
    with store.read() as session:
        connection = session.connection()
        tables = [
            row[0]
            for row in connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
            if row[0] not in NOT_AUDITED
        ]
        return {
            table: connection.exec_driver_sql(f'SELECT * FROM "{table}" ORDER BY 1, 2').all()
            for table in sorted(tables)
        }


def _keys_that_differ(before: dict, after: dict, store: Store) -> dict[str, set[tuple]]:
    """Rows inserted, deleted or changed between two dumps, by primary key."""
    from sponsor_app.storage.audit import table_shapes

    with store.read() as session:
        shapes = table_shapes(session.connection())
    differ: dict[str, set[tuple]] = {}
    for table, shape in shapes.items():
        columns = [c for c in shape.columns]
        key_positions = [columns.index(k) for k in shape.key]

        def by_key(rows, positions=key_positions):
            return {tuple(row[p] for p in positions): row for row in rows}

        old, new = by_key(before[table]), by_key(after[table])
        changed = {k for k in old.keys() | new.keys() if old.get(k) != new.get(k)}
        if changed:
            differ[table] = changed
    return differ


@pytest.mark.parametrize("name", sorted(WRITES))
def test_each_write_is_one_change_set_that_undo_and_redo_take_back_exactly(
    name, tmp_path, small_demo_bytes
):
    store = _open_copy(tmp_path, small_demo_bytes)
    try:
        if prepare := getattr(WRITES[name], "prepare", None):
            prepare(store, tmp_path)
        before = dump(store)
        with store.recording() as recorded:
            assert WRITES[name](store, tmp_path), f"{name} found nothing to act on in the demo"
        assert len(recorded) == 1, f"{name} wrote {len(recorded)} change sets, not one"
        (changes,) = recorded
        after = dump(store)
        assert after != before, f"{name} changed nothing"

        # The audit trail holds exactly the rows that differ, cascades included.
        differ = _keys_that_differ(before, after, store)
        assert {t: set(k) for t, k in changes.rows.items()} == differ

        undone = revert(store, changes.change_set_id)
        assert dump(store) == before, f"undo of {name} did not restore the file exactly"
        revert(store, undone.change_set_id)
        assert dump(store) == after, f"redo of {name} did not restore the write exactly"
    finally:
        store.close()


def test_deleting_a_household_is_audited_row_by_row_and_undo_brings_all_back(
    tmp_path, small_demo_bytes
):
    store = _open_copy(tmp_path, small_demo_bytes)
    try:
        before = dump(store)
        (household,) = list_households(store)
        with store.read() as session:
            linked = set(
                session.scalars(
                    select(LedgerTransaction.id).where(
                        LedgerTransaction.household_id == household.id
                    )
                )
            )
        with store.recording() as recorded:
            delete_household(store, household.id)
        (changes,) = recorded
        # the small demo's household: its tasks, check-ins and readings go; ledger rows and
        # hours lose the link. Each has its audit row.
        assert len(changes.ids("task")) == len([r for r in before["task"]])
        assert len(changes.ids("check_in")) == len(before["check_in"]) > 0
        assert len(changes.ids("indicator_reading")) == len(before["indicator_reading"]) > 0
        assert linked and changes.ids("ledger_transaction") == linked
        revert(store, changes.change_set_id)
        assert dump(store) == before
    finally:
        store.close()


def test_revert_refuses_when_a_later_change_touched_the_rows_and_changes_nothing(
    tmp_path, small_demo_bytes
):
    store = _open_copy(tmp_path, small_demo_bytes)
    try:
        (household,) = list_households(store)
        data = HouseholdInput(household.code, "First edit", household.arrival_date, True)
        with store.recording() as first:
            edit_household(store, household.id, data)
        second = HouseholdInput(household.code, "Second edit", household.arrival_date, True)
        with store.describing("Edit household H1 again"):
            edit_household(store, household.id, second)
        before = dump(store)
        sets_before = len(list_change_sets(store, limit=10_000))
        with pytest.raises(RevertRefused) as refused:
            revert(store, first[0].change_set_id)
        message = str(refused.value)
        assert "household H1 was changed after this" in message
        assert "“Edit household H1 again”" in message and "revert that first" in message
        assert refused.value.blocker.description == "Edit household H1 again"
        assert dump(store) == before
        assert len(list_change_sets(store, limit=10_000)) == sets_before
    finally:
        store.close()


def test_undoing_an_add_refuses_when_something_was_added_to_it_since(tmp_path, small_demo_bytes):
    store = _open_copy(tmp_path, small_demo_bytes)
    try:
        with store.recording() as added:
            WRITES["add_household"](store, tmp_path)
        with store.read() as session:
            newest = session.scalar(select(Household.id).order_by(Household.id.desc()))
        from sponsor_app.services.households.households import MemberInput, add_member

        add_member(store, newest, MemberInput("Layla"))
        before = dump(store)
        with pytest.raises(RevertRefused) as refused:
            revert(store, added[0].change_set_id)
        assert refused.value.reason == "would_remove_more" and "Layla" in str(refused.value)
        assert dump(store) == before
    finally:
        store.close()


def test_schema_and_legacy_change_sets_are_never_reverted(tmp_path, small_demo_bytes):
    store = _open_copy(tmp_path, small_demo_bytes)
    try:
        with store.transaction("pretend upgrade") as session:
            session.add(Household(code="H77"))
        with store.read() as session:
            newest = session.scalars(select(ChangeSet).order_by(ChangeSet.id.desc())).first()
        with store.transaction() as session:
            session.get(ChangeSet, newest.id).kind = "schema"
        with pytest.raises(RevertRefused, match="cannot be reverted"):
            revert(store, newest.id)
        with pytest.raises(RevertRefused, match="no change 999999"):
            revert(store, 999_999)
    finally:
        store.close()


_names = sorted(WRITES)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    steps=st.lists(
        st.one_of(st.sampled_from(_names), st.just("undo"), st.just("redo")),
        min_size=3,
        max_size=12,
    )
)
def test_random_chains_of_writes_undos_and_redos_keep_the_file_exact(steps, small_demo_bytes):
    """The window's undo stack, as a model: undo and redo walk it; a new write drops redo."""
    folder = Path(tempfile.mkdtemp(prefix="chain-"))
    store = _open_copy(folder, small_demo_bytes)
    try:
        done: list[tuple[dict, int, dict]] = []  # (before, change set, after) per step
        undone: list[tuple[dict, int, dict]] = []
        for step in steps:
            if step == "undo" and done:
                before, change_set_id, after = done.pop()
                assert dump(store) == after
                reverted = revert(store, change_set_id)
                assert dump(store) == before
                undone.append((before, reverted.change_set_id, after))
            elif step == "redo" and undone:
                before, revert_id, after = undone.pop()
                redone = revert(store, revert_id)
                assert dump(store) == after
                done.append((before, redone.change_set_id, after))
            elif step not in ("undo", "redo"):
                if prepare := getattr(WRITES[step], "prepare", None):
                    before = dump(store)
                    with store.recording() as recorded:
                        prepared = prepare(store, folder)
                    if prepared:  # nothing to prepare once every household is gone
                        done.append((before, recorded[0].change_set_id, dump(store)))
                before = dump(store)
                with store.recording() as recorded:
                    acted = WRITES[step](store, folder)
                if acted and recorded:
                    assert len(recorded) == 1
                    done.append((before, recorded[0].change_set_id, dump(store)))
                    undone.clear()
                else:  # nothing to act on, or the same edit again: no change, no change set
                    assert not recorded and dump(store) == before
        while done:  # undo everything: back to the demo exactly
            before, change_set_id, _after = done.pop()
            revert(store, change_set_id)
            assert dump(store) == before
    finally:
        store.close()
        shutil.rmtree(folder, ignore_errors=True)
