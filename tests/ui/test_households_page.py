"""The Households page driven as a person would: type into the dialog, save, see the row."""

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from sponsor_app.services.group.dashboard import dashboard
from sponsor_app.services.households.households import list_households
from sponsor_app.services.plan.plan import plan_task
from sponsor_app.ui.dialogs.household_dialog import HouseholdDialog
from sponsor_app.ui.dialogs.member_dialog import MemberDialog

from .conftest import TODAY, click, leave, on_next_modal, type_date


def _save(qtbot, dialog):
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )


def _open(window, small_demo):
    window.open_file(small_demo)
    window.show_page(1)
    return window.households


def test_add_household_through_the_form_then_undo_and_redo(window, qtbot, small_demo):
    page = _open(window, small_demo)
    arrival = TODAY + timedelta(days=30)

    def fill(dialog: HouseholdDialog):
        assert dialog.code.text() == "H2"  # next free code suggested
        qtbot.keyClicks(dialog.family_name, "Haile")
        qtbot.keyClicks(dialog.town, "Whanganui")
        type_date(qtbot, dialog.arrival, arrival)
        _save(qtbot, dialog)

    with on_next_modal(qtbot, fill):
        qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    codes = [h.code for h in page.households.rows()]
    assert codes == ["H1", "H2"]
    added = page.selected_household()
    assert (added.code, added.family_name, added.arrival_date) == ("H2", "Haile", arrival)
    assert added.tasks_total > 0

    window.undo_action.trigger()
    assert [h.code for h in page.households.rows()] == ["H1"]
    assert window.undo_action.isEnabled() is False
    window.redo_action.trigger()
    assert [h.code for h in page.households.rows()] == ["H1", "H2"]


def test_bad_input_shows_messages_and_saves_nothing(window, qtbot, small_demo):
    page = _open(window, small_demo)
    messages = {}

    def fill(dialog: HouseholdDialog):
        dialog.code.clear()
        qtbot.keyClicks(dialog.code, "H1")  # taken
        _save(qtbot, dialog)
        messages["code"] = dialog.form.errors["code"].text()
        assert dialog.isVisible(), "the dialog stays open with what was typed"
        dialog.code.clear()
        qtbot.keyClicks(dialog.code, "H 2")
        messages["shape"] = dialog.form.errors["code"].text()
        leave(qtbot, dialog)

    with on_next_modal(qtbot, fill):
        click(qtbot, page.add_button)
    assert "already a household H1" in messages["code"]
    assert "16 letters" in messages["shape"]
    assert len(list_households(window.context.store)) == 1


def test_moving_arrival_offers_to_move_open_tasks(window, qtbot, small_demo):
    page = _open(window, small_demo)
    household = page.selected_household()
    store = window.context.store
    figures = dashboard(store)
    open_task = (figures.due_soon or figures.overdue)[0]
    new_arrival = household.arrival_date + timedelta(days=7)
    asked = []

    def answer(box: QMessageBox):
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.Yes).click()

    def fill(dialog: HouseholdDialog):
        type_date(qtbot, dialog.arrival, new_arrival)
        with on_next_modal(qtbot, answer):
            _save(qtbot, dialog)

    with on_next_modal(qtbot, fill):
        click(qtbot, page.edit_button)
    assert "moved 7 days later" in asked[0]
    assert plan_task(store, open_task.id).due_on == open_task.due_on + timedelta(days=7)
    window.undo_action.trigger()
    assert plan_task(store, open_task.id).due_on == open_task.due_on


def test_members_add_and_archive(window, qtbot, small_demo):
    page = _open(window, small_demo)
    before = page.members.rowCount()

    def fill(dialog: MemberDialog):
        _save(qtbot, dialog)  # empty name first
        assert "Enter the person's name." in dialog.form.errors["full_name"].text()
        qtbot.keyClicks(dialog.full_name, "Amani")
        _save(qtbot, dialog)

    with on_next_modal(qtbot, fill):
        click(qtbot, page.add_member_button)
    assert page.members.rowCount() == before + 1
    page.member_table.selectRow(before)
    click(qtbot, page.archive_member_button)
    assert page.members.rowCount() == before
    window.undo_action.trigger()
    assert page.members.rowCount() == before + 1


def test_archive_hides_the_household_and_show_archived_brings_it_back(window, qtbot, small_demo):
    page = _open(window, small_demo)
    qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)
    assert page.households.rowCount() == 0
    assert page.table_stack.currentIndex() == 1  # the empty state says what to do
    page.show_archived.setChecked(True)
    assert page.households.rowCount() == 1 and page.households.rows()[0].archived
    assert window.dashboard.isHidden()
