"""Issue 19 items 12, 14, 15, 17, 18 and 19, driven as a person would."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QLineEdit

from sponsor_app.domain.text import FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE
from sponsor_app.services.households.households import (
    HouseholdInput,
    MemberInput,
    add_household,
    list_households,
    list_members,
)
from sponsor_app.services.plan.plan import plan_tasks
from sponsor_app.ui.dialogs.member_dialog import MemberDialog
from sponsor_app.ui.dialogs.plan_dialogs import TaskFormDialog

from ..conftest import TODAY
from .conftest import leave, on_next_modal, press_ok, type_into

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def test_a_right_to_left_name_is_isolated_in_a_sentence(window, qtbot, store):
    """Item 12: "أحمد الحسن will no longer be the principal applicant." showed backwards."""
    household = add_household(
        store, HouseholdInput("H1"), (MemberInput("أحمد الحسن", "principal", is_principal=True),)
    )
    path = store.path
    store.close()
    window.open_file(path)
    principal = list_members(window.context.store, household.id)[0]
    dialog = MemberDialog("H1", None, window, principal=principal.full_name)
    dialog.show()
    type_into(qtbot, dialog.full_name, "Mariam Al-Hassan")
    dialog.principal.setFocus()
    qtbot.keyClick(dialog.principal, Qt.Key.Key_Space)
    note = dialog.principal_note.text()
    assert note == (
        f"{FIRST_STRONG_ISOLATE}أحمد الحسن{POP_DIRECTIONAL_ISOLATE} will no longer be the "
        "principal applicant."
    )
    # Qt lays the sentence out left to right: the English comes first, whole.
    assert note.index("will no longer") > note.index(POP_DIRECTIONAL_ISOLATE)
    leave(qtbot, dialog)


def test_dialogs_open_in_their_first_field(window, qtbot, small_demo):
    """Item 15: dialogs opened with focus on Save; typed text went into the wrong field."""
    window.open_file(small_demo)
    seen = {}

    def look(name):
        def handle(dialog):
            qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
            qtbot.wait(30)
            focus = QApplication.focusWidget()
            seen[name] = focus.accessibleName() if focus else None
            leave(qtbot, dialog)

        return handle

    window.show_page("volunteers")
    window.volunteers.table.setFocus()
    with on_next_modal(qtbot, look("volunteer")):
        qtbot.keyClick(window.volunteers.table, Qt.Key.Key_N, CTRL | SHIFT)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.volunteers.table.setFocus()
    with on_next_modal(qtbot, look("hours")):
        qtbot.keyClick(window.volunteers.table, Qt.Key.Key_H, CTRL | SHIFT)
    window.show_page("households")
    page = window.page("households")
    with on_next_modal(qtbot, look("household")):
        qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert seen == {"volunteer": "Name", "hours": "Date", "household": "Code"}


def test_the_task_form_shows_its_notes_whole(window, qtbot, large_demo):
    """Item 14: the guidance and "Not offered for a family-facing task: ..." were cut at top
    and bottom."""
    window.open_file(large_demo)
    store = window.context.store
    from sponsor_app.services.plan.assignments import assignee_options

    task = next(t for t in plan_tasks(store) if t.family_facing and t.guidance)
    form = TaskFormDialog("Task", assignee_options(store, task.id), "en_NZ", task, window)
    form.show()
    qtbot.waitExposed(form)
    qtbot.wait(20)
    note = form.rule_note
    assert note.text().startswith("Not offered for a family-facing task:")
    # As tall as its wrapped text needs at its width: no line cut off.
    assert note.height() >= note.heightForWidth(note.width()) > note.fontMetrics().height()
    leave(qtbot, form)


def test_file_choosers_open_where_that_kind_of_file_was_last_chosen(
    window, qtbot, small_demo, tmp_path, app_home
):
    """Item 17: the calendar export opened in the program's own folder."""
    window.open_file(small_demo)
    documents = app_home / "documents"
    documents.mkdir(parents=True)
    chosen = tmp_path / "calendars"
    chosen.mkdir()
    page = window.page("plan")
    window.show_page("plan")
    seen = []

    def answer(dialog):
        """Whichever comes: whose calendar (the first name), then where to save it."""
        if isinstance(dialog, QInputDialog):
            press_ok(qtbot, dialog)
            return
        assert isinstance(dialog, QFileDialog)
        seen.append(dialog.directory().absolutePath())
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        type_into(qtbot, name, str(chosen / f"mine{len(seen)}.ics"), leave=False)
        qtbot.keyClick(name, Qt.Key.Key_Return)

    for _ in range(2):
        with on_next_modal(qtbot, answer), on_next_modal(qtbot, answer):
            qtbot.mouseClick(page.calendar_button, Qt.MouseButton.LeftButton)
    assert seen == [str(documents), str(chosen)]


def test_the_first_window_fits_the_screen(window):
    """Item 18: 1280x820 was taller than a 768-pixel screen."""
    window.fit_to_screen(QRect(0, 0, 1366, 728))  # a 1366x768 screen less its task bar
    frame = window.frameGeometry()  # the window with its title bar and borders
    assert QRect(0, 0, 1366, 728).contains(frame), frame
    window.fit_to_screen(QRect(0, 0, 1920, 1040))
    assert (window.width(), window.height()) == (1280, 820)


def test_one_household_needs_no_choosing(window, qtbot, store):
    """Item 19: with one household the plan said "Choose the household at the top of the
    page first", and Add task was greyed under "All households" with no hint."""
    add_household(store, HouseholdInput("H1", arrival_date=TODAY + timedelta(days=30)))
    path = store.path
    store.close()
    window.open_file(path)
    window.show_page("plan")
    page = window.page("plan")
    assert page.household.currentData() is None  # "All households"
    assert page.add_button.isEnabled()
    seen = {}

    def fill(dialog):
        seen["title"] = dialog.windowTitle()
        leave(qtbot, dialog)

    with on_next_modal(qtbot, fill):  # straight to the form: no question, no message
        qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert seen["title"] == "A task for H1 only"
    page.tabs.setCurrentIndex(1)  # check-ins: recorded for the only household at once

    def record(dialog):
        seen["check-in"] = dialog.windowTitle()
        leave(qtbot, dialog)

    with on_next_modal(qtbot, record):
        qtbot.mouseClick(page.check_ins.buttons.itemAt(1).widget(), Qt.MouseButton.LeftButton)
    assert seen["check-in"] == "Record a check-in with H1"


def test_with_several_households_add_task_asks_which(window, qtbot, store):
    for code in ("H1", "H2"):
        add_household(store, HouseholdInput(code, arrival_date=TODAY + timedelta(days=30)))
    path = store.path
    store.close()
    window.open_file(path)
    window.show_page("plan")
    page = window.page("plan")
    seen = {}

    def which(dialog):
        assert isinstance(dialog, QInputDialog)
        seen["asked"] = dialog.labelText()
        dialog.setTextValue(dialog.comboBoxItems()[1])
        press_ok(qtbot, dialog)

    def form(dialog):
        seen["title"] = dialog.windowTitle()
        leave(qtbot, dialog)

    def answer(dialog):
        (which if isinstance(dialog, QInputDialog) else form)(dialog)

    page.tree.setFocus()
    with on_next_modal(qtbot, answer), on_next_modal(qtbot, answer):
        qtbot.keyClick(page.tree, Qt.Key.Key_N, CTRL | SHIFT)
    assert seen == {"asked": "Which household is it for?", "title": "A task for H2 only"}
    assert page.household.currentText().startswith("H2")  # the page now shows it
    assert [h.code for h in list_households(window.context.store)] == ["H1", "H2"]
