"""Delete, undo, redo, undo: the record comes back once, whatever its new id (review finding)."""

from PySide6.QtWidgets import QPushButton

from sponsor_app.services.funds.ledger_view import LedgerFilter, find_transactions

from .conftest import click


def test_delete_undo_redo_undo_keeps_one_copy(window, qtbot, small_demo):
    window.open_file(small_demo)
    window.show_page(5)
    page = window.funds.ledger
    store = window.context.store
    before = find_transactions(store, LedgerFilter())
    # Not the newest row: SQLite would give a re-inserted newest row its old id back, which
    # hid the bug (redo deleting an id that no longer exists).
    page.table.selectRow(10)
    click(qtbot, page.delete_button)
    window.undo_action.trigger()
    window.redo_action.trigger()
    after_redo = find_transactions(store, LedgerFilter())
    assert len(after_redo.ids) == len(before.ids) - 1
    window.undo_action.trigger()
    again = find_transactions(store, LedgerFilter())
    assert len(again.ids) == len(before.ids)
    assert again.income == before.income and again.spending == before.spending


def test_removing_a_checklist_item_can_be_redone_and_undone(window, qtbot, large_demo):
    window.open_file(large_demo)
    window.show_page(4)
    page = window.housing
    page.tabs.setCurrentIndex(1)
    labels = [page.checklist.item(i).text() for i in range(page.checklist.count())]
    ticked = page.checklist.item(0).checkState()
    page.checklist.setCurrentRow(0)
    click(qtbot, next(b for b in page.findChildren(QPushButton) if b.text() == "Remove item"))
    window.undo_action.trigger()
    window.redo_action.trigger()
    assert page.checklist.count() == len(labels) - 1
    window.undo_action.trigger()
    assert [page.checklist.item(i).text() for i in range(page.checklist.count())] == labels
    assert page.checklist.item(0).checkState() == ticked
