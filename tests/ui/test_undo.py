"""Undo and redo through the window's keys: a change set reverted, and everything it held back."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from sponsor_app.storage.models import (
    CheckIn,
    Household,
    HouseholdMember,
    IndicatorReading,
    LedgerTransaction,
    Task,
)

from .conftest import on_next_modal, press_ok, through_preview

CTRL = Qt.KeyboardModifier.ControlModifier


def _counts(store, household_id: int) -> dict[str, int]:
    with store.read() as session:

        def count(model, column):
            return session.scalar(select(func.count()).where(column == household_id))

        return {
            "households": count(Household, Household.id),
            "members": count(HouseholdMember, HouseholdMember.household_id),
            "tasks": count(Task, Task.household_id),
            "check-ins": count(CheckIn, CheckIn.household_id),
            "readings": count(IndicatorReading, IndicatorReading.household_id),
            "ledger links": count(LedgerTransaction, LedgerTransaction.household_id),
        }


def _press_delete_and_confirm(qtbot, page):
    def confirm(box):
        assert isinstance(box, QMessageBox)
        assert "Undo" in box.text()  # the warning says how to get it back
        delete = next(b for b in box.buttons() if "Delete for good" in b.text())
        qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)

    with on_next_modal(qtbot, confirm):
        qtbot.keyClick(page.table, Qt.Key.Key_Delete, Qt.KeyboardModifier.ShiftModifier)
    # A window manager hands activation back when the box closes; offscreen, ask for it.
    page.window().activateWindow()
    qtbot.waitUntil(page.window().isActiveWindow)


def test_delete_a_household_then_ctrl_z_brings_back_its_plan_and_links(window, qtbot, small_demo):
    assert window.open_file(small_demo)
    window.show_page("households")
    page = window.households
    store = window.context.store
    household = page.households.rows()[0]
    before = _counts(store, household.id)
    assert all(before.values()), before  # the demo household has some of everything

    page.table.setFocus()
    page.table.selectRow(0)
    _press_delete_and_confirm(qtbot, page)
    assert _counts(store, household.id) == dict.fromkeys(before, 0)
    assert page.households.rows() == []
    assert window.undo_action.text() == f"&Undo Delete household {household.code}"

    qtbot.keyClick(page.table, Qt.Key.Key_Z, CTRL)
    assert _counts(store, household.id) == before
    assert [h.id for h in page.households.rows()] == [household.id]  # the same id

    qtbot.keyClick(page.table, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert _counts(store, household.id)["tasks"] == 0
    qtbot.keyClick(page.table, Qt.Key.Key_Z, CTRL)
    assert _counts(store, household.id) == before


def test_cancelling_the_delete_changes_nothing(window, qtbot, small_demo):
    assert window.open_file(small_demo)
    window.show_page("households")
    page = window.households
    page.table.setFocus()
    page.table.selectRow(0)

    def cancel(box):
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)

    with on_next_modal(qtbot, cancel):
        qtbot.keyClick(page.table, Qt.Key.Key_Delete, Qt.KeyboardModifier.ShiftModifier)
    assert len(page.households.rows()) == 1
    assert not window.undo_action.isEnabled()


def test_undo_is_off_while_an_import_runs_and_then_takes_back_the_whole_import(
    window, qtbot, small_demo, tmp_path
):
    from sponsor_app.services.funds.ledger_view import LedgerFilter, find_transactions

    assert window.open_file(small_demo)
    window.show_page("funds")
    page = window.funds
    store = window.context.store
    window.show_page("households")
    households = window.households
    households.table.setFocus()
    households.table.selectRow(0)
    qtbot.keyClick(households.table, Qt.Key.Key_Delete)  # archive: an undoable step
    assert window.undo_action.isEnabled()
    window.show_page("funds")
    before = len(find_transactions(store, LedgerFilter()).ids)
    source = tmp_path / "bank.csv"
    rows = ["date,kind,amount,category,counterparty"]
    rows += [f"2026-05-{n % 28 + 1:02d},income,{n + 1},Donations,Donor {n}" for n in range(300)]
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")

    seen: list[str] = []

    def finished(box):
        seen.append(box.text())
        press_ok(qtbot, box)

    with through_preview(qtbot):
        page.import_from(source)
    # From the moment the import starts, before any progress dialog can show, nothing can be
    # undone underneath it.
    assert window.context.busy and not window.undo_action.isEnabled()
    with on_next_modal(qtbot, finished):
        qtbot.waitUntil(lambda: bool(seen), timeout=20_000)
    assert "300 transactions added" in seen[0]
    assert len(find_transactions(store, LedgerFilter()).ids) == before + 300
    assert window.undo_action.text() == "&Undo Import transactions from bank.csv"

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(page.ledger.table, Qt.Key.Key_Z, CTRL)
    assert len(find_transactions(store, LedgerFilter()).ids) == before
    assert window.undo_action.text().startswith("&Undo Archive household")
