"""Issue 12: a removal happens at once, so the window says what went and offers Undo
("Transaction deleted. [Undo]"), whichever page it happened on."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from sponsor_app.services.funds.ledger_view import LedgerFilter, find_transactions
from sponsor_app.ui.widgets.undo_notice import UndoNotice

from .conftest import on_next_modal, type_into


def _click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _button(page, text: str) -> QPushButton:
    (found,) = [b for b in page.findChildren(QPushButton) if b.text().replace("&", "") == text]
    return found


def _undo_from_the_notice(window, qtbot, message: str) -> None:
    notice = window.undo_notice
    assert notice.isVisible() and notice.label.text() == message
    assert window.statusBar().isAncestorOf(notice)
    _click(qtbot, notice.undo_button)
    assert not notice.isVisible()


def test_delete_key_then_undo_button_brings_the_transaction_back(window, qtbot, small_demo):
    window.open_file(small_demo)
    window.show_page("funds")
    page = window.funds.ledger
    store = window.context.store
    before = find_transactions(store, LedgerFilter())
    page.table.setFocus()
    page.table.selectRow(3)
    gone = page.selected_id()
    assert not window.undo_notice.isVisible()

    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert gone not in page.model._ids and page.model.rowCount() == len(before.ids) - 1
    assert window.undo_notice.undo_button.toolTip() == "Undo (Ctrl+Z)"

    _undo_from_the_notice(window, qtbot, "Transaction deleted.")
    after = find_transactions(store, LedgerFilter())
    assert gone in after.ids and after.spending == before.spending
    assert page.model.rowCount() == len(before.ids)
    assert not window.undo_action.isEnabled()  # undone: nothing left to undo


def test_delete_key_on_the_pledges_tab_removes_the_pledge_not_a_transaction(
    window, qtbot, small_demo
):
    window.open_file(small_demo)
    window.show_page("funds")
    page = window.funds
    transactions = page.ledger.model.rowCount()
    page.tabs.setCurrentIndex(2)
    donors = [p.donor for p in page.pledges.model.rows()]
    page.pledges.table.setFocus()
    page.pledges.table.selectRow(0)
    qtbot.keyClick(page.pledges.table, Qt.Key.Key_Delete)
    assert [p.donor for p in page.pledges.model.rows()] == donors[1:]
    _undo_from_the_notice(window, qtbot, f"Pledge from {donors[0]} deleted.")
    assert [p.donor for p in page.pledges.model.rows()] == donors
    assert page.ledger.model.rowCount() == transactions


def test_the_undo_button_never_undoes_a_later_step(window, qtbot, small_demo):
    """Another change after the removal: the message goes, and with it its button (it would
    otherwise undo the later change)."""
    window.open_file(small_demo)
    window.show_page("funds")
    page = window.funds.ledger
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert window.undo_notice.isVisible()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)  # a second removal: its own message
    assert window.undo_notice.isVisible()

    def record(dialog):
        type_into(qtbot, dialog.amount, "12")
        dialog.category.setCurrentIndex(dialog.category.findText("Food"))
        _click(qtbot, dialog.buttons.buttons()[0])

    with on_next_modal(qtbot, record):
        _click(qtbot, page.record_button)
    assert not window.undo_notice.isVisible()
    assert window.undo_action.text() == "&Undo Record expense"


def test_the_message_goes_after_a_few_seconds(window, qtbot, small_demo, monkeypatch):
    monkeypatch.setattr(UndoNotice, "SHOWN_SECONDS", 1)
    window.open_file(small_demo)
    window.show_page("funds")
    page = window.funds.ledger
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert window.undo_notice.isVisible()
    qtbot.waitUntil(lambda: not window.undo_notice.isVisible(), timeout=5000)
    assert window.undo_action.isEnabled()  # Ctrl+Z still has it


def test_closing_the_file_takes_the_message_away(window, qtbot, small_demo):
    window.open_file(small_demo)
    window.show_page("funds")
    window.funds.ledger.table.setFocus()
    window.funds.ledger.table.selectRow(0)
    qtbot.keyClick(window.funds.ledger.table, Qt.Key.Key_Delete)
    window.close_file()
    assert not window.undo_notice.isVisible()


def _households(window):
    return [h.code for h in window.households.households.rows()]


def _volunteers(window):
    return [v.full_name for v in window.volunteers.model.rows() if not v.archived]


def _plan_tab(window, name: str):
    plan = window.page("plan")
    tab = getattr(plan, name)
    plan.tabs.setCurrentWidget(tab)  # a tab reads its rows when it is shown
    return tab


def _check_ins(window):
    return [c.id for c in _plan_tab(window, "check_ins").model.rows()]


def _goals(window):
    return [g.id for g in _plan_tab(window, "goals").model.rows()]


def _checklist(window):
    items = window.housing.checklist
    return [items.item(i).text() for i in range(items.count())]


def _archive_household(window, qtbot):
    page = window.households
    code = _households(window)[0]
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)  # archives (Shift+Delete deletes)
    return f"Household {code} archived."


def _archive_volunteer(window, qtbot):
    page = window.volunteers
    page.table.setFocus()
    page.table.selectRow(0)
    name = page.selected().full_name
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    return f"{name} archived."


def _delete_check_in(window, qtbot):
    tab = _plan_tab(window, "check_ins")
    tab.table.selectRow(0)
    _click(qtbot, tab.delete_button)
    return "Check-in deleted."


def _delete_goal(window, qtbot):
    tab = _plan_tab(window, "goals")
    tab.table.selectRow(0)
    _click(qtbot, _button(tab, "Delete"))
    return "Goal deleted."


def _remove_checklist_item(window, qtbot):
    page = window.housing
    page.tabs.setCurrentIndex(1)
    page.checklist.setCurrentRow(0)
    label = page.checklist.item(0).text()
    _click(qtbot, _button(page, "Remove item"))
    return f"“{label}” removed from the checklist."


def _inspections(window):
    return [i.id for i in window.housing.inspections.rows()]


def _properties(window):
    return [p.address for p in window.housing.properties.rows() if not p.archived]


def _members(window):
    page = window.households
    page.table.selectRow(0)
    return [m.full_name for m in page.members.rows() if not m.archived]


def _delete_inspection(window, qtbot):
    page = window.housing
    page.tabs.setCurrentIndex(0)
    page.inspection_table.selectRow(0)
    _click(qtbot, _button(page, "Delete inspection"))
    return "Inspection deleted."


def _archive_property(window, qtbot):
    page = window.housing
    page.property_table.selectRow(0)
    address = page.selected_property().address
    _click(qtbot, page.archive_property_button)
    return f"{address} archived."


def _archive_member(window, qtbot):
    page = window.households
    page.member_table.selectRow(1)
    name = page.selected_member().full_name
    _click(qtbot, page.archive_member_button)
    return f"{name} archived."


REMOVALS = {
    "delete an inspection": ("housing", _inspections, _delete_inspection),
    "archive a property": ("housing", _properties, _archive_property),
    "archive a member": ("households", _members, _archive_member),
    "archive a household": ("households", _households, _archive_household),
    "archive a volunteer": ("volunteers", _volunteers, _archive_volunteer),
    "delete a check-in": ("plan", _check_ins, _delete_check_in),
    "delete a goal": ("plan", _goals, _delete_goal),
    "remove a checklist item": ("housing", _checklist, _remove_checklist_item),
}


@pytest.mark.parametrize("removal", sorted(REMOVALS))
def test_removals_on_every_page_offer_undo(window, qtbot, large_demo, removal):
    key, rows, remove = REMOVALS[removal]
    window.open_file(large_demo)
    window.show_page(key)
    before = rows(window)
    assert before, "the demo has something to remove"
    message = remove(window, qtbot)
    assert rows(window) != before
    _undo_from_the_notice(window, qtbot, message)
    assert rows(window) == before
